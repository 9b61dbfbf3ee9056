/**
 * THE table of TRTC request → outcome cases. trtc.test.ts runs it through `handle()` and, over
 * real HTTP, through every adapter: same request, same status, same reply body.
 *
 * TRTC event callbacks (trtc.io/document/39558): header `SdkAppId` (ours, else 403) and header
 * `Sign = base64(HMAC-SHA256(key, raw body bytes))`; `EventType` names the event; replies
 * `{"code":0}` / `{"code":<status>,"message":"…"}`.
 */
import { bodiesOf, trtcCatalogue } from "../../schemas/index.js";
import type { TrtcDispatcherOptions } from "../../src/index.js";
import type { RejectionReason } from "../../src/errors.js";
import type { AnyWebhookEvent } from "../../src/types.js";
import {
  TRTC_APP_ID,
  TRTC_DOC_SIGN,
  TRTC_KEY,
  TRTC_LITERAL_ESCAPES_SIGN,
  trtcHeaders,
  trtcSample,
  type ProtocolCase,
  type TrtcHeaderOptions,
} from "../support/protocol-fixtures.js";

export type TrtcCase = ProtocolCase<TrtcDispatcherOptions>;

export const TRTC_MESSAGES = {
  post: "Only POST is accepted",
  contentType: "Content-Type must be application/json",
  charset: "JSON must be UTF-8 encoded",
  sdkAppIdMissing: "SdkAppId is missing",
  sdkAppIdMismatch: "SdkAppId does not match this app",
  signMissing: "The Sign header is required",
  signInvalid: "Signature is invalid",
  rawBodyRequired: "TRTC signs the raw body bytes, and this body was already parsed by another middleware: mount the TRTC route before any JSON body parser",
  json: "Body is not valid JSON",
  object: "Body must be a JSON object",
  utf8: "Body is not valid UTF-8",
  forbidden: "Body contains a forbidden key (__proto__ or constructor.prototype)",
  eventType: "EventType is missing or not an integer",
} as const;
const M = TRTC_MESSAGES;

/** The page's signature example: StopAudio (204), tab-indented, real newlines. */
export const DOC_SAMPLE = trtcSample(204);
/** The same text with two-character `\n` / `\t` escapes where the page's rendering lost the real ones. */
export const LITERAL_ESCAPES = DOC_SAMPLE.replace(/\n/g, "\\n").replace(/\t/g, "\\t");
const ENTER = trtcSample("EnterRoom");

const ok = (command: string, check?: (event: AnyWebhookEvent | undefined) => void): TrtcCase["expect"] => ({
  status: 200,
  on: 1,
  any: 1,
  errors: [],
  command,
  ...(check ? { check } : {}),
});
const refused = (status: number, reason: RejectionReason, message: string): TrtcCase["expect"] => ({ status, message, on: 0, any: 0, errors: [reason] });
/** Authenticated but not the schema's shape: answered 200, handed to onInvalid only (message: the schema's). */
const quarantined = (message: string): TrtcCase["expect"] => ({ status: 200, on: 0, any: 0, errors: [], invalid: message });

/** A POST of `body` with Tencent's headers, signed over its exact bytes unless `headers` says otherwise. */
function signed(body: string | Uint8Array, headers: TrtcHeaderOptions = {}, rest: Omit<TrtcCase["request"], "body" | "headers"> = {}): TrtcCase["request"] {
  return { ...rest, headers: trtcHeaders(body, headers), body };
}

function expectThat(condition: boolean, message: string): void {
  if (!condition) throw new Error(message);
}

const info = (event: AnyWebhookEvent | undefined) => (event?.payload.EventInfo ?? {}) as Record<string, unknown>;

/** EnterRoom with its RoomId token replaced. */
function enterRoomWith(roomIdToken: string): string {
  if (!ENTER.includes('"RoomId":\t12345,')) throw new Error("EnterRoom sample changed: no RoomId 12345");
  return ENTER.replace('"RoomId":\t12345,', `"RoomId":\t${roomIdToken},`);
}

