import { createHash, timingSafeEqual } from "node:crypto";

/**
 * Tencent's callback authentication: `Sign = lowercase hex(SHA-256(token + RequestTime))`.
 * A plain hash of the two strings, not an HMAC, and it does not cover the body (use HTTPS).
 */
export function computeSignature(token: string, requestTime: string | number): string {
  return createHash("sha256").update(`${token}${requestTime}`).digest("hex");
}

/** Constant-time comparison; upper-case hex is accepted; a different length is a mismatch, never a throw. */
export function signatureMatches(expected: string, received: string): boolean {
  const a = Buffer.from(expected, "utf8");
  const b = Buffer.from(received.toLowerCase(), "utf8");
  return a.length === b.length && timingSafeEqual(a, b);
}

/** The query parameters that sign a callback sent at `nowMs`, for senders and tests. */
export function signedQuery(token: string, nowMs: number = Date.now()): { Sign: string; RequestTime: string } {
  const RequestTime = String(Math.floor(nowMs / 1000));
  return { Sign: computeSignature(token, RequestTime), RequestTime };
}
