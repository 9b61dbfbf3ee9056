/**
 * BullMQ on Redis: the queue on the receiver's connection (it fails fast too), and workers on a
 * connection of their own that waits for Redis however long (`maxRetriesPerRequest: null`, as
 * BullMQ requires).
 */
import { Queue, Worker } from "bullmq";
import { settleWithin } from "../bullmq/deadline.js";
import type { Engine } from "../bullmq/engine.js";
import { quit, type Connection } from "./connection.js";

export function redisEngine(shared: Connection): Engine {
  const { name, prefix, enqueueTimeoutMs, eventsMaxLen, telemetry } = shared.settings;
  const traced = telemetry ? { telemetry } : {};
  const queue = new Queue(name, { connection: shared.client, prefix, streams: { events: { maxLen: eventsMaxLen } }, ...traced });
  queue.on("error", shared.report);
  const queueReady = queue.waitUntilReady();
  queueReady.catch(() => undefined);

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
    bullmq: queue,
    async queue() {
      await shared.connected();
      await queueReady;
      return queue;
    },
    async close() {
      // Redis may be away: wait for BullMQ's queue at most `enqueueTimeoutMs`.
      await settleWithin(queue.close(), enqueueTimeoutMs);
      await quit(shared.client);
    },
    openWorker(processor, options) {
      // BullMQ duplicates this client for its own two connections.
      const base = shared.open({ maxRetriesPerRequest: null, enableOfflineQueue: true });
      base.on("error", shared.report);
      const worker = new Worker(name, processor, { connection: base, prefix, ...options, ...traced, autorun: true });
      worker.on("error", shared.report);
      return {
        async close() {
          try {
            await worker.close();
          } finally {
            await quit(base);
          }
        },
      };
    },
  };
}
