/**
 * Fastify: `npx tsx examples/fastify/server.ts` (env: SDK_APP_ID, TENCENT_CALLBACK_TOKEN, PORT, HOST).
 * In your app: `import { fastifyWebhooks } from "tencent-webhooks/fastify"`; this repo imports the
 * source by relative path so the example runs without a build.
 */
import Fastify from "fastify";
import { fastifyWebhooks } from "../../adapters/fastify.js";
import { exampleConfig, type StartOptions } from "../config.js";
import { callbackUrl, runIfMain, type RunningExample } from "../serve.js";
import { createWebhooks } from "../webhooks.js";

export async function start(options: StartOptions = {}): Promise<RunningExample> {
  const config = exampleConfig(options);
  const webhooks = createWebhooks(config, options.log ?? console.log);

  const app = Fastify();
  // The plugin reads the raw body of its own route; other routes keep Fastify's JSON parser.
  await app.register(fastifyWebhooks, { dispatcher: webhooks, path: config.path });
  app.get("/healthz", async () => "ok");

  await app.listen({ port: config.port, host: config.host });
  const address = app.server.address();
  const port = typeof address === "object" && address ? address.port : config.port;
  return { url: callbackUrl(config, port), webhooks, close: () => app.close() };
}

runIfMain(import.meta.url, "Fastify", start);
