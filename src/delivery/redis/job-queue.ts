/** The BullMQ queue, on the receiver's connection: what jobs are added to, read from and replayed in. */
import { Queue } from "bullmq";
import type { Connection } from "./connection.js";
import { settleWithin } from "./deadline.js";

export interface JobQueue {
  readonly queue: Queue;
  /** Resolves once the receiver's client is connected and BullMQ's queue is ready. */
  ready(): Promise<void>;
  /** Closes BullMQ's queue, waiting at most `enqueueTimeoutMs` (Redis may be away). */
  close(): Promise<void>;
}

/** Creates the BullMQ queue (the connection is the receiver's: it fails fast too). */
export function jobQueue(shared: Connection): JobQueue {
  const { name, prefix, enqueueTimeoutMs } = shared.settings;
  const queue = new Queue(name, { connection: shared.client, prefix });
  queue.on("error", shared.report);
  const queueReady = queue.waitUntilReady();
  queueReady.catch(() => undefined);
  return {
    queue,
    async ready() {
      await shared.connected();
      await queueReady;
    },
    close: () => settleWithin(queue.close(), enqueueTimeoutMs),
  };
}
