/**
 * The TRTC table (trtc-cases.ts) through `handle()` and, over real HTTP on 127.0.0.1:0, through
 * the express, fastify, koa, node and fetch adapters: identical status and body everywhere.
 * Then what only some setups have: a body parser mounted first, handlers by code.
 */
import http from "node:http";
import express from "express";
import Koa from "koa";
import { afterAll, describe, expect, it } from "vitest";
import { expressMiddleware } from "../../adapters/express.js";
import { koaMiddleware } from "../../adapters/koa.js";
import { nodeMiddleware } from "../../adapters/node.js";
import { createTrtcDispatcher, memoryQueue } from "../../src/index.js";
import type { AnyWebhookEvent } from "../../src/types.js";
import {
  TRTC_APP_ID,
  TRTC_DOC_SIGN,
  TRTC_KEY,
  TRTC_PATH,
  caseHeaders,
  expectProtocolOutcome,
  recordingTrtcDispatcher,
  runTable,
  trtcSign,
  type ProtocolCase,
} from "../support/protocol-fixtures.js";
import { closeAllServers, listen, send } from "../support/servers.js";
import { DOC_SAMPLE, TRTC_MESSAGES, trtcCases, trtcParsedBodyCases, type TrtcCase } from "./trtc-cases.js";

afterAll(closeAllServers);

runTable({
  label: "TRTC",
  cases: trtcCases,
  path: TRTC_PATH,
  make: (testCase: TrtcCase) => recordingTrtcDispatcher(testCase.options, testCase.behaviour),
  secrets: [TRTC_KEY],
});

describe("TRTC: a body another middleware parsed", () => {
  it.each(trtcParsedBodyCases.map((c) => [c.name, c] as const))("handle(): %s", async (_name, testCase) => {
    const { dispatcher, recorded } = recordingTrtcDispatcher(testCase.options, testCase.behaviour);
    const response = await dispatcher.handle({
      method: "POST",
      url: TRTC_PATH,
      headers: caseHeaders(testCase as ProtocolCase<unknown>),
      body: testCase.request.body,
    });
    expectProtocolOutcome(
      testCase as ProtocolCase<unknown>,
      { status: response.status, contentType: response.headers["content-type"] ?? null, body: response.body },
      recorded,
      [TRTC_KEY],
    );
    expect(recorded.errors[0]?.request.rawBodyExact).toBe(false);
  });

  const headers = { SdkAppId: TRTC_APP_ID, Sign: TRTC_DOC_SIGN };
  const rawBodyRequired = JSON.stringify({ code: 500, message: TRTC_MESSAGES.rawBodyRequired });

  it("express.json() first: 500 raw_body_required, the body handle() gives", async () => {
    const { dispatcher, recorded } = recordingTrtcDispatcher();
    const app = express();
    app.use(express.json());
    app.use(TRTC_PATH, expressMiddleware(dispatcher));
    const server = await listen(http.createServer(app));
    const answer = await send(server.origin, { path: TRTC_PATH, headers, body: DOC_SAMPLE });
    expect({ status: answer.status, body: answer.body }).toEqual({ status: 500, body: rawBodyRequired });
    expect(recorded.errors.map((error) => error.reason)).toEqual(["raw_body_required"]);
    expect(recorded.any).toEqual([]);
    await server.close();
  });

  it("a node stack whose parser left only req.body: 500 raw_body_required", async () => {
    const { dispatcher, recorded } = recordingTrtcDispatcher();
    const webhook = nodeMiddleware(dispatcher, { path: TRTC_PATH });
    const server = await listen(
      http.createServer((req, res) => {
        const chunks: Buffer[] = [];
        req.on("data", (chunk: Buffer) => chunks.push(chunk));
        req.on("end", () => {
          Object.assign(req, { body: JSON.parse(Buffer.concat(chunks).toString("utf8")) as unknown });
          webhook(req, res);
        });
      }),
    );
    const answer = await send(server.origin, { path: TRTC_PATH, headers, body: DOC_SAMPLE });
    expect({ status: answer.status, body: answer.body }).toEqual({ status: 500, body: rawBodyRequired });
    expect(recorded.errors.map((error) => error.reason)).toEqual(["raw_body_required"]);
    await server.close();
  });

  it.each([
    ["express.json({ verify }) keeping req.rawBody", () => express.json({ verify: (req, _res, buf) => Object.assign(req, { rawBody: buf }) })],
    ["express.raw()", () => express.raw({ type: "*/*" })],
    ["express.text({ type: '*/*' })", () => express.text({ type: "*/*" })],
  ] as const)("%s first: the raw bytes are kept, the page's Sign verifies", async (_name, parser) => {
    const { dispatcher, recorded } = recordingTrtcDispatcher();
    const app = express();
    app.use(parser());
    app.use(TRTC_PATH, expressMiddleware(dispatcher));
    const server = await listen(http.createServer(app));
    const answer = await send(server.origin, { path: TRTC_PATH, headers, body: DOC_SAMPLE });
    expect({ status: answer.status, body: answer.body }).toEqual({ status: 200, body: '{"code":0}' });
    expect(recorded.on.map((event) => [event.command, event.rawBody])).toEqual([["StopAudio", DOC_SAMPLE]]);
    await server.close();
  });

  it.each([true, false])("koa, a JSON parser first, ctx.request.rawBody kept: %s", async (keepRawBody) => {
    const { dispatcher, recorded } = recordingTrtcDispatcher();
    const app = new Koa();
    app.use(async (ctx, next) => {
      const chunks: Buffer[] = [];
      for await (const chunk of ctx.req) chunks.push(chunk as Buffer);
      const text = Buffer.concat(chunks).toString("utf8");
      Object.assign(ctx.request, { body: JSON.parse(text) as unknown }, keepRawBody ? { rawBody: text } : {});
      await next();
    });
    app.use(koaMiddleware(dispatcher, { path: TRTC_PATH }));
    const server = await listen(http.createServer(app.callback()));
    const answer = await send(server.origin, { path: TRTC_PATH, headers, body: DOC_SAMPLE });
    if (keepRawBody) {
      expect({ status: answer.status, body: answer.body }).toEqual({ status: 200, body: '{"code":0}' });
      expect(recorded.on.map((event) => event.rawBody)).toEqual([DOC_SAMPLE]);
    } else {
      expect({ status: answer.status, body: answer.body }).toEqual({ status: 500, body: rawBodyRequired });
    }
    await server.close();
  });
});

