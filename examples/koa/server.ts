/**
 * Koa: `npx tsx examples/koa/server.ts` (env: SDK_APP_ID, TENCENT_CALLBACK_TOKEN, PORT, HOST).
 * In your app: `import { koaMiddleware } from "tencent-webhooks/koa"`; this repo imports the
 * source by relative path so the example runs without a build.
 */
import { createServer } from "node:http";
import Koa from "koa";
import { koaMiddleware } from "../../adapters/koa.js";
import { exampleConfig, type StartOptions } from "../config.js";
import { listen, runIfMain, type RunningExample } from "../serve.js";
import { createWebhooks } from "../webhooks.js";

export async function start(options: StartOptions = {}): Promise<RunningExample> {
  const config = exampleConfig(options);
  const webhooks = createWebhooks(config, options.log ?? console.log);

  const app = new Koa();
  // Before any body parser (e.g. @koa/bodyparser): the webhook reads the raw bytes itself.
  app.use(koaMiddleware(webhooks, { path: config.path }));
  app.use((ctx) => {
    if (ctx.path === "/healthz") ctx.body = "ok";
  });

  return listen(createServer(app.callback()), config, webhooks);
}

runIfMain(import.meta.url, "Koa", start);
