/**
 * `tencent-webhooks/testing`, used the way an app's own test suite would: build the request
 * Tencent would send, hand it to a real dispatcher (directly, through `fetchHandler`, or over a
 * real server), and assert on the typed payload the handler got.
 */
import { createHash, createHmac } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, describe, expect, expectTypeOf, it } from "vitest";
import { fetchHandler } from "../../adapters/fetch.js";
import { nodeMiddleware } from "../../adapters/node.js";
import {
  block,
  createCssDispatcher,
  createDispatcher,
  createTrtcDispatcher,
  definitionFor,
  knownCommands,
  type EventFor,
  type WebhookErrorEvent,
} from "../../src/index.js";
import { cssRequest, sampleVariants, samples, signedRequest, trtcRequest, type SampleVariant, type TestRequest } from "../../src/testing/index.js";

const SDK_APP_ID = 1400000000;
const TOKEN = "test-token";
/** The app's tests pin the clock; the kit signs for the same instant. */
const NOW = new Date("2024-05-01T12:00:00Z");
const TRTC_KEY = "trtcTestKey123";
const CSS_KEY = "css-test-key";

function app(options: { token?: string } = { token: TOKEN }) {
  const webhooks = createDispatcher({ sdkAppId: SDK_APP_ID, ...options, now: () => NOW.getTime() });
  const errors: WebhookErrorEvent[] = [];
  webhooks.onError((error) => {
    errors.push(error);
  });
  return { webhooks, errors };
}

