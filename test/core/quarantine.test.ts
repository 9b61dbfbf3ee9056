/**
 * Quarantine inline: an authenticated callback (token configured and matched) whose payload fails
 * its schema is never refused for its shape. "after": 200 and `onInvalid`; "before": the command's
 * failure default (what Tencent does without a reply) and `onInvalid`. Typed handlers and `onAny`
 * never see it. Unauthenticated ones, and `invalidPayloads: "reject"`, are refused 400.
 */
import { describe, expect, it } from "vitest";
import { createDispatcher, type DispatcherOptions, type InvalidPayloadEvent, type WebhookErrorEvent } from "../../src/index.js";
import type { AnyWebhookEvent } from "../../src/types.js";
import { APP_ID, CALLBACK_PATH, NOW_MS, TOKEN, sampleOf, tencentQuery } from "../support/fixtures.js";

const AFTER = "Live.CallbackAfterDestroyRoom";
const DRIFTED = sampleOf(AFTER).replace('"MaxMemberCount": 400', '"MaxMemberCount": "unlimited"');
const GIFT = "Live.CallbackBeforeSendGift";
const GIFT_DRIFTED = sampleOf(GIFT).replace('"RoomId":"room_id",', "");
const MESSAGE = "C2C.CallbackBeforeSendMsg";
const MESSAGE_DRIFTED = sampleOf(MESSAGE).replace(/"From_Account":\s*"[^"]*",/, "");
const OK = '{"ActionStatus":"OK","ErrorInfo":"","ErrorCode":0}';

function setup(options: Partial<DispatcherOptions> = {}) {
  const lines: string[] = [];
  const logger = { warn: (line: string) => void lines.push(line), error: (line: string) => void lines.push(line) };
  const dispatcher = createDispatcher({ sdkAppId: APP_ID, token: TOKEN, now: () => NOW_MS, logger, ...options });
  const seen = { typed: [] as AnyWebhookEvent[], any: [] as AnyWebhookEvent[], invalid: [] as InvalidPayloadEvent[], errors: [] as WebhookErrorEvent[] };
  dispatcher.on([AFTER, GIFT, MESSAGE], (event) => void seen.typed.push(event as unknown as AnyWebhookEvent));
  dispatcher.onAny((event) => void seen.any.push(event));
  dispatcher.onError((error) => void seen.errors.push(error));
  const post = (command: string, body: string, sign = true) =>
    dispatcher.handle({ method: "POST", url: `${CALLBACK_PATH}${tencentQuery({ command, sign })}`, headers: { "content-type": "application/json" }, body });
  return { dispatcher, seen, lines, post };
}

