/** `counts()`: how many jobs are in each state, read from BullMQ. */
import type { Connection } from "./connection.js";
import type { JobQueue } from "./job-queue.js";

export interface RedisQueueCounts {
  /** Waiting for a worker (prioritized jobs included). */
  waiting: number;
  /** Waiting out a backoff before their next attempt. */
  delayed: number;
  /** Being delivered by a worker right now. */
  active: number;
  /** In the failed set (dead letters). */
  failed: number;
}

export async function countJobs(shared: Connection, jobs: JobQueue): Promise<RedisQueueCounts> {
  const counts = await shared.bounded("the counts read", async () => {
    await jobs.ready();
    return jobs.queue.getJobCounts("wait", "prioritized", "delayed", "active", "failed");
  });
  const n = (key: string) => counts[key] ?? 0;
  return { waiting: n("wait") + n("prioritized"), delayed: n("delayed"), active: n("active"), failed: n("failed") };
}