describe("signedRequest", () => {
  it("the registry sample, signed: handled with its typed payload, the 64-bit Owner_Account exact", async () => {
    const { webhooks, errors } = app();
    const seen: EventFor<"Live.CallbackAfterDestroyRoom">[] = [];
    webhooks.on("Live.CallbackAfterDestroyRoom", (event) => {
      expectTypeOf(event.payload.RoomInfo?.Owner_Account).toEqualTypeOf<string | undefined>();
      expectTypeOf(event.payload.RoomId).toEqualTypeOf<string>();
      seen.push(event);
    });
    const request = signedRequest("Live.CallbackAfterDestroyRoom", { sdkAppId: SDK_APP_ID, token: TOKEN, requestTime: NOW });
    const response = await webhooks.handle(request);
    expect(response.status).toBe(200);
    expect(JSON.parse(response.body)).toEqual({ ActionStatus: "OK", ErrorInfo: "", ErrorCode: 0 });
    expect(errors).toEqual([]);
    expect(seen).toHaveLength(1);
    const [event] = seen;
    expect(event!.payload.RoomInfo?.Owner_Account).toBe("144115216631667826");
    expect(event!.payload.RoomId).toBe("tandy-test-rest");
    expect(event).toMatchObject({ sdkAppId: String(SDK_APP_ID), clientIp: "127.0.0.1", optPlatform: "RESTAPI", keyIndex: 0 });
    expect(event!.rawBody).toBe(samples.callback["Live.CallbackAfterDestroyRoom"]);
  });

  it("is what Tencent sends: POST, the documented query in order, JSON, the sample as the body", () => {
    const request = signedRequest("Live.CallbackAfterDestroyRoom", {
      sdkAppId: "1400000000",
      token: "xxxxyyyy",
      requestTime: 1669872112,
      clientIp: "203.0.113.7",
      optPlatform: "iOS",
      path: "/tencent/callback",
    });
    expect(request).toEqual({
      method: "POST",
      url:
        "/tencent/callback?SdkAppid=1400000000&CallbackCommand=Live.CallbackAfterDestroyRoom&contenttype=json&ClientIP=203.0.113.7&OptPlatform=iOS" +
        // The documented vector (https://cloud.tencent.com/document/product/269/32431).
        "&Sign=17773bc39a671d7b9aa835458704d2a6db81360a5940292b587d6d760d484061&RequestTime=1669872112",
      headers: { "content-type": "application/json" },
      body: samples.callback["Live.CallbackAfterDestroyRoom"],
    });
    expectTypeOf(request).toEqualTypeOf<TestRequest>();
    // Plain data: toRequest() is not enumerable, so the request spreads and logs without it.
    expect(Object.keys(request)).toEqual(["method", "url", "headers", "body"]);
    expect(JSON.parse(JSON.stringify(request)).toRequest).toBeUndefined();
  });

  it("without a token: unsigned, for a dispatcher without one; a dispatcher with one refuses it 401", async () => {
    const request = signedRequest("Room.CallbackAfterMemberEnter", { sdkAppId: SDK_APP_ID, clientIp: null, optPlatform: null });
    expect(request.url).toBe("/?SdkAppid=1400000000&CallbackCommand=Room.CallbackAfterMemberEnter&contenttype=json");
    expect((await app({}).webhooks.handle(request)).status).toBe(200);
    const signed = app();
    expect((await signed.webhooks.handle(request)).status).toBe(401);
    expect(signed.errors.map((error) => error.reason)).toEqual(["signature_missing"]);
  });

  it("RequestTime defaults to now: a dispatcher pinned to another instant answers signature_expired", async () => {
    const { webhooks, errors } = app();
    const request = signedRequest("Live.CallbackAfterDestroyRoom", { sdkAppId: SDK_APP_ID, token: TOKEN });
    expect(Number(new URL(request.url, "http://x").searchParams.get("RequestTime"))).toBeCloseTo(Date.now() / 1000, -1);
    expect((await webhooks.handle(request)).status).toBe(401);
    expect(errors[0]!.reason).toBe("signature_expired");
  });

  it("an object payload: typed, serialised, CallbackCommand filled in", async () => {
    const { webhooks } = app();
    const rooms: string[] = [];
    webhooks.on("Room.CallbackAfterCreateRoom", (event) => {
      rooms.push(event.payload.RoomInfo.RoomId);
    });
    const request = signedRequest(
      "Room.CallbackAfterCreateRoom",
      { Operator_Account: "alice", RoomInfo: { RoomId: "room-42", RoomType: "Conference", Owner_Account: "alice" }, EventTime: NOW.getTime() },
      { sdkAppId: SDK_APP_ID, token: TOKEN, requestTime: NOW },
    );
    expect(JSON.parse(request.body)).toMatchObject({ CallbackCommand: "Room.CallbackAfterCreateRoom", RoomInfo: { RoomId: "room-42" } });
    expect((await webhooks.handle(request)).status).toBe(200);
    expect(rooms).toEqual(["room-42"]);
    // A payload that is not the command's shape does not compile (and the core would answer 400 schema_invalid).
    // @ts-expect-error EventTime is required, and RoomInfo.RoomId is a string
    signedRequest("Room.CallbackAfterCreateRoom", { RoomInfo: { RoomId: 42 } }, { sdkAppId: SDK_APP_ID });
  });

  it("a text payload is sent byte for byte (a broken body, an unknown field, an exact literal)", async () => {
    const { webhooks, errors } = app();
    const broken = signedRequest("Live.CallbackAfterDestroyRoom", '{"CallbackCommand":', { sdkAppId: SDK_APP_ID, token: TOKEN, requestTime: NOW });
    expect(broken.body).toBe('{"CallbackCommand":');
    expect((await webhooks.handle(broken)).status).toBe(400);
    expect(errors.map((error) => error.reason)).toEqual(["invalid_json"]);
    const extra: unknown[] = [];
    webhooks.on("Live.CallbackAfterDestroyRoom", (event) => {
      extra.push(event.extra.NewField);
    });
    const withNewField = samples.callback["Live.CallbackAfterDestroyRoom"].replace("{", '{"NewField":9007199254740993,');
    expect(
      (await webhooks.handle(signedRequest("Live.CallbackAfterDestroyRoom", withNewField, { sdkAppId: SDK_APP_ID, token: TOKEN, requestTime: NOW }))).status,
    ).toBe(200);
    expect(extra).toHaveLength(1);
  });

  it("a command the package does not know needs a payload, and reaches onAny", async () => {
    // @ts-expect-error without a payload, only known commands (they have a sample)
    expect(() => signedRequest("Custom.CallbackSomething", { sdkAppId: SDK_APP_ID })).toThrow(/not a known event, so it has no sample/);
    const { webhooks } = app();
    const commands: string[] = [];
    webhooks.onAny((event) => {
      commands.push(event.command);
    });
    const request = signedRequest("Custom.CallbackSomething", { Anything: 1 }, { sdkAppId: SDK_APP_ID, token: TOKEN, requestTime: NOW });
    expect((await webhooks.handle(request)).status).toBe(200);
    expect(commands).toEqual(["Custom.CallbackSomething"]);
  });

  it("a before callback: the handler's decision is the reply", async () => {
    const { webhooks } = app();
    webhooks.on("Live.CallbackBeforeSendGift", (event) => {
      expectTypeOf(event.command).toEqualTypeOf<"Live.CallbackBeforeSendGift">();
      return block(102101, "Not enough coins");
    });
    const response = await webhooks.handle(signedRequest("Live.CallbackBeforeSendGift", { sdkAppId: SDK_APP_ID, token: TOKEN, requestTime: NOW }));
    expect(JSON.parse(response.body)).toEqual({ ActionStatus: "OK", ErrorInfo: "Not enough coins", ErrorCode: 102101 });
  });

  it("every known command's sample, signed, is accepted", async () => {
    const { webhooks, errors } = app();
    for (const command of knownCommands) {
      const response = await webhooks.handle(signedRequest(command, { sdkAppId: SDK_APP_ID, token: TOKEN, requestTime: NOW }));
      expect({ command, status: response.status }).toEqual({ command, status: 200 });
    }
    expect(errors).toEqual([]);
  });
});

