/**
 * The durable hand-off: what a queue must provide so that `handle()` can answer 200 only once a
 * callback is safely written, and workers can run the same typed handlers later. `memoryQueue()`
 * (one process) and `redisQueue()` (BullMQ on Redis, `tencent-webhooks/queue`) implement it.
 */
import type { ProtocolName } from "../../schemas/define.js";
import type { SchemaError } from "../pipeline/validate.js";

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
  /**
   * Set when the receiver quarantined it (authenticated, but its payload failed the schema): a
   * worker validates it again — a newer package may accept it — and delivers it if it passes, or
   * dead-letters it at once (no retries) with this reason and these errors.
   */
  invalid?: { reason: "schema_invalid"; schemaErrors: SchemaError[] } | undefined;
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
  job: QueuedCallback;
  attemptsMade: number;
  /** The last failure's message. */
  error: string;
  failedAt: number;
}

export interface WebhookQueue {
  readonly kind: "memory" | "redis" | "postgres";
  readonly dedupe: DedupeStore;
  /** How long a dedupe claim lasts: longer than Tencent's longest retry window (CSS: ~12 min). */
  readonly dedupeTtlSeconds: number;
  /** Writes one job durably; resolves only once the write is acknowledged, rejects (within its timeout) otherwise. */
  enqueue(job: QueuedCallback): Promise<void>;
  /** Runs jobs with `runner` (a dispatcher), retrying with exponential backoff up to the queue's attempts. */
  work(runner: JobRunner, options?: WorkOptions): QueueWorker;
  /** The dead-letter set: jobs whose last attempt failed. */
  failed(): Promise<FailedCallback[]>;
  /** Puts a failed job back in the queue, attempts reset. */
  replay(id: string): Promise<void>;
  /** Closes the queue's own connections (workers close separately). */
  close(): Promise<void>;
}
