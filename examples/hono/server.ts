/**
 * Hono: `npx tsx examples/hono/server.ts` (env: SDK_APP_ID, TENCENT_CALLBACK_TOKEN, PORT, HOST).
 * The app from createApp() runs as is wherever Hono does: Bun (`export default app`), Deno
 * (`Deno.serve(app.fetch)`), Node; `start()` serves it on Node with @hono/node-server.
 * In your app: `import { honoMiddleware } from "tencent-webhooks/hono"`; this repo imports the
 * source by relative path so the example runs without a build.
 */
import type { Server } from "node:http";
import { Hono } from "hono";
import { honoMiddleware } from "../../adapters/hono.js";
import { exampleConfig, type StartOptions } from "../config.js";
import { listen, runIfMain, type RunningExample } from "../serve.js";
import { createWebhooks } from "../webhooks.js";

export function createApp(options: StartOptions = {}) {
  const config = exampleConfig(options);
  const webhooks = createWebhooks(config, options.log ?? console.log);
  const app = new Hono();
  // First, before anything that reads the body (validators, c.req.json()): other paths go to next().
  app.use(honoMiddleware(webhooks, { path: config.path }));
  app.get("/", (c) => c.text(`Tencent callbacks go to ${config.path}`));
  return { config, webhooks, app };
}

export async function start(options: StartOptions = {}): Promise<RunningExample> {
  const { config, webhooks, app } = createApp(options);
  const { createAdaptorServer } = await loadNodeServer();
  return listen(createAdaptorServer({ fetch: app.fetch }), config, webhooks);
}

/**
 * In your app: `import { createAdaptorServer } from "@hono/node-server"` (or its `serve()`).
 * This repo loads it by name only because its type declarations need the DOM lib, which the
 * repo's strict tsconfig leaves out.
 */
async function loadNodeServer(): Promise<{ createAdaptorServer(options: { fetch: (request: Request) => Response | Promise<Response> }): Server }> {
  const name: string = "@hono/node-server";
  return import(name);
}

runIfMain(import.meta.url, "hono", start);
