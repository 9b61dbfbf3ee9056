/**
 * The receiving half of queued mode: `REDIS_URL=redis://127.0.0.1:6379 npx tsx examples/queue/receiver.ts`.
 * Every check runs here; an accepted "after" callback is written to Redis and only then answered
 * 200 (503 when Redis cannot take it). Run as many receivers as you like behind a load balancer:
 * they share nothing but Redis, which also deduplicates Tencent's retries across them.
 * In your app: `import { redisQueue } from "tencent-webhooks/queue"`.
 */
import { createServer } from "node:http";
import { nodeMiddleware } from "../../adapters/node.js";
import { redisQueue } from "../../src/delivery/queue.js";
import { exampleConfig } from "../config.js";
import { listen } from "../serve.js";
import { createWebhooks } from "../webhooks.js";

const redisUrl = process.env.REDIS_URL;
if (!redisUrl) throw new Error("REDIS_URL is required, e.g. redis://127.0.0.1:6379");

const queue = redisQueue({ connection: redisUrl });
const config = exampleConfig();
const webhooks = createWebhooks(config, console.log, { queue });
const running = await listen(createServer(nodeMiddleware(webhooks, { path: config.path })), config, webhooks);
console.log(`receiver: POST ${running.url} (queued on ${redisUrl})`);

process.once("SIGTERM", async () => {
  await running.close(); // stop taking callbacks first, then let go of Redis
  await queue.close();
});
