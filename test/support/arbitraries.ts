/**
 * fast-check arbitraries and independent oracles for the fuzz suites: JSON *text* (raw number
 * tokens, so that 64-bit integers, exponents and leading zeros reach the parser as written),
 * hostile keys, query strings, and an oracle for what `parseJsonObject` must return.
 */
import fc from "fast-check";
import { isInteger, parse as losslessParse } from "lossless-json";

/**
 * Runs per property, scaled by FUZZ_SCALE (default 1: the sizes `npm test` runs). FUZZ_SCALE=20
 * fuzzes twenty times longer; FC_SEED=<seed> (with FC_PATH) replays a failure fast-check reported.
 */
export function runs(base: number): number {
  const scale = Number(process.env.FUZZ_SCALE ?? 1);
  return Math.max(1, Math.round(base * (Number.isFinite(scale) && scale > 0 ? scale : 1)));
}

/** A test timeout for a property run at FUZZ_SCALE: 60 s per unit of scale. */
export function fuzzTimeout(): number {
  return runs(60_000);
}

/** fast-check parameters from the environment, for replaying a reported failure. */
export function replay(): { seed?: number; path?: string } {
  const seed = process.env.FC_SEED === undefined ? undefined : Number(process.env.FC_SEED);
  return {
    ...(seed === undefined || !Number.isFinite(seed) ? {} : { seed }),
    ...(process.env.FC_PATH === undefined ? {} : { path: process.env.FC_PATH }),
  };
}

// ---------------------------------------------------------------------------------------------
// Oracle
// ---------------------------------------------------------------------------------------------

/**
 * The body contract (DESIGN.md): an integer literal that is not a safe JS integer is kept as its
 * exact decimal string; every other number is what `Number()` (= JSON.parse) makes of it; the
 * last of duplicate keys wins, as in JSON.parse. lossless-json is an independent parser.
 */
export function oracleParse(text: string): unknown {
  return losslessParse(text, null, {
    parseNumber: (token) => (isInteger(token) && !Number.isSafeInteger(Number(token)) ? token : Number(token)),
    onDuplicateKey: ({ newValue }) => newValue,
  });
}

/** What `parseJsonObject(text)` must do, decided without it: a refusal reason, or the payload. */
export const BODY_MESSAGES = {
  notJson: "Body is not valid JSON",
  forbidden: "Body contains a forbidden key (__proto__ or constructor.prototype)",
  notObject: "Body must be a JSON object",
} as const;

export function bodyOracle(text: string): { reason: "invalid_json" | "invalid_body"; message: string } | { value: Record<string, unknown> } {
  // A leading BOM is ignored (RFC 8259 §8.1 allows it; TextDecoder strips one from bytes anyway).
  const stripped = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  let native: unknown;
  try {
    native = JSON.parse(stripped);
  } catch {
    return { reason: "invalid_json", message: BODY_MESSAGES.notJson };
  }
  if (native === null || typeof native !== "object") return { reason: "invalid_body", message: BODY_MESSAGES.notObject };
  let value: unknown;
  try {
    value = oracleParse(stripped);
  } catch (error) {
    // lossless-json recurses: thousands of levels overflow its stack, not V8's iterative JSON.parse.
    // The refusals are then decided on JSON.parse's value (only its big integers differ).
    if (!(error instanceof RangeError)) throw error;
    value = native;
  }
  if (hasForbiddenKey(value)) return { reason: "invalid_json", message: BODY_MESSAGES.forbidden };
  if (!isPlainObjectValue(value)) return { reason: "invalid_body", message: BODY_MESSAGES.notObject };
  return { value };
}

/** What secure-json-parse refuses: an own `__proto__` key, or `constructor` holding an object with an own `prototype`. */
export function hasForbiddenKey(value: unknown): boolean {
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const node = stack.pop();
    if (node === null || typeof node !== "object") continue;
    if (Object.hasOwn(node, "__proto__")) return true;
    const ctor = (node as Record<string, unknown>).constructor;
    if (Object.hasOwn(node, "constructor") && ctor !== null && typeof ctor === "object" && Object.hasOwn(ctor, "prototype")) {
      return true;
    }
    for (const key of Object.keys(node)) stack.push((node as Record<string, unknown>)[key]);
  }
  return false;
}

