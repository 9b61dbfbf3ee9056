/**
 * Property-based fuzzing of `dispatcher.handle()`: well over 10,000 generated requests per run.
 *
 * Every answer, whatever the request: handle() resolves (never throws, never rejects) within the
 * handler timeout; the status is one of the documented ones; the body is exactly Tencent's
 * `{ActionStatus, ErrorInfo, ErrorCode}` with ErrorCode 0 iff 200; nothing is lost silently
 * (a callback either ran the handlers or reached onError with its raw body); Object.prototype is
 * untouched even though a handler deep-merges every payload the careless way.
 *
 * On top of that, an independent model (URLSearchParams, node:crypto, lossless-json) predicts the
 * outcome: 405 / 415 / 413 / 403 / 401 / 400 exactly when it should, 500 precision_lost for a
 * pre-parsed body whose 64-bit integer JSON.parse rounded, valid signed callbacks always 200,
 * corrupted ones never; "before" callbacks answer per reply kind (an invalid decision is a 500
 * decision_invalid; a failed or late decision is what Tencent does without a reply).
 */
import fc from "fast-check";
import { isLosslessNumber, parse as losslessParse } from "lossless-json";
import { describe, expect, it } from "vitest";
import { registry, type KnownCommand } from "../../schemas/index.js";
import { block, createDispatcher, computeSignature, discard, type DispatcherOptions, type WebhookErrorEvent } from "../../src/index.js";
import type { RejectionReason, WebhookResponse } from "../../src/errors.js";
import type { WebhookRequest } from "../../src/types.js";
import { APP_ID, CALLBACK_PATH, NOW_MS, TOKEN } from "../support/fixtures.js";
import {
  bodyOracle,
  caseVariants,
  encoding,
  hasForbiddenKey,
  jsonText,
  mutatedText,
  naiveMerge,
  oracleParse,
  prototypeFingerprint,
  renderQuery,
  type Encoding,
  type QueryPair,
  fuzzTimeout,
  replay,
  runs,
} from "../support/arbitraries.js";

const STATUSES = new Set([200, 400, 401, 403, 405, 413, 415, 500, 504]);
/** Not callbacks at all: reported to onError without a body (never read, or too large to keep). */
const NOT_CALLBACKS = new Set([405, 413, 415]);
const COMMANDS = [...registry.keys()] as KnownCommand[];
/** The default handler timeout: "always answers within the timeout". */
const ANSWER_WITHIN_MS = 2000;
const SMALL_LIMIT = 2048;
const NOW_S = Math.floor(NOW_MS / 1000);
const FINGERPRINT = prototypeFingerprint();

// ---------------------------------------------------------------------------------------------
// Harness: dispatchers whose handlers count, and deep-merge payloads as careless user code does
// ---------------------------------------------------------------------------------------------

interface Seen {
  on: number;
  any: number;
  /** The command of the last event an `on` handler saw. */
  command: string | undefined;
  errors: WebhookErrorEvent[];
  /** Quarantined (`onInvalid`): authenticated, but the payload failed its schema. */
  invalid: number;
  payload: Record<string, unknown> | undefined;
  platformType: string;
}

interface Harness {
  [fc.toStringMethod]: () => string;
  name: string;
  signed: boolean;
  limit: number;
  handle(request: WebhookRequest): Promise<WebhookResponse>;
  seen: Seen;
}

function harness(name: string, options: Partial<DispatcherOptions>): Harness {
  const seen: Seen = { on: 0, any: 0, command: undefined, errors: [], invalid: 0, payload: undefined, platformType: "" };
  const dispatcher = createDispatcher({ sdkAppId: APP_ID, now: () => NOW_MS, ...options });
  dispatcher.on(COMMANDS, (event) => {
    seen.on++;
    seen.command = event.command;
  });
  dispatcher.onAny((event) => {
    seen.any++;
    seen.payload = event.payload;
    seen.platformType = typeof event.optPlatform;
    naiveMerge({}, event.payload);
  });
  dispatcher.onError((error) => {
    seen.errors.push(error);
  });
  dispatcher.onInvalid(() => {
    seen.invalid++;
  });
  return {
    // fast-check prints counterexamples: the name only (`seen` may hold a 4,000-deep payload).
    [fc.toStringMethod]: () => `harness(${name})`,
    name,
    signed: options.token !== undefined,
    limit: options.maxBodyBytes ?? 1024 * 1024,
    handle: (request) => dispatcher.handle(request),
    seen,
  };
}

const HARNESSES = [harness("unsigned", {}), harness("signed", { token: TOKEN }), harness("signed, 2 KiB limit", { token: TOKEN, maxBodyBytes: SMALL_LIMIT })];
const harnessArb = fc.constantFrom(...HARNESSES);

let requests = 0;
/** Statuses seen by the arbitrary / hostile properties: proof that the model is not vacuous. */
const statusCounts = new Map<number, number>();

/** One request through handle(), with the invariants every answer must satisfy. */
async function run(h: Harness, request: WebhookRequest): Promise<{ status: number; reply: Record<string, unknown> }> {
  h.seen.on = 0;
  h.seen.any = 0;
  h.seen.command = undefined;
  h.seen.errors.length = 0;
  h.seen.invalid = 0;
  h.seen.payload = undefined;
  requests++;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<"late">((resolve) => {
    timer = setTimeout(resolve, ANSWER_WITHIN_MS, "late");
  });
  const response = await Promise.race([h.handle(request), late]).finally(() => clearTimeout(timer));
  if (response === "late") throw new Error(`no answer within ${ANSWER_WITHIN_MS} ms`);

  const { status } = response;
  expect(STATUSES.has(status), `status ${status}`).toBe(true);
  expect(response.headers["content-type"]).toMatch(/^application\/json/);
  const reply = JSON.parse(response.body) as Record<string, unknown>;
  expect(Object.keys(reply).sort()).toEqual(["ActionStatus", "ErrorCode", "ErrorInfo"]);
  expect(typeof reply.ErrorInfo).toBe("string");
  expect(reply.ErrorCode === 0, response.body).toBe(status === 200);
  expect(reply.ActionStatus).toBe(status === 200 ? "OK" : "FAIL");
  if (status !== 200) {
    expect(reply.ErrorCode).toBe(status);
    expect(reply.ErrorInfo).not.toContain(TOKEN);
    expect(reply.ErrorInfo).not.toMatch(/\bat .+:\d+:\d+/);
  }

  // Nothing lost silently: handled, quarantined (authenticated only) or refused through onError.
  const { seen } = h;
  if (!h.signed) expect(seen.invalid).toBe(0);
  if (status === 200) {
    expect(seen.any + seen.invalid).toBe(1);
    expect(seen.errors).toEqual([]);
    if (seen.any === 1) expect(["string", "undefined"]).toContain(seen.platformType);
  } else if (NOT_CALLBACKS.has(status)) {
    expect(seen.on + seen.any + seen.invalid).toBe(0);
    expect(seen.errors.map((e) => e.status)).toEqual([status]);
    expect(seen.errors[0]!.request.rawBody).toBeUndefined();
  } else if (status === 400 && seen.invalid === 1) {
    // A quarantined "before" callback whose failure default is to block it.
    expect(seen.on + seen.any + seen.errors.length).toBe(0);
  } else if (status === 400 || status === 401 || status === 403) {
    expect(seen.on + seen.any + seen.invalid).toBe(0);
    expect(seen.errors.map((e) => e.status)).toEqual([status]);
    expect(typeof seen.errors[0]!.request.rawBody).toBe("string");
    if (typeof request.body === "string") expect(seen.errors[0]!.request.rawBody).toBe(request.body);
  } else {
    expect(seen.errors.length).toBeGreaterThanOrEqual(1);
  }

  expect(prototypeFingerprint()).toBe(FINGERPRINT);
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  return { status, reply };
}

