/**
 * Fixtures for the TRTC and CSS protocols: keys, clocks, independent signers (node:crypto, not
 * the package's own), recording dispatchers, the case shape both conformance tables share, and
 * the one assertion that every runner (handle() and the five adapters) applies to an answer.
 *
 * TRTC (trtc.io/document/39558): headers `SdkAppId` and `Sign = base64(HMAC-SHA256(key, raw body))`.
 * CSS (tencentcloud.com/document/product/267/38080): body fields `t` (expiry, Unix seconds) and
 * `sign = hex(MD5(key + t))`. Both reply `{"code":0}` / `{"code":<status>,"message":"…"}`.
 */
import { createHash, createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { cssCatalogue, trtcCatalogue } from "../../schemas/index.js";
import { createCssDispatcher, createTrtcDispatcher, type WebhookErrorEvent } from "../../src/index.js";
import type { RejectionReason } from "../../src/errors.js";
import type {
  AnyWebhookEvent,
  CssDispatcher,
  CssDispatcherOptions,
  Dispatcher,
  ProtocolTypes,
  TrtcDispatcher,
  TrtcDispatcherOptions,
} from "../../src/types.js";
import { describeSchemaErrors } from "../../src/pipeline/validate.js";
import type { DeadLetterReason } from "../../src/delivery/contract.js";
import type { Recorded } from "./fixtures.js";
import { expectDeadLetters } from "./outcome.js";
import { ADAPTERS, send, startAdapter } from "./servers.js";

// ---------------------------------------------------------------------------------------------
// TRTC
// ---------------------------------------------------------------------------------------------

export const TRTC_APP_ID = "1400000000";
/** The key of the page's signature example: every TRTC case signs with it unless it says otherwise. */
export const TRTC_KEY = "123654";
export const TRTC_PATH = "/trtc/callback";
/** The page's example: the EventType 204 sample, tab-indented with real newlines, signed with TRTC_KEY. */
export const TRTC_DOC_SIGN = "kkoFeO3Oh2ZHnjtg8tEAQhtXK16/KI05W3BQff8IvGA=";
/** HMAC-SHA256(TRTC_KEY) of the same text with literal `\n` / `\t` (two characters each) instead. */
export const TRTC_LITERAL_ESCAPES_SIGN = "LvKyTq86nULm22HssZHPn1L7gkGafhnxpO//kNZ31TM=";
/** A fixed clock (TRTC signs no time, but dispatchers never read the wall clock in tests). */
export const TRTC_NOW_MS = 1_700_000_000_000;

/** base64(HMAC-SHA256(key, bytes)): the independent signer. */
export function trtcSign(body: string | Uint8Array, key: string = TRTC_KEY): string {
  return createHmac("sha256", key).update(body).digest("base64");
}

/** A TRTC sample as raw text (tabs, newlines, 64-bit literals intact). */
export function trtcSample(nameOrCode: string | number): string {
  const definition = trtcCatalogue.find(nameOrCode);
  if (!definition) throw new Error(`no TRTC event ${String(nameOrCode)}`);
  return definition.sample;
}

export interface TrtcHeaderOptions {
  /** `null` leaves the header out. Default TRTC_APP_ID. */
  sdkAppId?: string | string[] | null;
  /** `true` (default): signed with `key` over `body`; `null`: no header; a string: sent as is. */
  sign?: true | null | string | string[];
  key?: string;
}

/** The headers Tencent sends with a TRTC callback. */
export function trtcHeaders(
  body: string | Uint8Array,
  { sdkAppId = TRTC_APP_ID, sign = true, key = TRTC_KEY }: TrtcHeaderOptions = {},
): Record<string, string | string[]> {
  const headers: Record<string, string | string[]> = {};
  if (sdkAppId !== null) headers.SdkAppId = sdkAppId;
  if (sign === true) headers.Sign = trtcSign(body, key);
  else if (sign !== null) headers.Sign = sign;
  return headers;
}

// ---------------------------------------------------------------------------------------------
// CSS
// ---------------------------------------------------------------------------------------------

/** The document's example: key `abc`, t 1506309271 → sign 56f74aef5e1bde99a3f8d62d2d4ea00f. */
export const CSS_KEY = "abc";
export const CSS_DOC_T = 1506309271;
export const CSS_DOC_SIGN = "56f74aef5e1bde99a3f8d62d2d4ea00f";
/** Sent 10 minutes before `t`, as Tencent does by default: every CSS case's clock. */
export const CSS_NOW_MS = (CSS_DOC_T - 600) * 1000;
export const CSS_NOW_S = CSS_NOW_MS / 1000;
export const CSS_APP_ID = "12345678";
export const CSS_PATH = "/css/callback";

/** hex(MD5(key + t)): the independent signer. */
export function cssSign(t: string | number, key: string = CSS_KEY): string {
  return createHash("md5")
    .update(`${key}${String(t)}`)
    .digest("hex");
}

/** A CSS sample as raw text (its `sign` is masked on Tencent's pages: re-sign it with `signCssText`). */
export function cssSample(nameOrCode: string | number): string {
  const definition = cssCatalogue.find(nameOrCode);
  if (!definition) throw new Error(`no CSS event ${String(nameOrCode)}`);
  return definition.sample;
}

const T_FIELD = /"t"\s*:\s*(?:"\d*"|\d+)/g;
const SIGN_FIELD = /"sign"\s*:\s*"[^"]*"/g;

