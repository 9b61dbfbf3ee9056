/**
 * `work(runner, { concurrency })`: a BullMQ worker delivering jobs to the runner, with BullMQ's
 * retries, backoff and stalled-job recovery. Its connections wait for the server, however long.
 */
import { UnrecoverableError, type Job } from "bullmq";
import type { JobRunner, QueuedCallback, QueueWorker, WorkOptions } from "../contract.js";
import { failureRecord } from "../dead-letter-query.js";
import { failureOf } from "../failure.js";
import type { Engine } from "./engine.js";
import { fail, positiveInteger } from "./options.js";

/** Starts a worker and adds it to `workers`; its `close()` waits for its jobs in flight, then removes it. */
export function startWorker(engine: Engine, workers: Set<QueueWorker>, runner: JobRunner, workOptions: WorkOptions = {}): QueueWorker {
  const { name, factory, attempts, lockDuration, stalledInterval, maxStalledCount } = engine.settings;
  if (typeof runner?.deliver !== "function") fail("work(runner) needs a runner with deliver(job, attempt) (a dispatcher)");
  if (engine.closed) fail(`${factory} "${name}" is closed`);
  const concurrency = positiveInteger("concurrency", workOptions.concurrency, 1);
  const worker = engine.openWorker(
    async (job: Job) => {
      const attempt = job.attemptsMade + 1;
      const max = job.opts.attempts ?? attempts;
      const data = job.data as QueuedCallback;
      try {
        await runner.deliver(data, { attempt, final: attempt >= max, jobId: String(job.id) });
      } catch (error) {
        // The job's `invalid` says why it is a dead letter: this attempt's validation.
        const { reason, retry, schemaErrors = [] } = failureOf(error);
        if (reason === "schema_invalid") await job.updateData({ ...data, invalid: { reason, schemaErrors } });
        else if (data.invalid) await job.updateData({ ...data, invalid: undefined });
        // BullMQ keeps the thrown error's message and stack: make it the handler's own, not a summary.
        const real = realError(error);
        // A schema failure does not heal by retrying: straight to the failed set.
        if (!retry) throw Object.assign(new UnrecoverableError(real.message), { stack: real.stack });
        throw real;
      }
    },
    { concurrency, lockDuration, stalledInterval, maxStalledCount },
  );
  let stopping: Promise<void> | undefined;
  const handle: QueueWorker = {
    close() {
      stopping ??= (async () => {
        try {
          await worker.close();
        } finally {
          workers.delete(handle);
        }
      })();
      return stopping;
    },
  };
  workers.add(handle);
  return handle;
}

/** The error a failed attempt leaves in BullMQ: the real error's message and stack. */
function realError(error: unknown): Error {
  const { error: message, stack } = failureRecord(error);
  const real = new Error(message);
  real.stack = stack ?? `Error: ${message}`;
  return real;
}
