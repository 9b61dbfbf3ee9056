/**
 * Hostile requests for THE conformance table (appended to `cases` in cases.ts): the same answer
 * from the core and from every adapter over real HTTP. A webhook endpoint is on the public
 * internet; each case is something an attacker, a broken proxy or a confused client can send.
 * (50 MB and slow-trickle bodies need the adapters' streaming reader: test/adapters/hostile-http.test.ts.)
 */
import type { RejectionReason } from "../../src/errors.js";
import { computeSignature } from "../../src/protocols/callback/signature.js";
import { APP_ID, NOW_MS, TOKEN, sampleOf, tencentQuery } from "../support/fixtures.js";
import type { ConformanceCase } from "./cases.js";

const LIVE = "Live.CallbackAfterDestroyRoom";
const ROOM = "Room.CallbackAfterDestroyRoom";
const signed = { token: TOKEN };
const ok = { status: 200, on: 1, any: 1, errors: [] as RejectionReason[] };
const refused = (status: number, reason: RejectionReason, errorInfo?: string | RegExp) => ({
  status,
  on: 0,
  any: 0,
  errors: [reason],
  ...(errorInfo === undefined ? {} : { errorInfo }),
});

const requestTime = (offsetSeconds: number) => String(Math.floor(NOW_MS / 1000) + offsetSeconds);
const signFor = (time: string) => computeSignature(TOKEN, time);
const GOOD_TIME = requestTime(0);
const GOOD_SIGN = signFor(GOOD_TIME);

