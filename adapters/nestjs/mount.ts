import type { HttpAdapterHost } from "@nestjs/core";
import type { WebhookReceiver } from "../../src/types.js";
import { expressMiddleware } from "../express.js";
import { fastifyWebhooks } from "../fastify.js";

/**
 * Mounts a dispatcher on Nest's underlying server, ahead of Nest's body parser: on Express as
 * the first middleware (Nest adds its JSON parser later, in `app.init()`), on Fastify as an
 * encapsulated plugin with its own content-type parser. Nest's parser, raw-body and body-limit
 * settings stay as they are for every other route.
 */
export function mount(host: HttpAdapterHost, path: string, dispatcher: WebhookReceiver): void {
  const adapter = host.httpAdapter;
  if (!adapter) throw new Error("tencent-webhooks: TencentWebhooksModule needs an HTTP application (NestFactory.create), not a standalone context");
  const type = adapter.getType();
  if (type === "express") {
    adapter.getInstance<{ use(handler: unknown): unknown }>().use(expressMiddleware(dispatcher, { path }));
  } else if (type === "fastify") {
    void adapter.getInstance<{ register(plugin: unknown, options: unknown): unknown }>().register(fastifyWebhooks, { dispatcher, path });
  } else {
    throw new Error(`tencent-webhooks: TencentWebhooksModule mounts on @nestjs/platform-express or @nestjs/platform-fastify, not "${type}"`);
  }
}
