/**
 * `memoryQueue()`: the embedded {@link WebhookQueue}, for development, tests and the demo.
 *
 * **One process only.** Dedupe claims, waiting jobs and the dead-letter list live in this
 * process's memory: they are not shared with other receivers or workers, and they are gone when
 * the process exits (a job accepted with a 200 but not yet run is lost then). Behind a load
 * balancer, or whenever a callback must survive a restart, use `redisQueue()` from
 * `tencent-webhooks/queue`.
 *
 * It behaves like the Redis queue otherwise: a claim lasts `dedupeTtlSeconds`; `work()` runs jobs
 * with retries and exponential backoff (`delayMs * 2^(attempt - 1)`) up to `attempts`, then keeps
 * them in the dead-letter list (`failed()`, `replay(id)`); a job's id is its dedupe key, and
 * enqueueing a key whose job is still waiting, running or failed is a no-op. No timer it sets keeps
 * the process alive (they are unref'd), and it needs nothing from Node beyond `setTimeout`.
 *
 * This module puts the queue together from memory/: claims.ts (the dedupe store), jobs.ts (every
 * job's state, retries, the dead-letter list), worker.ts (`work()`), option-checks.ts.
 */
import { memoryClaims } from "./claims.js";
import { memoryDeadLetters } from "./dead-letters.js";
import { memoryJobs } from "./jobs.js";
import { fail, nonNegative, positive, positiveInteger } from "./option-checks.js";
import { memoryWorkers } from "./worker.js";
import type { QueuedCallback, QueueHealth, WebhookQueue } from "../contract.js";
import type { Logger } from "../../types.js";
import { unattendedWarning } from "./unattended.js";

export interface MemoryQueueOptions {
  /** How long a dedupe claim lasts, in seconds. Default 900 (15 minutes: Tencent's longest retry window is CSS's ~12). */
  dedupeTtlSeconds?: number;
  /** Runs per job, the first included, before it goes to the dead-letter list. Default 5. */
  attempts?: number;
  /** Wait before retry n: `delayMs * 2^(n - 1)`. Default `{ delayMs: 1000 }` (1 s, 2 s, 4 s, 8 s). */
  backoff?: { delayMs?: number };
  /**
   * A callback that has waited this long (ms) while no worker runs gets one warning on the
   * logger: accepted callbacks are not handled until `queue.work(dispatcher)` is called. Default 30000.
   */
  unattendedWarningMs?: number;
  /** Where that warning goes. Default `console`. */
  logger?: Pick<Logger, "warn">;
}

export interface MemoryQueueCounts {
  /** Ready to run, no worker free yet. */
  waiting: number;
  /** Waiting out a backoff before their next attempt. */
  delayed: number;
  /** Being delivered right now. */
  running: number;
  /** In the dead-letter list. */
  failed: number;
}

export interface MemoryQueue extends WebhookQueue {
  readonly kind: "memory";
  /**
   * Resolves once nothing is waiting, backing off or running (failed jobs aside), for tests and the
   * demo: `await queue.idle()` after sending callbacks. Resolves at once when the queue is already
   * idle, and when it is closed (nothing will run any more). Waiting jobs need a worker to drain.
   */
  idle(): Promise<void>;
  /** The same as {@link MemoryQueue.idle}. */
  drain(): Promise<void>;
  /** How many jobs are in each state. */
  counts(): MemoryQueueCounts;
}

/** Creates an in-memory queue; see the module comment: one process only. */
export function memoryQueue(options: MemoryQueueOptions = {}): MemoryQueue {
  if (options === null || typeof options !== "object") fail("memoryQueue(options) needs an options object");
  const dedupeTtlSeconds = positive("dedupeTtlSeconds", options.dedupeTtlSeconds, 900);
  const attempts = positiveInteger("attempts", options.attempts, 5);
  const delayMs = nonNegative("backoff.delayMs", options.backoff?.delayMs, 1000);

  // A job that becomes waiting is started by a free worker at once.
  const jobs = memoryJobs({ attempts, delayMs, ready: () => workers.pump() });
  const workers = memoryWorkers(jobs);
  const unattended = unattendedWarning({
    afterMs: positive("unattendedWarningMs", options.unattendedWarningMs, 30_000),
    logger: options.logger ?? console,
    oldestWaiting: () => (workers.count() === 0 ? jobs.oldestWaiting() : undefined),
  });

  const queue: MemoryQueue = {
    kind: "memory",
    dedupe: memoryClaims(),
    dedupeTtlSeconds,

    async enqueue(job: QueuedCallback): Promise<void> {
      if (jobs.closed) throw new Error("tencent-webhooks: this memoryQueue is closed");
      if (job === null || typeof job !== "object" || typeof job.dedupeKey !== "string" || job.dedupeKey === "") {
        throw new TypeError("tencent-webhooks: enqueue(job) needs a job with a dedupeKey");
      }
      jobs.add(job);
      unattended.watch();
    },

    work: (runner, workOptions) => workers.work(runner, workOptions),
    ...memoryDeadLetters(jobs),

    async health(): Promise<QueueHealth> {
      const { waiting, delayed, running, failed } = jobs.counts();
      const oldest = jobs.oldestWaiting();
      const oldestWaitingMs = oldest === undefined ? 0 : Math.max(0, Date.now() - oldest);
      return { kind: "memory", reachable: !jobs.closed, workers: workers.count(), waiting, delayed, active: running, failed, oldestWaitingMs };
    },

    async close(): Promise<void> {
      jobs.close();
      unattended.stop();
      const stopped = workers.close();
      jobs.settleIdle();
      await stopped;
    },

    idle: () => jobs.idle(),
    drain: () => queue.idle(),
    counts: (): MemoryQueueCounts => jobs.counts(),
  };
  return queue;
}