/**
 * The raw text with its top-level `t` and `sign` replaced (or added after the `{`), the rest byte
 * for byte: `sign` defaults to the right one for `t` under `key`.
 */
export function signCssText(text: string, { t = CSS_DOC_T, key = CSS_KEY, sign }: { t?: number | string; key?: string; sign?: string } = {}): string {
  const tToken = typeof t === "number" ? String(t) : JSON.stringify(t);
  const signToken = JSON.stringify(sign ?? cssSign(t, key));
  const tCount = text.match(T_FIELD)?.length ?? 0;
  const signCount = text.match(SIGN_FIELD)?.length ?? 0;
  if (tCount > 1 || signCount > 1) throw new Error("signCssText: more than one t / sign field");
  let out = tCount ? text.replace(T_FIELD, `"t":${tToken}`) : text.replace("{", `{"t":${tToken},`);
  out = signCount ? out.replace(SIGN_FIELD, `"sign":${signToken}`) : out.replace("{", `{"sign":${signToken},`);
  return out;
}

/** A small CSS body: PushBegin (event_type 1), appid CSS_APP_ID, signed for `t` unless `fields` says otherwise. */
export function cssBody(fields: Record<string, unknown> = {}, { key = CSS_KEY }: { key?: string } = {}): string {
  const t = "t" in fields ? fields.t : CSS_DOC_T;
  const sign = "sign" in fields ? fields.sign : cssSign(String(t ?? CSS_DOC_T), key);
  const body: Record<string, unknown> = {
    event_type: 1,
    appid: Number(CSS_APP_ID),
    stream_id: "test_stream",
    sequence: "2210464508206756938",
    t,
    sign,
    ...fields,
  };
  for (const [key, value] of Object.entries(body)) if (value === undefined) delete body[key];
  return JSON.stringify(body);
}

// ---------------------------------------------------------------------------------------------
// Recording dispatchers
// ---------------------------------------------------------------------------------------------

export type ProtocolBehaviour = "record" | "throw" | "hang";

/**
 * Handlers that record what they saw; `behaviour` makes a first handler for every known event
 * throw or hang (never resolve), to prove the recording ones still run.
 */
function record<T extends ProtocolTypes>(dispatcher: Dispatcher<T>, names: readonly string[], behaviour: ProtocolBehaviour) {
  const recorded: Recorded = { on: [], any: [], errors: [], invalid: [] };
  const on = dispatcher.on.bind(dispatcher) as (names: readonly string[], handler: (event: AnyWebhookEvent) => unknown) => unknown;
  if (behaviour === "throw") {
    on(names, () => {
      throw new Error("handler exploded");
    });
  }
  if (behaviour === "hang") on(names, () => new Promise<void>(() => {}));
  on(names, (event) => {
    recorded.on.push(event);
  });
  dispatcher.onAny((event) => {
    recorded.any.push(event);
  });
  dispatcher.onError((error: WebhookErrorEvent) => {
    recorded.errors.push(error);
  });
  dispatcher.onInvalid((invalid) => {
    recorded.invalid.push(invalid);
  });
  return { dispatcher, recorded };
}

export const TRTC_EVENTS = trtcCatalogue.definitions.map((definition) => definition.command);
export const CSS_EVENTS = cssCatalogue.definitions.map((definition) => definition.command);

export function recordingTrtcDispatcher(options: Partial<TrtcDispatcherOptions> = {}, behaviour: ProtocolBehaviour = "record") {
  const dispatcher = createTrtcDispatcher({ sdkAppId: TRTC_APP_ID, key: TRTC_KEY, now: () => TRTC_NOW_MS, ...options });
  return record(dispatcher, TRTC_EVENTS, behaviour);
}

