/**
 * Property-based fuzzing of a CSS dispatcher's `handle()`: about 2,000 generated requests.
 *
 * Every answer, whatever the request: handle() resolves (never throws, never rejects) in time;
 * the status is a documented one; the body is exactly `{"code":0}` on 200 and exactly
 * `{"code":<status>,"message":<string>}` otherwise, without the key; no 200 unless the body's
 * `sign` is hex(MD5(key + t)) by an independent MD5 (node:crypto) for a `t` not yet past (plus
 * the tolerance) and, with `appId` set, the body's `appid` is ours; nothing lost silently;
 * Object.prototype untouched. A model predicts the status in the pipeline's order: 405, 415,
 * 413, 500 (a rounded pre-parsed body), 400 (JSON), 403 (appid), 401 (t/sign, expiry), then
 * 200 or a 400 of the schema. Valid signed samples (every page's sample with a fresh `t` and
 * its right sign, raw text, bytes or pre-parsed) are always 200, to their own handler.
 */
import { createHash } from "node:crypto";
import fc from "fast-check";
import { LosslessNumber, parse as losslessParse, stringify as losslessStringify } from "lossless-json";
import { expect } from "vitest";
import { cssCatalogue } from "../../schemas/index.js";
import { createCssDispatcher, type CssDispatcherOptions } from "../../src/index.js";
import type { RejectionReason, WebhookResponse } from "../../src/errors.js";
import type { WebhookRequest } from "../../src/types.js";
import { CSS_APP_ID, CSS_KEY, CSS_NOW_MS, CSS_NOW_S, CSS_PATH } from "../support/protocol-fixtures.js";
import { bodyOracle, jsonText, mutatedText, naiveMerge } from "../support/arbitraries.js";
import { answerOf, describeProtocolFuzz, type Seen } from "../support/protocol-fuzz.js";

const OLD_KEY = "old-css-key";
const EVENTS = cssCatalogue.definitions.map((definition) => definition.command);
const SMALL_LIMIT = 512;

/** The independent signer. */
const md5 = (key: string, t: string) => createHash("md5").update(`${key}${t}`).digest("hex");

// ---------------------------------------------------------------------------------------------
// Harnesses
// ---------------------------------------------------------------------------------------------

interface Harness {
  [fc.toStringMethod]: () => string;
  name: string;
  keys: readonly string[];
  appId: string | undefined;
  tolerance: number;
  limit: number;
  handle(request: WebhookRequest): Promise<WebhookResponse>;
  seen: Seen;
}

function harness(name: string, options: Omit<CssDispatcherOptions, "now">): Harness {
  const seen: Seen = { on: 0, any: 0, commands: [], errors: [], invalid: 0 };
  const dispatcher = createCssDispatcher({ now: () => CSS_NOW_MS, ...options });
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
  return {
    [fc.toStringMethod]: () => `harness(${name})`,
    name,
    keys: typeof options.key === "string" ? [options.key] : [...options.key],
    appId: options.appId === undefined ? undefined : String(options.appId),
    tolerance: options.clockToleranceSeconds ?? 0,
    limit: options.maxBodyBytes ?? 1024 * 1024,
    handle: (request) => dispatcher.handle(request),
    seen,
  };
}

const HARNESSES = [
  harness("one key", { key: CSS_KEY }),
  harness("key rotation, appId, 30 s tolerance, 512 B limit", {
    key: [OLD_KEY, CSS_KEY],
    appId: CSS_APP_ID,
    clockToleranceSeconds: 30,
    maxBodyBytes: SMALL_LIMIT,
  }),
  harness("unknown events rejected", { key: CSS_KEY, unknownCommands: "reject" }),
];

// ---------------------------------------------------------------------------------------------
// The model
// ---------------------------------------------------------------------------------------------

const utf8 = new TextDecoder("utf-8", { fatal: true });

function bodySize(body: WebhookRequest["body"]): number {
  if (typeof body === "string") return Buffer.byteLength(body);
  if (body instanceof Uint8Array) return body.byteLength;
  return 0;
}

function hasUnsafeInteger(value: unknown): boolean {
  if (typeof value === "number") return Number.isInteger(value) && !Number.isSafeInteger(value);
  if (value === null || typeof value !== "object") return false;
  return Object.values(value).some(hasUnsafeInteger);
}

/** The body as the model reads it: a refusal, or the parsed payload (64-bit integers as strings). */
function parseModel(body: WebhookRequest["body"]): { status: number; reason: RejectionReason } | { value: Record<string, unknown> } {
  let text: string;
  if (typeof body === "string") text = body;
  else if (body instanceof Uint8Array) {
    try {
      text = utf8.decode(body);
    } catch {
      return { status: 400, reason: "invalid_body" };
    }
  } else if (body === undefined || body === null) text = "";
  else {
    if (hasUnsafeInteger(body)) return { status: 500, reason: "precision_lost" };
    text = JSON.stringify(body);
  }
  const verdict = bodyOracle(text);
  return "reason" in verdict ? { status: 400, reason: verdict.reason } : verdict;
}

