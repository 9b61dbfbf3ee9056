/**
 * A body parser mounted before the webhook: its raw bytes are used when it kept them; else its
 * parsed object is, unless JSON.parse rounded a 64-bit integer in it: that body is refused
 * (500 precision_lost, naming the framework's fix) rather than delivered with a wrong ID.
 * test/adapters/precision.test.ts covers every framework and parser; these are the basic setups.
 */
import http from "node:http";
import express from "express";
import Koa from "koa";
import { afterAll, describe, expect, it } from "vitest";
import { expressMiddleware } from "../../adapters/express.js";
import { koaMiddleware } from "../../adapters/koa.js";
import { CALLBACK_PATH, recordingDispatcher, sampleOf, tencentQuery } from "../support/fixtures.js";
import { closeAllServers, listen, send } from "../support/servers.js";

const LIVE = "Live.CallbackAfterDestroyRoom";
const PATH = `${CALLBACK_PATH}${tencentQuery({ command: LIVE })}`;
const EXACT_OWNER = "144115216631667826";

afterAll(closeAllServers);

function ownerSeen(recorded: ReturnType<typeof recordingDispatcher>["recorded"]): unknown {
  return (recorded.on[0]?.payload.RoomInfo as Record<string, unknown> | undefined)?.Owner_Account;
}

describe("express: after a body parser", () => {
  it("express.json() first: the rounded 64-bit Owner_Account is refused, 500 precision_lost naming the express fix", async () => {
    const { dispatcher, recorded } = recordingDispatcher();
    const app = express();
    app.use(express.json());
    app.use(CALLBACK_PATH, expressMiddleware(dispatcher));
    const server = await listen(http.createServer(app));
    for (let i = 0; i < 2; i++) {
      const answer = await send(server.origin, { path: PATH, body: sampleOf(LIVE) });
      expect(answer.status).toBe(500);
      expect(JSON.parse(answer.body)).toMatchObject({ ActionStatus: "FAIL", ErrorCode: 500 });
      expect(JSON.parse(answer.body).ErrorInfo).toMatch(/\/RoomInfo\/Owner_Account was rounded: mount the webhook before app\.use\(express\.json\(\)\)/);
    }
    expect(recorded.on).toEqual([]);
    expect(recorded.errors.map((error) => error.reason)).toEqual(["precision_lost", "precision_lost"]);
    expect(recorded.errors[0]!.request.rawBodyExact).toBe(false);
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
    expect(ownerSeen(recorded)).toBe(EXACT_OWNER);
    expect(recorded.on[0]!.request.rawBodyExact).toBe(true);
    expect(recorded.errors).toEqual([]);
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
  it("ctx.request.rawBody kept: the raw text is used, the Owner_Account exact", async () => {
    const { dispatcher, recorded } = recordingDispatcher();
    const app = new Koa();
    app.use(koaJsonParser({ keepRawBody: true }));
    app.use(koaMiddleware(dispatcher, { path: CALLBACK_PATH }));
    const server = await listen(http.createServer(app.callback()));
    expect((await send(server.origin, { path: PATH, body: sampleOf(LIVE) })).status).toBe(200);
    expect(ownerSeen(recorded)).toBe(EXACT_OWNER);
    await server.close();
  });

  it("ctx.request.rawBody not kept: the rounded body is refused, 500 precision_lost naming the koa fix", async () => {
    const { dispatcher, recorded } = recordingDispatcher();
    const app = new Koa();
    app.use(koaJsonParser({ keepRawBody: false }));
    app.use(koaMiddleware(dispatcher, { path: CALLBACK_PATH }));
    const server = await listen(http.createServer(app.callback()));
    const answer = await send(server.origin, { path: PATH, body: sampleOf(LIVE) });
    expect(answer.status).toBe(500);
    expect(JSON.parse(answer.body).ErrorInfo).toMatch(/mount koaMiddleware before koa-body/);
    expect(recorded.on).toEqual([]);
    expect(recorded.errors.map((error) => error.reason)).toEqual(["precision_lost"]);
    await server.close();
  });

  it("ctx.request.rawBody not kept, no unsafe integer in the body: the parsed object is delivered", async () => {
    const { dispatcher, recorded } = recordingDispatcher();
    const app = new Koa();
    app.use(koaJsonParser({ keepRawBody: false }));
    app.use(koaMiddleware(dispatcher, { path: CALLBACK_PATH }));
    const server = await listen(http.createServer(app.callback()));
    const command = "Room.CallbackAfterDestroyRoom";
    const answer = await send(server.origin, { path: `${CALLBACK_PATH}${tencentQuery({ command })}`, body: sampleOf(command) });
    expect(answer.status).toBe(200);
    expect(recorded.on.map((event) => event.command)).toEqual([command]);
    expect(recorded.on[0]!.request.rawBodyExact).toBe(false);
    await server.close();
  });
});
