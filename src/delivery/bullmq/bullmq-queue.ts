/**
 * The {@link WebhookQueue} every BullMQ engine shares: a receiver claims and writes a job in one
 * BullMQ `add` with deduplication (enqueue.ts), workers are BullMQ workers (worker.ts), the dead-letter set is
 * BullMQ's failed set (dead-letter.ts). The engine (Redis, PostgreSQL) brings its connections and
 * its dedupe store.
 */
import type { DedupeStore, QueueWorker, WebhookQueue } from "../contract.js";
import { countJobs, type BullmqQueueCounts } from "./counts.js";
import { deadLetters } from "./dead-letter.js";
import type { AnyQueue, Engine } from "./engine.js";
import { enqueuers } from "./enqueue.js";
import { queueHealth } from "./health.js";
import { startWorker } from "./worker.js";

export interface BullmqQueue extends WebhookQueue {
  /** The BullMQ queue name. */
  readonly name: string;
  /** How many jobs are in each state. */
  counts(): Promise<BullmqQueueCounts>;
  /**
   * The BullMQ queue(s) under this one, for what speaks BullMQ: a dashboard (bull-board's
   * `BullMQAdapter`), metrics exporters. Jobs are this package's `QueuedCallback`s; use `replay`,
   * `remove` and `enqueue` here rather than adding jobs of another shape.
   */
  bullmq(): AnyQueue[];
}

/** The queue handle: `close()` closes the workers it started, then the engine's connections. */
export function bullmqQueue<Kind extends WebhookQueue["kind"]>(kind: Kind, engine: Engine, dedupe: DedupeStore): BullmqQueue & { readonly kind: Kind } {
  const { enqueue, claimAndEnqueue } = enqueuers(engine);
  const workers = new Set<QueueWorker>();
  let closing: Promise<void> | undefined;
  return {
    kind,
    name: engine.settings.name,
    dedupe,
    dedupeTtlSeconds: engine.settings.dedupeTtlSeconds,
    enqueue,
    claimAndEnqueue,
    work: (runner, workOptions) => startWorker(engine, workers, runner, workOptions),
    ...deadLetters(engine),
    counts: () => countJobs(engine),
    health: () => queueHealth(kind, engine),
    bullmq: () => [engine.bullmq],

    close(): Promise<void> {
      closing ??= (async () => {
        engine.closed = true;
        await Promise.allSettled([...workers].map((worker) => worker.close()));
        await engine.close();
      })();
      return closing;
    },
  };
}