describe("toRequest", () => {
  const servers: http.Server[] = [];
  afterAll(async () => {
    await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
  });

  it("gives a WHATWG Request for a fetch handler", async () => {
    const { webhooks } = app();
    const owners: (string | undefined)[] = [];
    webhooks.on("Live.CallbackAfterDestroyRoom", (event) => {
      owners.push(event.payload.RoomInfo?.Owner_Account);
    });
    const request = signedRequest("Live.CallbackAfterDestroyRoom", { sdkAppId: SDK_APP_ID, token: TOKEN, requestTime: NOW, path: "/tencent" }).toRequest();
    expect(request).toBeInstanceOf(Request);
    expect(request.url).toMatch(/^http:\/\/localhost\/tencent\?SdkAppid=1400000000&/);
    expect(request.headers.get("content-type")).toBe("application/json");
    const response = await fetchHandler(webhooks)(request);
    expect(response.status).toBe(200);
    expect(owners).toEqual(["144115216631667826"]);
  });

  it("and, with an origin, one fetch() sends to a real server", async () => {
    const { webhooks } = app();
    const rooms: string[] = [];
    webhooks.on("Live.CallbackAfterDestroyRoom", (event) => {
      rooms.push(event.payload.RoomId);
    });
    const server = http.createServer(nodeMiddleware(webhooks, { path: "/tencent/callback" }));
    servers.push(server);
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const request = signedRequest("Live.CallbackAfterDestroyRoom", { sdkAppId: SDK_APP_ID, token: TOKEN, requestTime: NOW, path: "/tencent/callback" });
    const response = await fetch(request.toRequest(origin));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ActionStatus: "OK", ErrorInfo: "", ErrorCode: 0 });
    expect(rooms).toEqual(["tandy-test-rest"]);
  });
});

