/**
 * The failed set (dead letters): pages of it, one by id, replay (attempts reset) and remove, one
 * or every one that matches a filter. BullMQ keeps the error the worker threw (the handler's
 * own: see worker.ts) as `failedReason` and its stack in `stacktrace`.
 */
import type { Job } from "bullmq";
import type { FailedCallback, FailedFilter, FailedQuery, QueuedCallback, WebhookQueue } from "../contract.js";
import { filterOf, matches, pageOf } from "../dead-letter-query.js";
import type { AnyQueue, Engine } from "./engine.js";

export type DeadLetters = Pick<WebhookQueue, "failed" | "failedJob" | "replay" | "replayAll" | "remove" | "removeAll">;

/** Failed jobs are read this many at a time while looking for the ones that match. */
const BATCH = 200;

export function deadLetters(engine: Engine): DeadLetters {
  /** Newest failure first, as BullMQ orders its failed set; stops once `enough` matched. */
  const scan = (what: string, filter: FailedFilter, enough = Number.POSITIVE_INFINITY): Promise<FailedCallback[]> =>
    engine.bounded(what, async () => {
      const queue = await engine.queue();
      const found: FailedCallback[] = [];
      for (let start = 0; found.length < enough; start += BATCH) {
        const batch: Array<Job | undefined | null> = await queue.getFailed(start, start + BATCH - 1);
        for (const job of batch) {
          const failed = job ? deadLetterOf(job) : undefined;
          if (failed && matches(filter, failed)) found.push(failed);
        }
        if (batch.length < BATCH) break;
      }
      return found;
    });

  /** The failed job with this id, or an error saying there is none. */
  const failedJob = async (queue: AnyQueue, id: string): Promise<Job> => {
    const job: Job | undefined = typeof id === "string" ? await queue.getJob(id) : undefined;
    if (!job || (await job.getState()) !== "failed") throw new Error(`tencent-webhooks: no failed job with id ${JSON.stringify(id)}`);
    return job;
  };
  const retry = (job: Job) => job.retry("failed", { resetAttemptsMade: true, resetAttemptsStarted: true });

  /** Runs `act` on every dead letter that matches: the ids are read first, so the set may change meanwhile. */
  const each = async (what: string, filter: FailedFilter | undefined, act: (job: Job) => Promise<unknown>): Promise<number> => {
    const chosen = await scan(`the failed-set read for ${what}`, filterOf(filter));
    let done = 0;
    for (const { id } of chosen.reverse()) {
      const acted = await engine.bounded(what, async () => {
        const job = await (await engine.queue()).getJob(id);
        if (!job || (await job.getState()) !== "failed") return false; // Replayed or removed meanwhile.
        await act(job);
        return true;
      });
      if (acted) done++;
    }
    return done;
  };

  return {
    async failed(query?: FailedQuery): Promise<FailedCallback[]> {
      const { offset, limit, filter } = pageOf(query);
      return (await scan("the failed-set read", filter, offset + limit)).slice(offset, offset + limit);
    },
    failedJob: (id: string) =>
      engine.bounded("the failed-job read", async () => {
        const job: Job | undefined = await (await engine.queue()).getJob(id);
        return job && (await job.getState()) === "failed" ? deadLetterOf(job) : undefined;
      }),
    replay: (id: string) => engine.bounded("the replay", async () => retry(await failedJob(await engine.queue(), id))),
    replayAll: (filter?: FailedFilter) => each("the replay", filter, retry),
    remove: (id: string) => engine.bounded("the removal", async () => (await failedJob(await engine.queue(), id)).remove()),
    removeAll: (filter?: FailedFilter) => each("the removal", filter, (job) => job.remove()),
  };
}

/** A BullMQ failed job as a dead letter. */
function deadLetterOf(job: Job): FailedCallback {
  const data = job.data as QueuedCallback;
  return {
    id: String(job.id),
    job: data,
    attemptsMade: job.attemptsMade,
    error: job.failedReason ?? "",
    stack: job.stacktrace?.at(-1) ?? undefined,
    failedAt: job.finishedOn ?? job.timestamp,
    // The worker keeps `invalid` to its last validation: set, the payload still fails the schema.
    reason: data.invalid ? "schema_invalid" : "handler_failed",
    ...(data.invalid ? { schemaErrors: data.invalid.schemaErrors } : {}),
  };
}
