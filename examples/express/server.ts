/**
 * Express: `npx tsx examples/express/server.ts` (env: SDK_APP_ID, TENCENT_CALLBACK_TOKEN, PORT, HOST).
 * In your app: `import { expressMiddleware } from "tencent-webhooks/express"`; this repo imports
 * the source by relative path so the example runs without a build.
 */
import { createServer } from "node:http";
import express from "express";
import { expressMiddleware } from "../../adapters/express.js";
import { CSS_PATH, TRTC_PATH, exampleConfig, type StartOptions } from "../config.js";
import { listen, runIfMain, type RunningExample } from "../serve.js";
import { createCssWebhooks, createTrtcWebhooks, createWebhooks } from "../webhooks.js";

export async function start(options: StartOptions = {}): Promise<RunningExample> {
  const config = exampleConfig(options);
  const webhooks = createWebhooks(config, options.log ?? console.log);

  const app = express();
  // Mount the webhook route before express.json(): it must read the raw bytes to keep 64-bit IDs exact.
  app.use(expressMiddleware(webhooks, { path: config.path }));
  // The other two protocols have their own consoles, URLs and keys.
  const log = options.log ?? console.log;
  if (config.trtcKey) app.use(expressMiddleware(createTrtcWebhooks(config, config.trtcKey, log), { path: TRTC_PATH }));
  if (config.cssKey) app.use(expressMiddleware(createCssWebhooks(config.cssKey, log), { path: CSS_PATH }));
  app.use(express.json());
  app.get("/healthz", (_request, response) => {
    response.send("ok");
  });

  return listen(createServer(app), config, webhooks);
}

runIfMain(import.meta.url, "Express", start);
