import secureJson from "secure-json-parse";
import { reject } from "../errors.js";

const PROTO_GUARD = { protoAction: "error", constructorAction: "error" } as const;

/** Only a run of 16+ digits can be an integer beyond 2^53: shorter bodies take plain JSON.parse. */
const LONG_RUN = 16;

/**
 * Exact: a JSON string (consumed whole, so digits inside strings are never touched) or an
 * integer token of 16+ digits, not part of a fraction or exponent, and without a leading zero
 * (invalid JSON, which quoting must not make valid). The string branch is the linear "unrolled
 * loop" form: no catastrophic backtracking.
 */
const STRING_OR_LONG_INTEGER = /"[^"\\]*(?:\\.[^"\\]*)*"|(?<![\w.+-])-?[1-9]\d{15,}(?![.eE\d])/g;

const utf8 = new TextDecoder("utf-8", { fatal: true });

/** Bytes to text; JSON on the wire is UTF-8 (RFC 8259), anything else is refused. */
export function decodeUtf8(bytes: Uint8Array): string {
  try {
    return utf8.decode(bytes);
  } catch {
    throw reject("invalid_body", "Body is not valid UTF-8");
  }
}

/**
 * Quotes every integer literal that a JS number cannot hold exactly, so that native JSON.parse
 * (fast, and exactly JSON.parse's semantics for everything else) delivers it as its decimal string.
 */
export function quoteUnsafeIntegers(text: string): string {
  return text.replace(STRING_OR_LONG_INTEGER, (token) => (token.charCodeAt(0) === 34 /* " */ || Number.isSafeInteger(Number(token)) ? token : `"${token}"`));
}

const isDigit = (code: number) => code >= 48 && code <= 57;

/**
 * Where the next run of 16+ ASCII digits at or after `from` starts, or -1. Any such run covers
 * one of every 16 consecutive positions, so only every 16th character is probed; a digit there
 * is widened to its run. A body without long numbers costs about length / 16 reads.
 */
function longRunAt(text: string, from: number): number {
  const { length } = text;
  let probe = from + LONG_RUN - 1;
  while (probe < length) {
    if (!isDigit(text.charCodeAt(probe))) {
      probe += LONG_RUN;
      continue;
    }
    let start = probe;
    while (start > from && isDigit(text.charCodeAt(start - 1))) start--;
    const end = digitsEnd(text, probe + 1);
    if (end - start >= LONG_RUN) return start;
    // The next run starts after `end` (not a digit): its 16th digit is at end + 16 or later.
    probe = end + LONG_RUN;
  }
  return -1;
}

function digitsEnd(text: string, from: number): number {
  let end = from;
  while (end < text.length && isDigit(text.charCodeAt(end))) end++;
  return end;
}

/** What `\s` matches in a JS regular expression. */
function isRegExpSpace(code: number): boolean {
  return (
    (code >= 9 && code <= 13) ||
    code === 32 ||
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}

/**
 * Whether the token at [from, end) is in value position, as the regex
 * `([:[,]\s*)(-?\d{16,})(?=\s*[,\]}])` decides: after `:` `[` `,`, before `,` `]` `}`.
 */
function inValuePosition(text: string, from: number, end: number): boolean {
  let before = from - 1;
  while (before >= 0 && isRegExpSpace(text.charCodeAt(before))) before--;
  const open = before >= 0 ? text.charCodeAt(before) : -1;
  if (open !== 58 /* : */ && open !== 91 /* [ */ && open !== 44 /* , */) return false;
  let after = end;
  while (after < text.length && isRegExpSpace(text.charCodeAt(after))) after++;
  const close = after < text.length ? text.charCodeAt(after) : -1;
  return close === 44 /* , */ || close === 93 /* ] */ || close === 125 /* } */;
}

/**
 * Fast: quotes every unsafe 16+ digit integer in value position (see inValuePosition), starting
 * from the run at `first`. It can also quote one inside a string; quoting there always yields
 * invalid JSON (a string directly followed by digits), and then the exact scan runs instead.
 */
function quoteUnsafeIntegerValues(text: string, first: number): string {
  let quoted = "";
  let copied = 0;
  for (let start = first; start !== -1; ) {
    const end = digitsEnd(text, start);
    const from = start > 0 && text.charCodeAt(start - 1) === 45 /* - */ ? start - 1 : start;
    // A leading zero makes the token invalid JSON: left as it is, JSON.parse refuses it.
    if (text.charCodeAt(start) !== 48 /* 0 */ && inValuePosition(text, from, end)) {
      const token = text.slice(from, end);
      if (!Number.isSafeInteger(Number(token))) {
        quoted += `${text.slice(copied, from)}"${token}"`;
        copied = end;
      }
    }
    start = longRunAt(text, end);
  }
  return copied === 0 ? text : quoted + text.slice(copied);
}

/**
 * `secureJson.parse` with PROTO_GUARD, without its two regular expressions over the text when a
 * cheaper search proves they cannot match: both need the literal key, or a `\u` escape in it.
 * (A leading BOM, which it strips, goes to it too.)
 */
function parseSecure(text: string): unknown {
  if (text.charCodeAt(0) === 0xfeff || text.includes("__proto__") || text.includes("constructor") || text.includes("\\u")) {
    return secureJson.parse(text, null, PROTO_GUARD);
  }
  return JSON.parse(text);
}

function parseLossless(text: string, first: number): unknown {
  const fast = quoteUnsafeIntegerValues(text, first);
  if (fast === text) return parseSecure(text);
  try {
    return parseSecure(fast);
  } catch {
    return parseSecure(quoteUnsafeIntegers(text));
  }
}

/**
 * JSON text to a payload object. Parses exactly as `JSON.parse` would, except that unsafe
 * integers are kept as decimal strings and `__proto__` / `constructor.prototype` keys are
 * refused (they pollute prototypes once a handler merges the payload into anything).
 */
export function parseJsonObject(text: string): Record<string, unknown> {
  let value: unknown;
  try {
    const first = longRunAt(text, 0);
    value = first === -1 ? parseSecure(text) : parseLossless(text, first);
  } catch (error) {
    throw reject("invalid_json", describeParseError(error));
  }
  return assertPlainObject(value);
}

function assertPlainObject(value: unknown): Record<string, unknown> {
  if (value === null || typeof value !== "object" || Array.isArray(value)) {
    throw reject("invalid_body", "Body must be a JSON object");
  }
  return value as Record<string, unknown>;
}

/** secure-json-parse's refusal. (JSON.parse's own messages quote the text, which may say "prototype" too.) */
const FORBIDDEN_KEY_MESSAGE = "Object contains forbidden prototype property";

function describeParseError(error: unknown): string {
  const message = error instanceof Error ? error.message : "";
  if (message === FORBIDDEN_KEY_MESSAGE) return "Body contains a forbidden key (__proto__ or constructor.prototype)";
  if (error instanceof RangeError) return "Body is nested too deeply";
  return "Body is not valid JSON";
}
