/** The failed set (dead letters): `failed()` lists it, `replay(id)` runs a failed job again with its attempts reset. */
import type { Job } from "bullmq";
import type { FailedCallback, QueuedCallback } from "../contract.js";
import type { Connection } from "./connection.js";
import type { JobQueue } from "./job-queue.js";

export interface DeadLetters {
  failed(): Promise<FailedCallback[]>;
  replay(id: string): Promise<void>;
}

export function deadLetters(shared: Connection, jobs: JobQueue): DeadLetters {
  return {
    async failed(): Promise<FailedCallback[]> {
      const failed = await shared.bounded("the failed-set read", async () => {
        await jobs.ready();
        return jobs.queue.getFailed(0, -1);
      });
      return failed
        .filter((job): job is Job => job !== undefined && job !== null)
        .map((job) => ({
          id: String(job.id),
          job: job.data as QueuedCallback,
          attemptsMade: job.attemptsMade,
          error: job.failedReason ?? "",
          failedAt: job.finishedOn ?? job.timestamp,
        }));
    },

    async replay(id: string): Promise<void> {
      await shared.bounded("the replay", async () => {
        await jobs.ready();
        const job = await jobs.queue.getJob(id);
        if (!job || (await job.getState()) !== "failed") {
          throw new Error(`tencent-webhooks: no failed job with id ${JSON.stringify(id)}`);
        }
        await job.retry("failed", { resetAttemptsMade: true, resetAttemptsStarted: true });
      });
    },
  };
}
