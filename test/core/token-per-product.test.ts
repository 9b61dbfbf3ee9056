/**
 * A token per product (`token: { chat, live, room, call }`): each product's token signs only the
 * commands its configuration sends (src/protocols/callback/products.ts); a plain token still signs
 * every product. Through handle(); the conformance table runs the Live-only cases through every adapter.
 */
import { describe, expect, it } from "vitest";
import { createDispatcher, memoryQueue, type AnyWebhookEvent, type DispatcherOptions, type WebhookErrorEvent } from "../../src/index.js";
import { signedRequest as kitRequest } from "../../src/testing/index.js";
import { productsOf } from "../../src/protocols/callback/products.js";
import { computeSignature } from "../../src/protocols/callback/signature.js";
import { APP_ID, CALLBACK_PATH, NOW_MS, SILENT_LOGGER, sampleOf } from "../support/fixtures.js";
import type { KnownCommand } from "../../schemas/index.js";

const REQUEST_TIME = String(Math.floor(NOW_MS / 1000));
const LIVE = "Live.CallbackAfterDestroyRoom";
const CHAT = "C2C.CallbackAfterSendMsg";

function dispatcher(options: Partial<DispatcherOptions>) {
  const webhooks = createDispatcher({ sdkAppId: APP_ID, now: () => NOW_MS, logger: SILENT_LOGGER, ...options });
  const events: AnyWebhookEvent[] = [];
  const errors: WebhookErrorEvent[] = [];
  webhooks.onAny((event) => void events.push(event));
  webhooks.onError((error) => void errors.push(error));
  return { webhooks, events, errors };
}

/** `command`'s sample, signed with `token` (or unsigned), the command in the query unless `inQuery` is false. */
function send(webhooks: ReturnType<typeof createDispatcher>, command: KnownCommand, token?: string, { inQuery = true, appId = APP_ID } = {}) {
  const query = new URLSearchParams({ SdkAppid: appId, contenttype: "json" });
  if (inQuery) query.set("CallbackCommand", command);
  if (token !== undefined) {
    query.set("Sign", computeSignature(token, REQUEST_TIME));
    query.set("RequestTime", REQUEST_TIME);
  }
  return webhooks.handle({ method: "POST", url: `${CALLBACK_PATH}?${query}`, headers: { "content-type": "application/json" }, body: sampleOf(command) });
}

describe("which product's configuration sends a command", () => {
  it.each([
    ["Live.CallbackAfterDestroyRoom", ["live"]],
    ["Live.CallbackAfterCloudRecordingChanged", ["live"]],
    ["Follow.CallbackAfterFollowAdd", ["live", "chat"]],
    ["Mic.CallbackAfterSeatInfoChanged", ["room", "live"]],
    ["Room.CallbackAfterCreateRoom", ["room"]],
    ["Call.CallbackAfterStartCall", ["call"]],
    ["Group.CallbackAfterSendMsg", ["chat", "live"]],
    ["Group.CallbackBeforeSendMsg", ["chat", "live"]],
    ["Group.CallbackAfterCreateGroup", ["chat"]],
    ["C2C.CallbackAfterSendMsg", ["chat"]],
    ["Sns.CallbackFriendAdd", ["chat"]],
    ["Unknown.Command", ["chat"]],
  ])("%s: %j", (command, products) => {
    expect(productsOf(command)).toEqual(products);
  });
});

describe("a Live-only token", () => {
  const options = { token: { live: "live-token" } };

  it("accepts a Live command signed with it, and says which product's token matched", async () => {
    const { webhooks, events, errors } = dispatcher(options);
    const response = await send(webhooks, LIVE, "live-token");
    expect(response.status).toBe(200);
    expect(errors).toEqual([]);
    expect(events.map((event) => [event.command, event.product, event.keyIndex])).toEqual([[LIVE, "live", 0]]);
  });

  it("refuses a Chat command signed with it (401), and an unsigned one", async () => {
    const { webhooks, events, errors } = dispatcher(options);
    for (const token of ["live-token", undefined]) {
      const response = await send(webhooks, CHAT, token);
      expect(response.status).toBe(401);
      expect(JSON.parse(response.body)).toMatchObject({ ActionStatus: "FAIL", ErrorCode: 401 });
    }
    expect(events).toEqual([]);
    expect(errors.map((error) => error.reason)).toEqual(["signature_invalid", "signature_invalid"]);
    expect(errors[0]!.message).toMatch(/chat commands/);
  });

  it("signs the live rooms' group messages, which the Live configuration sends too", async () => {
    const { webhooks, events } = dispatcher(options);
    expect((await send(webhooks, "Group.CallbackAfterSendMsg", "live-token")).status).toBe(200);
    expect(events[0]!.product).toBe("live");
  });

  it("without CallbackCommand in the query, the body's command decides: a Chat body is refused, a Live body accepted", async () => {
    const { webhooks, events, errors } = dispatcher(options);
    expect((await send(webhooks, CHAT, "live-token", { inQuery: false })).status).toBe(401);
    expect(errors.map((error) => [error.reason, error.message])).toEqual([["signature_invalid", expect.stringMatching(/live token does not sign C2C/)]]);
    expect((await send(webhooks, LIVE, "live-token", { inQuery: false })).status).toBe(200);
    expect(events.map((event) => event.command)).toEqual([LIVE]);
  });
});

