/**
 * The CSS table (css-cases.ts) through `handle()` and, over real HTTP on 127.0.0.1:0, through
 * the express, fastify, koa, node and fetch adapters: identical status and body everywhere.
 * Then what only some setups have: a body parser mounted first, handlers by code, options.
 */
import http from "node:http";
import express from "express";
import { afterAll, describe, expect, it } from "vitest";
import { expressMiddleware } from "../../adapters/express.js";
import { createCssDispatcher } from "../../src/index.js";
import {
  CSS_KEY,
  CSS_NOW_MS,
  CSS_PATH,
  caseHeaders,
  cssBody,
  expectProtocolOutcome,
  recordingCssDispatcher,
  runTable,
  type ProtocolCase,
} from "../support/protocol-fixtures.js";
import { closeAllServers, listen, send } from "../support/servers.js";
import { cssCases, cssParsedBodyCases, type CssCase } from "./css-cases.js";

afterAll(closeAllServers);

runTable({
  label: "CSS",
  cases: cssCases,
  path: CSS_PATH,
  make: (testCase: CssCase) => recordingCssDispatcher(testCase.options, testCase.behaviour),
  secrets: [`"${CSS_KEY}"`],
});

describe("CSS: a body another middleware parsed", () => {
  it.each(cssParsedBodyCases.map((c) => [c.name, c] as const))("handle(): %s", async (_name, testCase) => {
    const { dispatcher, recorded } = recordingCssDispatcher(testCase.options, testCase.behaviour);
    const response = await dispatcher.handle({
      method: "POST",
      url: CSS_PATH,
      headers: caseHeaders(testCase as ProtocolCase<unknown>),
      body: testCase.request.body,
    });
    expectProtocolOutcome(
      testCase as ProtocolCase<unknown>,
      { status: response.status, contentType: response.headers["content-type"] ?? null, body: response.body },
      recorded,
    );
  });

  it("express.json() first: the signed fields still verify, 200", async () => {
    const { dispatcher, recorded } = recordingCssDispatcher();
    const app = express();
    app.use(express.json());
    app.use(CSS_PATH, expressMiddleware(dispatcher));
    const server = await listen(http.createServer(app));
    const answer = await send(server.origin, { path: CSS_PATH, body: cssBody() });
    expect({ status: answer.status, body: answer.body }).toEqual({ status: 200, body: '{"code":0}' });
    expect(recorded.on.map((event) => [event.command, event.request.rawBodyExact])).toEqual([["PushBegin", false]]);
    await server.close();
  });

  it("express.json() first, a 64-bit number in the body: 500 precision_lost naming the express fix", async () => {
    const { dispatcher, recorded } = recordingCssDispatcher();
    const app = express();
    app.use(express.json());
    app.use(CSS_PATH, expressMiddleware(dispatcher));
    const server = await listen(http.createServer(app));
    const body = cssBody().replace('"sequence":"2210464508206756938"', '"sequence":2210464508206756938');
    const answer = await send(server.origin, { path: CSS_PATH, body });
    expect(answer.status).toBe(500);
    expect(JSON.parse(answer.body)).toEqual({
      code: 500,
      message: expect.stringMatching(/^The body was parsed before tencent-webhooks saw it and the 64-bit integer at \/sequence was rounded: /),
    });
    expect(recorded.errors.map((error) => error.reason)).toEqual(["precision_lost"]);
    expect(recorded.any).toEqual([]);
    await server.close();
  });
});

describe("CSS: handlers and options", () => {
  it("on() by code, by name and onAny all see the one event", async () => {
    const dispatcher = createCssDispatcher({ key: CSS_KEY, now: () => CSS_NOW_MS });
    const seen: string[] = [];
    dispatcher.on(1, (event) => void seen.push(`code:${event.command}`));
    dispatcher.on("PushBegin", (event) => void seen.push(`name:${event.command}`));
    dispatcher.on("PushEnd", () => void seen.push("other"));
    dispatcher.onAny((event) => void seen.push(`any:${event.command}`));
    const response = await dispatcher.handle({ method: "POST", url: CSS_PATH, headers: {}, body: cssBody() });
    expect(response.body).toBe('{"code":0}');
    expect(seen).toEqual(["code:PushBegin", "name:PushBegin", "any:PushBegin"]);
  });

  it("options describe the dispatcher without the key", () => {
    const dispatcher = createCssDispatcher({ key: [CSS_KEY, "second-key"], appId: 12345678 });
    expect(dispatcher.options).toMatchObject({ protocol: "css", signed: true, sdkAppIds: ["12345678"] });
    expect(JSON.stringify(dispatcher.options)).not.toMatch(/"abc"|second-key/);
  });

  it.each([
    [{ key: "" }, /key/],
    [{ key: [] }, /key/],
    [{}, /key/],
    [{ key: CSS_KEY, appId: "abc" }, /appId/],
    [{ key: CSS_KEY, appId: 0 }, /appId/],
    [{ key: CSS_KEY, clockToleranceSeconds: -1 }, /clockToleranceSeconds/],
    [{ key: CSS_KEY, clockToleranceSeconds: Number.NaN }, /clockToleranceSeconds/],
    [{ key: CSS_KEY, sdkAppId: 1 }, /unknown option `sdkAppId`/],
  ])("bad options fail at start-up: %j", (options, message) => {
    expect(() => createCssDispatcher(options as never)).toThrow(message);
  });
});
