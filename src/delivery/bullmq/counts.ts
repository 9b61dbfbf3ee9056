/** `counts()`: how many jobs are in each state, read from BullMQ. */
import type { Engine } from "./engine.js";

export interface BullmqQueueCounts {
  /** Waiting for a worker (prioritized jobs included). */
  waiting: number;
  /** Waiting out a backoff before their next attempt. */
  delayed: number;
  /** Being delivered by a worker right now. */
  active: number;
  /** In the failed set (dead letters). */
  failed: number;
}

export async function countJobs(engine: Engine): Promise<BullmqQueueCounts> {
  const counts = await engine.bounded("the counts read", async () => {
    const queue = await engine.queue();
    return queue.getJobCounts("wait", "prioritized", "delayed", "active", "failed");
  });
  const n = (key: string) => counts[key] ?? 0;
  return { waiting: n("wait") + n("prioritized"), delayed: n("delayed"), active: n("active"), failed: n("failed") };
}
