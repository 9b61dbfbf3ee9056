/**
 * THE table of CSS request → outcome cases. css.test.ts runs it through `handle()` and, over
 * real HTTP, through every adapter: same request, same status, same reply body.
 *
 * CSS callbacks (tencentcloud.com/document/product/267/38080): body fields `t` (when the
 * notification expires, Unix seconds) and `sign = hex(MD5(key + t))`; `appid` must be ours when
 * `appId` is set; `event_type` names the event; replies `{"code":0}` / `{"code":<status>,"message":"…"}`.
 * Every case's clock is CSS_NOW_MS, ten minutes before the document's `t`.
 */
import { cssCatalogue } from "../../schemas/index.js";
import type { CssDispatcherOptions } from "../../src/index.js";
import type { RejectionReason } from "../../src/errors.js";
import type { AnyWebhookEvent } from "../../src/types.js";
import {
  CSS_APP_ID,
  CSS_DOC_SIGN,
  CSS_DOC_T,
  CSS_KEY,
  CSS_NOW_S,
  cssBody,
  cssSample,
  cssSign,
  signCssText,
  type ProtocolCase,
} from "../support/protocol-fixtures.js";

export type CssCase = ProtocolCase<CssDispatcherOptions>;

export const CSS_MESSAGES = {
  post: "Only POST is accepted",
  contentType: "Content-Type must be application/json",
  charset: "JSON must be UTF-8 encoded",
  appIdMissing: "appid is missing",
  appIdMismatch: "appid does not match this app",
  signMissing: "t and sign are required (an event type Tencent sends unsigned can be listed in `unsignedEvents`)",
  signInvalid: "Signature is invalid",
  json: "Body is not valid JSON",
  object: "Body must be a JSON object",
  utf8: "Body is not valid UTF-8",
  forbidden: "Body contains a forbidden key (__proto__ or constructor.prototype)",
  eventType: "event_type is missing or not an integer",
} as const;
const M = CSS_MESSAGES;

export const expiredMessage = (late: number, allowed: number) => `The notification expired ${late} s ago (t is when it expires; allowed: ${allowed} s)`;

const ok = (command: string, check?: (event: AnyWebhookEvent | undefined) => void): CssCase["expect"] => ({
  status: 200,
  on: 1,
  any: 1,
  errors: [],
  command,
  ...(check ? { check } : {}),
});
const refused = (status: number, reason: RejectionReason, message: string): CssCase["expect"] => ({ status, message, on: 0, any: 0, errors: [reason] });
/** Authenticated but not the schema's shape: answered 200, handed to onInvalid only (message: the schema's). */
const quarantined = (message: string): CssCase["expect"] => ({ status: 200, on: 0, any: 0, errors: [], invalid: message });

function expectThat(condition: boolean, message: string): void {
  if (!condition) throw new Error(message);
}

const post = (body: string | Uint8Array, rest: Omit<CssCase["request"], "body"> = {}): CssCase["request"] => ({ ...rest, body });
const atSecond = (seconds: number) => () => seconds * 1000;

/** The appid a sample carries, as the event reports it ("" when it has none). */
function appIdOf(text: string): string {
  const match = /"appid"\s*:\s*"?(\d+)"?/.exec(text);
  return match ? match[1]! : "";
}

/** Every documented body, its masked `sign` replaced by the right one for the document's `t` (added where the page shows none). */
const sampleCases: CssCase[] = cssCatalogue.definitions.map((definition): CssCase => {
  const text = signCssText(definition.sample);
  return {
    name: `sample ${definition.code} ${definition.command}, signed`,
    request: post(text),
    expect: ok(definition.command, (event) => {
      expectThat(event?.rawBody === text, "rawBody is not the body as sent");
      expectThat(event?.sdkAppId === appIdOf(definition.sample), `sdkAppId ${String(event?.sdkAppId)}`);
      expectThat(event?.keyIndex === 0, `keyIndex ${String(event?.keyIndex)}`);
      expectThat(event?.protocol === "css", `protocol ${String(event?.protocol)}`);
      expectThat(event?.payload.t === CSS_DOC_T, `t ${String(event?.payload.t)}`);
    }),
  };
});

