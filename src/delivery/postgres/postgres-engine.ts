/**
 * BullMQ on PostgreSQL (bullmq's own PostgreSQL backend, `createPostgresBackend`): the queue on the
 * receiver's pool, and workers on pools of their own. Both are made only once the schema is ready:
 * BullMQ keeps a failed readiness check for good, so a queue made while PostgreSQL is down would
 * never recover.
 */
import { Queue, Worker, createPostgresBackend } from "bullmq";
import { settleWithin } from "../bullmq/deadline.js";
import type { AnyQueue, Engine } from "../bullmq/engine.js";
import type { Connection } from "./connection.js";

const RETRY_MS = 1000;

export function postgresEngine(shared: Connection, stopClaims: () => void): Engine {
  const { name, enqueueTimeoutMs, telemetry } = shared.settings;
  const traced = telemetry ? { telemetry } : {};
  let made: Promise<AnyQueue> | undefined;
  let current: AnyQueue | undefined;
  const queue = (): Promise<AnyQueue> => {
    made ??= shared.ready().then(async (pool) => {
      const bullmq = new Queue(name, { connection: pool, ...traced }, createPostgresBackend);
      bullmq.on("error", shared.report);
      await bullmq.waitUntilReady();
      current = bullmq;
      return bullmq;
    });
    made.catch(() => {
      made = undefined; // Not ready yet: made again on the next call.
    });
    return made;
  };
  void queue().catch(() => undefined); // Connect at once, as redisQueue() does: the first callback should not pay for the setup.

  return {
    settings: shared.settings,
    get closed() {
      return shared.closed;
    },
    set closed(closed: boolean) {
      shared.closed = closed;
    },
    report: shared.report,
    bounded: shared.bounded,
    get bullmq(): AnyQueue {
      if (current) return current;
      void queue().catch(() => undefined);
      throw new Error(`tencent-webhooks: postgresQueue "${name}" has not reached PostgreSQL yet: call bullmq() after \`await queue.health()\` says reachable`);
    },
    queue,
    async close() {
      stopClaims();
      const pending = made;
      if (pending)
        await settleWithin(
          pending.then((bullmq) => bullmq.close()),
          enqueueTimeoutMs,
        );
      await settleWithin(shared.end(), enqueueTimeoutMs);
    },
    openWorker(processor, options) {
      let closing = false;
      let stop: (() => Promise<void>) | undefined;
      // A worker waits for PostgreSQL however long: the schema first (retried every second), then BullMQ's worker.
      const started = (async () => {
        for (;;) {
          if (closing) return;
          try {
            await shared.ready();
            break;
          } catch {
            await new Promise((resolve) => setTimeout(resolve, RETRY_MS));
          }
        }
        // BullMQ's worker keeps one connection for LISTEN and runs each job's queries on the others.
        const { pool, close } = await shared.openPool(options.concurrency + 2);
        const worker = new Worker(name, processor, { connection: pool, ...options, ...traced, autorun: true }, createPostgresBackend);
        worker.on("error", shared.report);
        stop = async () => {
          try {
            await worker.close();
          } finally {
            await close();
          }
        };
        if (closing) await stop();
      })();
      started.catch(shared.report);
      return {
        async close() {
          closing = true;
          await started.catch(() => undefined);
          await stop?.();
        },
      };
    },
  };
}
