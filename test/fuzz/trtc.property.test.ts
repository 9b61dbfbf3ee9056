/**
 * Property-based fuzzing of a TRTC dispatcher's `handle()`: about 2,000 generated requests.
 *
 * Every answer, whatever the request: handle() resolves (never throws, never rejects) in time;
 * the status is a documented one; the body is exactly `{"code":0}` on 200 and exactly
 * `{"code":<status>,"message":<string>}` otherwise, without the key; no 200 without our SdkAppId
 * and a Sign that an independent HMAC (node:crypto) finds right for the exact bytes; nothing lost
 * silently (a 200 ran onAny, every refusal reached onError, 405/413/415 too); Object.prototype
 * untouched though a handler deep-merges every payload. An independent model predicts the status
 * in the order the pipeline checks: 405, 415, 413, 403, 500 (parsed body), 401, 400.
 * Valid signed samples (every sample and variant, as string or bytes, any key of a rotation) are
 * always 200, to their own handler.
 */
import { createHmac } from "node:crypto";
import fc from "fast-check";
import { expect } from "vitest";
import { bodiesOf, trtcCatalogue } from "../../schemas/index.js";
import { createTrtcDispatcher, type TrtcDispatcherOptions } from "../../src/index.js";
import type { RejectionReason, WebhookResponse } from "../../src/errors.js";
import type { WebhookRequest } from "../../src/types.js";
import { TRTC_APP_ID, TRTC_KEY, TRTC_NOW_MS, TRTC_PATH } from "../support/protocol-fixtures.js";
import { bodyOracle, jsonText, mutatedText, naiveMerge } from "../support/arbitraries.js";
import { answerOf, describeProtocolFuzz, type Seen } from "../support/protocol-fuzz.js";

const OTHER_APP = "1400000002";
const OLD_KEY = "0ldKey0fThe32LettersAndDigits000";
const EVENTS = trtcCatalogue.definitions.map((definition) => definition.command);
const SMALL_LIMIT = 512;

/** All documented bodies: samples and variants. */
const SAMPLES = trtcCatalogue.definitions.flatMap((definition) => bodiesOf(definition).map(({ text }) => ({ command: definition.command, text })));

/** The independent signer. */
const hmac = (key: string, body: string | Uint8Array) => createHmac("sha256", key).update(body).digest("base64");

// ---------------------------------------------------------------------------------------------
// Harnesses
// ---------------------------------------------------------------------------------------------

interface Harness {
  [fc.toStringMethod]: () => string;
  name: string;
  apps: readonly string[];
  keys: readonly string[];
  limit: number;
  rejectUnknown: boolean;
  handle(request: WebhookRequest): Promise<WebhookResponse>;
  seen: Seen;
}

function harness(name: string, options: Omit<TrtcDispatcherOptions, "now">): Harness {
  const seen: Seen = { on: 0, any: 0, commands: [], errors: [], invalid: 0 };
  const dispatcher = createTrtcDispatcher({ now: () => TRTC_NOW_MS, ...options });
  dispatcher.on(EVENTS as never, (event: { command: string }) => {
    seen.on++;
    seen.commands.push(event.command);
  });
  dispatcher.onAny((event) => {
    seen.any++;
    naiveMerge({}, event.payload);
  });
  dispatcher.onError((error) => {
    seen.errors.push(error);
  });
  dispatcher.onInvalid(() => {
    seen.invalid++;
  });
  const list = <T>(value: T | readonly T[]) => (Array.isArray(value) ? (value as readonly T[]) : [value as T]);
  return {
    [fc.toStringMethod]: () => `harness(${name})`,
    name,
    apps: list(options.sdkAppId).map(String),
    keys: list(options.key),
    limit: options.maxBodyBytes ?? 1024 * 1024,
    rejectUnknown: options.unknownCommands === "reject",
    handle: (request) => dispatcher.handle(request),
    seen,
  };
}

const HARNESSES = [
  harness("one app, one key", { sdkAppId: TRTC_APP_ID, key: TRTC_KEY }),
  harness("two apps, key rotation, 512 B limit", { sdkAppId: [Number(TRTC_APP_ID), OTHER_APP], key: [OLD_KEY, TRTC_KEY], maxBodyBytes: SMALL_LIMIT }),
  harness("unknown events rejected", { sdkAppId: TRTC_APP_ID, key: TRTC_KEY, unknownCommands: "reject" }),
];

