import { reject } from "./errors.js";
import { computeSignature, signatureMatches } from "./signature.js";

/** Query parameters by lower-cased key: Tencent's pages spell them `SdkAppid`, `SdkAppId`, `sdkappid`. */
export type Query = Map<string, string[]>;

/**
 * Whether URLSearchParams would have to decode anything: `%` escapes, `+` (a space), or non-ASCII
 * text (it re-encodes that as UTF-8, which turns lone surrogates into U+FFFD; a string is ASCII
 * exactly when its UTF-8 length is its length). A query without any is split as it stands:
 * Tencent's, made of ids, names, hex and digits, always is.
 */
function needsDecoding(search: string): boolean {
  return search.includes("%") || search.includes("+") || Buffer.byteLength(search, "utf8") !== search.length;
}

export function parseQuery(url: string): Query {
  const query: Query = new Map();
  const start = url.indexOf("?");
  if (start === -1) return query;
  const search = url.slice(start + 1);
  if (needsDecoding(search)) {
    for (const [key, value] of new URLSearchParams(search)) addParam(query, key, value);
    return query;
  }
  // As URLSearchParams splits it: one leading "?" dropped, "&"-separated, empty pairs skipped,
  // the name up to the first "=" (the whole pair, with an empty value, when there is none).
  let from = search.charCodeAt(0) === 63 /* ? */ ? 1 : 0;
  while (from < search.length) {
    let end = search.indexOf("&", from);
    if (end === -1) end = search.length;
    if (end > from) {
      const equals = search.indexOf("=", from);
      if (equals === -1 || equals > end) addParam(query, search.slice(from, end), "");
      else addParam(query, search.slice(from, equals), search.slice(equals + 1, end));
    }
    from = end + 1;
  }
  return query;
}

function addParam(query: Query, key: string, value: string): void {
  const name = key.toLowerCase();
  const values = query.get(name);
  if (values) values.push(value);
  else query.set(name, [value]);
}

/** One value per key; the same key twice with different values is ambiguous, and refused. */
export function single(query: Query, name: string): string | undefined | typeof CONFLICT {
  const values = query.get(name);
  if (!values) return undefined;
  const first = values[0]!;
  for (let i = 1; i < values.length; i++) if (values[i] !== first) return CONFLICT;
  return first;
}
export const CONFLICT = Symbol("conflicting query values");

/** For informational keys (ClientIP, OptPlatform): a conflicting or empty value is no value. */
export function optional(query: Query, name: string): string | undefined {
  const value = single(query, name);
  return typeof value === "string" && value !== "" ? value : undefined;
}

/** Query as a plain record for events and error reports (last value wins, as most frameworks do). */
export function queryRecord(query: Query): Record<string, string> {
  const record: Record<string, string> = {};
  for (const [key, values] of query) record[key] = values[values.length - 1]!;
  return record;
}

const APP_ID = /^[1-9]\d*$/;

/** Options accept a number or a digit string; the comparison is always on the canonical digits. */
export function canonicalSdkAppId(value: unknown): string | undefined {
  if (typeof value === "number") return Number.isSafeInteger(value) && value > 0 ? String(value) : undefined;
  if (typeof value === "string" && APP_ID.test(value)) return value;
  return undefined;
}

/** The app must check that the callback is for its own SDKAppID; no leading zeros, no spaces. */
export function checkSdkAppId(query: Query, expected: string): string {
  const received = single(query, "sdkappid");
  if (received === undefined || received === "") throw reject("sdk_app_id_missing", "SdkAppid is missing");
  if (received === CONFLICT) throw reject("sdk_app_id_mismatch", "SdkAppid is given twice with different values");
  if (received !== expected) throw reject("sdk_app_id_mismatch", "SdkAppid does not match this app");
  return received;
}

/** `Sign` and `RequestTime` from the query, checked against the token and the replay window. */
export function checkSignature(query: Query, token: string, nowMs: number, toleranceSeconds: number): void {
  const sign = single(query, "sign");
  const requestTime = single(query, "requesttime");
  if (!sign || !requestTime) throw reject("signature_missing", "Sign and RequestTime are required");
  if (sign === CONFLICT || requestTime === CONFLICT || !/^\d{1,15}$/.test(requestTime)) {
    throw reject("signature_invalid", "Signature is invalid");
  }
  if (!signatureMatches(expectedSignature(token, requestTime), sign)) {
    throw reject("signature_invalid", "Signature is invalid");
  }
  if (Math.abs(nowMs - Number(requestTime) * 1000) > toleranceSeconds * 1000) {
    throw reject("signature_expired", "RequestTime is outside the allowed window");
  }
}

/**
 * The signature for `token` at `requestTime`. Every callback sent within the same second carries
 * the same one, so the last is kept rather than hashed again for each. It tells nothing the
 * dispatcher's own options do not, and the comparison with the received `Sign` stays constant-time.
 */
let lastSignature: { token: string; requestTime: string; sign: string } | undefined;

function expectedSignature(token: string, requestTime: string): string {
  const last = lastSignature;
  if (last !== undefined && last.requestTime === requestTime && last.token === token) return last.sign;
  const sign = computeSignature(token, requestTime);
  lastSignature = { token, requestTime, sign };
  return sign;
}

/** No content type is accepted (the query already says `contenttype=json`); a non-JSON one is not. */
export function checkContentType(contentType: string | undefined): void {
  if (contentType === undefined || contentType === "" || contentType === "application/json") return;
  const [mediaType = "", ...params] = contentType.split(";");
  const type = mediaType.trim().toLowerCase();
  const isJson = type === "application/json" || type === "text/json" || type.endsWith("+json");
  if (!isJson) throw reject("unsupported_media_type", "Content-Type must be application/json");
  for (const param of params) {
    const [key = "", value = ""] = param.split("=");
    if (key.trim().toLowerCase() !== "charset") continue;
    const charset = value.trim().replace(/^"|"$/g, "").toLowerCase();
    if (charset !== "utf-8" && charset !== "utf8") {
      throw reject("unsupported_media_type", "JSON must be UTF-8 encoded");
    }
  }
}

const PLATFORMS = ["RESTAPI", "Web", "Android", "iOS", "Windows", "Mac", "iPad", "Unknown"] as const;
export type OptPlatform = (typeof PLATFORMS)[number];
const PLATFORM_BY_LOWER = new Map<string, OptPlatform>(PLATFORMS.map((p) => [p.toLowerCase(), p]));

/** Tencent spells `iOS` as `IOS` in at least one callback: known platforms come back in their documented case. */
export function normalizePlatform(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  return PLATFORM_BY_LOWER.get(value.toLowerCase()) ?? value;
}
