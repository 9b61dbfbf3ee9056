/**
 * A JSON body parser mounted before the webhook rounds every integer beyond 2^53:
 * `Owner_Account` 144115216631667826 becomes 144115216631667840, a wrong but plausible account.
 * Such a body is refused (500 `precision_lost`, a message naming that framework's fix), the
 * handler never runs; a parser that kept the raw bytes, or a parsed body with no unsafe integer,
 * still works. Real frameworks and real parsers, over real sockets (127.0.0.1, port 0).
 */
import http from "node:http";
import { bodyParser } from "@koa/bodyparser";
import express from "express";
import Fastify from "fastify";
import { Hono } from "hono";
import Koa from "koa";
import { koaBody } from "koa-body";
import { afterAll, describe, expect, it } from "vitest";
import { expressMiddleware } from "../../adapters/express.js";
import { fastifyPlugin } from "../../adapters/fastify.js";
import { honoMiddleware } from "../../adapters/hono.js";
import { koaMiddleware } from "../../adapters/koa.js";
import { nodeMiddleware } from "../../adapters/node.js";
import { definitionFor } from "../../schemas/index.js";
import { precisionLostMessage } from "../../src/pipeline/precision.js";
import { CALLBACK_PATH, recordingDispatcher, tencentQuery } from "../support/fixtures.js";
import { closeAllServers, listen, listenFastify, send, type RunningServer } from "../support/servers.js";

const UNSAFE = "Live.CallbackAfterDestroyRoom";
const UNSAFE_SAMPLE = definitionFor(UNSAFE)!.sample;
const UNSAFE_PATH = `${CALLBACK_PATH}${tencentQuery({ command: UNSAFE })}`;
const EXACT_OWNER = "144115216631667826";
/** A sample with no integer beyond 2^53: a parsed copy of it is exact. */
const SAFE = "Live.CallbackAfterCreateRoom";
const SAFE_SAMPLE = definitionFor(SAFE)!.sample;
const SAFE_PATH = `${CALLBACK_PATH}${tencentQuery({ command: SAFE })}`;
const OWNER_PATH = "/RoomInfo/Owner_Account";

afterAll(closeAllServers);

it("the seed sample really carries a 64-bit Owner_Account that JSON.parse rounds", () => {
  expect(UNSAFE_SAMPLE).toContain(`"Owner_Account": ${EXACT_OWNER},`);
  expect(String((JSON.parse(UNSAFE_SAMPLE) as { RoomInfo: { Owner_Account: number } }).RoomInfo.Owner_Account)).not.toBe(EXACT_OWNER);
  expect(SAFE_SAMPLE).not.toMatch(/[^\d."]\d{16,}[^\d."]/);
});

type Setup = ReturnType<typeof recordingDispatcher>;

/** The answer to the 64-bit sample: refused, with `fix` in the message, reported, never handled. */
async function expectPrecisionLost(server: RunningServer, { recorded }: Setup, source: string, fix: RegExp) {
  const answer = await send(server.origin, { path: UNSAFE_PATH, body: UNSAFE_SAMPLE });
  expect(answer.status).toBe(500);
  const reply = JSON.parse(answer.body) as { ActionStatus: string; ErrorInfo: string; ErrorCode: number };
  expect(reply).toEqual({ ActionStatus: "FAIL", ErrorInfo: precisionLostMessage(OWNER_PATH, source), ErrorCode: 500 });
  expect(reply.ErrorInfo).toMatch(/64-bit integer at \/RoomInfo\/Owner_Account was rounded/);
  expect(reply.ErrorInfo).toMatch(fix);
  expect(recorded.on).toEqual([]);
  expect(recorded.any).toEqual([]);
  expect(recorded.errors.map((error) => [error.reason, error.status])).toEqual([["precision_lost", 500]]);
  expect(recorded.errors[0]!.message).toBe(reply.ErrorInfo);
  // The report says the body is a re-serialisation, not what Tencent sent.
  expect(recorded.errors[0]!.request.rawBodyExact).toBe(false);
}

