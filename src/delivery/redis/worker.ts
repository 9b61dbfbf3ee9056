/**
 * `work(runner, { concurrency })`: a BullMQ worker delivering jobs to the runner, with BullMQ's
 * retries, backoff and stalled-job recovery. Its connections wait for Redis, however long.
 */
import { Worker, type Job } from "bullmq";
import type { JobRunner, QueuedCallback, QueueWorker, WorkOptions } from "../contract.js";
import { quit, type Connection } from "./connection.js";
import { fail, positiveInteger } from "./options.js";

/** Starts a worker and adds it to `workers`; its `close()` waits for its jobs in flight, then removes it. */
export function startWorker(shared: Connection, workers: Set<QueueWorker>, runner: JobRunner, workOptions: WorkOptions = {}): QueueWorker {
  const { name, prefix, attempts, lockDuration, stalledInterval, maxStalledCount } = shared.settings;
  if (typeof runner?.deliver !== "function") fail("work(runner) needs a runner with deliver(job, attempt) (a dispatcher)");
  if (shared.closed) fail(`redisQueue "${name}" is closed`);
  const concurrency = positiveInteger("concurrency", workOptions.concurrency, 1);
  // BullMQ duplicates this client for its own two connections; workers wait for Redis, however long.
  const base = shared.open({ maxRetriesPerRequest: null, enableOfflineQueue: true });
  base.on("error", shared.report);
  const worker = new Worker(
    name,
    async (job: Job) => {
      const attempt = job.attemptsMade + 1;
      const max = job.opts.attempts ?? attempts;
      await runner.deliver(job.data as QueuedCallback, { attempt, final: attempt >= max, jobId: String(job.id) });
    },
    { connection: base, prefix, concurrency, lockDuration, stalledInterval, maxStalledCount, autorun: true },
  );
  worker.on("error", shared.report);
  let stopping: Promise<void> | undefined;
  const handle: QueueWorker = {
    close() {
      stopping ??= (async () => {
        try {
          await worker.close();
        } finally {
          workers.delete(handle);
          await quit(base);
        }
      })();
      return stopping;
    },
  };
  workers.add(handle);
  return handle;
}