describe("trtcRequest", () => {
  function trtcApp() {
    const webhooks = createTrtcDispatcher({ sdkAppId: SDK_APP_ID, key: TRTC_KEY });
    const errors: string[] = [];
    webhooks.onError((error) => {
      errors.push(error.reason);
    });
    return { webhooks, errors };
  }

  it("the sample, signed over its exact bytes (tabs and all): handled with its typed payload", async () => {
    const { webhooks, errors } = trtcApp();
    const users: (string | undefined)[] = [];
    webhooks.on("EnterRoom", (event) => {
      expectTypeOf(event.payload.EventInfo.RoomId).toEqualTypeOf<string>();
      expectTypeOf(event.payload.EventType).toEqualTypeOf<103>();
      users.push(event.payload.EventInfo.UserId);
    });
    const request = trtcRequest("EnterRoom", { sdkAppId: SDK_APP_ID, key: TRTC_KEY, path: "/trtc" });
    expect(request.url).toBe("/trtc");
    expect(request.body).toBe(samples.trtc.EnterRoom);
    expect(request.headers).toEqual({
      "content-type": "application/json",
      sdkappid: String(SDK_APP_ID),
      sign: createHmac("sha256", TRTC_KEY).update(samples.trtc.EnterRoom).digest("base64"),
    });
    const response = await webhooks.handle(request);
    expect(response.status).toBe(200);
    expect(JSON.parse(response.body)).toEqual({ code: 0 });
    expect(users).toEqual(["test"]);
    expect(errors).toEqual([]);
  });

  it("by the number on the wire, or with an object payload (EventGroupId and EventType filled in)", async () => {
    const { webhooks } = trtcApp();
    const rooms: string[] = [];
    webhooks.on(103, (event) => {
      rooms.push(event.payload.EventInfo.RoomId);
    });
    expect((await webhooks.handle(trtcRequest(103, { sdkAppId: SDK_APP_ID, key: TRTC_KEY }))).status).toBe(200);
    const request = trtcRequest("EnterRoom", { EventInfo: { RoomId: "room-7", EventTs: 1714564800, UserId: "bob" } }, { sdkAppId: SDK_APP_ID, key: TRTC_KEY });
    expect(JSON.parse(request.body)).toMatchObject({ EventGroupId: 1, EventType: 103 });
    expect((await webhooks.handle(request)).status).toBe(200);
    expect(rooms).toEqual(["12345", "room-7"]);
  });

  it("another key, or another SdkAppId: refused", async () => {
    const { webhooks, errors } = trtcApp();
    expect((await webhooks.handle(trtcRequest("EnterRoom", { sdkAppId: SDK_APP_ID, key: "someOtherKey" }))).status).toBe(401);
    expect((await webhooks.handle(trtcRequest("EnterRoom", { sdkAppId: 1400000001, key: TRTC_KEY }))).status).toBe(403);
    expect(errors).toEqual(["signature_invalid", "sdk_app_id_mismatch"]);
  });

  it("every TRTC event's sample is accepted", async () => {
    const { webhooks, errors } = trtcApp();
    for (const event of Object.keys(samples.trtc) as (keyof typeof samples.trtc)[]) {
      const response = await webhooks.handle(trtcRequest(event, { sdkAppId: SDK_APP_ID, key: TRTC_KEY }));
      expect({ event, status: response.status }).toEqual({ event, status: 200 });
    }
    expect(errors).toEqual([]);
  });
});

