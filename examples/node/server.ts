/**
 * Plain node:http: `npx tsx examples/node/server.ts` (env: SDK_APP_ID, TENCENT_CALLBACK_TOKEN, PORT, HOST).
 * In your app: `import { nodeMiddleware } from "tencent-webhooks/node"`; this repo imports the
 * source by relative path so the example runs without a build.
 */
import { createServer } from "node:http";
import { nodeMiddleware } from "../../adapters/node.js";
import { exampleConfig, type StartOptions } from "../config.js";
import { listen, runIfMain, type RunningExample } from "../serve.js";
import { createWebhooks } from "../webhooks.js";

export async function start(options: StartOptions = {}): Promise<RunningExample> {
  const config = exampleConfig(options);
  const webhooks = createWebhooks(config, options.log ?? console.log);

  const server = createServer(nodeMiddleware(webhooks, { path: config.path }));

  return listen(server, config, webhooks);
}

runIfMain(import.meta.url, "node:http", start);
