/**
 * `work(runner, { concurrency })`: a BullMQ worker delivering jobs to the runner, with BullMQ's
 * retries, backoff and stalled-job recovery. Its connections wait for the server, however long.
 */
import type { Job } from "bullmq";
import type { JobRunner, QueuedCallback, QueueWorker, WorkOptions } from "../contract.js";
import { failureRecord } from "../dead-letter-query.js";
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
      try {
        await runner.deliver(job.data as QueuedCallback, { attempt, final: attempt >= max, jobId: String(job.id) });
      } catch (error) {
        // BullMQ keeps the thrown error's message and stack: make it the handler's own, not a summary.
        throw realError(error);
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