/**
 * Requests and statuses counted from now on, for one property: it checks its own share (every
 * run went through handle(); the model is not vacuous: each status it names was reached), so no
 * test depends on another having run first.
 */
function countRequests() {
  const from = requests;
  const before = new Map(statusCounts);
  return {
    expectAtLeast(minimum: number, statuses: readonly number[]) {
      expect(requests - from).toBeGreaterThanOrEqual(minimum);
      const counts = Object.fromEntries([...statusCounts].map(([status, n]) => [status, n - (before.get(status) ?? 0)]));
      console.log(`handle() fuzz: ${requests - from} requests; statuses ${JSON.stringify(counts)}`);
      for (const status of statuses) expect(counts[status] ?? 0, `status ${status}`).toBeGreaterThan(20);
    },
  };
}

// ---------------------------------------------------------------------------------------------
// The independent model
// ---------------------------------------------------------------------------------------------

/** The query as URLSearchParams reads it, keys lower-cased; `undefined` when missing or ambiguous. */
function modelQuery(url: string) {
  const params = new Map<string, string[]>();
  const at = url.indexOf("?");
  if (at !== -1) {
    for (const [key, value] of new URLSearchParams(url.slice(at + 1))) {
      const name = key.toLowerCase();
      params.set(name, [...(params.get(name) ?? []), value]);
    }
  }
  const one = (name: string) => {
    const values = params.get(name);
    return values?.every((value) => value === values[0]) ? values[0] : undefined;
  };
  return { one, has: (name: string) => params.has(name) };
}

function appIdOk(url: string): boolean {
  return modelQuery(url).one("sdkappid") === APP_ID;
}

function signatureOk(url: string): boolean {
  const { one } = modelQuery(url);
  const sign = one("sign");
  const requestTime = one("requesttime");
  if (!sign || !requestTime || !/^\d+$/.test(requestTime)) return false;
  return computeSignature(TOKEN, requestTime) === sign.toLowerCase() && Math.abs(NOW_MS - Number(requestTime) * 1000) <= 60_000;
}

const utf8 = new TextDecoder("utf-8", { fatal: true });

function bodyBytes(body: unknown): number {
  if (typeof body === "string") return Buffer.byteLength(body);
  if (body instanceof Uint8Array) return body.byteLength;
  return 0;
}

/** Whether an already-parsed body holds an integer a JS number cannot hold exactly (JSON.parse rounded it). */
function holdsRoundedInteger(value: unknown, seen = new Set<object>()): boolean {
  if (typeof value === "number") return Number.isInteger(value) && !Number.isSafeInteger(value);
  if (value === null || typeof value !== "object" || value instanceof Uint8Array || seen.has(value)) return false;
  seen.add(value);
  return Object.values(value).some((child) => holdsRoundedInteger(child, seen));
}

/**
 * The body's verdict: a 400 reason, 500 precision_lost (a pre-parsed body that lost a 64-bit
 * integer: refused rather than delivered with a wrong ID), or "parsed" (then command and schema
 * decide 200 or 400).
 */
function bodyVerdict(body: unknown): RejectionReason | "parsed" {
  let text: string;
  if (typeof body === "string") text = body;
  else if (body instanceof Uint8Array) {
    try {
      text = utf8.decode(body);
    } catch {
      return "invalid_body";
    }
  } else if (body === undefined || body === null) text = "";
  else {
    if (holdsRoundedInteger(body)) return "precision_lost";
    try {
      text = JSON.stringify(body) ?? "";
    } catch {
      text = "";
    }
    if (text === "") return "invalid_body";
  }
  const verdict = bodyOracle(text);
  return "reason" in verdict ? verdict.reason : "parsed";
}

interface Generated {
  request: WebhookRequest;
  /** Whether the Content-Type is acceptable; `undefined` when the generator does not know. */
  contentTypeOk: boolean | undefined;
}

/** The outcome the model predicts, as the statuses allowed and the onError reason when it is a refusal. */
function predict(h: Harness, { request, contentTypeOk }: Generated): { statuses: number[]; reason?: RejectionReason } | undefined {
  if (typeof request.method !== "string" || request.method.toUpperCase() !== "POST") return { statuses: [405] };
  if (contentTypeOk === undefined) return undefined;
  if (!contentTypeOk) return { statuses: [415] };
  if (bodyBytes(request.body) > h.limit) return { statuses: [413] };
  const url = typeof request.url === "string" ? request.url : "";
  if (!appIdOk(url)) return { statuses: [403] };
  if (h.signed && !signatureOk(url)) return { statuses: [401] };
  const verdict = bodyVerdict(request.body);
  if (verdict === "precision_lost") return { statuses: [500], reason: verdict };
  if (verdict !== "parsed") return { statuses: [400], reason: verdict };
  return { statuses: [200, 400] };
}