export function isPlainObjectValue(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

/**
 * What careless user code does with a payload: a recursive merge that walks into whatever the
 * target already has under a key, `__proto__` and `constructor` included. Run on a payload with
 * an own `__proto__` key (what plain JSON.parse makes of one) it pollutes Object.prototype, so a
 * fuzz run that lets such a key through fails the prototype check. Other inherited names
 * (`hasOwnProperty`, `toString`) are shadowed, not walked into: a merge into a built-in method
 * throws on its read-only `name` (the handler then fails for a reason that is not the package's)
 * or quietly mutates it. Depth-capped: deep nesting is the parser's problem, not this helper's.
 */
export function naiveMerge(target: Record<string, unknown>, source: unknown, depth = 0): void {
  if (depth > 64 || source === null || typeof source !== "object") return;
  for (const key of Object.keys(source)) {
    const value = (source as Record<string, unknown>)[key];
    if (value !== null && typeof value === "object") {
      let into = Object.hasOwn(target, key) || key === "__proto__" || key === "constructor" ? target[key] : undefined;
      if (into === null || (typeof into !== "object" && typeof into !== "function")) {
        into = {};
        target[key] = into;
      }
      naiveMerge(into as Record<string, unknown>, value, depth + 1);
    } else {
      target[key] = value;
    }
  }
}

/** A fingerprint of the built-in prototypes a polluted parse would change. */
export function prototypeFingerprint(): string {
  const describe = (proto: object) =>
    Object.getOwnPropertyNames(proto)
      .sort()
      .map((name) => {
        const descriptor = Object.getOwnPropertyDescriptor(proto, name)!;
        return `${name}:${typeof descriptor.value}`;
      })
      .join(",");
  return [describe(Object.prototype), describe(Array.prototype), describe(Function.prototype)].join("|");
}

// ---------------------------------------------------------------------------------------------
// JSON text
// ---------------------------------------------------------------------------------------------

/** JSON whitespace only (RFC 8259): space, tab, LF, CR. */
export const jsonWhitespace = fc.constantFrom("", "", "", " ", "\n", "\t", "\r\n", "  \n\t");

/** 16–30 digit integers, no leading zero: almost all beyond 2^53. */
export const bigIntegerToken = fc
  .tuple(fc.boolean(), fc.integer({ min: 1, max: 9 }), fc.stringMatching(/^\d{15,29}$/))
  .map(([negative, lead, rest]) => `${negative ? "-" : ""}${lead}${rest}`);

/** Around the 2^53 boundary, Tencent's own 64-bit ID, and shapes that look like integers but are not. */
export const edgeNumberToken = fc.constantFrom(
  "9007199254740991",
  "9007199254740992",
  "9007199254740993",
  "-9007199254740991",
  "-9007199254740992",
  "-9007199254740993",
  "144115216631667826",
  "18446744073709551615",
  "-9223372036854775808",
  "1000000000000000",
  "10000000000000000",
  "0",
  "-0",
  "1e400",
  "-1e400",
  "1e-400",
  "12345678901234567890.0",
  "12345678901234567890.5",
  "1234567890123456789e2",
  "1234567890123456789E-2",
  "1E+16",
  "9007199254740993e0",
  "0.12345678901234567890",
  "-0.00000000000000000001",
  "123456789012345678901234567890e-10",
);

/** Any JSON number token: safe integers, doubles as JSON writes them, big integers with or without a fraction/exponent. */
export const numberToken: fc.Arbitrary<string> = fc.oneof(
  fc.maxSafeInteger().map(String),
  fc.double({ noNaN: true, noDefaultInfinity: true }).map((n) => JSON.stringify(n)),
  bigIntegerToken,
  edgeNumberToken,
  fc
    .tuple(
      bigIntegerToken,
      fc.option(fc.stringMatching(/^\d{1,5}$/)),
      fc.option(fc.tuple(fc.constantFrom("e", "E"), fc.constantFrom("", "+", "-"), fc.integer({ min: 0, max: 400 }))),
    )
    .map(([int, fraction, exponent]) => `${int}${fraction === null ? "" : `.${fraction}`}${exponent === null ? "" : exponent.join("")}`),
);

const hex4 = (code: number) => `\\u${code.toString(16).padStart(4, "0")}`;

/** Strings as JSON tokens: any code units (lone surrogates escaped), fully \u-escaped, or holding digit runs that look like values. */
export const stringToken: fc.Arbitrary<string> = fc.oneof(
  fc.string({ unit: "binary", maxLength: 12 }).map((s) => JSON.stringify(s)),
  fc.string({ unit: "grapheme", maxLength: 8 }).map((s) => JSON.stringify(s)),
  fc.string({ maxLength: 6 }).map((s) => `"${[...s].map((c) => hex4(c.charCodeAt(0))).join("")}"`),
  // A digit run in "value position" inside a string: the fast big-integer path must not touch it.
  fc
    .tuple(fc.constantFrom("", ",", ":", "[", " ", '\\"', '\\",', "\\\\,"), bigIntegerToken, fc.constantFrom("", ",", "]", "}", " ", '\\"'))
    .map(([before, digits, after]) => `"${before}${digits}${after}"`),
);

const plainKeys = fc.constantFrom('"a"', '"a"', '"id"', '"RoomId"', '"CallbackCommand"', '"prototype"', '""', '"\\u0061"');
/** Keys that secure-json-parse must refuse or watch: `__proto__` (also escaped) and `constructor`. */
export const hostileKey = fc.constantFrom(
  '"__proto__"',
  '"\\u005f_proto__"',
  '"\\u005F\\u005Fproto__"',
  '"__pr\\u006fto__"',
  '"constructor"',
  '"\\u0063onstructor"',
  '"prototype"',
);

export interface JsonTextOptions {
  /** Include `__proto__` / `constructor` keys. */
  hostileKeys?: boolean;
  maxDepth?: number;
}

/** JSON texts (always valid JSON) built token by token. */
export function jsonText({ hostileKeys = false, maxDepth = 4 }: JsonTextOptions = {}) {
  const key = hostileKeys ? fc.oneof(stringToken, plainKeys, hostileKey) : fc.oneof(stringToken, plainKeys);
  const leaf = fc.oneof(numberToken, numberToken, stringToken, fc.constantFrom("true", "false", "null"));
  const tree = fc.letrec<{ value: string; array: string; object: string }>((tie) => ({
    value: fc.oneof({ depthSize: "small", maxDepth, withCrossShrink: true }, leaf, tie("array"), tie("object")),
    array: fc
      .array(fc.tuple(jsonWhitespace, tie("value"), jsonWhitespace), { maxLength: 5 })
      .map((items) => `[${items.map(([a, value, b]) => a + value + b).join(",")}]`),
    object: fc
      .array(fc.tuple(jsonWhitespace, key, jsonWhitespace, jsonWhitespace, tie("value"), jsonWhitespace), { maxLength: 5 })
      .map((entries) => `{${entries.map(([a, k, b, c, value, d]) => `${a}${k}${b}:${c}${value}${d}`).join(",")}}`),
  }));
  return {
    value: fc.tuple(jsonWhitespace, tree.value, jsonWhitespace).map(([a, v, b]) => a + v + b),
    object: fc.tuple(jsonWhitespace, tree.object, jsonWhitespace).map(([a, v, b]) => a + v + b),
  };
}

/** Characters whose insertion breaks (or, worse, might "fix") JSON around numbers and strings. */
const mutationChars = fc.constantFrom(
  "0",
  "00",
  "-",
  "+",
  ".",
  "e",
  '"',
  "\\",
  ",",
  ":",
  "[",
  "]",
  "{",
  "}",
  " ",
  "\u00a0",
  "\ufeff",
  "\u2028",
  "\v",
  "1",
  "9",
  "\x00",
  "\n",
);

/** A text with a few random insertions, deletions and replacements: usually invalid JSON. */
export function mutatedText(base: fc.Arbitrary<string>) {
  return fc
    .tuple(base, fc.array(fc.tuple(fc.nat(), fc.constantFrom("insert", "delete", "replace"), mutationChars), { minLength: 1, maxLength: 4 }))
    .map(([text, edits]) => {
      let out = text;
      for (const [at, kind, chars] of edits) {
        const i = out.length === 0 ? 0 : at % (out.length + 1);
        if (kind === "insert") out = out.slice(0, i) + chars + out.slice(i);
        else if (kind === "delete") out = out.slice(0, i) + out.slice(i + 1);
        else out = out.slice(0, i) + chars + out.slice(i + 1);
      }
      return out;
    });
}

/** `0` put in front of every big integer: invalid JSON that quoting must not turn into a valid string. */
export const leadingZeroText = fc
  .tuple(
    fc.constantFrom("", "-"),
    fc.constantFrom("0", "00", "000000"),
    bigIntegerToken.map((t) => t.replace(/^-/, "")),
    jsonWhitespace,
  )
  .map(([sign, zeros, digits, ws]) => `{"a":${ws}${sign}${zeros}${digits}${ws}}`);

// ---------------------------------------------------------------------------------------------
// Query strings
// ---------------------------------------------------------------------------------------------

/** Every byte as `%XX` (lone surrogates become U+FFFD first, as any client would send them). */
export function percentEncodeAll(text: string): string {
  return [...new TextEncoder().encode(text)].map((byte) => `%${byte.toString(16).toUpperCase().padStart(2, "0")}`).join("");
}

/** encodeURIComponent without its URIError on lone surrogates. */
export function encodeComponent(text: string): string {
  return encodeURIComponent(text.replace(/[\ud800-\udfff]/g, "\ufffd"));
}

export type Encoding = "raw" | "component" | "all";

export function encodeAs(text: string, encoding: Encoding): string {
  if (encoding === "component") return encodeComponent(text);
  if (encoding === "all") return percentEncodeAll(text);
  return text;
}

export const encoding = fc.constantFrom<Encoding>("raw", "raw", "component", "all");

/** Every spelling a case-insensitive reader must treat as the same key. */
export function caseVariants(name: string): fc.Arbitrary<string> {
  return fc.constantFrom(
    name,
    name.toLowerCase(),
    name.toUpperCase(),
    name.replace(/id$/i, "Id"),
    name.replace(/^./, (c) => c.toLowerCase()),
  );
}

export interface QueryPair {
  key: string;
  value: string | null;
  keyEncoding: Encoding;
  valueEncoding: Encoding;
}

export function renderQuery(pairs: readonly QueryPair[], separators: readonly string[] = []): string {
  return pairs
    .map(({ key, value, keyEncoding, valueEncoding }) =>
      value === null ? encodeAs(key, keyEncoding) : `${encodeAs(key, keyEncoding)}=${encodeAs(value, valueEncoding)}`,
    )
    .map((pair, i) => (i === 0 ? pair : `${separators[i] ?? "&"}${pair}`))
    .join("");
}
