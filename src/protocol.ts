import { reject } from "./errors.js";
import { computeSignature, signatureMatches } from "./signature.js";

/** Query parameters by lower-cased key: Tencent's pages spell them `SdkAppid`, `SdkAppId`, `sdkappid`. */
export type Query = Map<string, string[]>;

export function parseQuery(url: string): Query {
  const query: Query = new Map();
  const start = url.indexOf("?");
  if (start === -1) return query;
  for (const [key, value] of new URLSearchParams(url.slice(start + 1))) {
    const name = key.toLowerCase();
    const values = query.get(name);
    if (values) values.push(value);
    else query.set(name, [value]);
  }
  return query;
}

/** One value per key; the same key twice with different values is ambiguous, and refused. */
export function single(query: Query, name: string): string | undefined | typeof CONFLICT {
  const values = query.get(name);
  if (!values) return undefined;
  const first = values[0]!;
  return values.every((value) => value === first) ? first : CONFLICT;
}
export const CONFLICT = Symbol("conflicting query values");

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
  if (!signatureMatches(computeSignature(token, requestTime), sign)) {
    throw reject("signature_invalid", "Signature is invalid");
  }
  if (Math.abs(nowMs - Number(requestTime) * 1000) > toleranceSeconds * 1000) {
    throw reject("signature_expired", "RequestTime is outside the allowed window");
  }
}

/** No content type is accepted (the query already says `contenttype=json`); a non-JSON one is not. */
export function checkContentType(contentType: string | undefined): void {
  if (contentType === undefined || contentType === "") return;
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