/** Every documented body (samples and variants), signed: 200, to the event's own handler. */
const sampleCases: TrtcCase[] = trtcCatalogue.definitions.flatMap((definition) =>
  bodiesOf(definition).map(
    ({ text }, index): TrtcCase => ({
      name: `${index === 0 ? "sample" : `variant ${index}`} ${definition.code} ${definition.command}`,
      request: signed(text),
      expect: ok(definition.command, (event) => {
        expectThat(event?.rawBody === text, "rawBody is not the body as sent");
        expectThat(event?.sdkAppId === TRTC_APP_ID, `sdkAppId ${String(event?.sdkAppId)}`);
        expectThat(event?.keyIndex === 0, `keyIndex ${String(event?.keyIndex)}`);
        expectThat(event?.protocol === "trtc", `protocol ${String(event?.protocol)}`);
      }),
    }),
  ),
);

const roomIdCases: TrtcCase[] = [
  ["144115216631667826", "144115216631667826", "a 64-bit number arrives as its exact decimal string"],
  ['"144115216631667826"', "144115216631667826", "a 64-bit string stays that string"],
  ["9007199254740993", "9007199254740993", "2^53 + 1 is not rounded to 2^53"],
  ["-144115216631667826", "-144115216631667826", "a negative 64-bit number is exact too"],
  ["12345", "12345", "a small number becomes its decimal string"],
  ['"room-A_1"', "room-A_1", "a string room ID is kept"],
].map(
  ([token, want, what]): TrtcCase => ({
    name: `RoomId ${token}: ${what}`,
    request: signed(enterRoomWith(token!)),
    expect: ok("EnterRoom", (event) => {
      expectThat(info(event).RoomId === want, `RoomId was ${JSON.stringify(info(event).RoomId)}`);
    }),
  }),
);

const COMPACT = JSON.stringify(JSON.parse(DOC_SAMPLE));
const BIG_EVENT_TYPE = '{"EventGroupId":2,"EventType":144115216631667826,"EventInfo":{"RoomId":"1","EventTs":1}}';
const UNKNOWN = '{\n\t"EventGroupId":\t99,\n\t"EventType":\t9901,\n\t"CallbackTs":\t1687770731932,\n\t"EventInfo":\t{\n\t\t"RoomId":\t"r"\n\t}\n}';
const NON_UTF8 = new Uint8Array([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x3a, 0x31, 0x7d]);
const TWO_MB = 2 * 1024 * 1024;

