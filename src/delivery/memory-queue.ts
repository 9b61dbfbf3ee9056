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
 */
import type { DedupeStore, FailedCallback, JobRunner, QueuedCallback, QueueWorker, WebhookQueue, WorkOptions } from "./types.js";

export interface MemoryQueueOptions {
  /** How long a dedupe claim lasts, in seconds. Default 900 (15 minutes: Tencent's longest retry window is CSS's ~12). */
  dedupeTtlSeconds?: number;
  /** Runs per job, the first included, before it goes to the dead-letter list. Default 5. */
  attempts?: number;
  /** Wait before retry n: `delayMs * 2^(n - 1)`. Default `{ delayMs: 1000 }` (1 s, 2 s, 4 s, 8 s). */
  backoff?: { delayMs?: number };
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

interface Entry {
  id: string;
  /** A private copy: the caller's object may change after `enqueue`, a handler may mutate its own. */
  job: QueuedCallback;
  attemptsMade: number;
  timer?: ReturnType<typeof setTimeout>;
  error?: string;
  failedAt?: number;
}

interface Worker {
  runner: JobRunner;
  concurrency: number;
  active: number;
  closing: boolean;
  inFlight: Set<Promise<void>>;
}

/** Creates an in-memory queue; see the module comment: one process only. */
export function memoryQueue(options: MemoryQueueOptions = {}): MemoryQueue {
  if (options === null || typeof options !== "object") fail("memoryQueue(options) needs an options object");
  const dedupeTtlSeconds = positive("dedupeTtlSeconds", options.dedupeTtlSeconds, 900);
  const attempts = positiveInteger("attempts", options.attempts, 5);
  const delayMs = nonNegative("backoff.delayMs", options.backoff?.delayMs, 1000);

  const claims = new Map<string, number>();
  /** Every job not yet done (waiting, delayed, running or failed), by id. */
  const jobs = new Map<string, Entry>();
  const waiting = new Fifo<Entry>();
  const delayed = new Set<Entry>();
  const failed = new Map<string, Entry>();
  const workers = new Set<Worker>();
  let running = 0;
  let closed = false;
  let idleWaiters: Array<() => void> = [];

  const isIdle = () => running === 0 && (closed || (waiting.size === 0 && delayed.size === 0));

  function settleIdle(): void {
    if (idleWaiters.length === 0 || !isIdle()) return;
    const waiters = idleWaiters;
    idleWaiters = [];
    for (const resolve of waiters) resolve();
  }

  function pump(): void {
    if (closed) return;
    for (const worker of workers) {
      while (!worker.closing && worker.active < worker.concurrency && waiting.size > 0) {
        run(worker, waiting.shift()!);
      }
      if (waiting.size === 0) break;
    }
  }

  function run(worker: Worker, entry: Entry): void {
    const attempt = entry.attemptsMade + 1;
    const final = attempt >= attempts;
    running++;
    worker.active++;
    const delivery = Promise.resolve()
      .then(() => worker.runner.deliver(structuredClone(entry.job), { attempt, final, jobId: entry.id }))
      .then(
        () => {
          jobs.delete(entry.id);
        },
        (error: unknown) => {
          entry.attemptsMade = attempt;
          if (final) {
            entry.error = messageOf(error);
            entry.failedAt = Date.now();
            failed.set(entry.id, entry);
          } else if (closed) {
            jobs.delete(entry.id);
          } else {
            retryLater(entry, delayMs * 2 ** (attempt - 1));
          }
        },
      )
      .finally(() => {
        running--;
        worker.active--;
        worker.inFlight.delete(delivery);
        pump();
        settleIdle();
      });
    worker.inFlight.add(delivery);
  }

  function retryLater(entry: Entry, ms: number): void {
    delayed.add(entry);
    entry.timer = setTimeout(() => {
      delete entry.timer;
      delayed.delete(entry);
      waiting.push(entry);
      pump();
    }, ms);
    // A backoff must not keep the process alive (one-process queue: nothing survives exit anyway).
    (entry.timer as { unref?: () => void }).unref?.();
  }

  /** Drops expired claims from the oldest end, stopping at the first live one (lazy, amortised O(1)). */
  function sweep(now: number): void {
    for (const [key, expiresAt] of claims) {
      if (expiresAt > now) return;
      claims.delete(key);
    }
  }

  const dedupe: DedupeStore = {
    async claim(key: string, ttlSeconds: number): Promise<boolean> {
      if (typeof key !== "string") fail("claim(key) needs a string key");
      if (typeof ttlSeconds !== "number" || !(ttlSeconds > 0)) fail(`claim() needs ttlSeconds > 0, got ${String(ttlSeconds)}`);
      const now = Date.now();
      sweep(now);
      const expiresAt = claims.get(key);
      if (expiresAt !== undefined && expiresAt > now) return false;
      // Re-inserted at the end, so the map stays roughly in expiry order for sweep().
      claims.delete(key);
      claims.set(key, now + ttlSeconds * 1000);
      return true;
    },
    async release(key: string): Promise<void> {
      claims.delete(key);
    },
  };

  const queue: MemoryQueue = {
    kind: "memory",
    dedupe,
    dedupeTtlSeconds,

    async enqueue(job: QueuedCallback): Promise<void> {
      if (closed) throw new Error("tencent-webhooks: this memoryQueue is closed");
      if (job === null || typeof job !== "object" || typeof job.dedupeKey !== "string" || job.dedupeKey === "") {
        throw new TypeError("tencent-webhooks: enqueue(job) needs a job with a dedupeKey");
      }
      const id = job.dedupeKey;
      if (jobs.has(id)) return; // Already waiting, running or failed: one job per key, as with BullMQ's jobId.
      const entry: Entry = { id, job: structuredClone(job), attemptsMade: 0 };
      jobs.set(id, entry);
      waiting.push(entry);
      pump();
    },

    work(runner: JobRunner, options: WorkOptions = {}): QueueWorker {
      if (typeof runner?.deliver !== "function") fail("work(runner) needs a runner with deliver(job, attempt) (a dispatcher)");
      if (closed) fail("this memoryQueue is closed");
      const worker: Worker = {
        runner,
        concurrency: positiveInteger("concurrency", options.concurrency, 1),
        active: 0,
        closing: false,
        inFlight: new Set(),
      };
      workers.add(worker);
      pump();
      let closing: Promise<void> | undefined;
      return {
        close() {
          closing ??= (async () => {
            worker.closing = true;
            workers.delete(worker);
            while (worker.inFlight.size > 0) await Promise.allSettled([...worker.inFlight]);
          })();
          return closing;
        },
      };
    },

    async failed(): Promise<FailedCallback[]> {
      return [...failed.values()]
        .map((entry) => ({
          id: entry.id,
          job: structuredClone(entry.job),
          attemptsMade: entry.attemptsMade,
          error: entry.error ?? "",
          failedAt: entry.failedAt ?? 0,
        }))
        .sort((a, b) => a.failedAt - b.failedAt);
    },

    async replay(id: string): Promise<void> {
      if (closed) throw new Error("tencent-webhooks: this memoryQueue is closed");
      const entry = failed.get(id);
      if (!entry) throw new Error(`tencent-webhooks: no failed job with id ${JSON.stringify(id)}`);
      failed.delete(id);
      entry.attemptsMade = 0;
      delete entry.error;
      delete entry.failedAt;
      waiting.push(entry);
      pump();
    },

    async close(): Promise<void> {
      closed = true;
      for (const entry of delayed) clearTimeout(entry.timer);
      delayed.clear();
      const inFlight = [...workers].flatMap((worker) => [...worker.inFlight]);
      for (const worker of workers) worker.closing = true;
      workers.clear();
      settleIdle();
      while (inFlight.length > 0) await Promise.allSettled(inFlight.splice(0));
    },

    idle(): Promise<void> {
      if (isIdle()) return Promise.resolve();
      return new Promise((resolve) => idleWaiters.push(resolve));
    },

    drain(): Promise<void> {
      return queue.idle();
    },

    counts(): MemoryQueueCounts {
      return { waiting: waiting.size, delayed: delayed.size, running, failed: failed.size };
    },
  };
  return queue;
}

/** A FIFO with O(1) shift (an array's shift() is O(n) once it is large). */
class Fifo<T> {
  #items: (T | undefined)[] = [];
  #head = 0;