async function runAndCompare(h: Harness, generated: Generated) {
  const outcome = await run(h, generated.request);
  statusCounts.set(outcome.status, (statusCounts.get(outcome.status) ?? 0) + 1);
  const predicted = predict(h, generated);
  // With or without a prediction: a 200 needs our SdkAppid and, when signed, a valid signature.
  if (outcome.status === 200) {
    expect(appIdOk(generated.request.url)).toBe(true);
    if (h.signed) expect(signatureOk(generated.request.url)).toBe(true);
  }
  // Handlers here never fail: a 500 or 504 is the core's own bug, except the refusal of a
  // pre-parsed body that lost precision (a 500 by design: Tencent retries it).
  if (outcome.status === 500) {
    expect(
      h.seen.errors.map((e) => e.reason),
      String(outcome.reply.ErrorInfo),
    ).toEqual(["precision_lost"]);
    expect(holdsRoundedInteger(generated.request.body)).toBe(true);
  }
  expect(outcome.status).not.toBe(504);
  if (predicted) {
    expect(predicted.statuses, `${h.name}: ${String(outcome.reply.ErrorInfo)}`).toContain(outcome.status);
    if (predicted.reason) expect(h.seen.errors.map((e) => e.reason)).toEqual([predicted.reason]);
    if (outcome.status === 400 && !predicted.reason && h.seen.invalid === 0) {
      expect(["command_missing", "command_mismatch", "schema_invalid", "unknown_command"]).toContain(h.seen.errors[0]!.reason);
    }
  }
  return outcome;
}

// ---------------------------------------------------------------------------------------------
// Generators
// ---------------------------------------------------------------------------------------------

const VALID_SIGN = computeSignature(TOKEN, String(NOW_S));
const hexCase = fc.constantFrom<(s: string) => string>(
  (s) => s,
  (s) => s.toUpperCase(),
  (s) => s.replace(/[a-f]/g, (c, i: number) => (i % 2 ? c.toUpperCase() : c)),
);

/** Content types with a known verdict, and header key spellings. */
interface ContentTypeCase {
  value: string | string[] | undefined;
  ok: boolean | undefined;
}
const contentTypeArb: fc.Arbitrary<ContentTypeCase> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom<ContentTypeCase>({ value: "application/json", ok: true }, { value: undefined, ok: true }) },
  fc.constantFrom<ContentTypeCase>(
    { value: undefined, ok: true },
    { value: "application/json", ok: true },
    { value: "application/json", ok: true },
    { value: "application/json", ok: true },
    { value: "", ok: true },
    { value: "application/json", ok: true },
    { value: "application/json; charset=utf-8", ok: true },
    { value: "APPLICATION/JSON;CHARSET=UTF8", ok: true },
    { value: 'application/json; charset="utf-8"', ok: true },
    { value: "text/json", ok: true },
    { value: "application/vnd.tencent+json", ok: true },
    { value: ["application/json"], ok: true },
    { value: "application/json; charset=latin1", ok: false },
    { value: "application/json; charset=utf-16", ok: false },
    { value: "text/plain", ok: false },
    { value: "application/x-www-form-urlencoded", ok: false },
    { value: "multipart/form-data; boundary=x", ok: false },
    { value: "application/jsonp", ok: false },
    { value: "json", ok: false },
    { value: ["application/json", "application/json"], ok: false },
  ),
  fc.string({ maxLength: 40 }).map((value): ContentTypeCase => ({ value, ok: undefined })),
);

function headersWith(contentType: string | string[] | undefined, key: string, others: Record<string, string>, asHeaders: boolean): WebhookRequest["headers"] {
  if (asHeaders && !Array.isArray(contentType)) {
    const headers = new Headers();
    if (contentType !== undefined) headers.set("content-type", contentType);
    return headers;
  }
  const record: Record<string, string | string[] | number | undefined> = { ...others };
  record[key] = contentType;
  return record;
}

const headersArb = fc
  .record({
    contentType: contentTypeArb,
    key: fc.constantFrom("content-type", "Content-Type", "CONTENT-TYPE", "cOnTeNt-TyPe"),
    others: fc.dictionary(
      fc
        .oneof(fc.constantFrom("__proto__", "constructor", "x-forwarded-for", "content-length", "host"), fc.string({ maxLength: 10 }))
        .filter((k) => k.toLowerCase() !== "content-type"),
      fc.string({ maxLength: 20 }),
      { maxKeys: 4 },
    ),
    asHeaders: fc.boolean(),
  })
  .map(({ contentType, key, others, asHeaders }) => {
    // A Headers object only takes a printable Content-Type; others go as a record.
    const printable = contentType.value === undefined || (typeof contentType.value === "string" && /^[\x20-\x7e]*$/.test(contentType.value));
    return { headers: headersWith(contentType.value, key, others, asHeaders && printable), ok: contentType.ok };
  });

const methodArb = fc.oneof(
  { weight: 8, arbitrary: fc.constantFrom("POST", "POST", "POST", "post", "Post") },
  { weight: 1, arbitrary: fc.constantFrom("GET", "PUT", "DELETE", "HEAD", "OPTIONS", "PATCH", "", " POST", "POST ", "POST\u0000") },
  { weight: 1, arbitrary: fc.string({ maxLength: 8 }) },
);

const KNOWN_KEYS = ["SdkAppid", "CallbackCommand", "contenttype", "ClientIP", "OptPlatform", "Sign", "RequestTime"];
const valuePool = fc.oneof(
  fc.constantFrom(
    APP_ID,
    `0${APP_ID}`,
    ` ${APP_ID}`,
    `+${APP_ID}`,
    "1400000001",
    VALID_SIGN,
    VALID_SIGN.toUpperCase(),
    String(NOW_S),
    String(NOW_S + 61),
    "json",
    "IOS",
  ),
  fc.constantFrom(...COMMANDS),
  fc.string({ maxLength: 12 }),
  fc.string({ unit: "binary", maxLength: 8 }),
);

const randomPairArb: fc.Arbitrary<QueryPair> = fc.record({
  key: fc.oneof(fc.constantFrom(...KNOWN_KEYS).chain(caseVariants), fc.constantFrom("__proto__", "constructor", "", "sdkappid "), fc.string({ maxLength: 8 })),
  value: fc.option(valuePool, { freq: 10 }),
  keyEncoding: encoding,
  valueEncoding: encoding,
});

function knownPairArb(key: string, value: fc.Arbitrary<string>): fc.Arbitrary<QueryPair> {
  return fc.record({ key: caseVariants(key), value, keyEncoding: encoding, valueEncoding: encoding });
}

