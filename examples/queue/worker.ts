/**
 * The working half of queued mode: `REDIS_URL=redis://127.0.0.1:6379 npx tsx examples/queue/worker.ts`.
 * Runs the same typed handlers as the inline examples (examples/webhooks.ts), from the queue:
 * a failing handler is retried with exponential backoff, then kept in the dead-letter set
 * (`queue.failed()`, `queue.replay(id)`). SIGTERM stops taking jobs and lets in-flight ones finish;
 * a worker killed outright loses nothing (BullMQ gives its job to another worker).
 */
import { redisQueue } from "../../src/delivery/queue.js";
import { exampleConfig } from "../config.js";
import { createWebhooks } from "../webhooks.js";

const redisUrl = process.env.REDIS_URL;
if (!redisUrl) throw new Error("REDIS_URL is required, e.g. redis://127.0.0.1:6379");

const queue = redisQueue({ connection: redisUrl });
const webhooks = createWebhooks(exampleConfig(), console.log, { queue });
const worker = queue.work(webhooks, { concurrency: Number(process.env.CONCURRENCY || 4) });
console.log(`worker: taking callbacks from ${redisUrl}`);

process.once("SIGTERM", async () => {
  await worker.close();
  const failed = await queue.failed();
  if (failed.length > 0) console.log(`worker: ${failed.length} callback(s) in the dead-letter set; replay with queue.replay(id)`);
  await queue.close();
});
