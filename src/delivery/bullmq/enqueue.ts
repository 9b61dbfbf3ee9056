/** `enqueue(job)`: one BullMQ `add` whose job id is derived from the dedupe key, raced against the deadline. */
import type { QueuedCallback } from "../contract.js";
import type { Engine } from "./engine.js";
import { jobIdFor } from "./job-id.js";

export function enqueuer(engine: Engine): (job: QueuedCallback) => Promise<void> {
  const { attempts, backoff } = engine.settings;
  return (job: QueuedCallback): Promise<void> => {
    if (job === null || typeof job !== "object" || typeof job.dedupeKey !== "string" || job.dedupeKey === "") {
      return Promise.reject(new TypeError("tencent-webhooks: enqueue(job) needs a job with a dedupeKey"));
    }
    return engine.bounded("the job", async (live) => {
      const queue = await engine.queue();
      // Past the deadline the caller has answered 503: writing now would accept it behind its back.
      if (!live()) return;
      await queue.add(job.command, job, {
        jobId: jobIdFor(job.dedupeKey),
        attempts,
        backoff: { type: backoff.type, delay: backoff.delay },
        removeOnComplete: true,
        removeOnFail: false,
      });
    });
  };
}
