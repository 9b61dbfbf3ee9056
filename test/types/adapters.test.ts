/**
 * Each adapter's return type fits its framework's own API, without casts. The plain calls and
 * assignments are checked by `tsc --noEmit` (part of `npm test`); nothing here listens.
 */
import http from "node:http";
import express, { type RequestHandler } from "express";
import Fastify, { type FastifyPluginAsync } from "fastify";
import Koa, { type Middleware } from "koa";
import { describe, expectTypeOf, it } from "vitest";
import { expressMiddleware } from "../../adapters/express.js";
import { fastifyPlugin, fastifyWebhooks, type FastifyWebhookOptions } from "../../adapters/fastify.js";
import { fetchHandler } from "../../adapters/fetch.js";
import { koaMiddleware } from "../../adapters/koa.js";
import { nodeMiddleware } from "../../adapters/node.js";
import { createDispatcher } from "../../src/index.js";

const webhooks = createDispatcher({ sdkAppId: 1400000000 });

describe("adapter types", () => {
  it("express: app.use, app.post, router.post", () => {
    expectTypeOf(expressMiddleware(webhooks)).toEqualTypeOf<RequestHandler>();
    const app = express();
    app.use(expressMiddleware(webhooks, { path: "/tencent" }));
    app.use("/tencent", expressMiddleware(webhooks));
    app.post("/tencent", expressMiddleware(webhooks));
    express.Router().post("/tencent", expressMiddleware(webhooks));
  });

  it("fastify: register with typed options", () => {
    expectTypeOf(fastifyWebhooks).toEqualTypeOf<FastifyPluginAsync<FastifyWebhookOptions>>();
    // The old name stays, deprecated: the same plugin.
    expectTypeOf(fastifyPlugin).toEqualTypeOf<typeof fastifyWebhooks>();
    const app = Fastify();
    void app.register(fastifyWebhooks, { dispatcher: webhooks, path: "/tencent" });
    void app.register(fastifyWebhooks, { dispatcher: webhooks, prefix: "/tencent" });
    // @ts-expect-error the dispatcher is required
    void app.register(fastifyWebhooks, { path: "/tencent" });
  });

  it("koa: app.use, in an app with its own state type", () => {
    expectTypeOf(koaMiddleware(webhooks)).toEqualTypeOf<Middleware>();
    new Koa().use(koaMiddleware(webhooks, { path: "/tencent" }));
    new Koa<{ user?: string }>().use(koaMiddleware(webhooks));
  });

  it("node: http.createServer and Connect-style (req, res, next)", () => {
    http.createServer(nodeMiddleware(webhooks, { path: "/tencent" }));
    const listener: http.RequestListener = nodeMiddleware(webhooks);
    const connectStyle: (req: http.IncomingMessage, res: http.ServerResponse, next: (error?: unknown) => void) => void = nodeMiddleware(webhooks);
    expectTypeOf(listener).toBeFunction();
    expectTypeOf(connectStyle).toBeFunction();
  });

  it("fetch: (request: Request) => Promise<Response>", () => {
    expectTypeOf(fetchHandler(webhooks)).toEqualTypeOf<(request: Request) => Promise<Response>>();
    const handler: (request: Request) => Promise<Response> = fetchHandler(webhooks);
    const worker: { fetch(request: Request): Promise<Response> } = { fetch: fetchHandler(webhooks) };
    expectTypeOf(handler).toEqualTypeOf(worker.fetch);
  });
});
