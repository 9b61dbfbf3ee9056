import { safeEqual, sha256Hex } from "../../crypto.js";
import { reject } from "../../errors.js";
import { CONFLICT, single, type Query } from "../../pipeline/query.js";

/**
 * Tencent's callback authentication: `Sign = lowercase hex(SHA-256(token + RequestTime))`.
 * A plain hash of the two strings, not an HMAC, and it does not cover the body (use HTTPS).
 * Vector (https://cloud.tencent.com/document/product/269/32431): token `xxxxyyyy`, RequestTime
 * `1669872112` -> `17773bc39a671d7b9aa835458704d2a6db81360a5940292b587d6d760d484061`.
 */
export function computeSignature(token: string, requestTime: string | number): string {
  const sign = sha256Hex(`${token}${requestTime}`);
  if (typeof sign !== "string") throw new TypeError("tencent-webhooks: computeSignature needs node:crypto here; use computeSignatureAsync");
  return sign;
}

/** The same, on any runtime (WebCrypto where node:crypto is absent). */
export async function computeSignatureAsync(token: string, requestTime: string | number): Promise<string> {
  return sha256Hex(`${token}${requestTime}`);
}

/** Constant-time comparison; upper-case hex is accepted; a different length is a mismatch, never a throw. */
export function signatureMatches(expected: string, received: string): boolean {
  return safeEqual(expected, received.toLowerCase());
}

/** The query parameters that sign a callback sent at `nowMs`, for senders and tests (node:crypto runtimes). */
export function signedQuery(token: string, nowMs: number = Date.now()): { Sign: string; RequestTime: string } {
  const RequestTime = String(Math.floor(nowMs / 1000));
  return { Sign: computeSignature(token, RequestTime), RequestTime };
}

export async function signedQueryAsync(token: string, nowMs: number = Date.now()): Promise<{ Sign: string; RequestTime: string }> {
  const RequestTime = String(Math.floor(nowMs / 1000));
  return { Sign: await computeSignatureAsync(token, RequestTime), RequestTime };
}

/**
 * The signature for `token` at `requestTime`. Every callback sent within the same second carries
 * the same one, so the last few are kept rather than hashed again. They tell nothing the
 * dispatcher's own options do not, and the comparison with the received `Sign` stays constant-time.
 */
const recent = new Map<string, string>();

function expectedSignature(token: string, requestTime: string): string | Promise<string> {
  const key = `${requestTime}\u0000${token}`;
  const cached = recent.get(key);
  if (cached !== undefined) return cached;
  const remember = (sign: string) => {
    if (recent.size >= 16) recent.clear();
    recent.set(key, sign);
    return sign;
  };
  const sign = sha256Hex(`${token}${requestTime}`);
  return typeof sign === "string" ? remember(sign) : sign.then(remember);
}

/**
 * `Sign` and `RequestTime` from the query, checked against any of `tokens` (rotation) and the
 * replay window. Returns the index of the token that matched — synchronously where hashing is
 * (node:crypto), so the common path costs no extra promise.
 */
export function checkSignature(query: Query, tokens: readonly string[], nowMs: number, toleranceSeconds: number): number | Promise<number> {
  const sign = single(query, "sign");
  const requestTime = single(query, "requesttime");
  if (!sign || !requestTime) throw reject("signature_missing", "Sign and RequestTime are required");
  if (sign === CONFLICT || requestTime === CONFLICT || !/^\d{1,15}$/.test(requestTime)) {
    throw reject("signature_invalid", "Signature is invalid");
  }
  const decide = (expected: readonly string[]) => {
    let matched = -1;
    // Every token is compared (no early exit), each in constant time.
    for (let i = 0; i < expected.length; i++) if (signatureMatches(expected[i]!, sign) && matched === -1) matched = i;
    if (matched === -1) throw reject("signature_invalid", "Signature is invalid");
    if (Math.abs(nowMs - Number(requestTime) * 1000) > toleranceSeconds * 1000) {
      throw reject("signature_expired", describeSkew(Math.round((nowMs - Number(requestTime) * 1000) / 1000), requestTime, toleranceSeconds));
    }
    return matched;
  };
  const expected = tokens.map((token) => expectedSignature(token, requestTime));
  return expected.every((value) => typeof value === "string") ? decide(expected as string[]) : Promise.all(expected).then(decide);
}

function describeSkew(skewSeconds: number, requestTime: string, toleranceSeconds: number): string {
  const direction = skewSeconds > 0 ? "in the past" : "in the future";
  // Seconds since the epoch have 10 digits until 2286; 13 digits is the classic milliseconds mistake.
  const hint = requestTime.length >= 13 ? " (RequestTime looks like milliseconds; Tencent sends seconds)" : "";
  return `RequestTime is outside the allowed window: ${Math.abs(skewSeconds)} s ${direction} (allowed: ${toleranceSeconds} s)${hint}`;
}