describe("tokens for several products, with rotation", () => {
  const options = { token: { chat: "chat-token", live: ["live-old", "live-new"], room: "room-token", call: "call-token" } };

  it.each([
    [LIVE, "live-new", "live", 1],
    [LIVE, "live-old", "live", 0],
    [CHAT, "chat-token", "chat", 0],
    ["Room.CallbackAfterCreateRoom", "room-token", "room", 0],
    ["Mic.CallbackAfterSeatInfoChanged", "room-token", "room", 0],
    ["Mic.CallbackAfterSeatInfoChanged", "live-new", "live", 1],
    ["Call.CallbackAfterEndCall", "call-token", "call", 0],
  ] as const)("%s signed with %s: 200, product %s, keyIndex %i", async (command, token, product, keyIndex) => {
    const { webhooks, events } = dispatcher(options);
    expect((await send(webhooks, command, token)).status).toBe(200);
    expect(events.map((event) => [event.product, event.keyIndex])).toEqual([[product, keyIndex]]);
  });

  it.each([
    [CHAT, "live-new"],
    [LIVE, "chat-token"],
    ["Room.CallbackAfterCreateRoom", "call-token"],
    ["Call.CallbackAfterEndCall", "room-token"],
  ] as const)("%s signed with %s (another product's): 401", async (command, token) => {
    const { webhooks, events, errors } = dispatcher(options);
    expect((await send(webhooks, command, token)).status).toBe(401);
    expect(events).toEqual([]);
    expect(errors.map((error) => error.reason)).toEqual(["signature_invalid"]);
  });

  it("a plain token still signs every product, and says no product", async () => {
    const { webhooks, events } = dispatcher({ token: "one-token" });
    for (const command of [LIVE, CHAT, "Call.CallbackAfterEndCall"] as const) expect((await send(webhooks, command, "one-token")).status).toBe(200);
    expect(events.map((event) => event.product)).toEqual([undefined, undefined, undefined]);
  });

  it("the per-app map's values may be keyed by product too; an app without its own uses `token`", async () => {
    const { webhooks, events } = dispatcher({ sdkAppId: { [APP_ID]: { live: "app-live" }, "1400000001": undefined }, token: "shared" });
    expect((await send(webhooks, LIVE, "app-live")).status).toBe(200);
    expect((await send(webhooks, CHAT, "shared")).status).toBe(401);
    expect((await send(webhooks, CHAT, "shared", { appId: "1400000001" })).status).toBe(200);
    expect(events.map((event) => [event.sdkAppId, event.product])).toEqual([
      [APP_ID, "live"],
      ["1400000001", undefined],
    ]);
  });
});

describe("queued", () => {
  it("the product whose token signed travels with the job to the worker's handlers", async () => {
    const queue = memoryQueue();
    const { webhooks, events } = dispatcher({ token: { chat: "chat-token", live: ["live-old", "live-new"] }, queue });
    expect((await send(webhooks, LIVE, "live-new")).status).toBe(200);
    expect(events).toEqual([]); // accepted into the queue, not run yet
    const worker = queue.work(webhooks);
    await queue.idle();
    await worker.close();
    expect(events.map((event) => [event.command, event.product, event.keyIndex])).toEqual([[LIVE, "live", 1]]);
  });
});

describe("the option checker", () => {
  it.each([
    [{ chta: "x" }, /keys are products: chat, live, room, call; got "chta"/],
    [{}, /names no product's token/],
    [{ live: "" }, /`token.live` must be non-empty strings/],
    [{ live: [] }, /`token.live` is an empty list/],
    [{ live: 5 }, /`token.live` must be a string or a list of strings/],
  ])("refuses token %j", (token, message) => {
    expect(() => createDispatcher({ sdkAppId: APP_ID, token: token as never })).toThrow(message);
  });

  it("refuses unknown product keys in a per-app map's value", () => {
    expect(() => createDispatcher({ sdkAppId: { [APP_ID]: { Live: "x" } as never } })).toThrow(/sdkAppId\["1400000000"\]` keys are products/);
  });
});

describe("the testing kit's signedRequest() signs with the command's product token", () => {
  const token = { chat: "chat-token", live: ["live-new", "live-old"] };

  it("the dispatcher's token option, as is: each command signed as Tencent signs it", async () => {
    const { webhooks, events } = dispatcher({ token });
    for (const command of [LIVE, CHAT] as const) {
      const response = await webhooks.handle(kitRequest(command, { sdkAppId: APP_ID, token, requestTime: REQUEST_TIME }));
      expect(response.status).toBe(200);
    }
    expect(events.map((event) => [event.product, event.keyIndex])).toEqual([
      ["live", 0],
      ["chat", 0],
    ]);
  });

  it("a token map without the command's product is an error, not an unsigned request", () => {
    expect(() => kitRequest("Call.CallbackAfterEndCall", { sdkAppId: APP_ID, token })).toThrow(/no token for call commands/);
  });
});
