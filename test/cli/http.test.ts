/**
 * One send of each protocol over real HTTP, to the real dispatchers behind nodeMiddleware on
 * 127.0.0.1: the typed handler gets the exact values, 64-bit ones included.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { nodeMiddleware } from "../../adapters/node.js";
import { createCssDispatcher, createDispatcher, createTrtcDispatcher, type Dispatcher, type WebhookErrorEvent } from "../../src/index.js";
import { cssCatalogue, registry, trtcCatalogue } from "../../schemas/index.js";
import { APP_ID, NOW_MS, TOKEN } from "../support/fixtures.js";
import { cli, expectOneLineError, listen, tempFile } from "./support.js";

const TRTC_KEY = "trtcKey0123456789";
const CSS_KEY = "cssKey0123456789";

interface Seen {
  command: string;
  value: unknown;
  rawBody: string;
  headers: Record<string, string>;
}
const seen: Seen[] = [];
const errors: WebhookErrorEvent[] = [];

const callback = createDispatcher({ sdkAppId: APP_ID, token: TOKEN, now: () => NOW_MS })
  .on("Live.CallbackAfterDestroyRoom", (event) => {
    const owner: string | undefined = event.payload.RoomInfo?.Owner_Account;
    seen.push({ command: event.command, value: owner, rawBody: event.rawBody, headers: event.request.headers });
  })
  .onError((error) => void errors.push(error));

const trtc = createTrtcDispatcher({ sdkAppId: APP_ID, key: TRTC_KEY, now: () => NOW_MS })
  .on("EnterRoom", (event) => {
    const { RoomId, EventMsTs, UserId } = event.payload.EventInfo;
    seen.push({ command: event.command, value: { RoomId, EventMsTs, UserId }, rawBody: event.rawBody, headers: event.request.headers });
  })
  .onError((error) => void errors.push(error));

const css = createCssDispatcher({ key: CSS_KEY, now: () => NOW_MS })
  .on(1, (event) => {
    const { sequence, t, appid } = event.payload;
    seen.push({ command: event.command, value: { sequence, t, appid }, rawBody: event.rawBody, headers: event.request.headers });
  })
  .onError((error) => void errors.push(error));

const mounts: Record<string, Dispatcher> = { "/callback": callback, "/trtc": trtc as unknown as Dispatcher, "/css": css as unknown as Dispatcher };
let base: string;
let close: () => Promise<void>;

beforeAll(async () => {
  ({ base, close } = await listen((req, res) => {
    const path = (req.url ?? "").split("?")[0]!;
    const dispatcher = mounts[path];
    if (dispatcher) nodeMiddleware(dispatcher, { path })(req, res);
    else res.writeHead(404).end("Not Found");
  }));
});
afterAll(() => close());
beforeEach(() => {
  seen.length = 0;
  errors.length = 0;
});

describe("over HTTP to the real dispatchers", () => {
  it("callback: the signed sample reaches the typed handler with Owner_Account exact", async () => {
    const { code, stdout, stderr } = await cli([
      "send",
      "Live.CallbackAfterDestroyRoom",
      "--url",
      `${base}/callback`,
      "--sdk-app-id",
      APP_ID,
      "--token",
      TOKEN,
    ]);
    expect(stderr).toBe("");
    expect(code).toBe(0);
    expect(stdout).toContain('HTTP 200 OK\n{"ActionStatus":"OK","ErrorInfo":"","ErrorCode":0}\n');
    expect(errors).toEqual([]);
    expect(seen).toHaveLength(1);
    expect(seen[0]!.value).toBe("144115216631667826");
    expect(seen[0]!.rawBody).toBe(registry.get("Live.CallbackAfterDestroyRoom")!.sample);
  });

  it("TRTC: the sample, tabs and all, reaches the typed handler by the HMAC of its exact bytes", async () => {
    const { code, stdout, stderr } = await cli(["send", "--protocol", "trtc", "EnterRoom", "--url", `${base}/trtc`, "--sdk-app-id", APP_ID, "--key", TRTC_KEY]);
    expect(stderr).toBe("");
    expect(code).toBe(0);
    expect(stdout).toContain('HTTP 200 OK\n{"code":0}\n');
    expect(errors).toEqual([]);
    expect(seen.map(({ command }) => command)).toEqual(["EnterRoom"]);
    expect(seen[0]!.value).toEqual({ RoomId: "12345", EventMsTs: 1687770731831, UserId: "test" });
    expect(seen[0]!.rawBody).toBe(trtcCatalogue.find(103)!.sample);
    expect(seen[0]!.headers.sdkappid).toBe(APP_ID);
  });

  it("TRTC: a 64-bit RoomId in a payload arrives as its exact digits", async () => {
    const text = trtcCatalogue.find(103)!.sample.replace('"RoomId":\t12345', '"RoomId":\t144115216631667826');
    const file = await tempFile("enter.json", text);
    const { code } = await cli(["send", "--protocol", "trtc", "103", "--url", `${base}/trtc`, "--sdk-app-id", APP_ID, "--key", TRTC_KEY, "--payload", file]);
    expect(code).toBe(0);
    expect((seen[0]!.value as { RoomId: unknown }).RoomId).toBe("144115216631667826");
    expect(seen[0]!.rawBody).toBe(text);
  });

  it("CSS: the sample with t and sign written in reaches the typed handler, the 64-bit sequence exact", async () => {
    const { code, stdout, stderr } = await cli(["send", "--protocol", "css", "PushBegin", "--url", `${base}/css`, "--key", CSS_KEY]);
    expect(stderr).toBe("");
    expect(code).toBe(0);
    expect(stdout).toContain('HTTP 200 OK\n{"code":0}\n');
    expect(errors).toEqual([]);
    expect(seen.map(({ command }) => command)).toEqual(["PushBegin"]);
    expect(seen[0]!.value).toEqual({ sequence: "2210464508206756938", t: NOW_MS / 1000 + 600, appid: 12345678 });
    // Everything but t and sign is the sample's own text.
    const strip = (text: string) => text.replace(/"t":\d+/, '"t":T').replace(/"sign":"[^"]*"/, '"sign":S');
    expect(strip(seen[0]!.rawBody)).toBe(strip(cssCatalogue.find("PushBegin")!.sample));
  });

  it("CSS: a bare 64-bit sequence literal in a payload arrives as its exact digits", async () => {
    const text = cssCatalogue.find("PushBegin")!.sample.replace('"sequence":"2210464508206756938"', '"sequence":2210464508206756938');
    const { code } = await cli(["send", "--protocol", "css", "1", "--url", `${base}/css`, "--key", CSS_KEY, "--payload", await tempFile("push.json", text)]);
    expect(code).toBe(0);
    expect((seen[0]!.value as { sequence: unknown }).sequence).toBe("2210464508206756938");
  });

  it.each([
    [
      "TRTC, wrong key",
      ["send", "--protocol", "trtc", "103", "--url", `/trtc`, "--sdk-app-id", APP_ID, "--key", "wrong"],
      "signature_invalid",
      "the app answered code 401: Signature is invalid (HTTP 401)",
    ],
    [
      "TRTC, another SdkAppId",
      ["send", "--protocol", "trtc", "103", "--url", `/trtc`, "--sdk-app-id", "1400000001", "--key", TRTC_KEY],
      "sdk_app_id_mismatch",
      "(HTTP 403)",
    ],
    [
      "CSS, wrong key",
      ["send", "--protocol", "css", "1", "--url", `/css`, "--key", "wrong"],
      "signature_invalid",
      "the app answered code 401: Signature is invalid (HTTP 401)",
    ],
    [
      "CSS, expired t",
      ["send", "--protocol", "css", "1", "--url", `/css`, "--key", CSS_KEY, "--expires-at", String(NOW_MS / 1000 - 5)],
      "signature_expired",
      "The notification expired 5 s ago",
    ],
    [
      "callback, wrong token",
      ["send", "Live.CallbackAfterDestroyRoom", "--url", `/callback`, "--sdk-app-id", APP_ID, "--token", "wrong"],
      "signature_invalid",
      "ErrorCode 401",
    ],
  ])("%s: the app refuses, exit 1 with its reason", async (_, argv, reason, message) => {
    const { code, stderr } = await cli(argv.map((arg) => (arg.startsWith("/") ? `${base}${arg}` : arg)));
    expect(code).toBe(1);
    expectOneLineError(stderr);
    expect(stderr).toContain(message);
    expect(errors.map((error) => error.reason)).toEqual([reason]);
    expect(seen).toEqual([]);
  });
});