/** The 64-bit sample handled with its exact Owner_Account. */
async function expectExactOwner(server: RunningServer, { recorded }: Setup) {
  const answer = await send(server.origin, { path: UNSAFE_PATH, body: UNSAFE_SAMPLE });
  expect(answer.status).toBe(200);
  expect(recorded.on).toHaveLength(1);
  expect((recorded.on[0]!.payload.RoomInfo as Record<string, unknown>).Owner_Account).toBe(EXACT_OWNER);
  expect(recorded.on[0]!.request.rawBodyExact).toBe(true);
  expect(recorded.errors).toEqual([]);
}

/** A parsed body with no unsafe integer is delivered (from the re-serialised text). */
async function expectSafeParsedBody(server: RunningServer, { recorded }: Setup) {
  const answer = await send(server.origin, { path: SAFE_PATH, body: SAFE_SAMPLE });
  expect(answer.status).toBe(200);
  expect(JSON.parse(answer.body)).toEqual({ ActionStatus: "OK", ErrorInfo: "", ErrorCode: 0 });
  expect(recorded.on.map((event) => event.command)).toEqual([SAFE]);
  expect(recorded.on[0]!.payload).toEqual(JSON.parse(SAFE_SAMPLE));
  expect(recorded.errors).toEqual([]);
}

