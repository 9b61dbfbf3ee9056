/**
 * `dispatcher.replay(request)`: onError's stored request runs again after the signature window,
 * on every protocol — the signature is still checked, its age is not.
 */
import { describe, expect, it } from "vitest";
import { createCssDispatcher, createDispatcher, createTrtcDispatcher, memoryQueue, type ReceivedRequest, type WebhookErrorEvent } from "../../src/index.js";
import { cssRequest, signedRequest, trtcRequest } from "../../src/testing/index.js";
import { SILENT_LOGGER } from "../support/fixtures.js";

const APP = 1400000000;
const TOKEN = "replay-token";
const KEY = "replay-key";
const T0 = 1_760_000_000_000;
const HOUR = 3_600_000;

/** A clock the test moves: callbacks are sent at T0, replayed an hour later. */
function clock() {
  let now = T0;
  return { now: () => now, later: (ms: number) => (now += ms) };
}

async function failOnce(dispatcher: { onError(handler: (event: WebhookErrorEvent) => void): unknown }) {
  const errors: WebhookErrorEvent[] = [];
  dispatcher.onError((event) => void errors.push(event));
  return errors;
}

describe("replay(request)", () => {
  it("runs onError's request of a failed handler again an hour later (callback endpoint)", async () => {
    const time = clock();
    const webhooks = createDispatcher({ sdkAppId: APP, token: TOKEN, now: time.now, logger: SILENT_LOGGER });
    const errors = await failOnce(webhooks);
    let healthy = false;
    const owners: string[] = [];
    webhooks.on("Live.CallbackAfterDestroyRoom", (event) => {
      if (!healthy) throw new Error("database is down");
      owners.push(event.payload.RoomInfo?.Owner_Account ?? "");
    });
    const first = await webhooks.handle(signedRequest("Live.CallbackAfterDestroyRoom", { sdkAppId: APP, token: TOKEN, requestTime: new Date(T0) }));
    expect(first.status).toBe(500);
    const stored = errors[0]!.request;

    time.later(HOUR);
    healthy = true;
    // handle() refuses it now: the signature's window has passed.
    const late = await webhooks.handle({ method: stored.method, url: stored.url, headers: stored.headers, body: stored.rawBody });
    expect(late.status).toBe(401);
    expect(errors.at(-1)!.reason).toBe("signature_expired");

    const replayed = await webhooks.replay(stored);
    expect(replayed.status).toBe(200);
    expect(owners).toHaveLength(1);
  });

  it("still refuses what was never authenticated: a wrong signature, another app, a forged body", async () => {
    const time = clock();
    const webhooks = createDispatcher({ sdkAppId: APP, token: TOKEN, now: time.now, logger: SILENT_LOGGER });
    const errors = await failOnce(webhooks);
    await webhooks.handle(signedRequest("Live.CallbackAfterDestroyRoom", { sdkAppId: APP, token: "not-the-token", requestTime: new Date(T0) }));
    await webhooks.handle(signedRequest("Live.CallbackAfterDestroyRoom", { sdkAppId: APP + 1, token: TOKEN, requestTime: new Date(T0) }));
    await webhooks.handle(signedRequest("Live.CallbackAfterDestroyRoom", { sdkAppId: APP, requestTime: new Date(T0) }));
    expect(errors.map((error) => error.reason)).toEqual(["signature_invalid", "sdk_app_id_mismatch", "signature_missing"]);
    time.later(HOUR);
    const stored = errors.map((error) => error.request);
    errors.length = 0;
    const statuses = [];
    for (const request of stored) statuses.push((await webhooks.replay(request)).status);
    expect(statuses).toEqual([401, 403, 401]);
    expect(errors.map((error) => error.reason)).toEqual(["signature_invalid", "sdk_app_id_mismatch", "signature_missing"]);
  });

  it("replays a TRTC request only with its exact signed bytes", async () => {
    const webhooks = createTrtcDispatcher({ sdkAppId: APP, key: KEY, logger: SILENT_LOGGER });
    const rooms: string[] = [];
    webhooks.on("EnterRoom", (event) => void rooms.push(String(event.payload.EventInfo.RoomId)));
    const request = trtcRequest("EnterRoom", { sdkAppId: APP, key: KEY });
    const stored: ReceivedRequest = { method: "POST", url: request.url, query: {}, headers: { ...request.headers }, rawBody: request.body, rawBodyExact: true };
    expect((await webhooks.replay(stored)).status).toBe(200);
    const forged = { ...stored, rawBody: request.body.replace(/"RoomId":\s*"?[^,}]+/, '"RoomId": "forged"') };
    expect(forged.rawBody).not.toBe(stored.rawBody);
    expect((await webhooks.replay(forged)).status).toBe(401);
    expect(rooms).toHaveLength(1);
  });

  it("replays an expired CSS notification (its t has passed) but not one with a wrong sign", async () => {
    const time = clock();
    const webhooks = createCssDispatcher({ key: KEY, now: time.now, logger: SILENT_LOGGER });
    const errors = await failOnce(webhooks);
    let handled = 0;
    webhooks.on("PushBegin", () => void handled++);
    const request = cssRequest("PushBegin", { key: KEY, t: new Date(T0 + 60_000) });
    time.later(HOUR);
    const stored: ReceivedRequest = { method: "POST", url: request.url, query: {}, headers: { ...request.headers }, rawBody: request.body, rawBodyExact: true };
    expect((await webhooks.handle(request)).status).toBe(401);
    expect(errors[0]!.reason).toBe("signature_expired");
    expect((await webhooks.replay(stored)).status).toBe(200);
    expect(handled).toBe(1);
    const wrongKey = cssRequest("PushBegin", { key: "other-key", t: new Date(T0 + 60_000) });
    expect((await webhooks.replay({ ...stored, rawBody: wrongKey.body })).status).toBe(401);
    expect(handled).toBe(1);
  });

  it("goes through the queue like handle() when one is configured, and a replayed duplicate is not run twice", async () => {
    const time = clock();
    const queue = memoryQueue();
    const webhooks = createDispatcher({ sdkAppId: APP, token: TOKEN, now: time.now, logger: SILENT_LOGGER, queue, dedupe: queue.dedupe });
    let handled = 0;
    webhooks.on("Live.CallbackAfterDestroyRoom", () => void handled++);
    const request = signedRequest("Live.CallbackAfterDestroyRoom", { sdkAppId: APP, token: TOKEN, requestTime: new Date(T0) });
    const stored: ReceivedRequest = { method: "POST", url: request.url, query: {}, headers: { ...request.headers }, rawBody: request.body, rawBodyExact: true };
    time.later(HOUR);
    expect((await webhooks.replay(stored)).status).toBe(200);
    expect((await webhooks.replay(stored)).status).toBe(200);
    const worker = queue.work(webhooks);
    await queue.idle();
    await worker.close();
    expect(handled).toBe(1);
  });

  it("rejects something that is not a stored request with a TypeError", async () => {
    const webhooks = createDispatcher({ sdkAppId: APP, logger: SILENT_LOGGER });
    await expect(webhooks.replay(null as never)).rejects.toThrow(/replay\(request\) needs a stored request/);
    await expect(webhooks.replay({ url: "/" } as never)).rejects.toThrow(TypeError);
  });
});