/** The Room sample with `fields` (raw JSON text) added in front of its own fields. */
function roomWith(fields: string): string {
  return sampleOf(ROOM).replace(/^\s*\{/, `{${fields},`);
}

/** A query Tencent would send, signed with exactly these raw `Sign` / `RequestTime` parts. */
function signedQuery(sign: string, time: string, command = LIVE): string {
  return `${tencentQuery({ command })}&Sign=${sign}&RequestTime=${time}`;
}

function payloadCheck(expectations: Record<string, unknown>) {
  return ({ payload }: { payload?: Record<string, unknown> | undefined }) => {
    for (const [key, want] of Object.entries(expectations)) {
      const got = payload?.[key];
      if (!Object.is(got, want) && JSON.stringify(got) !== JSON.stringify(want)) {
        throw new Error(`payload.${key} was ${String(got)}, expected ${String(want)}`);
      }
    }
  };
}

const utf8 = (text: string) => new TextEncoder().encode(text);
const concat = (...parts: Uint8Array[]) => Uint8Array.from(parts.flatMap((part) => [...part]));

export const hostileCases: ConformanceCase[] = [
  // ----- body shape -----
  {
    name: "hostile: JSON nested 5,000 arrays deep in an extra field is parsed, not a crash",
    request: { query: tencentQuery({ command: ROOM }), body: roomWith(`"deep":${"[".repeat(5000)}1${"]".repeat(5000)}`) },
    expect: ok,
  },
  {
    name: "hostile: JSON nested 10,000 objects deep in an extra field is parsed, not a crash",
    request: { query: tencentQuery({ command: ROOM }), body: roomWith(`"deep":${'{"a":'.repeat(10_000)}1${"}".repeat(10_000)}`) },
    expect: ok,
  },
  {
    name: "hostile: an object with 10,000 keys",
    request: { query: tencentQuery({ command: ROOM }), body: roomWith(Array.from({ length: 10_000 }, (_, i) => `"k${i}":${i}`).join(",")) },
    expect: { ...ok, check: payloadCheck({ k0: 0, k9999: 9999 }) },
  },
  {
    name: "hostile: whitespace-only body is not JSON",
    request: { query: tencentQuery({ command: ROOM }), body: " \n\t " },
    expect: refused(400, "invalid_json", "Body is not valid JSON"),
  },
  {
    name: "hostile: body `null` is not an object",
    request: { query: tencentQuery({ command: ROOM }), body: "null" },
    expect: refused(400, "invalid_body", "Body must be a JSON object"),
  },
  {
    name: "hostile: a UTF-8 BOM before the JSON is ignored (RFC 8259 §8.1)",
    request: { query: tencentQuery({ command: ROOM }), body: concat(Uint8Array.of(0xef, 0xbb, 0xbf), utf8(sampleOf(ROOM))) },
    expect: ok,
  },
  {
    name: "hostile: overlong UTF-8 (C0 AF) is not UTF-8",
    request: {
      query: tencentQuery({ command: ROOM }),
      body: concat(utf8('{"CallbackCommand":"Room.CallbackAfterDestroyRoom","RoomId":"'), Uint8Array.of(0xc0, 0xaf), utf8('","EventTime":1}')),
    },
    expect: refused(400, "invalid_body", "Body is not valid UTF-8"),
  },
  {
    name: "hostile: a UTF-16 surrogate encoded as UTF-8 (ED A0 80) is not UTF-8",
    request: {
      query: tencentQuery({ command: ROOM }),
      body: concat(utf8('{"CallbackCommand":"Room.CallbackAfterDestroyRoom","RoomId":"'), Uint8Array.of(0xed, 0xa0, 0x80), utf8('","EventTime":1}')),
    },
    expect: refused(400, "invalid_body", "Body is not valid UTF-8"),
  },
  {
    name: "hostile: JSON declared as UTF-16 is refused",
    request: { query: tencentQuery({ command: ROOM }), contentType: "application/json; charset=utf-16", body: sampleOf(ROOM) },
    expect: { status: 415, errorInfo: "JSON must be UTF-8 encoded", on: 0, any: 0, errors: ["unsupported_media_type"] },
  },

  // ----- prototype pollution -----
  {
    name: "hostile: \\u005f_proto__ (an escaped __proto__ key) is refused",
    request: { query: tencentQuery({ command: ROOM }), body: roomWith('"\\u005f_proto__":{"polluted":true}') },
    expect: refused(400, "invalid_json", /forbidden key/),
  },
  {
    name: "hostile: \\u005F\\u005Fproto__ (upper-case escapes) deep inside an extra field is refused",
    request: { query: tencentQuery({ command: ROOM }), body: roomWith('"x":[{"y":{"\\u005F\\u005Fproto__":{"polluted":true}}}]') },
    expect: refused(400, "invalid_json", /forbidden key/),
  },
  {
    name: "hostile: \\u0063onstructor.prototype (escaped) is refused",
    request: { query: tencentQuery({ command: ROOM }), body: roomWith('"x":{"\\u0063onstructor":{"prototype":{"polluted":true}}}') },
    expect: refused(400, "invalid_json", /forbidden key/),
  },
  {
    name: "hostile: a plain `constructor` or `prototype` field is just data",
    request: { query: tencentQuery({ command: ROOM }), body: roomWith('"constructor":"x","prototype":{"a":1}') },
    expect: { ...ok, check: payloadCheck({ constructor: "x", prototype: { a: 1 } }) },
  },

  // ----- duplicate keys -----
  {
    name: "hostile: CallbackCommand twice in the body: the last wins, as JSON.parse (and the query agrees)",
    request: { query: tencentQuery({ command: ROOM }), body: roomWith(`"CallbackCommand":"${LIVE}"`) },
    expect: ok,
  },
  {
    name: "hostile: CallbackCommand twice in the body, the last disagreeing with the query",
    request: { query: tencentQuery({ command: LIVE }), body: roomWith(`"CallbackCommand":"${LIVE}"`) },
    expect: refused(400, "command_mismatch", "CallbackCommand in the query and the body disagree"),
  },

  // ----- numbers -----
  {
    name: "hostile: huge exponents in extra fields parse as JSON.parse would (Infinity, 0)",
    request: { query: tencentQuery({ command: ROOM }), body: roomWith('"big":1e400,"tiny":-1e-400,"exp":1234567890123456789e2') },
    expect: { ...ok, check: payloadCheck({ big: Infinity, tiny: -0, exp: 123456789012345678900 }) },
  },
  {
    name: "hostile: EventTime 1e400 is not an integer",
    request: { query: tencentQuery({ command: ROOM }), body: '{"CallbackCommand":"Room.CallbackAfterDestroyRoom","RoomId":"r","EventTime":1e400}' },
    expect: refused(400, "schema_invalid", /EventTime/),
  },
  {
    name: "hostile: 64-bit integers, negative and as array items, arrive as exact strings",
    request: {
      query: tencentQuery({ command: ROOM }),
      body: roomWith('"neg":-144115216631667826,"list":[18446744073709551615,9007199254740993],"safe":9007199254740991'),
    },
    expect: { ...ok, check: payloadCheck({ neg: "-144115216631667826", list: ["18446744073709551615", "9007199254740993"], safe: 9007199254740991 }) },
  },
  {
    name: "hostile: a 64-bit integer with a leading zero is invalid JSON, not a string",
    request: { query: tencentQuery({ command: ROOM }), body: roomWith('"id":0144115216631667826') },
    expect: refused(400, "invalid_json", "Body is not valid JSON"),
  },
  {
    name: "hostile: digits that look like a 64-bit value inside a string are left alone",
    request: { query: tencentQuery({ command: ROOM }), body: roomWith('"s":",144115216631667826]","t":"\\",144115216631667826,"') },
    expect: { ...ok, check: payloadCheck({ s: ",144115216631667826]", t: '",144115216631667826,' }) },
  },

  // ----- unicode -----
  {
    name: "hostile: unicode payload (CJK, emoji, RTL, zero-width, U+2028) delivered exactly",
    request: {
      query: tencentQuery({ command: ROOM }),
      body: JSON.stringify({ CallbackCommand: ROOM, RoomId: "房间👩‍👩‍👧\u202eevil\u200b\u2028x", Operator_Account: "用户", EventTime: 1 }),
    },
    expect: { ...ok, check: payloadCheck({ RoomId: "房间👩‍👩‍👧\u202eevil\u200b\u2028x", Operator_Account: "用户" }) },
  },
  {
    name: "hostile: an escaped lone surrogate (\\ud800) is valid JSON and delivered as such",
    request: { query: tencentQuery({ command: ROOM }), body: '{"CallbackCommand":"Room.CallbackAfterDestroyRoom","RoomId":"a\\ud800b","EventTime":1}' },
    expect: { ...ok, check: payloadCheck({ RoomId: "a\ud800b" }) },
  },

  // ----- SdkAppid -----
  {
    name: "hostile: SdkAppid given twice with the same value (different key case) is fine",
    request: { query: `${tencentQuery({ command: ROOM })}&sdkappid=${APP_ID}`, body: sampleOf(ROOM) },
    expect: ok,
  },
  {
    name: "hostile: SdkAppid given twice, ours last",
    request: { query: `?SDKAPPID=1400000001&${tencentQuery({ command: ROOM }).slice(1)}`, body: sampleOf(ROOM) },
    expect: refused(403, "sdk_app_id_mismatch", "SdkAppid is given twice with different values"),
  },
  {
    name: "hostile: SdkAppid percent-encoded (key and value) is the same SdkAppid",
    request: { query: `?%53dk%41ppid=%31%34%30%30%30%30%30%30%30%30&CallbackCommand=${ROOM}`, body: sampleOf(ROOM) },
    expect: ok,
  },
  ...[
    [`%20${APP_ID}`, "a leading space"],
    [`${APP_ID}%20`, "a trailing space"],
    [`%2B${APP_ID}`, "a plus sign"],
    [`+${APP_ID}`, "a raw + (a space once decoded)"],
    [`${APP_ID}.0`, "a fraction"],
    [`${APP_ID}%00`, "a NUL byte"],
    ["%EF%BC%91400000000", "a full-width digit"],
  ].map(
    ([value, what]): ConformanceCase => ({
      name: `hostile: SdkAppid with ${what} is not ours`,
      request: { query: `?SdkAppid=${value}&CallbackCommand=${ROOM}`, body: sampleOf(ROOM) },
      expect: refused(403, "sdk_app_id_mismatch", "SdkAppid does not match this app"),
    }),
  ),
  {
    name: "hostile: an empty SdkAppid is a missing one",
    request: { query: `?SdkAppid=&CallbackCommand=${ROOM}`, body: sampleOf(ROOM) },
    expect: refused(403, "sdk_app_id_missing", "SdkAppid is missing"),
  },

  // ----- signature -----
  {
    name: "hostile: mixed-case hex signature is accepted",
    options: signed,
    request: {
      query: signedQuery(
        GOOD_SIGN.replace(/[a-f]/g, (c, i: number) => (i % 2 ? c.toUpperCase() : c)),
        GOOD_TIME,
      ),
      body: sampleOf(LIVE),
    },
    expect: ok,
  },
  {
    name: "hostile: non-hex signature of the right length",
    options: signed,
    request: { query: signedQuery("z".repeat(64), GOOD_TIME), body: sampleOf(LIVE) },
    expect: refused(401, "signature_invalid", "Signature is invalid"),
  },
  {
    name: "hostile: signature one character too long",
    options: signed,
    request: { query: signedQuery(`${GOOD_SIGN}0`, GOOD_TIME), body: sampleOf(LIVE) },
    expect: refused(401, "signature_invalid", "Signature is invalid"),
  },
  {
    name: "hostile: signature of multi-byte characters (same UTF-16 length, other byte length)",
    options: signed,
    request: { query: signedQuery(encodeURIComponent("é".repeat(64)), GOOD_TIME), body: sampleOf(LIVE) },
    expect: refused(401, "signature_invalid", "Signature is invalid"),
  },
  {
    name: "hostile: Sign given twice with the same value is fine",
    options: signed,
    request: { query: `${signedQuery(GOOD_SIGN, GOOD_TIME)}&sign=${GOOD_SIGN}`, body: sampleOf(LIVE) },
    expect: ok,
  },
  {
    name: "hostile: Sign given twice, the good one and another",
    options: signed,
    request: { query: `?Sign=${"0".repeat(64)}&${signedQuery(GOOD_SIGN, GOOD_TIME).slice(1)}`, body: sampleOf(LIVE) },
    expect: refused(401, "signature_invalid", "Signature is invalid"),
  },
  {
    name: "hostile: RequestTime 60 s in the future is still inside the window",
    options: signed,
    request: { query: signedQuery(signFor(requestTime(60)), requestTime(60)), body: sampleOf(LIVE) },
    expect: ok,
  },
  {
    name: "hostile: RequestTime 61 s in the future, correctly signed",
    options: signed,
    request: { query: signedQuery(signFor(requestTime(61)), requestTime(61)), body: sampleOf(LIVE) },
    expect: refused(401, "signature_expired", /outside the allowed window/),
  },
  ...[`${GOOD_TIME}.0`, "1.7e9", "abc", `-${GOOD_TIME}`, "9".repeat(16)].map(
    (time): ConformanceCase => ({
      name: `hostile: non-numeric RequestTime ${JSON.stringify(time)}, signed over that very text`,
      options: signed,
      request: { query: signedQuery(signFor(time), encodeURIComponent(time)), body: sampleOf(LIVE) },
      expect: refused(401, "signature_invalid", "Signature is invalid"),
    }),
  ),
  {
    name: "hostile: an empty RequestTime is a missing one",
    options: signed,
    request: { query: signedQuery(GOOD_SIGN, ""), body: sampleOf(LIVE) },
    expect: refused(401, "signature_missing", "Sign and RequestTime are required"),
  },
];