  get size(): number {
    return this.#items.length - this.#head;
  }

  push(item: T): void {
    this.#items.push(item);
  }

  shift(): T | undefined {
    if (this.#head >= this.#items.length) return undefined;
    const item = this.#items[this.#head];
    this.#items[this.#head++] = undefined;
    if (this.#head > 1024 && this.#head * 2 > this.#items.length) {
      this.#items = this.#items.slice(this.#head);
      this.#head = 0;
    }
    return item;
  }
}

function messageOf(error: unknown): string {
  if (error instanceof Error) return error.message;
  try {
    return String(error);
  } catch {
    return "unknown error";
  }
}

function fail(message: string): never {
  throw new TypeError(`tencent-webhooks: ${message}`);
}

function positive(name: string, value: unknown, fallback: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== "number" || !Number.isFinite(value) || value <= 0) fail(`\`${name}\` must be a number > 0, got ${JSON.stringify(value)}`);
  return value;
}

function nonNegative(name: string, value: unknown, fallback: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== "number" || !Number.isFinite(value) || value < 0) fail(`\`${name}\` must be a number >= 0, got ${JSON.stringify(value)}`);
  return value;
}

function positiveInteger(name: string, value: unknown, fallback: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== "number" || !Number.isSafeInteger(value) || value <= 0) fail(`\`${name}\` must be a positive integer, got ${JSON.stringify(value)}`);
  return value;
}