export const trtcCases: TrtcCase[] = [
  ...sampleCases,

  // ----- the page's signature example -----
  {
    name: "doc vector: key 123654, the 204 sample with tabs and real newlines, Sign kkoFeO3O…: accepted",
    request: { headers: { SdkAppId: TRTC_APP_ID, Sign: TRTC_DOC_SIGN }, body: DOC_SAMPLE },
    expect: ok("StopAudio", (event) => {
      expectThat(event?.rawBody === DOC_SAMPLE, "rawBody is not the signed text");
      expectThat(info(event).RoomId === "8489", `RoomId ${JSON.stringify(info(event).RoomId)}`);
      expectThat(info(event).UserId === "user_85034614", "UserId");
    }),
  },
  {
    name: "doc vector with literal backslash-n / backslash-t and its own Sign (LvKyTq86…): signature fine, 400 invalid JSON",
    request: { headers: { SdkAppId: TRTC_APP_ID, Sign: TRTC_LITERAL_ESCAPES_SIGN }, body: LITERAL_ESCAPES },
    expect: refused(400, "invalid_json", M.json),
  },
  {
    name: "doc vector with literal backslash-n / backslash-t and the page's Sign: 401, the bytes differ",
    request: { headers: { SdkAppId: TRTC_APP_ID, Sign: TRTC_DOC_SIGN }, body: LITERAL_ESCAPES },
    expect: refused(401, "signature_invalid", M.signInvalid),
  },
  {
    name: "doc sample re-serialised compactly, with the page's Sign: 401 (the raw bytes are signed, not the JSON)",
    request: { headers: { SdkAppId: TRTC_APP_ID, Sign: TRTC_DOC_SIGN }, body: COMPACT },
    expect: refused(401, "signature_invalid", M.signInvalid),
  },
  {
    name: "doc sample re-serialised compactly and signed over those bytes: accepted",
    request: signed(COMPACT),
    expect: ok("StopAudio"),
  },
  {
    name: "doc sample with a trailing newline, with the page's Sign: 401",
    request: { headers: { SdkAppId: TRTC_APP_ID, Sign: TRTC_DOC_SIGN }, body: `${DOC_SAMPLE}\n` },
    expect: refused(401, "signature_invalid", M.signInvalid),
  },
  {
    name: "doc sample with CRLF line ends, with the page's Sign: 401",
    request: { headers: { SdkAppId: TRTC_APP_ID, Sign: TRTC_DOC_SIGN }, body: DOC_SAMPLE.replace(/\n/g, "\r\n") },
    expect: refused(401, "signature_invalid", M.signInvalid),
  },
  {
    name: "a leading BOM, signed over its bytes: accepted",
    request: signed(`\ufeff${DOC_SAMPLE}`),
    expect: ok("StopAudio"),
  },

  // ----- RoomId, and the quoted times -----
  ...roomIdCases,
  {
    name: "EventTs / EventMsTs as digit strings are coerced to integers",
    request: signed(
      ENTER.replace('"EventTs":\t1687770731,', '"EventTs":\t"1687770731",').replace('"EventMsTs":\t1687770731831', '"EventMsTs":\t"1687770731831"'),
    ),
    expect: ok("EnterRoom", (event) => {
      expectThat(info(event).EventTs === 1687770731 && info(event).EventMsTs === 1687770731831, "times not coerced");
    }),
  },
  {
    name: "RoomId null: quarantined",
    request: signed(enterRoomWith("null")),
    expect: quarantined("Payload does not match the EnterRoom schema: /EventInfo/RoomId must be string"),
  },
  {
    name: "RoomId an object: quarantined",
    request: signed(enterRoomWith('{"id":1}')),
    expect: quarantined("Payload does not match the EnterRoom schema: /EventInfo/RoomId must be string"),
  },

  // ----- SdkAppId -----
  {
    name: "SdkAppId of another app: 403",
    request: signed(DOC_SAMPLE, { sdkAppId: "1400000001" }),
    expect: refused(403, "sdk_app_id_mismatch", M.sdkAppIdMismatch),
  },
  {
    name: "SdkAppId missing: 403",
    request: signed(DOC_SAMPLE, { sdkAppId: null }),
    expect: refused(403, "sdk_app_id_missing", M.sdkAppIdMissing),
  },
  {
    name: "SdkAppId empty: missing, 403",
    request: signed(DOC_SAMPLE, { sdkAppId: "" }),
    expect: refused(403, "sdk_app_id_missing", M.sdkAppIdMissing),
  },
  {
    name: "SdkAppId missing and Sign missing: the 403 comes first",
    request: signed(DOC_SAMPLE, { sdkAppId: null, sign: null }),
    expect: refused(403, "sdk_app_id_missing", M.sdkAppIdMissing),
  },
  {
    name: "SdkAppId of another app, Sign wrong: the 403 comes first",
    request: signed(DOC_SAMPLE, { sdkAppId: "1400000001", sign: "AAAA" }),
    expect: refused(403, "sdk_app_id_mismatch", M.sdkAppIdMismatch),
  },
  ...[
    [`0${TRTC_APP_ID}`, "a leading zero"],
    [`${TRTC_APP_ID}.0`, "a fraction"],
    [`+${TRTC_APP_ID}`, "a plus sign"],
    ["1.4e9", "an exponent"],
    [[TRTC_APP_ID, TRTC_APP_ID], "the header twice (joined: 1400000000, 1400000000)"],
  ].map(
    ([sdkAppId, what]): TrtcCase => ({
      name: `SdkAppId with ${String(what)} is not ours: 403`,
      request: signed(DOC_SAMPLE, { sdkAppId: sdkAppId! }),
      expect: refused(403, "sdk_app_id_mismatch", M.sdkAppIdMismatch),
    }),
  ),
  {
    name: "header names in any case (sdkappid / SIGN)",
    request: { headers: { sdkappid: TRTC_APP_ID, SIGN: TRTC_DOC_SIGN }, body: DOC_SAMPLE },
    expect: ok("StopAudio"),
  },
  {
    name: "sdkAppId option as a number",
    options: { sdkAppId: Number(TRTC_APP_ID) },
    request: signed(DOC_SAMPLE),
    expect: ok("StopAudio"),
  },
  {
    name: "sdkAppId option as a list: the second app is served, and named in the event",
    options: { sdkAppId: [1400000001, "1400000002"] },
    request: signed(DOC_SAMPLE, { sdkAppId: "1400000002" }),
    expect: ok("StopAudio", (event) => expectThat(event?.sdkAppId === "1400000002", `sdkAppId ${String(event?.sdkAppId)}`)),
  },
  {
    name: "sdkAppId option as a list: an app not in it gets 403",
    options: { sdkAppId: [1400000001, "1400000002"] },
    request: signed(DOC_SAMPLE),
    expect: refused(403, "sdk_app_id_mismatch", M.sdkAppIdMismatch),
  },

  // ----- Sign -----
  {
    name: "Sign missing: 401",
    request: signed(DOC_SAMPLE, { sign: null }),
    expect: refused(401, "signature_missing", M.signMissing),
  },
  {
    name: "Sign empty: missing, 401",
    request: signed(DOC_SAMPLE, { sign: "" }),
    expect: refused(401, "signature_missing", M.signMissing),
  },
  {
    name: "Sign made with another key: 401",
    request: signed(DOC_SAMPLE, { key: "654321" }),
    expect: refused(401, "signature_invalid", M.signInvalid),
  },
  {
    name: "Sign made with the key plus a trailing space: 401",
    request: signed(DOC_SAMPLE, { key: `${TRTC_KEY} ` }),
    expect: refused(401, "signature_invalid", M.signInvalid),
  },
  ...[
    [TRTC_DOC_SIGN.replace(/=+$/, ""), "without its base64 padding"],
    [TRTC_DOC_SIGN.replace(/\//g, "_").replace(/\+/g, "-"), "in base64url"],
    [TRTC_DOC_SIGN.toLowerCase(), "lower-cased (base64 is case-sensitive)"],
    [Buffer.from(TRTC_DOC_SIGN, "base64").toString("hex"), "as hex"],
    [`${TRTC_DOC_SIGN}=`, "with one '=' too many"],
    ["z".repeat(TRTC_DOC_SIGN.length), "of the right length, not base64"],
    [[TRTC_DOC_SIGN, TRTC_DOC_SIGN], "given twice, both right (joined with a comma)"],
    [["AAAA", TRTC_DOC_SIGN], "given twice, a wrong one first"],
  ].map(
    ([sign, what]): TrtcCase => ({
      name: `Sign ${String(what)}: 401`,
      request: { headers: { SdkAppId: TRTC_APP_ID, Sign: sign! }, body: DOC_SAMPLE },
      expect: refused(401, "signature_invalid", M.signInvalid),
    }),
  ),
  {
    name: "key rotation: signed with the second key, keyIndex 1",
    options: { key: ["old-key", TRTC_KEY] },
    request: signed(DOC_SAMPLE),
    expect: ok("StopAudio", (event) => expectThat(event?.keyIndex === 1, `keyIndex ${String(event?.keyIndex)}`)),
  },
  {
    name: "key rotation: signed with the first key, keyIndex 0",
    options: { key: ["old-key", TRTC_KEY] },
    request: signed(DOC_SAMPLE, { key: "old-key" }),
    expect: ok("StopAudio", (event) => expectThat(event?.keyIndex === 0, `keyIndex ${String(event?.keyIndex)}`)),
  },
  {
    name: "key rotation: signed with neither key, 401",
    options: { key: ["old-key", "new-key"] },
    request: signed(DOC_SAMPLE),
    expect: refused(401, "signature_invalid", M.signInvalid),
  },

  // ----- method, content type, size -----
  {
    name: "GET: 405",
    request: { method: "GET", headers: trtcHeaders("") },
    expect: refused(405, "method_not_allowed", M.post),
  },
  {
    name: "PUT of a signed sample: 405",
    request: signed(DOC_SAMPLE, {}, { method: "PUT" }),
    expect: refused(405, "method_not_allowed", M.post),
  },
  {
    name: "DELETE over the size limit: 405 comes first",
    options: { maxBodyBytes: 16 },
    request: signed(DOC_SAMPLE, {}, { method: "DELETE" }),
    expect: refused(405, "method_not_allowed", M.post),
  },
  {
    name: "text/plain: 415",
    request: signed(DOC_SAMPLE, {}, { contentType: "text/plain" }),
    expect: refused(415, "unsupported_media_type", M.contentType),
  },
  {
    name: "application/x-www-form-urlencoded: 415",
    request: signed(DOC_SAMPLE, {}, { contentType: "application/x-www-form-urlencoded" }),
    expect: refused(415, "unsupported_media_type", M.contentType),
  },
  {
    name: "JSON in latin1: 415",
    request: signed(DOC_SAMPLE, {}, { contentType: "application/json; charset=latin1" }),
    expect: refused(415, "unsupported_media_type", M.charset),
  },
  {
    name: "text/plain and unsigned: the 415 comes before any 401/403",
    request: { contentType: "text/plain", body: DOC_SAMPLE },
    expect: refused(415, "unsupported_media_type", M.contentType),
  },
  {
    name: "no Content-Type header: accepted",
    request: signed(DOC_SAMPLE, {}, { contentType: null }),
    expect: ok("StopAudio"),
  },
  ...["application/json; charset=UTF-8", "text/json", "application/cloudevents+json"].map(
    (contentType): TrtcCase => ({
      name: `Content-Type ${contentType}: accepted`,
      request: signed(DOC_SAMPLE, {}, { contentType }),
      expect: ok("StopAudio"),
    }),
  ),
  {
    name: "body over maxBodyBytes: 413",
    options: { maxBodyBytes: 64 },
    request: signed(DOC_SAMPLE),
    expect: refused(413, "body_too_large", "Body exceeds 64 bytes"),
  },
  {
    name: "body exactly maxBodyBytes: accepted",
    options: { maxBodyBytes: Buffer.byteLength(DOC_SAMPLE) },
    request: signed(DOC_SAMPLE),
    expect: ok("StopAudio"),
  },
  {
    name: "2 MB body at the default 1 MiB limit, unsigned: 413 before the 401",
    request: { headers: trtcHeaders("", { sign: null }), body: JSON.stringify({ EventGroupId: 2, EventType: 204, pad: "x".repeat(TWO_MB) }) },
    expect: refused(413, "body_too_large", "Body exceeds 1048576 bytes"),
  },

  // ----- the body, signed over its exact bytes -----
  {
    name: "invalid JSON, signed: 400",
    request: signed('{"EventGroupId":'),
    expect: refused(400, "invalid_json", M.json),
  },
  {
    name: "invalid JSON, unsigned: the 401 comes first",
    request: signed('{"EventGroupId":', { sign: null }),
    expect: refused(401, "signature_missing", M.signMissing),
  },
  {
    name: "empty body, signed over nothing: 400",
    request: signed(""),
    expect: refused(400, "invalid_json", M.json),
  },
  {
    name: "JSON array, signed: 400",
    request: signed(`[${DOC_SAMPLE}]`),
    expect: refused(400, "invalid_body", M.object),
  },
  {
    name: "JSON string, signed: 400",
    request: signed('"EventType"'),
    expect: refused(400, "invalid_body", M.object),
  },
  {
    name: "non-UTF-8 bytes, signed over those bytes: 400",
    request: signed(NON_UTF8),
    expect: refused(400, "invalid_body", M.utf8),
  },
  {
    name: "non-UTF-8 bytes, wrong Sign: the 401 comes first",
    request: signed(NON_UTF8, { sign: TRTC_DOC_SIGN }),
    expect: refused(401, "signature_invalid", M.signInvalid),
  },
  {
    name: "__proto__ key, signed: 400",
    request: signed('{"EventGroupId":2,"EventType":204,"EventInfo":{"RoomId":"1","EventTs":1},"__proto__":{"polluted":true}}'),
    expect: refused(400, "invalid_json", M.forbidden),
  },
  {
    name: "constructor.prototype key, signed: 400",
    request: signed('{"EventGroupId":2,"EventType":204,"EventInfo":{"constructor":{"prototype":{"polluted":true}}}}'),
    expect: refused(400, "invalid_json", M.forbidden),
  },

  // ----- EventType and the schema -----
  {
    name: "EventType missing: 400",
    request: signed('{"EventGroupId":2,"EventInfo":{"RoomId":"1","EventTs":1}}'),
    expect: refused(400, "command_missing", M.eventType),
  },
  {
    name: "EventType a fraction: 400",
    request: signed(DOC_SAMPLE.replace('"EventType":\t204', '"EventType":\t204.5')),
    expect: refused(400, "command_missing", M.eventType),
  },
  {
    name: "EventType a 64-bit number: 400",
    request: signed(BIG_EVENT_TYPE),
    expect: refused(400, "command_missing", M.eventType),
  },
  {
    // eventName() routes "204" to StopAudio and the coercion turns the digit string into the schema's `const: 204`.
    name: 'EventType as the digit string "204": routed to StopAudio, coerced, delivered',
    request: signed(DOC_SAMPLE.replace('"EventType":\t204', '"EventType":\t"204"')),
    expect: ok("StopAudio", (event) => expectThat(event?.payload.EventType === 204, "EventType is the number 204")),
  },
  {
    name: "EventGroupId of another group (1 with EventType 204): quarantined",
    request: signed(DOC_SAMPLE.replace('"EventGroupId":\t2', '"EventGroupId":\t1')),
    expect: quarantined("Payload does not match the StopAudio schema: /EventGroupId must be equal to constant"),
  },
  {
    name: "EventInfo missing, invalidPayloads: reject: 400 schema_invalid",
    options: { invalidPayloads: "reject" },
    request: signed('{"EventGroupId":2,"EventType":204,"CallbackTs":1664209748188}'),
    expect: refused(400, "schema_invalid", "Payload does not match the StopAudio schema: / must have required property 'EventInfo'"),
  },
  {
    name: "EventInfo missing: quarantined",
    request: signed('{"EventGroupId":2,"EventType":204,"CallbackTs":1664209748188}'),
    expect: quarantined("Payload does not match the StopAudio schema: / must have required property 'EventInfo'"),
  },
  {
    name: "EventInfo without RoomId: quarantined",
    request: signed('{"EventGroupId":1,"EventType":103,"EventInfo":{"EventTs":1687770731}}'),
    expect: quarantined("Payload does not match the EnterRoom schema: /EventInfo must have required property 'RoomId'"),
  },
  {
    name: "unknown EventType, well-formed: 200, onAny only",
    request: signed(UNKNOWN),
    expect: {
      status: 200,
      on: 0,
      any: 1,
      errors: [],
      command: "9901",
      check: (event) => expectThat(info(event).RoomId === "r", "payload"),
    },
  },
  {
    // A regression case: the default TRTC idempotency key once String()ed EventInfo.RoomId / UserId
    // whatever they held; unknown events have no schema, so an object got there and one without a
    // callable toString threw: 500 "Internal error". Only scalars make a key now.
    name: "unknown EventType whose EventInfo.RoomId is an object without a callable toString: 200, onAny (not a 500)",
    request: signed('{"EventGroupId":99,"EventType":9901,"EventInfo":{"RoomId":{"toString":1},"UserId":"u"}}'),
    expect: { status: 200, on: 0, any: 1, errors: [], command: "9901" },
  },
  {
    name: "unknown EventType with unknownCommands reject: 400",
    options: { unknownCommands: "reject" },
    request: signed(UNKNOWN),
    expect: refused(400, "unknown_command", "Unknown trtc event 9901"),
  },

  // ----- handlers -----
  {
    name: "a handler throws: 500, the other handlers still ran",
    behaviour: "throw",
    request: signed(DOC_SAMPLE),
    expect: { status: 500, message: "A handler for StopAudio failed", on: 1, any: 1, errors: ["handler_failed"], command: "StopAudio" },
  },
  {
    name: "a handler never settles: 504 at handlerTimeoutMs",
    behaviour: "hang",
    options: { handlerTimeoutMs: 100 },
    request: signed(DOC_SAMPLE),
    expect: { status: 504, message: "Handlers did not finish within 100 ms", on: 1, any: 1, errors: ["handler_timeout"], command: "StopAudio" },
  },
  {
    name: "a handler throws for an unknown event: nothing of ours runs but onAny, 200",
    behaviour: "throw",
    request: signed(UNKNOWN),
    expect: { status: 200, on: 0, any: 1, errors: [], command: "9901" },
  },
];

/** Cases only `handle()` can be given (a body another middleware parsed): trtc.test.ts runs them on the core. */
export const trtcParsedBodyCases: (Omit<TrtcCase, "request"> & { request: Omit<TrtcCase["request"], "body"> & { body: object } })[] = [
  {
    name: "a pre-parsed body: 500 raw_body_required, even with the right Sign",
    request: { headers: { SdkAppId: TRTC_APP_ID, Sign: TRTC_DOC_SIGN }, body: JSON.parse(DOC_SAMPLE) as object },
    expect: refused(500, "raw_body_required", M.rawBodyRequired),
  },
  {
    name: "a pre-parsed body without Sign: still 500 raw_body_required (a 401 would blame the key)",
    request: { headers: { SdkAppId: TRTC_APP_ID }, body: JSON.parse(DOC_SAMPLE) as object },
    expect: refused(500, "raw_body_required", M.rawBodyRequired),
  },
  {
    name: "a pre-parsed body for another app: the 403 comes first",
    request: { headers: { SdkAppId: "1400000001", Sign: TRTC_DOC_SIGN }, body: JSON.parse(DOC_SAMPLE) as object },
    expect: refused(403, "sdk_app_id_mismatch", M.sdkAppIdMismatch),
  },
];