describe("quarantine (inline)", () => {
  it("an after callback: 200 OK, onInvalid with command, payload, schema errors, request and key; no typed handler, no onAny, no onError", async () => {
    const { dispatcher, seen, post } = setup();
    dispatcher.onInvalid((event) => void seen.invalid.push(event));
    const response = await post(AFTER, DRIFTED);
    expect(response).toMatchObject({ status: 200, body: OK });
    expect(seen.typed).toEqual([]);
    expect(seen.any).toEqual([]);
    expect(seen.errors).toEqual([]);
    expect(seen.invalid).toHaveLength(1);
    const [invalid] = seen.invalid;
    expect(invalid).toMatchObject({
      reason: "schema_invalid",
      protocol: "callback",
      command: AFTER,
      attempt: 1,
      request: { rawBody: DRIFTED, rawBodyExact: true },
    });
    expect(invalid!.payload).toMatchObject({ RoomId: expect.any(String), RoomInfo: { MaxMemberCount: "unlimited" } });
    expect(invalid!.schemaErrors).toEqual([expect.objectContaining({ instancePath: "/RoomInfo/MaxMemberCount", keyword: "type" })]);
    expect(invalid!.dedupeKey).toContain(AFTER);
  });

  it("without an onInvalid listener: one log line per callback with the command and the exact body (never the token)", async () => {
    const { seen, lines, post } = setup();
    for (let i = 0; i < 7; i++) expect((await post(AFTER, DRIFTED)).status).toBe(200);
    const quarantined = lines.filter((line) => line.includes("quarantined"));
    expect(quarantined).toHaveLength(7); // not rate-limited: each line is the only copy
    const line = quarantined[0]!;
    expect(line).toContain(`callback ${AFTER} quarantined (schema_invalid: /RoomInfo/MaxMemberCount must be integer; register onInvalid`);
    expect(line).not.toContain("\n");
    expect(JSON.parse(line.slice(line.indexOf(" body ") + 6))).toBe(DRIFTED);
    expect(lines.join("\n")).not.toContain(TOKEN);
    expect(seen.typed.length + seen.any.length + seen.errors.length).toBe(0);
  });

  it("an onInvalid listener that fails: 500 (TRTC and CSS retry it), onError handler_failed with its error", async () => {
    const { dispatcher, seen, post } = setup();
    const thrown = new Error("store down");
    dispatcher.onInvalid(() => {
      throw thrown;
    });
    const response = await post(AFTER, DRIFTED);
    expect(response.status).toBe(500);
    expect(seen.errors.map((error) => [error.reason, error.cause])).toEqual([["handler_failed", thrown]]);
  });

  it("a before callback: the command's failure default (gifts blocked, messages allowed, onDecisionFailure respected), onInvalid, no typed handler", async () => {
    const { dispatcher, seen, post } = setup({ onDecisionFailure: {} });
    dispatcher.onInvalid((event) => void seen.invalid.push(event));
    const gift = await post(GIFT, GIFT_DRIFTED);
    expect(gift.status).toBe(400);
    expect(JSON.parse(gift.body)).toMatchObject({ ActionStatus: "FAIL", ErrorCode: 400, ErrorInfo: expect.stringContaining("RoomId") });
    const message = await post(MESSAGE, MESSAGE_DRIFTED);
    expect(message).toMatchObject({ status: 200, body: OK });
    expect(seen.invalid.map((event) => event.command)).toEqual([GIFT, MESSAGE]);
    expect(seen.typed.length + seen.any.length + seen.errors.length).toBe(0);

    const lenient = setup({ onDecisionFailure: { [GIFT]: "allow", [MESSAGE]: "block" } });
    lenient.dispatcher.onInvalid((event) => void lenient.seen.invalid.push(event));
    expect(await lenient.post(GIFT, GIFT_DRIFTED)).toMatchObject({ status: 200, body: OK });
    expect((await lenient.post(MESSAGE, MESSAGE_DRIFTED)).status).toBe(400);
    expect(lenient.seen.invalid).toHaveLength(2);
  });

  it("unauthenticated (no token configured): refused 400 schema_invalid through onError, never onInvalid", async () => {
    const { dispatcher, seen, post } = setup({ token: undefined });
    dispatcher.onInvalid((event) => void seen.invalid.push(event));
    const response = await post(AFTER, DRIFTED, false);
    expect(response.status).toBe(400);
    expect(seen.errors.map((error) => error.reason)).toEqual(["schema_invalid"]);
    expect(seen.invalid).toEqual([]);
  });

  it('invalidPayloads: "reject" keeps the 400, even when signed; dispatch() payloads are never authenticated', async () => {
    const { dispatcher, seen, post } = setup({ invalidPayloads: "reject" });
    dispatcher.onInvalid((event) => void seen.invalid.push(event));
    expect((await post(AFTER, DRIFTED)).status).toBe(400);
    expect((await setup().dispatcher.dispatch(DRIFTED, { command: AFTER })).status).toBe(400);
    expect(seen.errors.map((error) => error.reason)).toEqual(["schema_invalid"]);
    expect(seen.invalid).toEqual([]);
  });

  it('removeListener("invalid", handler) stops it', async () => {
    const { dispatcher, seen, lines, post } = setup();
    const handler = (event: InvalidPayloadEvent) => void seen.invalid.push(event);
    dispatcher.onInvalid(handler).removeListener("invalid", handler);
    expect((await post(AFTER, DRIFTED)).status).toBe(200);
    expect(seen.invalid).toEqual([]);
    expect(lines.some((line) => line.includes("quarantined"))).toBe(true);
  });
});

describe("an accepted callback nobody listens to", () => {
  it('is logged once per command name ("no handler for …", how to silence it)', async () => {
    const lines: string[] = [];
    const dispatcher = createDispatcher({
      sdkAppId: APP_ID,
      now: () => NOW_MS,
      logger: { warn: (line) => void lines.push(line), error: (line) => void lines.push(line) },
    });
    const post = (command: string) =>
      dispatcher.handle({
        method: "POST",
        url: `${CALLBACK_PATH}${tencentQuery({ command })}`,
        headers: { "content-type": "application/json" },
        body: sampleOf(command as never),
      });
    for (let i = 0; i < 3; i++) expect((await post(AFTER)).status).toBe(200);
    expect((await post(MESSAGE)).status).toBe(200);
    expect(lines).toEqual([expect.stringContaining(`no handler for callback ${AFTER}`), expect.stringContaining(`no handler for callback ${MESSAGE}`)]);
    expect(lines[0]).toContain(`on(${JSON.stringify(AFTER)}, …) or onAny()`);
    dispatcher.onAny(() => {});
    expect((await post("Live.CallbackAfterCreateRoom")).status).toBe(200);
    expect(lines).toHaveLength(2);
  });
});
