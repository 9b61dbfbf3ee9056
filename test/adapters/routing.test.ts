/**
 * Each adapter answers only its own path and leaves the rest of the app alone: other paths
 * reach `next()` or the framework's own 404, and Fastify's parser change stays encapsulated.
 */
import http from "node:http";
import express from "express";
import Fastify, { type FastifyPluginAsync } from "fastify";
import Koa from "koa";
import { afterAll, describe, expect, it } from "vitest";
import { expressMiddleware } from "../../adapters/express.js";
import { fastifyWebhooks, type FastifyWebhookOptions } from "../../adapters/fastify.js";
import { koaMiddleware } from "../../adapters/koa.js";
import { nodeMiddleware } from "../../adapters/node.js";
import { CALLBACK_PATH, recordingDispatcher, sampleOf, tencentQuery } from "../support/fixtures.js";
import { closeAllServers, listen, listenFastify, send } from "../support/servers.js";

const ROOM = "Room.CallbackAfterDestroyRoom";
const QUERY = tencentQuery({ command: ROOM });
const OK = JSON.stringify({ ActionStatus: "OK", ErrorInfo: "", ErrorCode: 0 });

afterAll(closeAllServers);

describe("express", () => {
  it("with { path }: other paths go to next(), unknown ones to Express's 404", async () => {
    const { dispatcher, recorded } = recordingDispatcher();
    const app = express();
    app.use(expressMiddleware(dispatcher, { path: CALLBACK_PATH }));
    app.post("/other", (_req, res) => {
      res.send("other route");
    });
    const server = await listen(http.createServer(app));
    expect((await send(server.origin, { path: `/other${QUERY}`, body: sampleOf(ROOM) })).body).toBe("other route");
    const missing = await send(server.origin, { path: `/missing${QUERY}`, body: sampleOf(ROOM) });
    expect(missing.status).toBe(404);
    expect(missing.body).toMatch(/Cannot POST \/missing/);
    expect(recorded.any).toEqual([]);
    expect((await send(server.origin, { path: `${CALLBACK_PATH}${QUERY}`, body: sampleOf(ROOM) })).body).toBe(OK);
    await server.close();
  });

  it("on a Router with router.post(path): the event records the full URL", async () => {
    const { dispatcher, recorded } = recordingDispatcher();
    const router = express.Router();
    router.post("/callback", expressMiddleware(dispatcher));
    const app = express();
    app.use("/tencent", router);
    const server = await listen(http.createServer(app));
    expect((await send(server.origin, { path: `/tencent/callback${QUERY}`, body: sampleOf(ROOM) })).body).toBe(OK);
    expect(recorded.any[0]!.request.url).toBe(`/tencent/callback${QUERY}`);
    expect((await send(server.origin, { method: "GET", path: "/tencent/callback" })).status).toBe(404); // Express's: only POST routed
    await server.close();
  });
});

describe("koa", () => {
  it("other paths go to next()", async () => {
    const { dispatcher, recorded } = recordingDispatcher();
    const app = new Koa();
    app.use(koaMiddleware(dispatcher, { path: CALLBACK_PATH }));
    app.use((ctx) => {
      ctx.body = "downstream";
    });
    const server = await listen(http.createServer(app.callback()));
    expect((await send(server.origin, { path: `/other${QUERY}`, body: sampleOf(ROOM) })).body).toBe("downstream");
    expect(recorded.any).toEqual([]);
    expect((await send(server.origin, { path: `${CALLBACK_PATH}${QUERY}`, body: sampleOf(ROOM) })).body).toBe(OK);
    await server.close();
  });
});

describe("node", () => {
  it("as http.createServer(handler): other paths get 404", async () => {
    const { dispatcher } = recordingDispatcher();
    const server = await listen(http.createServer(nodeMiddleware(dispatcher, { path: CALLBACK_PATH })));
    expect((await send(server.origin, { path: `/other${QUERY}`, body: sampleOf(ROOM) })).status).toBe(404);
    expect((await send(server.origin, { path: `${CALLBACK_PATH}${QUERY}`, body: sampleOf(ROOM) })).body).toBe(OK);
    await server.close();
  });

  it("Connect-style (req, res, next): other paths go to next()", async () => {
    const { dispatcher } = recordingDispatcher();
    const middleware = nodeMiddleware(dispatcher, { path: CALLBACK_PATH });
    const server = await listen(http.createServer((req, res) => middleware(req, res, () => res.end("next was called"))));
    expect((await send(server.origin, { path: `/other${QUERY}`, body: sampleOf(ROOM) })).body).toBe("next was called");
    expect((await send(server.origin, { path: `${CALLBACK_PATH}${QUERY}`, body: sampleOf(ROOM) })).body).toBe(OK);
    await server.close();
  });
});

