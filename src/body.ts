import secureJson from "secure-json-parse";
import { reject } from "./errors.js";

const PROTO_GUARD = { protoAction: "error", constructorAction: "error" } as const;

/** Only a run of 16+ digits can be an integer beyond 2^53: shorter bodies take plain JSON.parse. */
const LONG_DIGIT_RUN = /\d{16}/;

/**
 * Fast: a 16+ digit integer in value position (after `:` `[` `,`, before `,` `]` `}`).
 * It can also match inside a string; quoting it there always yields invalid JSON (a string
 * directly followed by digits), and then the exact scan below runs instead.
 */
const LONG_INTEGER_VALUE = /([:[,]\s*)(-?\d{16,})(?=\s*[,\]}])/g;
/**
 * Exact: a JSON string (consumed whole, so digits inside strings are never touched) or an
 * integer token of 16+ digits, not part of a fraction or exponent. The string branch is the
 * linear "unrolled loop" form: no catastrophic backtracking.
 */
const STRING_OR_LONG_INTEGER = /"[^"\\]*(?:\\.[^"\\]*)*"|(?<![\w.+-])-?\d{16,}(?![.eE\d])/g;

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
  return text.replace(STRING_OR_LONG_INTEGER, (token) =>
    token.charCodeAt(0) === 34 /* " */ || Number.isSafeInteger(Number(token)) ? token : `"${token}"`,
  );
}

function quoteUnsafeIntegerValues(text: string): string {
  return text.replace(LONG_INTEGER_VALUE, (token, before: string, digits: string) =>
    Number.isSafeInteger(Number(digits)) ? token : `${before}"${digits}"`,
  );
}

function parseLossless(text: string): unknown {
  const fast = quoteUnsafeIntegerValues(text);
  if (fast === text) return secureJson.parse(text, null, PROTO_GUARD);
  try {
    return secureJson.parse(fast, null, PROTO_GUARD);
  } catch {
    return secureJson.parse(quoteUnsafeIntegers(text), null, PROTO_GUARD);
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
    value = LONG_DIGIT_RUN.test(text) ? parseLossless(text) : secureJson.parse(text, null, PROTO_GUARD);
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

function describeParseError(error: unknown): string {
  const message = error instanceof Error ? error.message : "";
  if (/prototype/i.test(message)) return "Body contains a forbidden key (__proto__ or constructor.prototype)";
  if (error instanceof RangeError) return "Body is nested too deeply";
  return "Body is not valid JSON";
}