describe("cssRequest", () => {
  function cssApp() {
    const webhooks = createCssDispatcher({ key: CSS_KEY, appId: 1250000000, now: () => NOW.getTime() });
    const errors: string[] = [];
    webhooks.onError((error) => {
      errors.push(error.reason);
    });
    return { webhooks, errors };
  }
  const t = Math.floor(NOW.getTime() / 1000) + 600;

  it("the sample with t and sign set (and appid), every other byte kept: handled with its typed payload", async () => {
    const { webhooks, errors } = cssApp();
    const sequences: string[] = [];
    webhooks.on("PushBegin", (event) => {
      expectTypeOf(event.payload.sequence).toEqualTypeOf<string>();
      sequences.push(event.payload.sequence);
    });
    const request = cssRequest("PushBegin", { key: CSS_KEY, t, appId: 1250000000 });
    const sign = createHash("md5").update(`${CSS_KEY}${t}`).digest("hex");
    expect(request.body).toBe(
      samples.css.PushBegin.replace('"appid":12345678', '"appid":1250000000')
        .replace('"sign":"df49************************f5d4"', `"sign":"${sign}"`)
        .replace('"t":1703732078', `"t":${t}`),
    );
    expect((await webhooks.handle(request)).status).toBe(200);
    expect(sequences).toEqual(["2210464508206756938"]);
    expect(errors).toEqual([]);
  });

  it("t defaults to ten minutes from now; a t already past is refused as expired", async () => {
    const expiry = Number(JSON.parse(cssRequest("PushEnd", { key: CSS_KEY }).body).t);
    expect(expiry - Date.now() / 1000).toBeGreaterThan(590);
    const { webhooks, errors } = cssApp();
    const late = cssRequest("PushEnd", { key: CSS_KEY, t: new Date(NOW.getTime() - 60_000), appId: 1250000000 });
    expect((await webhooks.handle(late)).status).toBe(401);
    expect(errors).toEqual(["signature_expired"]);
  });

  it("an object payload: event_type, t and sign filled in", async () => {
    const { webhooks } = cssApp();
    const streams: string[] = [];
    webhooks.on("PushBegin", (event) => {
      streams.push(event.payload.stream_id);
    });
    const request = cssRequest("PushBegin", { appid: 1250000000, stream_id: "live-1", sequence: "1" }, { key: CSS_KEY, t });
    expect(JSON.parse(request.body)).toMatchObject({ event_type: 1, stream_id: "live-1", t });
    expect((await webhooks.handle(request)).status).toBe(200);
    expect(streams).toEqual(["live-1"]);
  });

  it("every CSS event's sample is accepted", async () => {
    const { webhooks, errors } = cssApp();
    for (const event of Object.keys(samples.css) as (keyof typeof samples.css)[]) {
      const response = await webhooks.handle(cssRequest(event, { key: CSS_KEY, t, appId: 1250000000 }));
      expect({ event, status: response.status }).toEqual({ event, status: 200 });
    }
    expect(errors).toEqual([]);
  });
});

describe("samples", () => {
  it("every registry sample by protocol and name, as raw text", () => {
    expect(Object.keys(samples.callback).sort()).toEqual([...knownCommands].sort());
    expect(Object.keys(samples.trtc)).toContain("EnterRoom");
    expect(Object.keys(samples.css)).toContain("PushBegin");
    expect(samples.callback["Live.CallbackAfterDestroyRoom"]).toContain('"Owner_Account": 144115216631667826');
    expectTypeOf(samples.callback).toHaveProperty("Live.CallbackAfterDestroyRoom");
    expect(Object.isFrozen(samples.callback)).toBe(true);
  });

  it("sampleVariants: every documented body, the sample first, each with its page; each one signed is accepted", async () => {
    expect(Object.keys(sampleVariants.callback).sort()).toEqual([...knownCommands].sort());
    const { webhooks, errors } = app();
    let extra = 0;
    for (const command of knownCommands) {
      const [first, ...others] = sampleVariants.callback[command];
      expect(first).toMatchObject({ text: samples.callback[command], source: definitionFor(command)!.source });
      extra += others.length;
      for (const { text, source } of others) {
        expect(source).toMatch(/^https:\/\//);
        const response = await webhooks.handle(signedRequest(command, text, { sdkAppId: SDK_APP_ID, token: TOKEN, requestTime: NOW }));
        expect({ command, source, status: response.status }).toEqual({ command, source, status: 200 });
      }
    }
    expect(extra).toBeGreaterThan(0);
    expect(errors).toEqual([]);
    expect(sampleVariants.trtc.EnterRoom.length).toBeGreaterThan(1);
    expectTypeOf(sampleVariants.css.PushBegin).toEqualTypeOf<readonly SampleVariant[]>();
    expect(Object.isFrozen(sampleVariants.callback["Group.CallbackAfterSendMsg"])).toBe(true);
  });
});