/** The decimal text of `t` that is signed, or `undefined` when `t` is no such thing. */
function tText(t: unknown): string | undefined {
  const text = typeof t === "string" ? t : typeof t === "number" ? String(t) : undefined;
  return text !== undefined && /^\d{1,12}$/.test(text) ? text : undefined;
}

/** Whether the payload carries a right, unexpired signature for one of the harness's keys. */
function signatureOk(h: Harness, payload: Record<string, unknown>): boolean {
  const text = tText(payload.t);
  const { sign } = payload;
  if (text === undefined || typeof sign !== "string") return false;
  if (!h.keys.some((key) => md5(key, text) === sign.toLowerCase())) return false;
  return CSS_NOW_S - Number(text) <= h.tolerance;
}

function appIdOk(h: Harness, appid: unknown): boolean {
  if (h.appId === undefined) return true;
  return (typeof appid === "number" && String(appid) === h.appId) || appid === h.appId;
}

interface Generated {
  request: WebhookRequest;
  contentTypeOk: boolean;
  validSample?: string;
}

function predict(h: Harness, { request, contentTypeOk }: Generated): { statuses: number[]; reason?: RejectionReason } {
  if (request.method.toUpperCase() !== "POST") return { statuses: [405], reason: "method_not_allowed" };
  if (!contentTypeOk) return { statuses: [415], reason: "unsupported_media_type" };
  if (bodySize(request.body) > h.limit) return { statuses: [413], reason: "body_too_large" };
  const parsed = parseModel(request.body);
  if ("reason" in parsed) return { statuses: [parsed.status], reason: parsed.reason };
  const payload = parsed.value;
  if (h.appId !== undefined) {
    if (payload.appid === undefined) return { statuses: [403], reason: "sdk_app_id_missing" };
    if (!appIdOk(h, payload.appid)) return { statuses: [403], reason: "sdk_app_id_mismatch" };
  }
  const { t, sign } = payload;
  if ((typeof t !== "string" && typeof t !== "number") || typeof sign !== "string" || sign === "") return { statuses: [401], reason: "signature_missing" };
  const text = tText(t);
  if (text === undefined || !h.keys.some((key) => md5(key, text) === sign.toLowerCase())) return { statuses: [401], reason: "signature_invalid" };
  if (CSS_NOW_S - Number(text) > h.tolerance) return { statuses: [401], reason: "signature_expired" };
  return { statuses: [200, 400] };
}

