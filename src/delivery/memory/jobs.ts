/**
 * The memory queue's jobs: every job not yet done, by id, and where it is (waiting, backing off,
 * running, or failed: the dead-letter list). Workers take waiting jobs from here and report how
 * each attempt went; retries with backoff, the dead-letter list and `idle()` are decided here.
 */
import type { FailedCallback, QueuedCallback } from "../contract.js";
import { failureRecord } from "../dead-letter-query.js";
import { failureOf } from "../failure.js";
import { Fifo } from "./fifo.js";

export interface Entry {
  id: string;
  /** A private copy: the caller's object may change after `enqueue`, a handler may mutate its own. */
  job: QueuedCallback;
  attemptsMade: number;
  timer?: ReturnType<typeof setTimeout>;
  /** When it last became waiting (for the backlog's age). */
  waitingSince: number;
  /** Set once it is a dead letter. */
  failure?: Omit<FailedCallback, "id" | "job" | "attemptsMade">;
}

export interface Jobs {
  /** Runs per job, the first included, before it goes to the dead-letter list. */
  readonly attempts: number;
  /** True once {@link Jobs.close} was called: no job starts or is retried any more. */
  readonly closed: boolean;
  counts(): { waiting: number; delayed: number; running: number; failed: number };
  /** Whether a job is waiting for a worker. */
  hasWaiting(): boolean;
  /** When the oldest waiting job became waiting, or undefined. */
  oldestWaiting(): number | undefined;
  /** Adds a job (a private copy) unless its id is already waiting, running or failed. */
  add(job: QueuedCallback): void;
  /** The next waiting job, now counted as running until {@link Jobs.stopped}. */
  take(): Entry | undefined;
  /** The running job's attempt succeeded: it is done. */
  succeeded(entry: Entry): void;
  /** The running job's attempt `attempt` failed: retried after a backoff, or a dead letter if it was the last. */
  attemptFailed(entry: Entry, attempt: number, error: unknown): void;
  /** A job taken with {@link Jobs.take} is no longer running. */
  stopped(): void;
  /** The dead-letter list, oldest failure first (copies). */
  failed(): FailedCallback[];
  /** Moves a failed job back to waiting, its attempts reset; throws if there is none with that id. */
  replay(id: string): void;
  /** Deletes a failed job; throws if there is none with that id. */
  remove(id: string): void;
  /** Resolves once nothing is waiting, backing off or running, or once closed. */
  idle(): Promise<void>;
  /** Resolves the {@link Jobs.idle} promises if the queue is idle now. */
  settleIdle(): void;
  /** Stops backoffs and marks the jobs closed. */
  close(): void;
}

/** `ready` is called whenever a job becomes waiting (so that a free worker takes it). */
export function memoryJobs(settings: { attempts: number; delayMs: number; ready: () => void }): Jobs {
  const { attempts, delayMs, ready } = settings;
  /** Every job not yet done (waiting, delayed, running or failed), by id. */
  const jobs = new Map<string, Entry>();
  const waiting = new Fifo<Entry>();
  const delayed = new Set<Entry>();
  const failed = new Map<string, Entry>();
  let running = 0;
  let closed = false;
  let idleWaiters: Array<() => void> = [];

  function wait(entry: Entry): void {
    entry.waitingSince = Date.now();
    waiting.push(entry);
    ready();
  }

  const isIdle = () => running === 0 && (closed || (waiting.size === 0 && delayed.size === 0));

  function retryLater(entry: Entry, ms: number): void {
    delayed.add(entry);
    entry.timer = setTimeout(() => {
      delete entry.timer;
      delayed.delete(entry);
      wait(entry);
    }, ms);
    // A backoff must not keep the process alive (one-process queue: nothing survives exit anyway).
    (entry.timer as { unref?: () => void }).unref?.();
  }

  return {
    attempts,
    get closed() {
      return closed;
    },

    counts: () => ({ waiting: waiting.size, delayed: delayed.size, running, failed: failed.size }),

    hasWaiting: () => waiting.size > 0,

    oldestWaiting: () => waiting.peek()?.waitingSince,

    add(job: QueuedCallback): void {
      const id = job.dedupeKey;
      if (jobs.has(id)) return; // Already waiting, running or failed: one job per key, as with BullMQ's jobId.
      const entry: Entry = { id, job: structuredClone(job), attemptsMade: 0, waitingSince: Date.now() };
      jobs.set(id, entry);
      wait(entry);
    },

    take(): Entry | undefined {
      const entry = waiting.shift();
      if (entry) running++;
      return entry;
    },

    succeeded(entry: Entry): void {
      jobs.delete(entry.id);
    },

    attemptFailed(entry: Entry, attempt: number, error: unknown): void {
      entry.attemptsMade = attempt;
      // A schema failure does not heal by retrying (DeliveryFailure.retry false): a dead letter at once.
      if (attempt >= attempts || !failureOf(error).retry) {
        entry.failure = { ...failureRecord(error), failedAt: Date.now() };
        failed.set(entry.id, entry);
      } else if (closed) {
        jobs.delete(entry.id);
      } else {
        retryLater(entry, delayMs * 2 ** (attempt - 1));
      }
    },

    stopped(): void {
      running--;
    },

    failed(): FailedCallback[] {
      // Newest failure first (the map is in failure order), as BullMQ lists its failed set.
      return [...failed.values()]
        .reverse()
        .map((entry) => structuredClone({ id: entry.id, job: entry.job, attemptsMade: entry.attemptsMade, ...entry.failure! }));
    },

    replay(id: string): void {
      const entry = failed.get(id);
      if (!entry) throw new Error(`tencent-webhooks: no failed job with id ${JSON.stringify(id)}`);
      failed.delete(id);
      entry.attemptsMade = 0;
      delete entry.failure;
      wait(entry);
    },

    remove(id: string): void {
      if (!failed.delete(id)) throw new Error(`tencent-webhooks: no failed job with id ${JSON.stringify(id)}`);
      jobs.delete(id);
    },

    idle(): Promise<void> {
      if (isIdle()) return Promise.resolve();
      return new Promise((resolve) => idleWaiters.push(resolve));
    },

    settleIdle(): void {
      if (idleWaiters.length === 0 || !isIdle()) return;
      const waiters = idleWaiters;
      idleWaiters = [];
      for (const resolve of waiters) resolve();
    },

    close(): void {
      closed = true;
      for (const entry of delayed) clearTimeout(entry.timer);
      delayed.clear();
    },
  };
}