// ---------------------------------------------------------------------------------------------
// The independent model
// ---------------------------------------------------------------------------------------------

/** A header as the core reads it: any key case, a list joined as HTTP joins a repeated header. */
function header(headers: Record<string, string | string[] | undefined>, name: string): string | undefined {
  let found: string | undefined;
  for (const [key, value] of Object.entries(headers)) {
    if (key.toLowerCase() !== name || value === undefined) continue;
    found = Array.isArray(value) ? value.join(", ") : value;
  }
  return found;
}

const utf8 = new TextDecoder("utf-8", { fatal: true });

function bodySize(body: WebhookRequest["body"]): number {
  if (typeof body === "string") return Buffer.byteLength(body);
  if (body instanceof Uint8Array) return body.byteLength;
  return 0;
}

/** The exact bytes a body stands for, or `undefined` for a parsed object (nothing to verify). */
function rawOf(body: WebhookRequest["body"]): string | Uint8Array | undefined {
  if (typeof body === "string" || body instanceof Uint8Array) return body;
  if (body === undefined || body === null) return "";
  return undefined;
}

function signatureOk(h: Harness, sign: string | undefined, body: WebhookRequest["body"]): boolean {
  const raw = rawOf(body);
  if (!sign || raw === undefined) return false;
  return h.keys.some((key) => hmac(key, raw) === sign);
}

function bodyVerdict(body: WebhookRequest["body"]): RejectionReason | "parsed" {
  const raw = rawOf(body)!;
  let text: string;
  if (typeof raw === "string") text = raw;
  else {
    try {
      text = utf8.decode(raw);
    } catch {
      return "invalid_body";
    }
  }
  const verdict = bodyOracle(text);
  return "reason" in verdict ? verdict.reason : "parsed";
}

interface Generated {
  request: WebhookRequest & { headers: Record<string, string | string[] | undefined> };
  contentTypeOk: boolean;
  /** An untouched documented body, rightly signed: must be 200. */
  validSample?: string;
}

/** The statuses allowed and, for a refusal, the onError reason. */
function predict(h: Harness, { request, contentTypeOk }: Generated): { statuses: number[]; reason?: RejectionReason } {
  if (request.method.toUpperCase() !== "POST") return { statuses: [405], reason: "method_not_allowed" };
  if (!contentTypeOk) return { statuses: [415], reason: "unsupported_media_type" };
  if (bodySize(request.body) > h.limit) return { statuses: [413], reason: "body_too_large" };
  const appId = header(request.headers, "sdkappid");
  if (appId === undefined || appId === "") return { statuses: [403], reason: "sdk_app_id_missing" };
  if (!h.apps.includes(appId)) return { statuses: [403], reason: "sdk_app_id_mismatch" };
  if (rawOf(request.body) === undefined) return { statuses: [500], reason: "raw_body_required" };
  const sign = header(request.headers, "sign");
  if (!sign) return { statuses: [401], reason: "signature_missing" };
  if (!signatureOk(h, sign, request.body)) return { statuses: [401], reason: "signature_invalid" };
  const verdict = bodyVerdict(request.body);
  if (verdict !== "parsed") return { statuses: [400], reason: verdict };
  return { statuses: [200, 400] };
}

async function runAndCompare(h: Harness, generated: Generated) {
  const outcome = await answerOf(h, generated.request);
  const predicted = predict(h, generated);
  expect(predicted.statuses, `${h.name}: ${outcome.reply.message ?? ""}`).toContain(outcome.status);
  if (predicted.reason) expect(h.seen.errors.map((error) => error.reason)).toEqual([predicted.reason]);
  if (outcome.status === 400 && !predicted.reason) {
    // Signed: a schema failure is quarantined (200), never a 400.
    expect(["command_missing", "unknown_command"]).toContain(h.seen.errors[0]!.reason);
  }
  // Whatever the model says: never a 200 without our SdkAppId and a right signature over the bytes.
  if (outcome.status === 200) {
    expect(h.apps).toContain(header(generated.request.headers, "sdkappid"));
    expect(signatureOk(h, header(generated.request.headers, "sign"), generated.request.body)).toBe(true);
  }
  if (generated.validSample !== undefined) {
    expect(outcome.status, outcome.reply.message).toBe(200);
    expect(h.seen.commands).toEqual([generated.validSample]);
  }
  return outcome;
}

// ---------------------------------------------------------------------------------------------
// Generators
// ---------------------------------------------------------------------------------------------