async function runAndCompare(h: Harness, generated: Generated) {
  const outcome = await answerOf(h, generated.request, (key) => `"${key}"`);
  const predicted = predict(h, generated);
  expect(predicted.statuses, `${h.name}: ${outcome.reply.message ?? ""}`).toContain(outcome.status);
  if (predicted.reason) expect(h.seen.errors.map((error) => error.reason)).toEqual([predicted.reason]);
  if (outcome.status === 400 && !predicted.reason) {
    // Signed: a schema failure is quarantined (200), never a 400.
    expect(["command_missing", "unknown_command"]).toContain(h.seen.errors[0]!.reason);
  }
  // Whatever the model says: never a 200 without a right, unexpired signature (and our appid, when set).
  if (outcome.status === 200) {
    const parsed = parseModel(generated.request.body);
    expect("value" in parsed).toBe(true);
    if ("value" in parsed) {
      expect(signatureOk(h, parsed.value)).toBe(true);
      expect(appIdOk(h, parsed.value.appid)).toBe(true);
    }
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

/** A JSON token written as is (lossless-json writes a LosslessNumber's text verbatim). */
const raw = (token: string) => new LosslessNumber(token);

/** A sample's top level, numbers kept exactly as written. */
function sampleTree(text: string): Record<string, unknown> {
  return losslessParse(text) as Record<string, unknown>;
}

const SAMPLES = cssCatalogue.definitions.map((definition) => ({ command: definition.command, text: definition.sample }));
const sampleArb = fc.constantFrom(...SAMPLES);

/** `t` values: fresh, just expired, inside the tolerance, far ahead, and shapes that are not a t at all. */
const tArb: fc.Arbitrary<{ value: unknown; signed: string }> = fc.oneof(
  { weight: 6, arbitrary: fc.integer({ min: -40, max: 900 }).map((offset) => ({ value: CSS_NOW_S + offset, signed: String(CSS_NOW_S + offset) })) },
  { weight: 2, arbitrary: fc.integer({ min: -40, max: 900 }).map((offset) => ({ value: String(CSS_NOW_S + offset), signed: String(CSS_NOW_S + offset) })) },
  {
    weight: 2,
    arbitrary: fc.constantFrom<{ value: unknown; signed: string }>(
      { value: 0, signed: "0" },
      { value: 999_999_999_999, signed: "999999999999" },
      { value: 1_000_000_000_000, signed: "1000000000000" },
      { value: raw(`${CSS_NOW_S}.0`), signed: `${CSS_NOW_S}.0` },
      { value: raw(`${CSS_NOW_S}.5`), signed: `${CSS_NOW_S}.5` },
      { value: raw("1.5e9"), signed: "1.5e9" },
      { value: raw("-0"), signed: "0" },
      { value: -CSS_NOW_S, signed: String(-CSS_NOW_S) },
      { value: raw("144115216631667826"), signed: "144115216631667826" },
      { value: `0${CSS_NOW_S}`, signed: `0${CSS_NOW_S}` },
      { value: ` ${CSS_NOW_S}`, signed: ` ${CSS_NOW_S}` },
      { value: "", signed: "" },
      { value: "abc", signed: "abc" },
      { value: null, signed: "null" },
      { value: true, signed: "true" },
      { value: [CSS_NOW_S], signed: String(CSS_NOW_S) },
      { value: undefined, signed: String(CSS_NOW_S) },
    ),
  },
);

type SignKind = "right" | "old-key" | "upper" | "other-key" | "other-t" | "flipped" | "missing" | "empty" | "number" | "random";
const signKindArb = fc.oneof(
  { weight: 10, arbitrary: fc.constant<SignKind>("right") },
  { weight: 2, arbitrary: fc.constantFrom<SignKind>("old-key", "upper") },
  { weight: 6, arbitrary: fc.constantFrom<SignKind>("other-key", "other-t", "flipped", "missing", "empty", "number", "random") },
);

function signFor(kind: SignKind, signedT: string, random: string, at: number): unknown {
  const right = md5(CSS_KEY, signedT);
  switch (kind) {
    case "right":
      return right;
    case "old-key":
      return md5(OLD_KEY, signedT);
    case "upper":
      return right.toUpperCase();
    case "other-key":
      return md5(`${CSS_KEY}x`, signedT);
    case "other-t":
      return md5(CSS_KEY, `${signedT}1`);
    case "flipped": {
      const i = at % right.length;
      return right.slice(0, i) + (right[i] === "0" ? "1" : "0") + right.slice(i + 1);
    }
    case "missing":
      return undefined;
    case "empty":
      return "";
    case "number":
      return 12345;
    case "random":
      return random;
  }
}

const appIdArb = fc.oneof(
  { weight: 8, arbitrary: fc.constant<unknown>("keep") },
  { weight: 3, arbitrary: fc.constant<unknown>(Number(CSS_APP_ID)) },
  {
    weight: 3,
    arbitrary: fc.constantFrom<unknown>(undefined, CSS_APP_ID, `0${CSS_APP_ID}`, 87654321, "87654321", null, "", raw(`${CSS_APP_ID}.0`), raw("1.2345678e7")),
  },
  // Not an appid at all: a list holding ours, objects. Currently a list passes the appId check and an
  // object without a callable toString makes handle() answer 500 (src/protocols/css/index.ts
  // String()s the appid): bugs this property is meant to catch, not shapes to leave out.
  { weight: 1, arbitrary: fc.constantFrom<unknown>([Number(CSS_APP_ID)], [CSS_APP_ID], {}, { toString: 1 }, { valueOf: 1, toString: "x" }, true) },
);

/** A document's body with `t`, `sign` and `appid` set as generated, the rest of it exactly as on its page. */
const fieldsBodyArb = fc
  .record({
    sample: sampleArb,
    t: tArb,
    signKind: signKindArb,
    random: fc.oneof(fc.stringMatching(/^[0-9a-f]{32}$/), fc.string({ maxLength: 40 })),
    at: fc.nat(),
    appid: appIdArb,
    eventType: fc.oneof(
      { weight: 8, arbitrary: fc.constant<unknown>("keep") },
      { weight: 1, arbitrary: fc.constantFrom<unknown>(undefined, 999, "1", 1.5, raw("144115216631667826")) },
    ),
    indent: fc.constantFrom<string | undefined>(undefined, undefined, "\t", "  "),
  })
  .map(({ sample, t, signKind, random, at, appid, eventType, indent }) => {
    const tree = sampleTree(sample.text);
    const set = (key: string, value: unknown) => {
      if (value === "keep") return;
      if (value === undefined) delete tree[key];
      else tree[key] = value;
    };
    set("t", t.value);
    set("sign", signFor(signKind, t.signed, random, at));
    set("appid", appid);
    set("event_type", eventType);
    return losslessStringify(tree, null, indent) ?? "";
  });

const methodArb = fc.oneof(
  { weight: 12, arbitrary: fc.constantFrom("POST", "post") },
  { weight: 1, arbitrary: fc.constantFrom("GET", "PUT", "DELETE", "PATCH", "", " POST") },
);

const contentTypeArb = fc.oneof(
  { weight: 8, arbitrary: fc.constantFrom({ value: "application/json", ok: true }, { value: undefined, ok: true }) },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      { value: "", ok: true },
      { value: "application/json; charset=utf-8", ok: true },
      { value: "text/json", ok: true },
      { value: "application/json; charset=latin1", ok: false },
      { value: "text/plain", ok: false },
      { value: "application/x-www-form-urlencoded", ok: false },
    ),
  },
);