/** An app with its own JSON route next to the webhook plugin. */
async function fastifyApp(plugin: FastifyPluginAsync<FastifyWebhookOptions>) {
  const { dispatcher, recorded } = recordingDispatcher();
  const app = Fastify();
  app.post("/echo", async (request) => ({ echoed: request.body }));
  await app.register(plugin, { dispatcher, path: "/callback", prefix: "/tencent" });
  return { server: await listenFastify(app), recorded };
}

describe("fastify", () => {
  it("with a prefix: its route answers, other paths get Fastify's 404", async () => {
    const { server, recorded } = await fastifyApp(fastifyWebhooks);
    expect((await send(server.origin, { path: `/tencent/callback${QUERY}`, body: sampleOf(ROOM) })).body).toBe(OK);
    expect(recorded.any[0]!.request.url).toBe(`/tencent/callback${QUERY}`);
    const missing = await send(server.origin, { path: `/missing${QUERY}`, body: sampleOf(ROOM) });
    expect(missing.status).toBe(404);
    expect(JSON.parse(missing.body)).toMatchObject({ error: "Not Found" });
    await server.close();
  });

  it("is encapsulated: the app's other routes keep Fastify's own JSON parsing", async () => {
    const { server } = await fastifyApp(fastifyWebhooks);
    const json = await send(server.origin, { path: "/echo", body: '{"a":1}' });
    expect(JSON.parse(json.body)).toEqual({ echoed: { a: 1 } });
    const xml = await send(server.origin, { path: "/echo", contentType: "application/xml", body: "<a/>" });
    expect(xml.status).toBe(415); // Fastify's own FST_ERR_CTP_INVALID_MEDIA_TYPE: our catch-all did not leak
    expect(JSON.parse(xml.body)).toMatchObject({ code: "FST_ERR_CTP_INVALID_MEDIA_TYPE" });
    await server.close();
  });

  it("other errors on its route still reach the app's own error handler", async () => {
    const { dispatcher } = recordingDispatcher();
    const app = Fastify();
    const seen: unknown[] = [];
    app.setErrorHandler((error, _request, reply) => {
      seen.push(error);
      return reply.code(400).send("app error handler");
    });
    await app.register(fastifyWebhooks, { dispatcher, path: CALLBACK_PATH });
    const server = await listenFastify(app);
    const request = http.request(`${server.origin}${CALLBACK_PATH}${QUERY}`, {
      method: "POST",
      headers: { "content-type": "application/json", "content-length": "1000" },
      agent: false,
    });
    request.on("error", () => {}); // we hang up ourselves
    request.write("{");
    await new Promise((resolve) => setTimeout(resolve, 50));
    request.destroy();
    await expect.poll(() => seen).toEqual([expect.objectContaining({ code: "ECONNABORTED", statusCode: 400 })]);
    await server.close();
  });

  it("the encapsulation check can fail: the same plugin made global (as fastify-plugin would) leaks", async () => {
    const leaking: FastifyPluginAsync<FastifyWebhookOptions> = (instance, options) => fastifyWebhooks(instance, options);
    Object.assign(leaking, { [Symbol.for("skip-override")]: true }); // exactly what fastify-plugin sets
    const { server } = await fastifyApp(leaking);
    const json = await send(server.origin, { path: "/echo", body: '{"a":1}' });
    // /echo now receives the webhook route's raw-bytes read instead of parsed JSON.
    expect(JSON.parse(json.body)).toEqual({ echoed: { body: { type: "Buffer", data: [...Buffer.from('{"a":1}')] }, overLimit: false } });
    await server.close();
  });
});