const sampleArb = fc.constantFrom(...SAMPLES);

const methodArb = fc.oneof(
  { weight: 12, arbitrary: fc.constantFrom("POST", "post") },
  { weight: 1, arbitrary: fc.constantFrom("GET", "PUT", "DELETE", "PATCH", "OPTIONS", "", " POST") },
);

const contentTypeArb = fc.oneof(
  { weight: 8, arbitrary: fc.constantFrom({ value: "application/json", ok: true }, { value: undefined, ok: true }) },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      { value: "", ok: true },
      { value: "application/json; charset=utf-8", ok: true },
      { value: "text/json", ok: true },
      { value: "application/cloudevents+json", ok: true },
      { value: "application/json; charset=latin1", ok: false },
      { value: "text/plain", ok: false },
      { value: "application/x-www-form-urlencoded", ok: false },
    ),
  },
);

const appIdArb = fc.oneof(
  { weight: 10, arbitrary: fc.constant<string | string[] | undefined>(TRTC_APP_ID) },
  { weight: 2, arbitrary: fc.constant<string | string[] | undefined>(OTHER_APP) },
  {
    weight: 2,
    arbitrary: fc.constantFrom<string | string[] | undefined>(
      undefined,
      "",
      "1400000001",
      `0${TRTC_APP_ID}`,
      `${TRTC_APP_ID} `,
      `${TRTC_APP_ID}.0`,
      [TRTC_APP_ID, TRTC_APP_ID],
      [TRTC_APP_ID],
    ),
  },
  { weight: 1, arbitrary: fc.string({ maxLength: 12 }) },
);

/**
 * JSON values for an unknown event's fields: scalars, and what a key built by String() cannot tell
 * apart. `{"toString":1}` currently makes handle() answer 500 "Internal error" (src/delivery/dedupe-key.ts
 * String()s it): a bug this property is meant to catch, not a shape to leave out.
 */
const fieldValueArb = fc.constantFrom("1", '"r1"', "null", "true", "[1,2]", '["1,2"]', "{}", '{"a":1}', '{"toString":1}', '{"valueOf":1,"toString":"x"}');

/** Bodies of every kind: samples (string, bytes, BOM), mutated, JSON, random, non-UTF-8, over the small limit, pre-parsed. */
const bodyArb: fc.Arbitrary<WebhookRequest["body"]> = (() => {
  const json = jsonText({ hostileKeys: true });
  const text = sampleArb.map((sample) => sample.text);
  return fc.oneof(
    { weight: 8, arbitrary: text },
    { weight: 2, arbitrary: text.map((sample) => new TextEncoder().encode(sample)) },
    { weight: 4, arbitrary: mutatedText(text) },
    text.map((sample) => `\ufeff${sample}`),
    text.map((sample) => sample.replace(/\n/g, "\\n").replace(/\t/g, "\\t")),
    text.map((sample) => JSON.stringify(JSON.parse(sample))),
    fc
      .tuple(text, fc.oneof(fc.integer(), fc.constantFrom('"204"', "null", "144115216631667826", "1.5", "[]")))
      .map(([sample, type]) => sample.replace(/("EventType":\s*)\d+/, `$1${String(type)}`)),
    text.map((sample) => {
      const bytes = new TextEncoder().encode(sample);
      bytes[Math.floor(bytes.length / 2)] = 0xff;
      return bytes;
    }),
    text.map((sample) => sample.padEnd(SMALL_LIMIT + 1, " ")),
    // Unknown events have no schema: EventInfo may hold anything where the default idempotency key looks.
    fc
      .record({
        type: fc.integer({ min: 1, max: 99_999 }).filter((code) => !trtcCatalogue.byCode.has(code)),
        roomId: fieldValueArb,
        userId: fieldValueArb,
        ms: fieldValueArb,
      })
      .map(({ type, roomId, userId, ms }) => `{"EventGroupId":99,"EventType":${type},"EventInfo":{"RoomId":${roomId},"UserId":${userId},"EventMsTs":${ms}}}`),
    json.object,
    json.value,
    fc.uint8Array({ maxLength: 64 }),
    fc.string({ unit: "binary", maxLength: 64 }),
    fc.constantFrom<WebhookRequest["body"]>(undefined, "", "{}", "[]", "null", '"x"'),
    text.map((sample) => JSON.parse(sample) as object),
  );
})();