export function recordingCssDispatcher(options: Partial<CssDispatcherOptions> = {}, behaviour: ProtocolBehaviour = "record") {
  const dispatcher = createCssDispatcher({ key: CSS_KEY, now: () => CSS_NOW_MS, ...options });
  return record(dispatcher, CSS_EVENTS, behaviour);
}

// ---------------------------------------------------------------------------------------------
// The case shape and the one assertion
// ---------------------------------------------------------------------------------------------

export interface ProtocolCase<O> {
  name: string;
  options?: Partial<O>;
  behaviour?: ProtocolBehaviour;
  request: {
    method?: string;
    /** Query string (with `?`) after the adapter's path; TRTC and CSS read none. */
    query?: string;
    /** Sent as written (a list: the header repeated). */
    headers?: Record<string, string | string[]>;
    /** Default application/json; `null` sends none. */
    contentType?: string | null;
    body?: string | Uint8Array;
  };
  expect: {
    status: number;
    /** The failure's `message`, exactly (the reply is then exactly `{"code":status,"message":…}`). */
    message?: string;
    /** Handler calls: `on` (the recording handler of known events) and `onAny`. */
    on: number;
    any: number;
    /** onError reasons, in order. */
    errors: RejectionReason[];
    /** Quarantined (200, `onInvalid`): the schema message (`Payload does not match …`); default none. */
    invalid?: string;
    /** Queued runs: the dead letters' reasons once the worker finished; default none. */
    failed?: DeadLetterReason[];
    /** The command the handlers saw. */
    command?: string;
    /** Extra checks on the event the handlers saw. */
    check?: (event: AnyWebhookEvent | undefined) => void;
  };
}

export interface ProtocolAnswer {
  status: number;
  contentType: string | null;
  body: string;
}

/** `{"code":0}` on 200, else exactly `{"code":<status>,"message":<message>}` in that order. */
export function expectedReply(status: number, message: string | undefined): string | undefined {
  if (status === 200) return JSON.stringify({ code: 0 });
  return message === undefined ? undefined : JSON.stringify({ code: status, message });
}

/** One assertion for every runner, so that "the same answer" means the same checks. */
export function expectProtocolOutcome(testCase: ProtocolCase<unknown>, answer: ProtocolAnswer, recorded: Recorded, secrets: readonly string[] = []): void {
  const { expect: want } = testCase;
  expect(answer.status, answer.body).toBe(want.status);
  expect(answer.contentType).toMatch(/^application\/json/);
  const reply = JSON.parse(answer.body) as { code: unknown; message?: unknown };
  const exact = expectedReply(want.status, want.message);
  if (exact !== undefined) {
    expect(answer.body).toBe(exact);
  } else {
    expect(Object.keys(reply)).toEqual(["code", "message"]);
    expect(reply.code).toBe(want.status);
    expect(typeof reply.message).toBe("string");
  }
  for (const secret of secrets) expect(answer.body).not.toContain(secret);
  expect(answer.body).not.toMatch(/\bat .+:\d+:\d+/); // no stack
  expect(recorded.on.length, "on() calls").toBe(want.on);
  expect(recorded.any.length, "onAny() calls").toBe(want.any);
  expect(
    recorded.errors.map((error) => error.reason),
    "onError reasons",
  ).toEqual(want.errors);
  for (const error of recorded.errors) {
    expect(error.status).toBe(want.status);
    if (want.message !== undefined) expect(error.message).toBe(want.message);
  }
  expect(
    recorded.invalid.map((invalid) => `${invalid.reason} ${invalid.command}`),
    "onInvalid calls",
  ).toEqual(want.invalid === undefined ? [] : [`schema_invalid ${/the (\S+) schema/.exec(want.invalid)?.[1]}`]);
  if (want.invalid !== undefined) expect(want.invalid).toContain(describeSchemaErrors(recorded.invalid[0]!.schemaErrors));
  expectDeadLetters(want.failed, recorded);
  const event = recorded.on[0] ?? recorded.any[0];
  if (want.command !== undefined) {
    for (const seen of [...recorded.on, ...recorded.any]) expect(seen.command).toBe(want.command);
  }
  want.check?.(event);
}

