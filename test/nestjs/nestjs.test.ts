/**
 * tencent-webhooks/nestjs in real Nest applications over real HTTP, on @nestjs/platform-express
 * and @nestjs/platform-fastify (forRoot on one, forRootAsync on the other, then swapped): the
 * module mounts ahead of Nest's body parser, so a 64-bit ID arrives exact and a 150 KB body (over
 * Nest's 100 KB JSON limit on Express) is accepted; decorated provider methods handle every
 * protocol, a "before" method's decision is the reply; the app's own JSON route is still parsed
 * by Nest; an injected dispatcher's onError sees a refused TRTC callback.
 */
import type { INestApplication } from "@nestjs/common";
import { NestFactory } from "@nestjs/core";
import { ExpressAdapter } from "@nestjs/platform-express";
import { FastifyAdapter } from "@nestjs/platform-fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { registry } from "../../schemas/index.js";
import { cssRequest, signedRequest, trtcRequest } from "../../src/testing/index.js";
import { send } from "../support/servers.js";
import type { WebhookErrorEvent } from "../../src/index.js";

// Loaded by URL so that the root `tsc --noEmit` does not follow it: the app's legacy decorators are
// type-checked with its own tsconfig (test/nestjs/types.test.ts).
const APP_MODULE = new URL("./app/app.module.ts", import.meta.url).href;
const { APP_ID, appModule, CSS_KEY, errors, seen, TOKEN, TRTC_KEY } = (await import(APP_MODULE)) as {
  APP_ID: string;
  TOKEN: string;
  TRTC_KEY: string;
  CSS_KEY: string;
  appModule(how: "sync" | "async"): new () => object;
  seen: { command: string; value: unknown }[];
  errors: WebhookErrorEvent[];
};

const OWNER = "144115216631667826";
/** The Live sample (its 64-bit Owner_Account literal intact), padded past 150 KB with a field the schema does not know. */
function bigDestroyRoom(): string {
  const sample = registry.get("Live.CallbackAfterDestroyRoom")!.sample;
  expect(sample).toContain(`"Owner_Account": ${OWNER}`);
  return sample.replace("{", `{"Padding":"${"x".repeat(150 * 1024)}",`);
}

it("runs on the Nest major asked for (NEST_MAJOR: 11 from nest11.test.ts; the devDependency, 12, otherwise)", async () => {
  const { default: core } = (await import("@nestjs/core/package.json", { with: { type: "json" } })) as { default: { version: string } };
  expect(core.version.split(".")[0]).toBe(process.env.NEST_MAJOR ?? "12");
});

const PLATFORMS = [
  ["express", "sync", () => new ExpressAdapter()],
  ["fastify", "async", () => new FastifyAdapter()],
  ["express", "async", () => new ExpressAdapter()],
  ["fastify", "sync", () => new FastifyAdapter()],
] as const;

describe.each(PLATFORMS)("TencentWebhooksModule on @nestjs/platform-%s (%s options)", (_platform, how, adapter) => {
  let app: INestApplication;
  let origin: string;

  beforeAll(async () => {
    app = await NestFactory.create(appModule(how), adapter(), { logger: false });
    await app.listen(0, "127.0.0.1");
    origin = (await app.getUrl()).replace("[::1]", "127.0.0.1");
  });
  afterAll(() => app?.close());

  it("a decorated method gets the 64-bit Owner_Account exact, from a 150 KB body", async () => {
    const body = bigDestroyRoom();
    expect(Buffer.byteLength(body)).toBeGreaterThan(150 * 1024);
    const request = signedRequest("Live.CallbackAfterDestroyRoom", body, { sdkAppId: APP_ID, token: TOKEN, path: "/tencent/callback" });
    seen.length = 0;
    const answer = await send(origin, { path: request.url, body: request.body });
    expect(JSON.parse(answer.body)).toEqual({ ActionStatus: "OK", ErrorInfo: "", ErrorCode: 0 });
    expect(answer.status).toBe(200);
    expect(seen).toEqual([{ command: "Live.CallbackAfterDestroyRoom", value: OWNER }]);
  });

  it("a before callback's reply is the decorated method's decision", async () => {
    const request = signedRequest("C2C.CallbackBeforeSendMsg", { sdkAppId: APP_ID, token: TOKEN, path: "/tencent/callback" });
    seen.length = 0;
    const answer = await send(origin, { path: request.url, body: request.body });
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.body)).toMatchObject({ ActionStatus: "OK", ErrorInfo: "moderated by Nest", ErrorCode: 120001 });
    expect(seen.map((entry) => entry.command)).toEqual(["C2C.CallbackBeforeSendMsg"]);
  });

  it("TRTC and CSS events reach their decorated methods; a bad TRTC signature reaches the injected dispatcher's onError", async () => {
    seen.length = 0;
    errors.length = 0;
    const trtc = trtcRequest("EnterRoom", { sdkAppId: APP_ID, key: TRTC_KEY, path: "/tencent/trtc" });
    expect((await send(origin, { path: trtc.url, body: trtc.body, headers: trtc.headers })).status).toBe(200);
    const css = cssRequest("PushBegin", { key: CSS_KEY, path: "/tencent/css" });
    expect((await send(origin, { path: css.url, body: css.body })).status).toBe(200);
    expect(seen).toEqual([
      { command: "EnterRoom", value: "test" },
      { command: "PushBegin", value: "test_stream" },
    ]);
    const forged = await send(origin, { path: trtc.url, body: trtc.body, headers: { ...trtc.headers, sign: "forged" } });
    expect(forged.status).toBe(401);
    expect(errors.map((error) => error.reason)).toEqual(["signature_invalid"]);
  });

  it("the app's own JSON route is still parsed by Nest (and only the webhook paths are the package's)", async () => {
    const answer = await send(origin, { path: "/api/echo", body: JSON.stringify({ hello: "nest", n: 1 }) });
    expect(answer.status).toBe(201);
    expect(JSON.parse(answer.body)).toEqual({ parsedByNest: { hello: "nest", n: 1 } });
    // Nest's own limit still holds there: the 150 KB body the webhook took is too large for Nest's JSON parser on Express.
    const big = await send(origin, { path: "/api/echo", body: JSON.stringify({ padding: "x".repeat(150 * 1024) }) });
    expect(big.status).toBe(_platform === "express" ? 413 : 201);
  });
});