describe("express", () => {
  function app(setup: Setup, parser?: express.RequestHandler) {
    const app = express();
    if (parser) app.use(parser);
    app.use(CALLBACK_PATH, expressMiddleware(setup.dispatcher));
    return listen(http.createServer(app));
  }

  it("app.use(express.json()) first: 500 precision_lost naming Express's fix; the handler never runs", async () => {
    const setup = recordingDispatcher();
    const server = await app(setup, express.json());
    await expectPrecisionLost(server, setup, "express", /mount the webhook before app\.use\(express\.json\(\)\).*express\.json\(\{ verify/);
    await server.close();
  });

  it("express.json() first, a body without unsafe integers: 200", async () => {
    const setup = recordingDispatcher();
    const server = await app(setup, express.json());
    await expectSafeParsedBody(server, setup);
    await server.close();
  });

  it("the fix the message names works: express.json({ verify }) keeping req.rawBody gives the exact Owner_Account", async () => {
    const setup = recordingDispatcher();
    const server = await app(setup, express.json({ verify: (req, _res, buf) => Object.assign(req, { rawBody: buf }) }));
    await expectExactOwner(server, setup);
    await server.close();
  });

  it("the other fix: mounted before express.json(), the exact Owner_Account", async () => {
    const setup = recordingDispatcher();
    const server = await app(setup);
    await expectExactOwner(server, setup);
    await server.close();
  });
});

describe("koa", () => {
  function app(setup: Setup, parser?: Koa.Middleware) {
    const app = new Koa();
    if (parser) app.use(parser);
    app.use(koaMiddleware(setup.dispatcher, { path: CALLBACK_PATH }));
    return listen(http.createServer(app.callback()));
  }

  it("koa-body first: 500 precision_lost naming Koa's fix; the handler never runs", async () => {
    const setup = recordingDispatcher();
    const server = await app(setup, koaBody());
    await expectPrecisionLost(server, setup, "koa", /mount koaMiddleware before koa-body \/ @koa\/bodyparser.*includeUnparsed: true/);
    await server.close();
  });

  it("koa-body first, a body without unsafe integers: 200", async () => {
    const setup = recordingDispatcher();
    const server = await app(setup, koaBody());
    await expectSafeParsedBody(server, setup);
    await server.close();
  });

  it("the fix the message names works: koa-body({ includeUnparsed: true }) keeps ctx.request.rawBody, the exact Owner_Account", async () => {
    const setup = recordingDispatcher();
    const server = await app(setup, koaBody({ includeUnparsed: true }));
    await expectExactOwner(server, setup);
    await server.close();
  });

  it("@koa/bodyparser first: it always keeps ctx.request.rawBody, so nothing is lost (the exact Owner_Account)", async () => {
    const setup = recordingDispatcher();
    const server = await app(setup, bodyParser());
    await expectExactOwner(server, setup);
    await server.close();
  });

  it("@koa/bodyparser first, its raw body dropped by the app: 500 precision_lost naming Koa's fix", async () => {
    const setup = recordingDispatcher();
    const dropRawBody: Koa.Middleware = async (ctx, next) => {
      delete (ctx.request as { rawBody?: unknown }).rawBody;
      await next();
    };
    const koa = new Koa();
    koa
      .use(bodyParser())
      .use(dropRawBody)
      .use(koaMiddleware(setup.dispatcher, { path: CALLBACK_PATH }));
    const server = await listen(http.createServer(koa.callback()));
    await expectPrecisionLost(server, setup, "koa", /koa-body \/ @koa\/bodyparser/);
    await server.close();
  });

  it("mounted before koa-body: the exact Owner_Account", async () => {
    const setup = recordingDispatcher();
    const koa = new Koa();
    koa.use(koaMiddleware(setup.dispatcher, { path: CALLBACK_PATH })).use(koaBody());
    const server = await listen(http.createServer(koa.callback()));
    await expectExactOwner(server, setup);
    await server.close();
  });
});

describe("node (a Connect-style stack that parsed req.body first)", () => {
  function app(setup: Setup) {
    const webhook = nodeMiddleware(setup.dispatcher, { path: CALLBACK_PATH });
    return listen(
      http.createServer(async (req, res) => {
        const chunks: Buffer[] = [];
        for await (const chunk of req) chunks.push(chunk as Buffer);
        Object.assign(req, { body: JSON.parse(Buffer.concat(chunks).toString("utf8")) as unknown });
        webhook(req, res);
      }),
    );
  }

  it("500 precision_lost naming the node fix; the handler never runs", async () => {
    const setup = recordingDispatcher();
    const server = await app(setup);
    await expectPrecisionLost(server, setup, "node", /pass the request stream \(or its raw bytes\)/);
    await server.close();
  });

  it("a body without unsafe integers: 200", async () => {
    const setup = recordingDispatcher();
    const server = await app(setup);
    await expectSafeParsedBody(server, setup);
    await server.close();
  });
});

describe("fastify: the plugin reads the raw bytes in its own scope, so a rounded body cannot reach it", () => {
  it("next to the app's own JSON routes (Fastify's default parser): the exact Owner_Account, and the app still parses JSON", async () => {
    const setup = recordingDispatcher();
    const app = Fastify();
    app.post("/echo", async (request) => ({ echoed: request.body }));
    await app.register(fastifyPlugin, { dispatcher: setup.dispatcher, path: CALLBACK_PATH });
    const server = await listenFastify(app);
    await expectExactOwner(server, setup);
    const echo = await send(server.origin, { path: "/echo", body: UNSAFE_SAMPLE });
    // What the plugin's scope spares the webhook: the app's own parser rounds it.
    expect(String(JSON.parse(echo.body).echoed.RoomInfo.Owner_Account)).not.toBe(EXACT_OWNER);
    await server.close();
  });
});

describe("hono: a body read before the middleware (c.req.json()) is refused, never delivered rounded", () => {
  function app(setup: Setup, readFirst: boolean) {
    const hono = new Hono();
    if (readFirst) {
      hono.use(async (c, next) => {
        await c.req.json();
        await next();
      });
    }
    hono.use(honoMiddleware(setup.dispatcher, { path: CALLBACK_PATH }));
    return hono;
  }
  const post = (hono: Hono) =>
    hono.request(`http://127.0.0.1${UNSAFE_PATH}`, { method: "POST", headers: { "content-type": "application/json" }, body: UNSAFE_SAMPLE });

  it("c.req.json() first: a Tencent-shaped 500; the handler never runs", async () => {
    const setup = recordingDispatcher();
    const response = await post(app(setup, true));
    expect(response.status).toBe(500);
    expect(await response.json()).toMatchObject({ ActionStatus: "FAIL", ErrorCode: 500 });
    expect(setup.recorded.on).toEqual([]);
  });

  it("nothing first: the exact Owner_Account", async () => {
    const setup = recordingDispatcher();
    const response = await post(app(setup, false));
    expect(response.status).toBe(200);
    expect((setup.recorded.on[0]!.payload.RoomInfo as Record<string, unknown>).Owner_Account).toBe(EXACT_OWNER);
  });
});