/** Headers for `handle()` as a case writes them (a list joined as HTTP joins a repeated header). */
export function caseHeaders(testCase: Pick<ProtocolCase<unknown>, "request">): Record<string, string | string[]> {
  const { contentType = "application/json", headers = {} } = testCase.request;
  return { ...(contentType === null ? {} : { "Content-Type": contentType }), ...headers };
}

// ---------------------------------------------------------------------------------------------
// The runners: handle(), then every adapter over real HTTP, answers compared
// ---------------------------------------------------------------------------------------------

/** What a table runner needs of a case: its name and the request. */
export interface TableCase {
  name: string;
  request: ProtocolCase<unknown>["request"];
}

/** A dispatcher for one run of a case; `settle` (queued runs) waits for its worker and records the dead letters. */
export interface MadeDispatcher {
  dispatcher: TrtcDispatcher | CssDispatcher | Dispatcher;
  recorded: Recorded;
  settle?: () => Promise<void>;
}

export interface TableRun<C extends TableCase> {
  /** "TRTC" / "CSS", for test names. */
  label: string;
  cases: readonly C[];
  /** The cases also sent over real HTTP through every adapter; default all of them. */
  overHttp?: readonly C[];
  /** The adapters' `path` option, and the URL's path. */
  path: string;
  make(testCase: C): MadeDispatcher;
  /** Strings no reply may contain (the keys). */
  secrets: readonly string[];
  /** The one assertion on every answer; default `expectProtocolOutcome` (the `{"code":…}` protocols). */
  expectOutcome?: (testCase: C, answer: ProtocolAnswer, recorded: Recorded, secrets: readonly string[]) => void;
}

function coreRequest<C extends TableCase>(run: TableRun<C>, testCase: C) {
  const { method = "POST", query = "", body } = testCase.request;
  return { method, url: `${run.path}${query}`, headers: caseHeaders(testCase), body };
}

/** Registers the table's tests: one per case through handle(), one per case and adapter over HTTP. */
export function runTable<C extends TableCase>(run: TableRun<C>): void {
  const named = (cases: readonly C[]) => cases.map((testCase) => [testCase.name, testCase] as const);
  const names = new Set(run.cases.map((testCase) => testCase.name));
  if (names.size !== run.cases.length) throw new Error(`${run.label}: two cases share a name`);
  const expectOutcome =
    run.expectOutcome ??
    ((testCase: C, answer: ProtocolAnswer, recorded: Recorded, secrets: readonly string[]) =>
      expectProtocolOutcome(testCase as unknown as ProtocolCase<unknown>, answer, recorded, secrets));

  /** What handle() answers, once per case: every adapter must send exactly this status and body. */
  const coreAnswers = new Map<C, Promise<{ status: number; body: string }>>();
  const coreAnswer = (testCase: C) => {
    let answer = coreAnswers.get(testCase);
    if (!answer) {
      const { dispatcher, settle } = run.make(testCase);
      answer = dispatcher.handle(coreRequest(run, testCase)).then(async (response) => {
        await settle?.();
        return response;
      });
      coreAnswers.set(testCase, answer);
    }
    return answer;
  };

  describe(`${run.label} table through handle()`, () => {
    it.each(named(run.cases))("%s", async (_name, testCase) => {
      const { dispatcher, recorded, settle } = run.make(testCase);
      const response = await dispatcher.handle(coreRequest(run, testCase));
      await settle?.();
      expectOutcome(testCase, { status: response.status, contentType: response.headers["content-type"] ?? null, body: response.body }, recorded, run.secrets);
    });
  });

  describe.each(ADAPTERS)(`${run.label} table over HTTP: %s`, (adapter) => {
    it.each(named(run.overHttp ?? run.cases))("%s", async (_name, testCase) => {
      const { dispatcher, recorded, settle } = run.make(testCase);
      const server = await startAdapter(adapter, dispatcher as unknown as Dispatcher, run.path);
      try {
        const { method = "POST", query = "", contentType = "application/json", headers = {}, body } = testCase.request;
        // A list is sent as the header repeated (node:http takes arrays), as a proxy may.
        const answer = await send(server.origin, { method, path: `${run.path}${query}`, contentType, body, headers: headers as Record<string, string> });
        await settle?.();
        const contentTypeHeader = answer.headers["content-type"] ?? null;
        expectOutcome(testCase, { status: answer.status, contentType: contentTypeHeader, body: answer.body }, recorded, run.secrets);
        const core = await coreAnswer(testCase);
        expect({ status: answer.status, body: answer.body }).toEqual({ status: core.status, body: core.body });
      } finally {
        await server.close();
      }
    });
  });
}
