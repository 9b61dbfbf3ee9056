/**
 * What the BullMQ side of a queue needs from the engine under it (Redis, PostgreSQL): the
 * settings, where connection errors go, the deadline a receiver's work runs against, a BullMQ
 * queue on the receiver's connection, and workers on connections of their own.
 */
import type { Job, Queue } from "bullmq";
import type { QueueSettings } from "./options.js";

/** A BullMQ queue on any backend. */
// biome-ignore lint/suspicious/noExplicitAny: the backend and connection types differ per engine; only the shared methods are used.
export type AnyQueue = Queue<any, any, string, any, any, string, any, any>;

/** What a worker runs for each job. */
export type JobProcessor = (job: Job) => Promise<void>;

/** The worker options every engine passes on to BullMQ. */
export interface WorkerSettings {
  concurrency: number;
  lockDuration: number;
  stalledInterval: number;
  maxStalledCount: number;
}

export interface Engine {
  readonly settings: QueueSettings;
  /** Set by the queue's `close()`: no receiver work starts after it. */
  closed: boolean;
  /** Hands a connection error to `onConnectionError` (never throws). */
  report(error: unknown): void;
  /** Runs `work` against the deadline (`enqueueTimeoutMs`); `live()` turns false once the deadline has passed. */
  bounded<T>(what: string, work: (live: () => boolean) => Promise<T>): Promise<T>;
  /** The BullMQ queue on the receiver's connection, as created (for dashboards: it may not be connected yet). */
  readonly bullmq: AnyQueue;
  /** Resolves with the BullMQ queue on the receiver's connection, once it can take commands. */
  queue(): Promise<AnyQueue>;
  /** Closes the BullMQ queue and the receiver's connection. */
  close(): Promise<void>;
  /** A BullMQ worker on connections of its own, which wait for the server however long; `close()` closes them too. */
  openWorker(processor: JobProcessor, options: WorkerSettings): { close(): Promise<void> };
}
