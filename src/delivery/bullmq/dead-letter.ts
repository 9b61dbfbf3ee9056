/** The failed set (dead letters): `failed()` lists it, `replay(id)` runs a failed job again with its attempts reset. */
import type { Job } from "bullmq";
import type { FailedCallback, QueuedCallback } from "../contract.js";
import type { Engine } from "./engine.js";

export interface DeadLetters {
  failed(): Promise<FailedCallback[]>;
  replay(id: string): Promise<void>;
}

export function deadLetters(engine: Engine): DeadLetters {
  return {
    async failed(): Promise<FailedCallback[]> {
      const failed: Array<Job | undefined | null> = await engine.bounded("the failed-set read", async () => {
        const queue = await engine.queue();
        return queue.getFailed(0, -1);
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
      await engine.bounded("the replay", async () => {
        const queue = await engine.queue();
        const job = await queue.getJob(id);
        if (!job || (await job.getState()) !== "failed") {
          throw new Error(`tencent-webhooks: no failed job with id ${JSON.stringify(id)}`);
        }
        await job.retry("failed", { resetAttemptsMade: true, resetAttemptsStarted: true });
      });
    },
  };
}