describe("TRTC: handlers", () => {
  it("on() by code, by name and onAny all see the one event", async () => {
    const dispatcher = createTrtcDispatcher({ sdkAppId: TRTC_APP_ID, key: TRTC_KEY });
    const seen: string[] = [];
    dispatcher.on(204, (event) => void seen.push(`code:${event.command}`));
    dispatcher.on("StopAudio", (event) => void seen.push(`name:${event.command}`));
    dispatcher.on("StartAudio", () => void seen.push("other"));
    dispatcher.onAny((event: AnyWebhookEvent) => void seen.push(`any:${event.command}`));
    const response = await dispatcher.handle({ method: "POST", url: TRTC_PATH, headers: { SdkAppId: TRTC_APP_ID, Sign: TRTC_DOC_SIGN }, body: DOC_SAMPLE });
    expect(response.body).toBe('{"code":0}');
    expect(seen).toEqual(["code:StopAudio", "name:StopAudio", "any:StopAudio"]);
  });

  it("with a dedupe store, a resent callback is a duplicate, and callbacks that differ are not", async () => {
    // The default key is made of the paths' values only when they are scalars: String() of two
    // different objects ("[object Object]") or of lists that print alike ("1,2") would be one key,
    // and the second callback would be answered 200 as a duplicate and never handled.
    const dispatcher = createTrtcDispatcher({ sdkAppId: TRTC_APP_ID, key: TRTC_KEY, dedupe: memoryQueue().dedupe });
    const handled: string[] = [];
    const duplicates: string[] = [];
    dispatcher.onAny((event) => void handled.push(event.rawBody));
    dispatcher.onDuplicate((duplicate) => void duplicates.push(duplicate.request.rawBody ?? ""));
    const body = (roomId: string) => `{"EventGroupId":99,"EventType":9901,"EventInfo":{"RoomId":${roomId},"UserId":"u","EventMsTs":1}}`;
    const bodies = [body('"r1"'), body('"r1"'), body('{"a":1}'), body('{"b":2}'), body("[1,2]"), body('["1,2"]')];
    for (const text of bodies) {
      const response = await dispatcher.handle({ method: "POST", url: TRTC_PATH, headers: { SdkAppId: TRTC_APP_ID, Sign: trtcSign(text) }, body: text });
      expect(response.body).toBe('{"code":0}');
    }
    expect(duplicates).toEqual([bodies[1]]);
    expect(handled).toEqual([bodies[0], bodies[2], bodies[3], bodies[4], bodies[5]]);
  });

  it("options describe the dispatcher without the key", () => {
    const dispatcher = createTrtcDispatcher({ sdkAppId: [TRTC_APP_ID, 1400000001], key: [TRTC_KEY, "second-key"] });
    expect(dispatcher.options).toMatchObject({ protocol: "trtc", signed: true, sdkAppIds: [TRTC_APP_ID, "1400000001"] });
    expect(JSON.stringify(dispatcher.options)).not.toMatch(/123654|second-key/);
  });

  it.each([
    [{ sdkAppId: "", key: TRTC_KEY }, /sdkAppId/],
    [{ sdkAppId: "01400000000", key: TRTC_KEY }, /sdkAppId/],
    [{ sdkAppId: [], key: TRTC_KEY }, /sdkAppId/],
    [{ sdkAppId: TRTC_APP_ID, key: "" }, /key/],
    [{ sdkAppId: TRTC_APP_ID, key: [] }, /key/],
    [{ sdkAppId: TRTC_APP_ID }, /key/],
    [{ sdkAppId: TRTC_APP_ID, key: TRTC_KEY, token: "x" }, /unknown option `token`/],
  ])("bad options fail at start-up: %j", (options, message) => {
    expect(() => createTrtcDispatcher(options as never)).toThrow(message);
  });
});
