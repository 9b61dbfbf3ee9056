/**
 * A dashboard next to the webhook routes: `REDIS_URL=redis://127.0.0.1:6379 npx tsx examples/dashboard/server.ts`,
 * then open http://127.0.0.1:3000/admin/queues. bull-board (`@bull-board/api` and its Express
 * adapter, `npm install @bull-board/api @bull-board/express`) shows the queue `redisQueue()`
 * writes to: waiting, retrying and failed callbacks, each failed one with its handler's own error
 * and stack, and a Retry button. `/ready` is a readiness probe: 200 while Redis answers, 503 not.
 * Protect `/admin` in production (it can retry and delete jobs): put it behind your own auth.
 */
import { createServer } from "node:http";
import { createBullBoard } from "@bull-board/api";
import { BullMQAdapter } from "@bull-board/api/bullMQAdapter";
import { ExpressAdapter } from "@bull-board/express";
import express from "express";
import { expressMiddleware } from "../../adapters/express.js";
import { redisQueue, type RedisQueue, type RedisQueueOptions } from "../../src/delivery/queue.js";
import { exampleConfig, type StartOptions } from "../config.js";
import { listen, runIfMain, type RunningExample } from "../serve.js";
import { createWebhooks } from "../webhooks.js";

export const DASHBOARD_PATH = "/admin/queues";

export interface DashboardOptions extends StartOptions {
  /** Default `$REDIS_URL`. */
  redisUrl?: string;
  /** Passed on to `redisQueue()` (e.g. `attempts`, `name`). */
  queue?: Partial<RedisQueueOptions>;
}

export interface RunningDashboard extends RunningExample {
  /** The dashboard's full URL. */
  dashboardUrl: string;
  /** The readiness probe's full URL. */
  readyUrl: string;
  queue: RedisQueue;
}

export async function start(options: DashboardOptions = {}): Promise<RunningDashboard> {
  const redisUrl = options.redisUrl ?? process.env.REDIS_URL;
  if (!redisUrl) throw new Error("REDIS_URL is required, e.g. redis://127.0.0.1:6379");
  const config = exampleConfig(options);
  const queue = redisQueue({ connection: redisUrl, ...options.queue });
  const webhooks = createWebhooks(config, options.log ?? console.log, { queue });
  // Receiver and worker in one process here; in production they are usually separate (examples/queue/).
  const worker = queue.work(webhooks, { concurrency: 4 });

  const board = new ExpressAdapter();
  board.setBasePath(DASHBOARD_PATH);
  createBullBoard({ queues: queue.bullmq().map((bullmq) => new BullMQAdapter(bullmq)), serverAdapter: board });

  const app = express();
  app.use(expressMiddleware(webhooks, { path: config.path }));
  app.use(DASHBOARD_PATH, board.getRouter());
  // Readiness: take traffic only while the queue can durably accept callbacks.
  app.get("/ready", async (_request, response) => {
    const health = await queue.health();
    response.status(health.reachable ? 200 : 503).json(health);
  });

  const running = await listen(createServer(app), config, webhooks);
  const origin = new URL(running.url).origin;
  return {
    ...running,
    dashboardUrl: `${origin}${DASHBOARD_PATH}`,
    readyUrl: `${origin}/ready`,
    queue,
    async close() {
      await running.close();
      await worker.close();
      await queue.close();
    },
  };
}

runIfMain(import.meta.url, "Dashboard", start);