const bodyArb: fc.Arbitrary<WebhookRequest["body"]> = (() => {
  const json = jsonText({ hostileKeys: true });
  return fc.oneof(
    { weight: 10, arbitrary: fieldsBodyArb },
    { weight: 2, arbitrary: fieldsBodyArb.map((text) => new TextEncoder().encode(text)) },
    { weight: 4, arbitrary: mutatedText(fieldsBodyArb) },
    { weight: 2, arbitrary: fieldsBodyArb.map((text) => JSON.parse(text) as object) },
    fieldsBodyArb.map((text) => `\ufeff${text}`),
    fieldsBodyArb.map((text) => text.replace("{", '{"__proto__":{"polluted":true},')),
    fieldsBodyArb.map((text) => {
      const bytes = new TextEncoder().encode(text);
      bytes[Math.floor(bytes.length / 2)] = 0xff;
      return bytes;
    }),
    fieldsBodyArb.map((text) => text.padEnd(SMALL_LIMIT + 1, " ")),
    fieldsBodyArb.map((text) => ({ ...(JSON.parse(text) as object), rounded: 2 ** 60 })),
    json.object,
    json.value,
    fc.uint8Array({ maxLength: 64 }),
    fc.string({ unit: "binary", maxLength: 64 }),
    fc.constantFrom<WebhookRequest["body"]>(undefined, "", "{}", "[]", "null", '"x"'),
  );
})();

const requestArb: fc.Arbitrary<Generated> = fc
  .record({ method: methodArb, contentType: contentTypeArb, body: bodyArb })
  .map(({ method, contentType, body }) => ({
    request: { method, url: CSS_PATH, headers: { "content-type": contentType.value }, body },
    contentTypeOk: contentType.ok,
  }));

/** What Tencent sends: a page's sample, a fresh t (within the tolerance), the right sign for a served key, our appid when one is set. */
const validArb: fc.Arbitrary<{ h: Harness; generated: Generated }> = fc
  .record({
    h: fc.constantFrom(...HARNESSES),
    sample: sampleArb,
    offset: fc.integer({ min: -30, max: 3600 }),
    tAsString: fc.boolean(),
    keyIndex: fc.nat(),
    upper: fc.boolean(),
    form: fc.constantFrom("text", "bytes", "parsed", "bom"),
    indent: fc.constantFrom<string | undefined>(undefined, "\t", "  "),
    contentType: fc.constantFrom(undefined, "application/json", "application/json; charset=utf-8"),
  })
  .filter(({ h, offset }) => offset >= -h.tolerance)
  .map(({ h, sample, offset, tAsString, keyIndex, upper, form, indent, contentType }) => {
    const tree = sampleTree(sample.text);
    const t = String(CSS_NOW_S + offset);
    const sign = md5(h.keys[keyIndex % h.keys.length]!, t);
    tree.t = tAsString ? t : raw(t);
    tree.sign = upper ? sign.toUpperCase() : sign;
    if (h.appId !== undefined) tree.appid = raw(h.appId);
    const text = losslessStringify(tree, null, indent) ?? "";
    const body = form === "bytes" ? new TextEncoder().encode(text) : form === "parsed" ? (JSON.parse(text) as object) : form === "bom" ? `\ufeff${text}` : text;
    return {
      h,
      generated: {
        request: { method: "POST", url: CSS_PATH, headers: { "content-type": contentType }, body },
        contentTypeOk: true,
        validSample: sample.command,
      },
    };
  })
  .filter(({ h, generated }) => bodySize(generated.request.body) <= h.limit);

// ---------------------------------------------------------------------------------------------
// Properties
// ---------------------------------------------------------------------------------------------

describeProtocolFuzz("CSS handle() under generated requests", {
  anyRequest: "resolves in time, a documented status, an exact {code} reply, never 200 without a right unexpired sign, as the model predicts",
  validSamples: "fresh t as number or string, any served key, either case, text, bytes, BOM or pre-parsed",
  harnesses: HARNESSES,
  requestArb,
  validArb,
  runAndCompare,
});