/** Pages whose sample shows neither `t` nor `sign` (their schemas do not require them). */
const UNSIGNED_SAMPLES = cssCatalogue.definitions.filter((definition) => !/"sign"\s*:/.test(definition.sample));

const NON_UTF8 = new Uint8Array([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x3a, 0x31, 0x7d]);
const TWO_MB = 2 * 1024 * 1024;
const UNKNOWN = cssBody({ event_type: 999, stream_id: undefined, sequence: undefined });
const DOC = cssBody({ t: CSS_DOC_T, sign: CSS_DOC_SIGN });

export const cssCases: CssCase[] = [
  ...sampleCases,
  ...UNSIGNED_SAMPLES.map(
    (definition): CssCase => ({
      // One rule for every CSS event: the protocol requires t/sign even where the page sample shows none (README "CSS signatures").
      name: `sample ${definition.code} ${definition.command} exactly as its page shows it (no t, no sign): 401`,
      request: post(definition.sample),
      expect: refused(401, "signature_missing", M.signMissing),
    }),
  ),

  // ----- the document's signature example -----
  {
    name: "doc vector: key abc, t 1506309271, sign 56f74aef…: accepted",
    request: post(DOC),
    expect: ok("PushBegin", (event) => {
      expectThat(event?.sdkAppId === CSS_APP_ID, `sdkAppId ${String(event?.sdkAppId)}`);
      expectThat(event?.keyIndex === 0, "keyIndex");
      expectThat(event?.rawBody === DOC, "rawBody");
    }),
  },
  {
    name: "doc vector with the sign in upper case: accepted",
    request: post(cssBody({ sign: CSS_DOC_SIGN.toUpperCase() })),
    expect: ok("PushBegin"),
  },
  {
    name: "doc vector with t as a digit string: accepted, and t delivered as an integer",
    request: post(cssBody({ t: String(CSS_DOC_T), sign: CSS_DOC_SIGN })),
    expect: ok("PushBegin", (event) => expectThat(event?.payload.t === CSS_DOC_T, `t ${JSON.stringify(event?.payload.t)}`)),
  },

  // ----- expiry -----
  {
    name: "received in the very second t names: accepted",
    options: { now: atSecond(CSS_DOC_T) },
    request: post(DOC),
    expect: ok("PushBegin"),
  },
  {
    name: "received 999 ms into the second t names: accepted",
    options: { now: () => CSS_DOC_T * 1000 + 999 },
    request: post(DOC),
    expect: ok("PushBegin"),
  },
  {
    name: "received 1 s after t: 401 signature_expired",
    options: { now: atSecond(CSS_DOC_T + 1) },
    request: post(DOC),
    expect: refused(401, "signature_expired", expiredMessage(1, 0)),
  },
  {
    name: "received a day after t: 401 signature_expired",
    options: { now: atSecond(CSS_DOC_T + 86_400) },
    request: post(DOC),
    expect: refused(401, "signature_expired", expiredMessage(86_400, 0)),
  },
  {
    name: "clockToleranceSeconds 30, received 30 s after t: accepted",
    options: { now: atSecond(CSS_DOC_T + 30), clockToleranceSeconds: 30 },
    request: post(DOC),
    expect: ok("PushBegin"),
  },
  {
    name: "clockToleranceSeconds 30, received 31 s after t: 401 signature_expired",
    options: { now: atSecond(CSS_DOC_T + 31), clockToleranceSeconds: 30 },
    request: post(DOC),
    expect: refused(401, "signature_expired", expiredMessage(31, 30)),
  },
  {
    name: "expired and wrongly signed: the 401 says invalid, not expired",
    options: { now: atSecond(CSS_DOC_T + 1) },
    request: post(cssBody({ sign: cssSign(CSS_DOC_T, "other") })),
    expect: refused(401, "signature_invalid", M.signInvalid),
  },
  {
    name: "t a year ahead, rightly signed: accepted (t is an expiry)",
    request: post(cssBody({ t: CSS_NOW_S + 365 * 86_400 })),
    expect: ok("PushBegin"),
  },

  // ----- sign -----
  {
    name: "sign made with another key: 401",
    request: post(cssBody({}, { key: "abd" })),
    expect: refused(401, "signature_invalid", M.signInvalid),
  },
  {
    name: "sign for another t: 401",
    request: post(cssBody({ sign: cssSign(CSS_DOC_T + 1) })),
    expect: refused(401, "signature_invalid", M.signInvalid),
  },
  ...[
    [cssSign(""), "MD5 of the key alone"],
    [cssSign(CSS_KEY, String(CSS_DOC_T)), "MD5 of t + key (the wrong order)"],
    [` ${CSS_DOC_SIGN}`, "with a leading space"],
    [CSS_DOC_SIGN.slice(1), "one hex digit short"],
    [`${CSS_DOC_SIGN}0`, "one hex digit too many"],
    [Buffer.from(CSS_DOC_SIGN, "hex").toString("base64"), "in base64"],
    ["z".repeat(32), "of the right length, not hex"],
  ].map(
    ([sign, what]): CssCase => ({
      name: `sign ${what}: 401`,
      request: post(cssBody({ sign })),
      expect: refused(401, "signature_invalid", M.signInvalid),
    }),
  ),
  ...[
    [{ sign: undefined }, "sign missing"],
    [{ t: undefined }, "t missing"],
    [{ t: undefined, sign: undefined }, "t and sign missing"],
    [{ sign: "" }, "sign empty"],
    [{ sign: 123 }, "sign a number"],
    [{ sign: null }, "sign null"],
    [{ t: null }, "t null"],
    [{ t: true }, "t a boolean"],
    [{ t: [CSS_DOC_T] }, "t a list"],
  ].map(
    ([fields, what]): CssCase => ({
      name: `${String(what)}: 401 signature_missing`,
      request: post(cssBody(fields as Record<string, unknown>)),
      expect: refused(401, "signature_missing", M.signMissing),
    }),
  ),
  ...[
    ["abc", "t not a number (signed over that text)"],
    [CSS_DOC_T + 0.5, "t a fraction"],
    [-CSS_DOC_T, "t negative"],
    ["1506309271000", "t of 13 digits (milliseconds)"],
    ["", "t empty"],
    [` ${CSS_DOC_T}`, "t with a leading space"],
  ].map(
    ([t, what]): CssCase => ({
      name: `${String(what)}: 401 signature_invalid`,
      request: post(cssBody({ t, sign: cssSign(String(t)) })),
      expect: refused(401, "signature_invalid", M.signInvalid),
    }),
  ),
  {
    name: "t a 64-bit number: 401 signature_invalid",
    request: post(
      cssBody({ t: 0 })
        .replace('"t":0', '"t":144115216631667826')
        .replace(/"sign":"[0-9a-f]+"/, `"sign":"${cssSign("144115216631667826")}"`),
    ),
    expect: refused(401, "signature_invalid", M.signInvalid),
  },
  {
    name: "key rotation: signed with the second key, keyIndex 1",
    options: { key: ["old-key", CSS_KEY] },
    request: post(DOC),
    expect: ok("PushBegin", (event) => expectThat(event?.keyIndex === 1, `keyIndex ${String(event?.keyIndex)}`)),
  },
  {
    name: "key rotation: signed with the first key, keyIndex 0",
    options: { key: ["old-key", CSS_KEY] },
    request: post(cssBody({}, { key: "old-key" })),
    expect: ok("PushBegin", (event) => expectThat(event?.keyIndex === 0, `keyIndex ${String(event?.keyIndex)}`)),
  },
  {
    name: "key rotation: signed with neither key, 401",
    options: { key: ["old-key", "new-key"] },
    request: post(DOC),
    expect: refused(401, "signature_invalid", M.signInvalid),
  },

  // ----- appid -----
  {
    name: "appId option (string) matches the body's number: accepted",
    options: { appId: CSS_APP_ID },
    request: post(DOC),
    expect: ok("PushBegin", (event) => expectThat(event?.sdkAppId === CSS_APP_ID, `sdkAppId ${String(event?.sdkAppId)}`)),
  },
  {
    name: "appId option (number) matches the body's digit string: accepted",
    options: { appId: Number(CSS_APP_ID) },
    request: post(cssBody({ appid: CSS_APP_ID })),
    expect: ok("PushBegin", (event) => expectThat(event?.payload.appid === Number(CSS_APP_ID), "appid not coerced to its integer")),
  },
  {
    name: "appId option, another appid in the body: 403",
    options: { appId: CSS_APP_ID },
    request: post(cssBody({ appid: 87654321 })),
    expect: refused(403, "sdk_app_id_mismatch", M.appIdMismatch),
  },
  {
    name: "appId option, appid with a leading zero: 403",
    options: { appId: CSS_APP_ID },
    request: post(cssBody({ appid: `0${CSS_APP_ID}` })),
    expect: refused(403, "sdk_app_id_mismatch", M.appIdMismatch),
  },
  {
    name: "appId option, appid null: 403",
    options: { appId: CSS_APP_ID },
    request: post(cssBody({ appid: null })),
    expect: refused(403, "sdk_app_id_mismatch", M.appIdMismatch),
  },
  {
    name: "appId option, no appid in the body: 403",
    options: { appId: CSS_APP_ID },
    request: post(cssBody({ appid: undefined })),
    expect: refused(403, "sdk_app_id_missing", M.appIdMissing),
  },
  {
    name: "appId option, another appid and no signature: the 403 comes first",
    options: { appId: CSS_APP_ID },
    request: post(cssBody({ appid: 87654321, t: undefined, sign: undefined })),
    expect: refused(403, "sdk_app_id_mismatch", M.appIdMismatch),
  },
  {
    name: "appId option: the Screenshot sample (its page shows no appid) gets 403",
    options: { appId: CSS_APP_ID },
    request: post(signCssText(cssSample("Screenshot"))),
    expect: refused(403, "sdk_app_id_missing", M.appIdMissing),
  },
  {
    name: "no appId option: any appid is accepted, and named in the event",
    request: post(cssBody({ appid: 99 })),
    expect: ok("PushBegin", (event) => expectThat(event?.sdkAppId === "99", `sdkAppId ${String(event?.sdkAppId)}`)),
  },

  // Regression cases: `String(payload.appid)` once ran on whatever the body held. An object
  // without a callable toString threw there (500 "Internal error", before the signature was
  // checked), and a list passed the appId check as the text of its items. Only a number or a
  // digit string is an appid now; these cases say what is answered instead.
  {
    name: "appid an object without a callable toString, no appId option: quarantined by the schema (not a 500)",
    request: post(cssBody({ appid: { toString: 1 } })),
    expect: quarantined("Payload does not match the PushBegin schema: /appid must be integer"),
  },
  {
    name: "appid an object without a callable toString, unsigned, no appId option: 401 (not a 500)",
    request: post(cssBody({ appid: { toString: 1 }, sign: undefined })),
    expect: refused(401, "signature_missing", M.signMissing),
  },
  {
    name: "appId option, appid an object without a callable toString: 403 (not a 500)",
    options: { appId: CSS_APP_ID },
    request: post(cssBody({ appid: { toString: 1 } })),
    expect: refused(403, "sdk_app_id_mismatch", M.appIdMismatch),
  },
  {
    name: "appId option, appid a list holding our appid (unknown event, so no schema): 403, a list is not an appid",
    options: { appId: CSS_APP_ID },
    request: post(cssBody({ event_type: 999, appid: [CSS_APP_ID], stream_id: undefined, sequence: undefined })),
    expect: refused(403, "sdk_app_id_mismatch", M.appIdMismatch),
  },

  // ----- method, content type, size -----
  {
    name: "GET: 405",
    request: { method: "GET" },
    expect: refused(405, "method_not_allowed", M.post),
  },
  {
    name: "PUT of a signed body: 405",
    request: post(DOC, { method: "PUT" }),
    expect: refused(405, "method_not_allowed", M.post),
  },
  {
    name: "DELETE over the size limit: 405 comes first",
    options: { maxBodyBytes: 16 },
    request: post(DOC, { method: "DELETE" }),
    expect: refused(405, "method_not_allowed", M.post),
  },
  {
    name: "text/plain: 415",
    request: post(DOC, { contentType: "text/plain" }),
    expect: refused(415, "unsupported_media_type", M.contentType),
  },
  {
    name: "application/x-www-form-urlencoded: 415",
    request: post(DOC, { contentType: "application/x-www-form-urlencoded" }),
    expect: refused(415, "unsupported_media_type", M.contentType),
  },
  {
    name: "JSON in latin1: 415",
    request: post(DOC, { contentType: "application/json; charset=latin1" }),
    expect: refused(415, "unsupported_media_type", M.charset),
  },
  {
    name: "no Content-Type header: accepted",
    request: post(DOC, { contentType: null }),
    expect: ok("PushBegin"),
  },
  ...["application/json; charset=utf-8", "text/json", "application/cloudevents+json"].map(
    (contentType): CssCase => ({
      name: `Content-Type ${contentType}: accepted`,
      request: post(DOC, { contentType }),
      expect: ok("PushBegin"),
    }),
  ),
  {
    name: "body over maxBodyBytes: 413",
    options: { maxBodyBytes: 64 },
    request: post(DOC),
    expect: refused(413, "body_too_large", "Body exceeds 64 bytes"),
  },
  {
    name: "body exactly maxBodyBytes: accepted",
    options: { maxBodyBytes: Buffer.byteLength(DOC) },
    request: post(DOC),
    expect: ok("PushBegin"),
  },
  {
    name: "2 MB body at the default 1 MiB limit: 413",
    request: post(cssBody({ pad: "x".repeat(TWO_MB) })),
    expect: refused(413, "body_too_large", "Body exceeds 1048576 bytes"),
  },

  // ----- the body (the signature is inside it: these come before any 401) -----
  {
    name: "invalid JSON: 400",
    request: post('{"event_type":1,"t":'),
    expect: refused(400, "invalid_json", M.json),
  },
  {
    name: "empty body: 400",
    request: post(""),
    expect: refused(400, "invalid_json", M.json),
  },
  {
    name: "JSON array: 400",
    request: post(`[${DOC}]`),
    expect: refused(400, "invalid_body", M.object),
  },
  {
    name: "non-UTF-8 bytes: 400",
    request: post(NON_UTF8),
    expect: refused(400, "invalid_body", M.utf8),
  },
  {
    name: "__proto__ key in a rightly signed body: 400",
    request: post(DOC.replace("{", '{"__proto__":{"polluted":true},')),
    expect: refused(400, "invalid_json", M.forbidden),
  },
  {
    name: "a leading BOM: accepted",
    request: post(`\ufeff${DOC}`),
    expect: ok("PushBegin"),
  },
  {
    name: "64-bit numbers in the body arrive as exact decimal strings",
    request: post(DOC.replace('"sequence":"2210464508206756938"', '"sequence":2210464508206756938')),
    expect: ok("PushBegin", (event) => expectThat(event?.payload.sequence === "2210464508206756938", `sequence ${JSON.stringify(event?.payload.sequence)}`)),
  },

  // ----- event_type and the schema -----
  {
    name: "event_type missing: 400",
    request: post(cssBody({ event_type: undefined })),
    expect: refused(400, "command_missing", M.eventType),
  },
  {
    name: "event_type a fraction: 400",
    request: post(cssBody({ event_type: 1.5 })),
    expect: refused(400, "command_missing", M.eventType),
  },
  {
    name: 'event_type the digit string "1": routed to PushBegin, coerced, delivered',
    request: post(cssBody({ event_type: "1" })),
    expect: ok("PushBegin", (event) => expectThat(event?.payload.event_type === 1, "event_type is the number 1")),
  },
  {
    name: "PushBegin without stream_id and sequence: quarantined (200, onInvalid)",
    request: post(cssBody({ stream_id: undefined, sequence: undefined })),
    expect: quarantined("Payload does not match the PushBegin schema: / must have required property 'stream_id'; / must have required property 'sequence'"),
  },
  {
    name: "PushBegin without stream_id and sequence, invalidPayloads: reject: 400 schema_invalid",
    options: { invalidPayloads: "reject" },
    request: post(cssBody({ stream_id: undefined, sequence: undefined })),
    expect: refused(
      400,
      "schema_invalid",
      "Payload does not match the PushBegin schema: / must have required property 'stream_id'; / must have required property 'sequence'",
    ),
  },
  {
    name: "appid not digits: quarantined",
    request: post(cssBody({ appid: "twelve" })),
    expect: quarantined("Payload does not match the PushBegin schema: /appid must be integer"),
  },
  {
    name: "unknown event_type, signed: 200, onAny only",
    request: post(UNKNOWN),
    expect: { status: 200, on: 0, any: 1, errors: [], command: "999" },
  },
  {
    name: "unknown event_type, unsigned: 401",
    request: post(cssBody({ event_type: 999, sign: undefined })),
    expect: refused(401, "signature_missing", M.signMissing),
  },
  {
    name: "unknown event_type with unknownCommands reject: 400",
    options: { unknownCommands: "reject" },
    request: post(UNKNOWN),
    expect: refused(400, "unknown_command", "Unknown css event 999"),
  },

  // ----- handlers -----
  {
    name: "a handler throws: 500, the other handlers still ran",
    behaviour: "throw",
    request: post(DOC),
    expect: { status: 500, message: "A handler for PushBegin failed", on: 1, any: 1, errors: ["handler_failed"], command: "PushBegin" },
  },
  {
    name: "a handler never settles: 504 at handlerTimeoutMs",
    behaviour: "hang",
    options: { handlerTimeoutMs: 100 },
    request: post(DOC),
    expect: { status: 504, message: "Handlers did not finish within 100 ms", on: 1, any: 1, errors: ["handler_timeout"], command: "PushBegin" },
  },
];

/** Bodies another middleware parsed: only `handle()` can be given them (css.test.ts). CSS signs fields, so these work. */
export const cssParsedBodyCases: (Omit<CssCase, "request"> & { request: Omit<CssCase["request"], "body"> & { body: object } })[] = [
  {
    name: "a pre-parsed body, rightly signed: accepted (CSS signs fields, not bytes)",
    request: { body: JSON.parse(DOC) as object },
    expect: ok("PushBegin", (event) => expectThat(event?.request.rawBodyExact === false, "rawBodyExact")),
  },
  {
    name: "a pre-parsed body, wrongly signed: 401",
    request: { body: { ...(JSON.parse(DOC) as object), sign: cssSign(0) } },
    expect: refused(401, "signature_invalid", M.signInvalid),
  },
  {
    name: "a pre-parsed body whose 64-bit integer was rounded: 500 precision_lost",
    request: { body: { ...(JSON.parse(DOC) as object), sequence: Number("2210464508206756938") } },
    expect: refused(
      500,
      "precision_lost",
      "The body was parsed before tencent-webhooks saw it and the 64-bit integer at /sequence was rounded: give the package the raw body text or bytes, not a parsed object",
    ),
  },
];