type SignKind = "right" | "old-key" | "other-key" | "other-body" | "flipped" | "lower" | "unpadded" | "missing" | "empty" | "random" | "twice";
const signKindArb = fc.oneof(
  { weight: 10, arbitrary: fc.constant<SignKind>("right") },
  { weight: 2, arbitrary: fc.constant<SignKind>("old-key") },
  { weight: 6, arbitrary: fc.constantFrom<SignKind>("other-key", "other-body", "flipped", "lower", "unpadded", "missing", "empty", "random", "twice") },
);

function signFor(kind: SignKind, body: WebhookRequest["body"], random: string, at: number): string | string[] | undefined {
  const raw = rawOf(body) ?? JSON.stringify(body) ?? "";
  const right = hmac(TRTC_KEY, raw);
  switch (kind) {
    case "right":
      return right;
    case "old-key":
      return hmac(OLD_KEY, raw);
    case "other-key":
      return hmac(`${TRTC_KEY}x`, raw);
    case "other-body":
      return hmac(TRTC_KEY, typeof raw === "string" ? `${raw} ` : new Uint8Array([...raw, 0x20]));
    case "flipped": {
      const i = at % right.length;
      return right.slice(0, i) + (right[i] === "A" ? "B" : "A") + right.slice(i + 1);
    }
    case "lower":
      return right.toLowerCase();
    case "unpadded":
      return right.replace(/=+$/, "");
    case "missing":
      return undefined;
    case "empty":
      return "";
    case "random":
      return random;
    case "twice":
      return [right, right];
  }
}

const requestArb: fc.Arbitrary<Generated> = fc
  .record({
    method: methodArb,
    contentType: contentTypeArb,
    appId: appIdArb,
    appIdKey: fc.constantFrom("SdkAppId", "sdkappid", "SDKAPPID"),
    body: bodyArb,
    signKind: signKindArb,
    signKey: fc.constantFrom("Sign", "sign", "SIGN"),
    random: fc.oneof(fc.base64String({ minLength: 44, maxLength: 44 }), fc.string({ maxLength: 50 })),
    at: fc.nat(),
  })
  .map(({ method, contentType, appId, appIdKey, body, signKind, signKey, random, at }) => {
    const headers: Record<string, string | string[] | undefined> = {
      "content-type": contentType.value,
      [appIdKey]: appId,
      [signKey]: signFor(signKind, body, random, at),
    };
    return { request: { method, url: TRTC_PATH, headers, body }, contentTypeOk: contentType.ok };
  });

/** What Tencent sends: an untouched documented body, our SdkAppId, a right Sign (any key of the rotation). */
const validArb: fc.Arbitrary<{ h: Harness; generated: Generated }> = fc
  .record({
    h: fc.constantFrom(...HARNESSES),
    sample: sampleArb,
    asBytes: fc.boolean(),
    bom: fc.constantFrom(false, false, true),
    appIdKey: fc.constantFrom("SdkAppId", "sdkappid", "SDKAPPID"),
    signKey: fc.constantFrom("Sign", "sign", "SIGN"),
    keyIndex: fc.nat(),
    appIndex: fc.nat(),
    contentType: fc.constantFrom(undefined, "application/json", "application/json; charset=utf-8"),
    method: fc.constantFrom("POST", "post"),
  })
  .map(({ h, sample, asBytes, bom, appIdKey, signKey, keyIndex, appIndex, contentType, method }) => {
    const text = bom ? `\ufeff${sample.text}` : sample.text;
    const body = asBytes ? new TextEncoder().encode(text) : text;
    const key = h.keys[keyIndex % h.keys.length]!;
    const headers = { "content-type": contentType, [appIdKey]: h.apps[appIndex % h.apps.length]!, [signKey]: hmac(key, body) };
    return { h, generated: { request: { method, url: TRTC_PATH, headers, body }, contentTypeOk: true, validSample: sample.command } };
  })
  .filter(({ h, generated }) => bodySize(generated.request.body) <= h.limit);

// ---------------------------------------------------------------------------------------------
// Properties
// ---------------------------------------------------------------------------------------------

describeProtocolFuzz("TRTC handle() under generated requests", {
  anyRequest: "resolves in time, a documented status, an exact {code} reply, never 200 unsigned, as the model predicts",
  validSamples: "string or bytes, BOM or not, any key of a rotation, any app served",
  harnesses: HARNESSES,
  requestArb,
  validArb,
  runAndCompare,
});
