/**
 * A body parser mounted before the webhook: its raw bytes are used when it kept them; else its
 * parsed object is (64-bit IDs may have lost precision) and the core warns once per process.
 * The first test here is the first parsed body of this process (vitest isolates test files).
 */
import http from "node:http";
import express from "express";
import Koa from "koa";
import { afterAll, afterEach, beforeEach, describe, expect, it } from "vitest";
import { expressMiddleware } from "../adapters/express.js";
import { koaMiddleware } from "../adapters/koa.js";
import { CALLBACK_PATH, recordingDispatcher, sampleOf, tencentQuery } from "./support/fixtures.js";
import { closeAllServers, listen, send } from "./support/servers.js";

const LIVE = "Live.CallbackAfterDestroyRoom";
const PATH = `${CALLBACK_PATH}${tencentQuery({ command: LIVE })}`;
const EXACT_OWNER = "144115216631667826";

afterAll(closeAllServers);

let warnings: Error[] = [];
const onWarning = (warning: Error & { code?: string }) => {
  if (warning.code === "TENCENT_WEBHOOKS_PARSED_BODY") warnings.push(warning);
};
beforeEach(() => {
  warnings = [];
  process.on("warning", onWarning);
});
afterEach(() => {
  process.off("warning", onWarning);
});

function ownerSeen(recorded: ReturnType<typeof recordingDispatcher>["recorded"]): unknown {
  return (recorded.on[0]?.payload.RoomInfo as Record<string, unknown> | undefined)?.Owner_Account;
}

/** Give `process.emitWarning` (next tick) time to arrive. */
const tick = () => new Promise((resolve) => setImmediate(resolve));

describe("express: after a body parser", () => {
  it("express.json() first: the parsed object is used, and the core warns once per process", async () => {
    const { dispatcher, recorded } = recordingDispatcher();
    const app = express();
    app.use(express.json());
    app.use(CALLBACK_PATH, expressMiddleware(dispatcher));
    const server = await listen(http.createServer(app));
    for (let i = 0; i < 2; i++) expect((await send(server.origin, { path: PATH, body: sampleOf(LIVE) })).status).toBe(200);
    await tick();
    expect(recorded.on).toHaveLength(2);
    expect(typeof ownerSeen(recorded)).toBe("string");
    expect(ownerSeen(recorded)).not.toBe(EXACT_OWNER); // what the warning is about: JSON.parse rounded it
    expect(warnings).toHaveLength(1);
    expect(warnings[0]!.message).toMatch(/before any JSON body parser/);
    await server.close();
  });

  it("express.json() first does not swallow what it does not parse: text/plain still gets the core's 415", async () => {
    const { dispatcher } = recordingDispatcher();
    const app = express();
    app.use(express.json());
    app.use(CALLBACK_PATH, expressMiddleware(dispatcher));
    const server = await listen(http.createServer(app));
    const answer = await send(server.origin, { path: PATH, contentType: "text/plain", body: sampleOf(LIVE) });
    expect(answer.status).toBe(415);
    expect(JSON.parse(answer.body)).toMatchObject({ ActionStatus: "FAIL", ErrorCode: 415 });
    await server.close();
  });

  it("express.json({ verify }) keeping req.rawBody: the raw bytes are used, exact and without a warning", async () => {
    const { dispatcher, recorded } = recordingDispatcher();
    const app = express();
    app.use(express.json({ verify: (req, _res, buf) => Object.assign(req, { rawBody: buf }) }));
    app.use(CALLBACK_PATH, expressMiddleware(dispatcher));
    const server = await listen(http.createServer(app));
    expect((await send(server.origin, { path: PATH, body: sampleOf(LIVE) })).status).toBe(200);
    await tick();
    expect(ownerSeen(recorded)).toBe(EXACT_OWNER);
    expect(warnings).toEqual([]);
    await server.close();
  });

  it("express.raw() first: its Buffer is the raw body", async () => {
    const { dispatcher, recorded } = recordingDispatcher();
    const app = express();
    app.use(express.raw({ type: "*/*" }));
    app.use(CALLBACK_PATH, expressMiddleware(dispatcher));
    const server = await listen(http.createServer(app));
    expect((await send(server.origin, { path: PATH, body: sampleOf(LIVE) })).status).toBe(200);
    expect(ownerSeen(recorded)).toBe(EXACT_OWNER);
    await server.close();
  });

  it("mounted before express.json(): the app's other routes still get parsed JSON", async () => {
    const { dispatcher, recorded } = recordingDispatcher();
    const app = express();
    app.use(CALLBACK_PATH, expressMiddleware(dispatcher));
    app.use(express.json());
    app.post("/echo", (req, res) => {
      res.json({ echoed: req.body });
    });
    const server = await listen(http.createServer(app));
    expect((await send(server.origin, { path: PATH, body: sampleOf(LIVE) })).status).toBe(200);
    expect(ownerSeen(recorded)).toBe(EXACT_OWNER);
    const echo = await send(server.origin, { path: "/echo", body: '{"a":1}' });
    expect(JSON.parse(echo.body)).toEqual({ echoed: { a: 1 } });
    await server.close();
  });
});

/** What koa-bodyparser / @koa/bodyparser do: read the stream, set ctx.request.body (and rawBody). */
function koaJsonParser({ keepRawBody }: { keepRawBody: boolean }): Koa.Middleware {
  return async (ctx, next) => {
    const chunks: Buffer[] = [];
    for await (const chunk of ctx.req) chunks.push(chunk as Buffer);
    const text = Buffer.concat(chunks).toString("utf8");
    Object.assign(ctx.request, { body: JSON.parse(text) as unknown }, keepRawBody ? { rawBody: text } : {});
    await next();
  };
}

describe("koa: after a body parser", () => {
  it.each([
    { keepRawBody: true, owner: EXACT_OWNER },
    { keepRawBody: false, owner: expect.not.stringMatching(`^${EXACT_OWNER}$`) },
  ])("ctx.request.rawBody kept: $keepRawBody", async ({ keepRawBody, owner }) => {
    const { dispatcher, recorded } = recordingDispatcher();
    const app = new Koa();
    app.use(koaJsonParser({ keepRawBody }));
    app.use(koaMiddleware(dispatcher, { path: CALLBACK_PATH }));
    const server = await listen(http.createServer(app.callback()));
    expect((await send(server.origin, { path: PATH, body: sampleOf(LIVE) })).status).toBe(200);
    expect(ownerSeen(recorded)).toEqual(owner);
    await server.close();
  });
});
