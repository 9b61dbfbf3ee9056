/**
 * THE table of request → outcome cases. The core runs it through `handle()`; every adapter
 * runs it over real HTTP (test/conformance/adapters.test.ts). Same request, same answer.
 */
import type { DispatcherOptions, InvalidPayloadEvent, TencentReply } from "../../src/index.js";
import type { DeadLetterReason } from "../../src/delivery/contract.js";
import { registry, type KnownCommand } from "../../schemas/index.js";
import type { RejectionReason } from "../../src/errors.js";
import { APP_ID, BLOCK, NOW_MS, TOKEN, sampleOf, tencentQuery, type HandlerBehaviour } from "../support/fixtures.js";
import { computeSignature } from "../../src/protocols/callback/signature.js";
import { hostileCases } from "./hostile-cases.js";

export interface ConformanceCase {
  name: string;
  options?: Partial<DispatcherOptions>;
  behaviour?: HandlerBehaviour;
  request: {
    method?: string;
    /** Query string starting with `?` (appended to the adapter's path). */
    query: string;
    contentType?: string | null;
    body?: string | Uint8Array;
  };
  expect: {
    status: number;
    errorInfo?: string | RegExp;
    /** The exact reply body, where it is not the plain OK / FAIL (a "before" callback's decision, with its fields). */
    reply?: TencentReply & Readonly<Record<string, unknown>>;
    /** How many `on` / `onAny` handler calls, and which onError reasons, in order. */
    on: number;
    any: number;
    errors: RejectionReason[];
    /** Commands quarantined (`onInvalid`), in order; default none. */
    invalid?: string[];
    /** Queued runs: the dead letters' reasons once the worker finished; default none. */
    failed?: DeadLetterReason[];
    /** Extra checks on what the handlers saw: the first payload, the command `on` saw, the first quarantined callback. */
    check?: (seen: { payload?: Record<string, unknown> | undefined; command?: string | undefined; invalid?: InvalidPayloadEvent | undefined }) => void;
  };
}

const LIVE = "Live.CallbackAfterDestroyRoom";
const ROOM = "Room.CallbackAfterDestroyRoom";
const THRESHOLD = "Live.CallbackAfterCreateRoomReachingThreshold";
const signed = { token: TOKEN };
const ok = { status: 200, on: 1, any: 1, errors: [] as RejectionReason[] };

function requestTime(offsetSeconds: number): string {
  return String(Math.floor(NOW_MS / 1000) + offsetSeconds);
}

const GIFT = "Live.CallbackBeforeSendGift";
const SIGNAL = "Chatbot.OnC2CSignalMessage";

/** Every known command's sample from Tencent's page (the three seeds among them), signed. */
const sampleCases: ConformanceCase[] = [...registry.keys()].map((command) => ({
  name: `sample ${command}`,
  options: signed,
  request: { query: tencentQuery({ command, sign: true }), body: sampleOf(command as KnownCommand) },
  expect: ok,
}));

