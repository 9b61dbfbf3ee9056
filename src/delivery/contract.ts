/**
 * The durable hand-off: what a queue must provide so that `handle()` can answer 200 only once a
 * callback is safely written, and workers can run the same typed handlers later. `memoryQueue()`
 * (one process) and `redisQueue()` (BullMQ on Redis, `tencent-webhooks/queue`) implement it.
 */
import type { ProtocolName } from "../../schemas/define.js";
import type { SchemaError } from "../pipeline/validate.js";
import type { CallbackProduct } from "../protocols/callback/products.js";

/** Why a callback is in the dead-letter set. */
export type DeadLetterReason = "handler_failed" | "schema_invalid";

/** One accepted callback, as written to the queue: enough to run its handlers again, exactly. */
export interface QueuedCallback {
  protocol: ProtocolName;
  /** Canonical command (callback protocol) or event name (TRTC, CSS). */
  command: string;
  /** The idempotency key (also `event.dedupeKey`). */
  dedupeKey: string;
  /** The body text exactly as received: 64-bit IDs stay exact, the job can be replayed. */
  rawBody: string;
  method: string;
  /** Path and query as received. */
  url: string;
  /** Headers by lower-cased key. */
  headers: Record<string, string>;
  /** When the receiver accepted it (ms since the epoch). */
  receivedAt: number;
  /** What the receiver's authentication established: the app, and which token / key signed it. */
  sdkAppId?: string | undefined;
  keyIndex?: number | undefined;
  /** Tokens keyed by product: whose token signed it. */
  product?: CallbackProduct | undefined;
  /**
   * Set when the receiver quarantined it (authenticated, but its payload failed the schema): a
   * worker validates it again — a newer package may accept it — and delivers it if it passes, or
   * dead-letters it at once (no retries) with this reason and these errors.
   */
  invalid?: { reason: "schema_invalid"; schemaErrors: SchemaError[] } | undefined;
  /** The receiver's span (W3C `traceparent`) when telemetry is on: the worker's span links to it. */
  traceparent?: string | undefined;
}

export interface DeliveryAttempt {
  /** 1 for the first run. */
  attempt: number;
  /** No retry follows when this attempt fails: the job goes to the dead-letter set. */
  final: boolean;
  /** The queue's id for the job. */
  jobId: string;
}

/** What a worker runs: every dispatcher is one. Rejects when a handler failed (the queue retries). */
export interface JobRunner {
  deliver(job: QueuedCallback, attempt: DeliveryAttempt): Promise<void>;
}

/** The shared store that makes "handled once" hold across processes. */
export interface DedupeStore {
  /** Claims `key` for `ttlSeconds`: true for the first caller, false for a duplicate. Rejects when the store is unreachable. */
  claim(key: string, ttlSeconds: number): Promise<boolean>;
  /** Gives a claim back (what followed it failed), so that Tencent's retry is not taken for a duplicate. */
  release(key: string): Promise<void>;
}

export interface WorkOptions {
  /** Jobs run at once by this worker. Default 1. */
  concurrency?: number;
}

export interface QueueWorker {
  /** Stops taking jobs and waits for the ones in flight to finish. */
  close(): Promise<void>;
}

/** A job that failed its last attempt, kept until replayed or removed. */
export interface FailedCallback {
  id: string;
  /** The callback as queued: its command, dedupe key, received time (`receivedAt`) and raw request. */
  job: QueuedCallback;
  attemptsMade: number;
  /** The last failure's message: the handler's own error, not a summary of it. */
  error: string;
  /** That error's stack, when it had one. */
  stack?: string | undefined;
  failedAt: number;
  /** `schema_invalid`: quarantined, the payload still fails its schema (replay after an upgrade); else a handler failed. */
  reason: DeadLetterReason;
  /** For `schema_invalid`: what the worker's schema said. */
  schemaErrors?: SchemaError[] | undefined;
}

/** Which dead letters a bulk operation or a page takes: all of them unless narrowed. */
export interface FailedFilter {
  /** Only this command (canonical name, as in `job.command`). */
  command?: string | undefined;
  /** Only dead letters of this reason. */
  reason?: DeadLetterReason | undefined;
}

/** A page of the dead-letter set, newest failure first. */
export interface FailedQuery extends FailedFilter {
  /** How many matching dead letters to skip. Default 0. */
  offset?: number | undefined;
  /** How many to return at most (1–1000). Default 100. */
  limit?: number | undefined;
}

/** What a readiness probe or an operator needs to know about a queue. */
export interface QueueHealth {
  kind: WebhookQueue["kind"];
  /** The engine answered (always true for the memory queue). */
  reachable: boolean;
  /** Why it is not reachable. */
  error?: string | undefined;
  /** Workers taking jobs now (BullMQ: in every process connected to the queue). */
  workers: number;
  /** Jobs waiting for a worker (the backlog), waiting out a backoff, running, dead letters. */
  waiting: number;
  delayed: number;
  active: number;
  failed: number;
  /** How long the oldest waiting job has waited, in ms; 0 when none is waiting. */
  oldestWaitingMs: number;
}

export interface WebhookQueue {
  readonly kind: "memory" | "redis" | "postgres";
  readonly dedupe: DedupeStore;
  /** How long a dedupe claim lasts: longer than Tencent's longest retry window (CSS: ~12 min). */
  readonly dedupeTtlSeconds: number;
  /** Writes one job durably; resolves only once the write is acknowledged, rejects (within its timeout) otherwise. */
  enqueue(job: QueuedCallback): Promise<void>;
  /**
   * The dedupe claim and the write in one step (one round trip), where the engine can: claims
   * `job.dedupeKey` for `ttlSeconds` and writes the job atomically. Resolves true once both are
   * acknowledged, false for a duplicate (the key was claimed: nothing written); rejects (within
   * its timeout) otherwise. A claim exists only with its job, so a refusal leaves nothing to give
   * back. Without it, the receiver claims through `dedupe`, then calls `enqueue`.
   */
  claimAndEnqueue?(job: QueuedCallback, ttlSeconds: number): Promise<boolean>;
  /** Runs jobs with `runner` (a dispatcher), retrying with exponential backoff up to the queue's attempts. */
  work(runner: JobRunner, options?: WorkOptions): QueueWorker;
  /** The dead-letter set (jobs whose last attempt failed), newest failure first: a page of it, filtered by command or reason. */
  failed(query?: FailedQuery): Promise<FailedCallback[]>;
  /** One dead letter by id, or `undefined`. */
  failedJob(id: string): Promise<FailedCallback | undefined>;
  /** Puts a failed job back in the queue, attempts reset; rejects if there is no failed job with that id. */
  replay(id: string): Promise<void>;
  /** Replays every dead letter that matches `filter`; resolves with how many. */
  replayAll(filter?: FailedFilter): Promise<number>;
  /** Deletes a failed job for good; rejects if there is no failed job with that id. */
  remove(id: string): Promise<void>;
  /** Deletes every dead letter that matches `filter`; resolves with how many. */
  removeAll(filter?: FailedFilter): Promise<number>;
  /** Whether the engine answers, how many workers take jobs, the backlog and the age of its oldest job. */
  health(): Promise<QueueHealth>;
  /** Closes the queue's own connections (workers close separately). */
  close(): Promise<void>;
}