/** Sign and RequestTime for a time near now (inside or just outside the window), sometimes mismatched. */
const signaturePairsArb: fc.Arbitrary<QueryPair[]> = fc
  .tuple(fc.integer({ min: -90, max: 90 }), fc.boolean(), hexCase, caseVariants("Sign"), caseVariants("RequestTime"), encoding, encoding)
  .map(([offset, matching, signCase, signKey, timeKey, e1, e2]) => {
    const requestTime = String(NOW_S + offset);
    const sign = signCase(computeSignature(TOKEN, matching ? requestTime : String(NOW_S + offset + 1)));
    return [
      { key: signKey, value: sign, keyEncoding: e1, valueEncoding: e2 },
      { key: timeKey, value: requestTime, keyEncoding: e2, valueEncoding: e1 },
    ];
  });

/** Arbitrary query strings: known keys in any case, duplicated, missing, any value, any encoding, any order. */
const arbitraryQueryArb = fc
  .oneof(
    {
      weight: 1,
      arbitrary: fc
        .tuple(fc.array(randomPairArb, { maxLength: 12 }), fc.array(fc.constantFrom("&", "&", "&&", "&=&"), { maxLength: 12 }))
        .map(([pairs, separators]) => renderQuery(pairs, separators)),
    },
    {
      weight: 4,
      arbitrary: fc
        .tuple(
          fc.option(knownPairArb("SdkAppid", fc.oneof({ weight: 6, arbitrary: fc.constant(APP_ID) }, { weight: 1, arbitrary: valuePool })), { freq: 10 }),
          fc.option(knownPairArb("CallbackCommand", fc.oneof(fc.constantFrom(...COMMANDS), valuePool)), { freq: 3 }),
          fc.option(signaturePairsArb, { freq: 6 }),
          fc.array(randomPairArb, { maxLength: 4 }),
        )
        .chain(([appId, command, signature, others]) => {
          const pairs = [appId, command, ...(signature ?? []), ...others].filter((pair): pair is QueryPair => pair !== null);
          return fc.shuffledSubarray(pairs, { minLength: pairs.length, maxLength: pairs.length });
        })
        .map((pairs) => renderQuery(pairs)),
    },
  )
  .chain((query) =>
    fc.constantFrom(`${CALLBACK_PATH}?`, `${CALLBACK_PATH}?`, "?", "http://127.0.0.1/cb?", "/cb??", "", "/cb?&").map((prefix) => prefix + query),
  );