export const cases: ConformanceCase[] = [
  ...sampleCases,
  {
    name: "a before callback blocked by a handler: 200 with the handler's ErrorCode",
    behaviour: "block",
    request: { query: tencentQuery({ command: GIFT }), body: sampleOf(GIFT) },
    expect: { ...ok, reply: { ActionStatus: "OK", ErrorInfo: BLOCK.message, ErrorCode: BLOCK.code } },
  },
  {
    name: "a chatbot's pass-through content answered by a handler: RspData in the reply",
    behaviour: "signal",
    options: signed,
    request: { query: tencentQuery({ command: SIGNAL, sign: true }), body: sampleOf(SIGNAL) },
    expect: {
      ...ok,
      reply: { ActionStatus: "OK", ErrorInfo: "", ErrorCode: 0, RspData: 'answer:{"msg":"This is a user-defined passthrough content"}' },
    },
  },
  {
    name: "a Live-only token (token: { live }) accepts a Live command signed with it",
    options: { token: { live: TOKEN } },
    request: { query: tencentQuery({ command: LIVE, sign: true }), body: sampleOf(LIVE) },
    expect: ok,
  },
  {
    name: "a Live-only token refuses a Chat command signed with it: 401",
    options: { token: { live: TOKEN } },
    request: { query: tencentQuery({ command: "C2C.CallbackAfterSendMsg", sign: true }), body: sampleOf("C2C.CallbackAfterSendMsg") },
    expect: { status: 401, errorInfo: /No token is configured for chat commands/, on: 0, any: 0, errors: ["signature_invalid"] },
  },
  {
    name: "a before callback whose handlers do not decide in time is blocked with 504",
    behaviour: "hang",
    options: { decisionTimeoutMs: 100 },
    request: { query: tencentQuery({ command: GIFT }), body: sampleOf(GIFT) },
    expect: { status: 504, errorInfo: "Handlers did not finish within 100 ms", on: 1, any: 1, errors: ["handler_timeout"] },
  },
  {
    name: "a before callback whose handler throws is blocked with 500",
    behaviour: "throw",
    request: { query: tencentQuery({ command: GIFT }), body: sampleOf(GIFT) },
    expect: { status: 500, on: 1, any: 1, errors: ["handler_failed"] },
  },
  {
    name: "64-bit Owner_Account arrives as its exact decimal string",
    request: { query: tencentQuery({ command: LIVE }), body: sampleOf(LIVE) },
    expect: {
      ...ok,
      check: ({ payload }) => {
        const owner = (payload?.RoomInfo as Record<string, unknown> | undefined)?.Owner_Account;
        if (owner !== "144115216631667826") throw new Error(`Owner_Account was ${String(owner)}`);
      },
    },
  },
  {
    name: "CurRoomCount / MaxRoomCount as digit strings are coerced to numbers",
    request: {
      query: tencentQuery({ command: THRESHOLD }),
      body: JSON.stringify({ CallbackCommand: THRESHOLD, EventTime: 1739966441121, CurRoomCount: "400", MaxRoomCount: "500" }),
    },
    expect: {
      ...ok,
      check: ({ payload }) => {
        if (payload?.CurRoomCount !== 400 || payload?.MaxRoomCount !== 500) throw new Error("counts not coerced");
      },
    },
  },
  {
    name: "query keys are case-insensitive (sdkappid / callbackcommand)",
    request: { query: `?sdkappid=${APP_ID}&callbackcommand=${ROOM}&contenttype=json`, body: sampleOf(ROOM) },
    expect: ok,
  },
  {
    name: "body CallbackCommand is authoritative when the query has none",
    request: { query: tencentQuery({ command: undefined }), body: sampleOf(ROOM) },
    expect: ok,
  },
  {
    name: "content-type with charset utf-8 is accepted",
    request: { query: tencentQuery({ command: ROOM }), contentType: "application/json; charset=UTF-8", body: sampleOf(ROOM) },
    expect: ok,
  },
  {
    name: "unknown command, well-formed: onAny only",
    request: { query: tencentQuery({ command: "Live.CallbackAfterSomethingNew" }), body: '{"CallbackCommand":"Live.CallbackAfterSomethingNew","X":1}' },
    expect: { status: 200, on: 0, any: 1, errors: [] },
  },
  {
    name: "unknown command rejected when unknownCommands is reject",
    options: { unknownCommands: "reject" },
    request: { query: tencentQuery({ command: "Live.CallbackAfterSomethingNew" }), body: '{"CallbackCommand":"Live.CallbackAfterSomethingNew"}' },
    expect: { status: 400, errorInfo: /Unknown CallbackCommand/, on: 0, any: 0, errors: ["unknown_command"] },
  },
  {
    name: "GET is refused",
    request: { method: "GET", query: tencentQuery({ command: ROOM }) },
    expect: { status: 405, errorInfo: "Only POST is accepted", on: 0, any: 0, errors: ["method_not_allowed"] },
  },
  {
    name: "text/plain is refused",
    request: { query: tencentQuery({ command: ROOM }), contentType: "text/plain", body: sampleOf(ROOM) },
    expect: { status: 415, on: 0, any: 0, errors: ["unsupported_media_type"] },
  },
  {
    name: "JSON in latin1 is refused",
    request: { query: tencentQuery({ command: ROOM }), contentType: "application/json; charset=latin1", body: sampleOf(ROOM) },
    expect: { status: 415, errorInfo: "JSON must be UTF-8 encoded", on: 0, any: 0, errors: ["unsupported_media_type"] },
  },
  {
    name: "body over the limit",
    options: { maxBodyBytes: 1024 },
    request: { query: tencentQuery({ command: ROOM }), body: JSON.stringify({ CallbackCommand: ROOM, pad: "x".repeat(2048) }) },
    expect: { status: 413, errorInfo: "Body exceeds 1024 bytes", on: 0, any: 0, errors: ["body_too_large"] },
  },
  {
    name: "invalid JSON",
    request: { query: tencentQuery({ command: ROOM }), body: '{"CallbackCommand":' },
    expect: { status: 400, errorInfo: "Body is not valid JSON", on: 0, any: 0, errors: ["invalid_json"] },
  },
  {
    name: "empty body",
    request: { query: tencentQuery({ command: ROOM }), body: "" },
    expect: { status: 400, errorInfo: "Body is not valid JSON", on: 0, any: 0, errors: ["invalid_json"] },
  },
  {
    name: "JSON array body",
    request: { query: tencentQuery({ command: ROOM }), body: `[${sampleOf(ROOM)}]` },
    expect: { status: 400, errorInfo: "Body must be a JSON object", on: 0, any: 0, errors: ["invalid_body"] },
  },
  {
    name: "non-UTF-8 bytes",
    request: { query: tencentQuery({ command: ROOM }), body: new Uint8Array([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x3a, 0x31, 0x7d]) },
    expect: { status: 400, errorInfo: "Body is not valid UTF-8", on: 0, any: 0, errors: ["invalid_body"] },
  },
  {
    name: "__proto__ payload",
    request: { query: tencentQuery({ command: ROOM }), body: `{"CallbackCommand":"${ROOM}","RoomId":"r","EventTime":1,"__proto__":{"polluted":true}}` },
    expect: { status: 400, errorInfo: /forbidden key/, on: 0, any: 0, errors: ["invalid_json"] },
  },
  {
    name: "constructor.prototype payload",
    request: { query: tencentQuery({ command: ROOM }), body: `{"CallbackCommand":"${ROOM}","a":{"constructor":{"prototype":{"polluted":true}}}}` },
    expect: { status: 400, errorInfo: /forbidden key/, on: 0, any: 0, errors: ["invalid_json"] },
  },
  {
    name: "wrong SdkAppid",
    request: { query: tencentQuery({ command: ROOM, sdkAppId: "1400000001" }), body: sampleOf(ROOM) },
    expect: { status: 403, errorInfo: "SdkAppid does not match this app", on: 0, any: 0, errors: ["sdk_app_id_mismatch"] },
  },
  {
    name: "missing SdkAppid",
    request: { query: tencentQuery({ command: ROOM, sdkAppId: null }), body: sampleOf(ROOM) },
    expect: { status: 403, errorInfo: "SdkAppid is missing", on: 0, any: 0, errors: ["sdk_app_id_missing"] },
  },
  {
    name: "SdkAppid twice with different values",
    request: { query: tencentQuery({ command: ROOM, extra: "&SdkAppId=1400000001" }), body: sampleOf(ROOM) },
    expect: { status: 403, on: 0, any: 0, errors: ["sdk_app_id_mismatch"] },
  },
  {
    name: "SdkAppid with leading zeros",
    request: { query: tencentQuery({ command: ROOM, sdkAppId: `00${APP_ID}` }), body: sampleOf(ROOM) },
    expect: { status: 403, on: 0, any: 0, errors: ["sdk_app_id_mismatch"] },
  },
  {
    name: "good signature",
    options: signed,
    request: { query: tencentQuery({ command: LIVE, sign: true }), body: sampleOf(LIVE) },
    expect: ok,
  },
  {
    name: "upper-case hex signature",
    options: signed,
    request: {
      query: tencentQuery({ command: LIVE, sign: { Sign: computeSignature(TOKEN, requestTime(0)).toUpperCase(), RequestTime: requestTime(0) } }),
      body: sampleOf(LIVE),
    },
    expect: ok,
  },
  {
    name: "bad signature",
    options: signed,
    request: {
      query: tencentQuery({ command: LIVE, sign: { Sign: computeSignature("wrong", requestTime(0)), RequestTime: requestTime(0) } }),
      body: sampleOf(LIVE),
    },
    expect: { status: 401, errorInfo: "Signature is invalid", on: 0, any: 0, errors: ["signature_invalid"] },
  },
  {
    name: "signature of the wrong length",
    options: signed,
    request: { query: tencentQuery({ command: LIVE, sign: { Sign: "abc123", RequestTime: requestTime(0) } }), body: sampleOf(LIVE) },
    expect: { status: 401, errorInfo: "Signature is invalid", on: 0, any: 0, errors: ["signature_invalid"] },
  },
  {
    name: "missing signature",
    options: signed,
    request: { query: tencentQuery({ command: LIVE }), body: sampleOf(LIVE) },
    expect: { status: 401, errorInfo: "Sign and RequestTime are required", on: 0, any: 0, errors: ["signature_missing"] },
  },
  {
    name: "stale signature (RequestTime 61 s ago)",
    options: signed,
    request: {
      query: tencentQuery({ command: LIVE, sign: { Sign: computeSignature(TOKEN, requestTime(-61)), RequestTime: requestTime(-61) } }),
      body: sampleOf(LIVE),
    },
    expect: { status: 401, errorInfo: /outside the allowed window/, on: 0, any: 0, errors: ["signature_expired"] },
  },
  {
    name: "RequestTime in the future beyond the window",
    options: signed,
    request: {
      query: tencentQuery({ command: LIVE, sign: { Sign: computeSignature(TOKEN, requestTime(120)), RequestTime: requestTime(120) } }),
      body: sampleOf(LIVE),
    },
    expect: { status: 401, on: 0, any: 0, errors: ["signature_expired"] },
  },
  {
    name: "query and body CallbackCommand disagree",
    request: { query: tencentQuery({ command: LIVE }), body: sampleOf(ROOM) },
    expect: { status: 400, errorInfo: "CallbackCommand in the query and the body disagree", on: 0, any: 0, errors: ["command_mismatch"] },
  },
  {
    name: "no CallbackCommand anywhere",
    request: { query: tencentQuery({ command: undefined }), body: '{"RoomId":"r"}' },
    expect: { status: 400, errorInfo: "CallbackCommand is missing", on: 0, any: 0, errors: ["command_missing"] },
  },
  {
    name: "payload fails its schema",
    request: { query: tencentQuery({ command: ROOM }), body: JSON.stringify({ CallbackCommand: ROOM, RoomId: "r", EventTime: "yesterday" }) },
    expect: {
      status: 400,
      errorInfo: /does not match the Room.CallbackAfterDestroyRoom schema: \/EventTime must be integer/,
      on: 0,
      any: 0,
      errors: ["schema_invalid"],
    },
  },
  {
    name: "a throwing handler: the others still run, 500",
    behaviour: "throw",
    request: { query: tencentQuery({ command: ROOM }), body: sampleOf(ROOM) },
    expect: { status: 500, errorInfo: `A handler for ${ROOM} failed`, on: 1, any: 1, errors: ["handler_failed"] },
  },
  {
    name: "a hanging handler: 504 after the timeout",
    behaviour: "hang",
    options: { handlerTimeoutMs: 150 },
    request: { query: tencentQuery({ command: ROOM }), body: sampleOf(ROOM) },
    expect: { status: 504, errorInfo: "Handlers did not finish within 150 ms", on: 1, any: 1, errors: ["handler_timeout"] },
  },
];

cases.push(...hostileCases);