/** Bodies of every kind: random bytes and text, JSON (valid, mutated, hostile), pre-parsed objects. */
function bodyArb(sample: fc.Arbitrary<string>): fc.Arbitrary<WebhookRequest["body"]> {
  const json = jsonText({ hostileKeys: true });
  return fc.oneof(
    { weight: 12, arbitrary: sample },
    mutatedText(sample),
    json.object,
    json.value,
    mutatedText(json.object),
    fc.uint8Array({ maxLength: 64 }),
    fc.string({ unit: "binary", maxLength: 64 }),
    sample.map((text) => `\ufeff${text}`),
    sample.map((text) => new TextEncoder().encode(text)),
    sample.map((text) => {
      const bytes = new TextEncoder().encode(text);
      bytes[Math.floor(bytes.length / 2)] = 0xff; // not UTF-8
      return bytes;
    }),
    sample.map((text) => text.padEnd(SMALL_LIMIT + 1, " ")),
    fc.constantFrom<WebhookRequest["body"]>(undefined, null, "", "null", "[]", "{}", "0", '"x"'),
    fc
      .integer({ min: 1, max: 4000 })
      .chain((depth) =>
        fc
          .tuple(sample, fc.constantFrom(["[", "]"], ['{"a":', "}"], ['{"constructor":', "}"], ['{"\\u005f_proto__":', "}"]))
          .map(([text, [open, close]]) => text.replace(/^\s*\{/, `{"deep":${open.repeat(depth)}1${close.repeat(depth)},`)),
      ),
    fc
      .integer({ min: 1, max: 3000 })
      .chain((keys) => sample.map((text) => text.replace(/^\s*\{/, `{${Array.from({ length: keys }, (_, i) => `"k${i}":${i}`).join(",")},`))),
    sample.map((text) => oracleParse(text) as object),
    json.object.map((text) => JSON.parse(text) as object),
    fc.constantFrom<WebhookRequest["body"]>(
      (() => {
        const cyclic: Record<string, unknown> = { CallbackCommand: "Room.CallbackAfterDestroyRoom" };
        cyclic.self = cyclic;
        return cyclic;
      })(),
      { big: 10n } as object,
      [1, 2, 3],
      5 as never,
      true as never,
    ),
  );
}

const sampleArb = fc.constantFrom(...COMMANDS).map((command) => registry.get(command)!.sample);

const arbitraryRequestArb: fc.Arbitrary<Generated> = fc
  .record({ method: methodArb, url: arbitraryQueryArb, headers: headersArb, body: bodyArb(sampleArb) })
  .map(({ method, url, headers, body }) => ({ request: { method, url, headers: headers.headers, body }, contentTypeOk: headers.ok }));

// ----- valid callbacks, with random extra fields -----

/** Every property name a schema mentions, at any depth: extra fields must not collide with them. */
function schemaNames(schema: unknown, into = new Set<string>()): Set<string> {
  if (schema && typeof schema === "object") {
    for (const [key, value] of Object.entries(schema)) {
      if (key === "properties" && value && typeof value === "object") for (const name of Object.keys(value)) into.add(name);
      schemaNames(value, into);
    }
  }
  return into;
}
const RESERVED = new Set(["__proto__", "constructor", ...COMMANDS.flatMap((c) => [...schemaNames(registry.get(c)!.schema)])]);

const extraFieldArb = fc.tuple(
  fc
    .oneof(
      fc.string({ maxLength: 10 }),
      fc.string({ unit: "binary", maxLength: 6 }),
      fc.constantFrom("x", "toString", "hasOwnProperty", "valueOf", "prototype"),
    )
    .filter((key) => !RESERVED.has(key)),
  jsonText({ maxDepth: 2 }).value.filter((text) => !hasForbiddenKey(oracleParse(text))),
);

/** JSON text of a lossless-json tree: numbers exactly as they were written. */
function writeJson(value: unknown, indent: string, depth = 1): string {
  const nl = indent === "" ? "" : `\n${indent.repeat(depth)}`;
  const end = indent === "" ? "" : `\n${indent.repeat(depth - 1)}`;
  if (isLosslessNumber(value)) return value.value;
  if (value === null || typeof value !== "object") return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map((item) => nl + writeJson(item, indent, depth + 1)).join(",")}${value.length ? end : ""}]`;
  const entries = Object.keys(value).map((key) => `${nl}${JSON.stringify(key)}:${writeJson((value as Record<string, unknown>)[key], indent, depth + 1)}`);
  return `{${entries.join(",")}${entries.length ? end : ""}}`;
}

/** The sample of `command` with extra fields added at random objects (numbers kept exact via lossless-json). */
function payloadWithExtras(command: KnownCommand) {
  return fc.tuple(fc.array(fc.tuple(fc.nat(), extraFieldArb), { maxLength: 4 }), fc.constantFrom(0, 0, 2, "\t")).map(([extras, indent]) => {
    const tree = losslessParse(registry.get(command)!.sample) as Record<string, unknown>;
    const objects: Record<string, unknown>[] = [];
    const collect = (node: unknown) => {
      if (node === null || typeof node !== "object") return;
      if (!Array.isArray(node)) objects.push(node as Record<string, unknown>);
      for (const value of Object.values(node)) collect(value);
    };
    collect(tree);
    const top: Record<string, string> = {};
    for (const [at, [key, valueText]] of extras) {
      const target = objects[at % objects.length]!;
      if (Object.hasOwn(target, key)) continue;
      target[key] = losslessParse(valueText, null, { onDuplicateKey: ({ newValue }) => newValue });
      if (target === tree) top[key] = valueText;
    }
    return { text: writeJson(tree, indent === 0 ? "" : typeof indent === "number" ? " ".repeat(indent) : indent), top };
  });
}

/** The CallbackCommand at the top of a command's sample, if it has one. */
function sampleCommand(command: KnownCommand): unknown {
  return (oracleParse(registry.get(command)!.sample) as Record<string, unknown>).CallbackCommand;
}

/** Whether the sample's top level names its command (else only the query can). */
function bodyNamesItself(command: KnownCommand): boolean {
  return typeof sampleCommand(command) === "string";
}

type Role = "appid" | "command" | "sign" | "time" | "other";
interface RolePair extends QueryPair {
  role: Role;
}

const safeEncoding = fc.constantFrom<Encoding>("raw", "component", "all");

interface ValidSpec {
  command: KnownCommand;
  top: Record<string, string>;
  pairs: RolePair[];
  requestTime: string;
  body: string | Uint8Array;
  headers: WebhookRequest["headers"];
  method: string;
}

/** A callback Tencent could send: signed (RequestTime within 60 s), any key case and encoding, any order. */
const validSpecArb: fc.Arbitrary<ValidSpec> = fc
  .constantFrom(...COMMANDS)
  .chain((command) =>
    fc.record({
      command: fc.constant(command),
      payload: payloadWithExtras(command),
      appIdKey: caseVariants("SdkAppid"),
      appIdTwice: fc.boolean(),
      // The body may leave CallbackCommand to the query (Push.* name it per event only): then it is in the query.
      commandInQuery: bodyNamesItself(command) ? fc.constantFrom(true, true, false) : fc.constant(true),
      commandKey: caseVariants("CallbackCommand"),
      offset: fc.integer({ min: -60, max: 60 }),
      signCase: hexCase,
      signKey: caseVariants("Sign"),
      timeKey: caseVariants("RequestTime"),
      platform: fc.constantFrom("RESTAPI", "Web", "Android", "iOS", "IOS", "Windows", "Mac", "iPad", "Unknown", "something-new"),
      unknownParams: fc.array(fc.tuple(fc.string({ maxLength: 8 }), fc.string({ maxLength: 8 })), { maxLength: 3 }),
      encodings: fc.array(fc.tuple(safeEncoding, safeEncoding), { minLength: 16, maxLength: 16 }),
      order: fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 16, maxLength: 16 }),
      bodyForm: fc.constantFrom("string", "bytes", "bom-string", "bom-bytes"),
      contentType: fc.constantFrom(undefined, "application/json", "application/json; charset=utf-8", "Application/JSON;charset=UTF-8", "text/json"),
      method: fc.constantFrom("POST", "post"),
    }),
  )
  .map((g) => {
    const requestTime = String(NOW_S + g.offset);
    const sign = g.signCase(computeSignature(TOKEN, requestTime));
    const pairs: Omit<RolePair, "keyEncoding" | "valueEncoding">[] = [
      { role: "appid", key: g.appIdKey, value: APP_ID },
      ...(g.appIdTwice ? [{ role: "appid" as const, key: "sdkappid", value: APP_ID }] : []),
      ...(g.commandInQuery ? [{ role: "command" as const, key: g.commandKey, value: g.command }] : []),
      { role: "other", key: "contenttype", value: "json" },
      { role: "other", key: "ClientIP", value: "203.0.113.7" },
      { role: "other", key: "OptPlatform", value: g.platform },
      { role: "sign", key: g.signKey, value: sign },
      { role: "time", key: g.timeKey, value: requestTime },
      ...g.unknownParams
        .filter(([key]) => !KNOWN_KEYS.some((known) => known.toLowerCase() === key.toLowerCase()))
        .map(([key, value]) => ({ role: "other" as const, key, value })),
    ];
    const encoded = pairs.map((pair, i) => {
      const [keyEncoding, valueEncoding] = g.encodings[i % g.encodings.length]!;
      // Raw text only where it cannot change meaning.
      const safe = (s: string): boolean => /^[\w.-]*$/.test(s);
      return {
        ...pair,
        keyEncoding: safe(pair.key) ? keyEncoding : "component",
        valueEncoding: pair.value !== null && safe(pair.value) ? valueEncoding : "component",
      } as RolePair;
    });
    const ordered = encoded
      .map((pair, i) => [g.order[i % g.order.length]! + i * 1e-9, pair] as const)
      .sort((a, b) => a[0] - b[0])
      .map(([, pair]) => pair);
    const text = g.bodyForm.startsWith("bom") ? `\ufeff${g.payload.text}` : g.payload.text;
    const body = g.bodyForm.endsWith("bytes") ? new TextEncoder().encode(text) : text;
    const headers: Record<string, string> = g.contentType === undefined ? {} : { "Content-Type": g.contentType };
    return { command: g.command, top: g.payload.top, pairs: ordered, requestTime, body, headers, method: g.method };
  });

function requestOf(spec: Pick<ValidSpec, "pairs" | "body" | "headers" | "method">): WebhookRequest {
  return { method: spec.method, url: `${CALLBACK_PATH}?${renderQuery(spec.pairs)}`, headers: spec.headers, body: spec.body };
}

// ----- corruptions: exactly one security element wrong -----

type Corruption = { kind: "appid" | "sign" | "time"; reason: RejectionReason; apply: (pairs: RolePair[]) => RolePair[] };

const replaceRole =
  (role: Role, value: string | null, valueEncoding: Encoding = "component") =>
  (pairs: RolePair[]) =>
    pairs.map((pair) => (pair.role === role ? { ...pair, value, valueEncoding } : pair));
const dropRole = (role: Role) => (pairs: RolePair[]) => pairs.filter((pair) => pair.role !== role);
const addPair = (pair: RolePair) => (pairs: RolePair[]) => [...pairs, pair];

const wrongAppId = fc.constantFrom(
  "1400000001",
  `0${APP_ID}`,
  `00${APP_ID}`,
  ` ${APP_ID}`,
  `${APP_ID} `,
  `+${APP_ID}`,
  `${APP_ID}.0`,
  "1.4e9",
  `${APP_ID}\u0000`,
  "１４００００００００",
  "140000000",
  "14000000000",
  "-1400000000",
  "0x53724E00",
);

function corruptionArb(spec: ValidSpec): fc.Arbitrary<Corruption> {
  const signPair = spec.pairs.find((pair) => pair.role === "sign")!;
  const goodSign = signPair.value!.toLowerCase();
  return fc.oneof(
    wrongAppId.map((value): Corruption => ({ kind: "appid", reason: "sdk_app_id_mismatch", apply: replaceRole("appid", value) })),
    fc.constantFrom<Corruption>(
      { kind: "appid", reason: "sdk_app_id_missing", apply: dropRole("appid") },
      { kind: "appid", reason: "sdk_app_id_missing", apply: replaceRole("appid", "") },
      { kind: "appid", reason: "sdk_app_id_missing", apply: replaceRole("appid", null) },
      {
        kind: "appid",
        reason: "sdk_app_id_mismatch",
        apply: addPair({ role: "other", key: "SDKAPPID", value: "1400000001", keyEncoding: "raw", valueEncoding: "raw" }),
      },
      { kind: "sign", reason: "signature_missing", apply: dropRole("sign") },
      { kind: "sign", reason: "signature_missing", apply: replaceRole("sign", "") },
      { kind: "time", reason: "signature_missing", apply: dropRole("time") },
      { kind: "sign", reason: "signature_invalid", apply: replaceRole("sign", computeSignature("wrong-token", spec.requestTime)) },
      { kind: "sign", reason: "signature_invalid", apply: replaceRole("sign", computeSignature(TOKEN, Number(spec.requestTime) + 1)) },
      { kind: "sign", reason: "signature_invalid", apply: replaceRole("sign", goodSign.slice(0, -1)) },
      { kind: "sign", reason: "signature_invalid", apply: replaceRole("sign", `${goodSign}0`) },
      { kind: "sign", reason: "signature_invalid", apply: replaceRole("sign", `${goodSign} `) },
      { kind: "sign", reason: "signature_invalid", apply: replaceRole("sign", "z".repeat(64)) },
      { kind: "sign", reason: "signature_invalid", apply: replaceRole("sign", "\u0130".repeat(64)) },
      { kind: "sign", reason: "signature_invalid", apply: replaceRole("sign", computeSignature(TOKEN, spec.requestTime).slice(0, 32)) },
      {
        kind: "sign",
        reason: "signature_invalid",
        apply: addPair({ role: "other", key: "sign", value: "0".repeat(64), keyEncoding: "raw", valueEncoding: "raw" }),
      },
      {
        kind: "time",
        reason: "signature_invalid",
        apply: addPair({ role: "other", key: "REQUESTTIME", value: String(NOW_S - 1000), keyEncoding: "raw", valueEncoding: "raw" }),
      },
    ),
    // One hex digit changed (case-insensitively different).
    fc
      .tuple(fc.nat({ max: 63 }), fc.constantFrom(..."0123456789abcdef"))
      .filter(([at, digit]) => goodSign[at] !== digit)
      .map(
        ([at, digit]): Corruption => ({
          kind: "sign",
          reason: "signature_invalid",
          apply: replaceRole("sign", goodSign.slice(0, at) + digit + goodSign.slice(at + 1)),
        }),
      ),
    // Outside the 60 s window, past or future, correctly signed for that time.
    fc.integer({ min: 61, max: 10_000_000 }).chain((seconds) =>
      fc.constantFrom(-1, 1).map((direction): Corruption => {
        const requestTime = String(NOW_S + direction * seconds);
        const sign = computeSignature(TOKEN, requestTime);
        return { kind: "time", reason: "signature_expired", apply: (pairs) => replaceRole("sign", sign)(replaceRole("time", requestTime)(pairs)) };
      }),
    ),
    // A RequestTime that is not a plain number, correctly signed for that very text.
    fc.constantFrom(`${NOW_S}.0`, ` ${NOW_S}`, `+${NOW_S}`, `-${NOW_S}`, "1.7e9", "abc", `${NOW_S}abc`, "0x6553F100", "9".repeat(16), "").map(
      (requestTime): Corruption => ({
        kind: "time",
        reason: requestTime === "" ? "signature_missing" : "signature_invalid",
        apply: (pairs) => replaceRole("sign", computeSignature(TOKEN, requestTime))(replaceRole("time", requestTime)(pairs)),
      }),
    ),
  );
}

/**
 * Which block() codes each reply kind may carry, from the pages (trtc.io/document/34364, 34374):
 * message callbacks 1 or [120001, 130000], group messages 1 or [10100, 10200], others any non-zero.
 */
function blockAllowed(kind: string, code: number): boolean {
  if (kind === "message") return code === 1 || (code >= 120001 && code <= 130000);
  if (kind === "groupMessage") return code === 1 || (code >= 10100 && code <= 10200);
  return code !== 0;
}

/** discard() (ErrorCode 2: dropped silently) exists for message callbacks only. */
function discardAllowed(kind: string): boolean {
  return kind === "message" || kind === "groupMessage";
}

// ---------------------------------------------------------------------------------------------
// Properties
// ---------------------------------------------------------------------------------------------

const SIGNED = HARNESSES[1]!;

describe("handle() under fuzzing (property)", { timeout: fuzzTimeout() }, () => {
  it("arbitrary requests: documented status, Tencent-shaped body, the model's outcome, nothing lost", async () => {
    const seen = countRequests();
    await fc.assert(
      fc.asyncProperty(harnessArb, arbitraryRequestArb, async (h, generated) => {
        await runAndCompare(h, generated);
      }),
      { numRuns: runs(3500), ...replay() },
    );
    seen.expectAtLeast(runs(3500), [200, 400, 401, 403, 405, 413, 415]);
  });

  it("hostile bodies behind a valid query: deep nesting, 3k keys, proto keys, big numbers, bytes", async () => {
    const seen = countRequests();
    const requestArb = fc
      .record({ command: fc.constantFrom(...COMMANDS), headers: headersArb, body: bodyArb(sampleArb) })
      .map(({ command, headers, body }): Generated => {
        const requestTime = String(NOW_S);
        const url = `${CALLBACK_PATH}?SdkAppid=${APP_ID}&CallbackCommand=${command}&Sign=${computeSignature(TOKEN, requestTime)}&RequestTime=${requestTime}`;
        return { request: { method: "POST", url, headers: headers.headers, body }, contentTypeOk: headers.ok };
      });
    await fc.assert(
      fc.asyncProperty(harnessArb, requestArb, async (h, generated) => {
        await runAndCompare(h, generated);
      }),
      { numRuns: runs(1500), ...replay() },
    );
    seen.expectAtLeast(runs(1500), [400, 413, 415]);
  });

  it("valid signed callbacks with random extra fields, key case, encoding and order: always 200, extras untouched", async () => {
    await fc.assert(
      fc.asyncProperty(validSpecArb, async (spec) => {
        const { status, reply } = await run(SIGNED, requestOf(spec));
        expect(status, String(reply.ErrorInfo)).toBe(200);
        expect(SIGNED.seen.on).toBe(1);
        expect(SIGNED.seen.command).toBe(spec.command);
        const payload = SIGNED.seen.payload!;
        expect(payload.CallbackCommand).toBe(sampleCommand(spec.command));
        for (const [key, valueText] of Object.entries(spec.top)) expect(payload[key]).toEqual(oracleParse(valueText));
      }),
      { numRuns: runs(2500), ...replay() },
    );
  });

  it("callbacks with exactly one wrong SdkAppid / Sign / RequestTime: never 200, the precise 403 or 401", async () => {
    const corruptedArb = validSpecArb.chain((spec) => corruptionArb(spec).map((corruption) => ({ spec, corruption })));
    await fc.assert(
      fc.asyncProperty(corruptedArb, async ({ spec, corruption }) => {
        const request = requestOf({ ...spec, pairs: corruption.apply(spec.pairs) });
        const { status } = await run(SIGNED, request);
        expect(status).toBe(corruption.kind === "appid" ? 403 : 401);
        expect(SIGNED.seen.errors.map((e) => e.reason)).toEqual([corruption.reason]);
        expect(SIGNED.seen.on + SIGNED.seen.any).toBe(0);
      }),
      { numRuns: runs(2500), ...replay() },
    );
  });

  it("handlers that throw, reject, hang, run late or return junk: 200 / 500 / 504 as documented, every failure reported, answered in time", async () => {
    type Behaviour = "ok" | "throw" | "reject" | "hang" | "late" | "late-reject" | "junk" | "block" | "discard";
    const behaviourArb = fc.constantFrom<Behaviour>("ok", "ok", "ok", "throw", "reject", "hang", "late", "late-reject", "junk", "block", "discard");
    const TIMEOUT = 15;
    const BLOCK_CODE = 4001;
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...COMMANDS),
        fc.array(behaviourArb, { minLength: 1, maxLength: 3 }),
        fc.array(behaviourArb, { minLength: 0, maxLength: 2 }),
        async (command, onBehaviours, anyBehaviours) => {
          const definition = registry.get(command)!;
          const decides = definition.kind === "before";
          const errors: WebhookErrorEvent[] = [];
          let calls = 0;
          const dispatcher = createDispatcher({ sdkAppId: APP_ID, handlerTimeoutMs: TIMEOUT, decisionTimeoutMs: TIMEOUT });
          const act = (behaviour: Behaviour) => (): unknown => {
            calls++;
            switch (behaviour) {
              case "ok":
                return undefined;
              case "throw":
                throw new Error("sync failure");
              case "reject":
                return Promise.reject(new Error("async failure"));
              case "hang":
                return new Promise(() => {});
              case "late":
                return new Promise((resolve) => setTimeout(resolve, TIMEOUT * 3));
              case "late-reject":
                return new Promise((_, reject) => setTimeout(reject, TIMEOUT * 3, new Error("late failure")));
              case "junk":
                return { allow: true }; // not a decision
              case "block":
                return block(BLOCK_CODE, "no");
              case "discard":
                return discard("dropped");
            }
          };
          for (const behaviour of onBehaviours) dispatcher.on(command, act(behaviour) as never);
          for (const behaviour of anyBehaviours) dispatcher.onAny(act(behaviour) as never);
          dispatcher.onError((error) => {
            errors.push(error);
          });
          requests++;
          const started = performance.now();
          const response = await dispatcher.handle({
            method: "POST",
            url: `${CALLBACK_PATH}?SdkAppid=${APP_ID}&CallbackCommand=${command}`,
            headers: { "content-type": "application/json" },
            body: definition.sample,
          });
          const elapsed = performance.now() - started;
          const reply = JSON.parse(response.body) as Record<string, unknown>;

          const all = [...onBehaviours, ...anyBehaviours];
          const slow = all.some((b) => b === "hang" || b === "late" || b === "late-reject");
          const failing = (b: Behaviour) => b === "throw" || b === "reject";
          const failures = all.filter(failing).length;
          expect(calls).toBe(all.length);
          expect(elapsed).toBeLessThan(TIMEOUT * 2 + 1000); // the handler timeout, then onError reports (also bounded by it)
          const hangs = all.includes("hang");
          const lateFailures = all.filter((b) => b === "late-reject").length;
          // An event loop stalled past the late handlers' end (a busy machine) makes "too late"
          // and "done" race: either answer is then true, and the dispatcher may give either.
          const lateDoneByAnswer = !hangs && elapsed >= TIMEOUT * 3;
          const ALLOWED = { ActionStatus: "OK", ErrorInfo: "", ErrorCode: 0 };

          // "before" callbacks: when the handlers fail or are late, the answer is what Tencent
          // does without a reply (the definition's onTimeout: messages go ahead, gifts and friends
          // do not) — a 200 allow, or the failure's own status. Decisions come from the command's
          // own handlers only, in registration order: nothing allows, the first block or discard
          // decides, and one the reply kind cannot carry (or junk) is a 500 decision_invalid.
          const failureAllows = decides && (definition.onTimeout ?? "block") === "allow";
          const decided = (): { status: number; reply: unknown; reason?: RejectionReason } => {
            if (!decides) return { status: 200, reply: ALLOWED };
            for (const b of onBehaviours) {
              if (b === "junk") return { status: 500, reply: expect.anything(), reason: "decision_invalid" };
              if (b === "block") {
                return blockAllowed(definition.reply ?? "plain", BLOCK_CODE)
                  ? { status: 200, reply: { ActionStatus: "OK", ErrorInfo: "no", ErrorCode: BLOCK_CODE } }
                  : { status: 500, reply: expect.anything(), reason: "decision_invalid" };
              }
              if (b === "discard") {
                return discardAllowed(definition.reply ?? "plain")
                  ? { status: 200, reply: { ActionStatus: "OK", ErrorInfo: "dropped", ErrorCode: 2 } }
                  : { status: 500, reply: expect.anything(), reason: "decision_invalid" };
              }
            }
            return { status: 200, reply: ALLOWED };
          };

          const timedOut = errors.some((e) => e.reason === "handler_timeout");
          if (!slow) expect(timedOut).toBe(false);
          if (slow && !lateDoneByAnswer) expect(timedOut).toBe(true);
          const failed = failures + (slow && !timedOut ? lateFailures : 0);
          if (timedOut) {
            expect(errors.filter((e) => e.reason === "handler_timeout")).toHaveLength(1);
            if (failureAllows) expect(reply).toEqual(ALLOWED);
            else expect(response.status).toBe(504);
          } else if (failed > 0) {
            if (!slow) expect(errors.map((e) => e.reason)).toEqual(Array(failures).fill("handler_failed"));
            if (failureAllows) expect(reply).toEqual(ALLOWED);
            else expect(response.status).toBe(500);
          } else {
            const expected = decided();
            expect(response.status, response.body).toBe(expected.status);
            if (expected.status === 200) expect(reply).toEqual(expected.reply);
            expect(errors.map((e) => e.reason)).toEqual(expected.reason ? [expected.reason] : []);
            if (expected.reason)
              expect(errors[0]!.message).toMatch(
                /handler (returned a decision Tencent would misread|must return allow\(\), block\(\), discard\(\) or nothing)/,
              );
          }
          if (response.status !== 200) expect(reply).toEqual({ ActionStatus: "FAIL", ErrorInfo: expect.any(String), ErrorCode: response.status });
          // Handlers are not cut off: a late rejection still reaches onError.
          if (all.includes("late-reject")) {
            await new Promise((resolve) => setTimeout(resolve, TIMEOUT * 3 + 20));
            expect(errors.filter((e) => e.reason === "handler_failed").length).toBe(failures + lateFailures);
          }
          expect(prototypeFingerprint()).toBe(FINGERPRINT);
        },
      ),
      { numRuns: runs(200), ...replay() },
    );
  });

  it("dispatch() with any value and meta (strings, objects, null prototypes, typed arrays, bigints, cycles): resolves to a Tencent-shaped answer", async () => {
    const seen = { any: 0, errors: 0 };
    const dispatcher = createDispatcher({ sdkAppId: APP_ID, token: TOKEN });
    dispatcher.onAny((event) => {
      seen.any++;
      naiveMerge({}, event.payload);
    });
    dispatcher.onError(() => {
      seen.errors++;
    });
    const cyclic: Record<string, unknown> = { CallbackCommand: "Room.CallbackAfterDestroyRoom", RoomId: "r", EventTime: 1 };
    cyclic.self = cyclic;
    const payloadArb = fc.oneof(
      fc.anything({
        withBigInt: true,
        withBoxedValues: true,
        withDate: true,
        withMap: true,
        withSet: true,
        withNullPrototype: true,
        withObjectString: true,
        withSparseArray: true,
        withTypedArray: true,
        withUnicodeString: true,
      }),
      sampleArb,
      sampleArb.map((text) => oracleParse(text)),
      sampleArb.map((text) => Object.assign(Object.create(null) as object, JSON.parse(text) as object)),
      jsonText({ hostileKeys: true }).object,
      fc.constant(cyclic),
    );
    const metaArb = fc.record(
      {
        sdkAppId: fc.oneof(fc.constant(APP_ID), fc.string()),
        command: fc.oneof(fc.constantFrom(...COMMANDS), fc.string()),
        clientIp: fc.string(),
        optPlatform: fc.string(),
        rawBody: fc.string(),
      },
      { requiredKeys: [] },
    );
    await fc.assert(
      fc.asyncProperty(payloadArb, fc.option(metaArb), async (payload, meta) => {
        seen.any = 0;
        seen.errors = 0;
        const response = await dispatcher.dispatch(payload, meta ?? undefined);
        expect(STATUSES.has(response.status)).toBe(true);
        const reply = JSON.parse(response.body) as Record<string, unknown>;
        expect(Object.keys(reply).sort()).toEqual(["ActionStatus", "ErrorCode", "ErrorInfo"]);
        expect(reply.ErrorCode === 0).toBe(response.status === 200);
        // The only 500: an object holding an integer beyond 2^53, which JSON.parse may have rounded.
        if (response.status === 500) expect(JSON.parse(response.body).ErrorInfo).toMatch(/64-bit integer at .* was rounded/);
        expect(seen.any + seen.errors).toBe(1); // handled, or reported: never neither
        expect(prototypeFingerprint()).toBe(FINGERPRINT);
      }),
      { numRuns: runs(500), ...replay() },
    );
  });

  it("runs at least 10,000 generated requests through handle() in all (each property checks its own share)", () => {
    const properties = [runs(3500), runs(1500), runs(2500), runs(2500), runs(200)];
    expect(properties.reduce((sum, n) => sum + n, 0)).toBeGreaterThanOrEqual(10_000);
  });
});
