/**
 * The three digests Tencent's protocols use, through `node:crypto` where the runtime has it
 * (Node, Bun, Deno, workerd with nodejs_compat) and WebCrypto otherwise (workerd without it; then asynchronous).
 * `process.getBuiltinModule` reaches node:crypto without a static import that would fail to load.
 */
type NodeCrypto = typeof import("node:crypto");

const nodeCrypto = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process?.getBuiltinModule?.("node:crypto") as
  | NodeCrypto
  | undefined;

/** Whether the digests below answer synchronously (node:crypto) rather than with a Promise (WebCrypto). */
export const syncDigests = nodeCrypto !== undefined;

const encoder = new TextEncoder();
const hex = (bytes: ArrayBuffer) => Array.from(new Uint8Array(bytes), (byte) => byte.toString(16).padStart(2, "0")).join("");
const base64 = (bytes: ArrayBuffer) => btoa(String.fromCharCode(...new Uint8Array(bytes)));
const asBytes = (data: string | Uint8Array) => (typeof data === "string" ? encoder.encode(data) : data);

/** Lowercase hex SHA-256 of a UTF-8 string. */
export function sha256Hex(text: string): string | Promise<string> {
  if (nodeCrypto) return nodeCrypto.createHash("sha256").update(text).digest("hex");
  return crypto.subtle.digest("SHA-256", encoder.encode(text)).then(hex);
}

/** Lowercase hex MD5 of a UTF-8 string (CSS signs with it; workerd's WebCrypto has MD5 too). */
export function md5Hex(text: string): string | Promise<string> {
  if (nodeCrypto) return nodeCrypto.createHash("md5").update(text).digest("hex");
  return crypto.subtle.digest("MD5", encoder.encode(text)).then(hex);
}

/** Base64 HMAC-SHA256 of the exact bytes (TRTC). */
export function hmacSha256Base64(key: string, data: string | Uint8Array): string | Promise<string> {
  if (nodeCrypto) return nodeCrypto.createHmac("sha256", key).update(data).digest("base64");
  return crypto.subtle
    .importKey("raw", encoder.encode(key), { name: "HMAC", hash: "SHA-256" }, false, ["sign"])
    .then((cryptoKey) => crypto.subtle.sign("HMAC", cryptoKey, asBytes(data)))
    .then(base64);
}

/** Scratch space for safeEqual: any string of up to 85 UTF-16 units encodes into 256 bytes. */
const SCRATCH_UNITS = 85;
const scratch = [new Uint8Array(256), new Uint8Array(256)] as const;

/**
 * Constant-time equality of two strings' UTF-8 bytes; a different length is a mismatch, never a throw.
 * Signatures (64 hex, 44 base64) are encoded into scratch buffers: `TextEncoder.encode` allocates,
 * and two of those cost ~2 µs per call on Node 20, a fifth of handle().
 */
export function safeEqual(expected: string, received: string): boolean {
  if (expected.length <= SCRATCH_UNITS && received.length <= SCRATCH_UNITS) {
    const a = scratch[0].subarray(0, encoder.encodeInto(expected, scratch[0]).written);
    const b = scratch[1].subarray(0, encoder.encodeInto(received, scratch[1]).written);
    return equalBytes(a, b);
  }
  return equalBytes(encoder.encode(expected), encoder.encode(received));
}

function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  if (nodeCrypto) return nodeCrypto.timingSafeEqual(a, b);
  let difference = 0;
  for (let i = 0; i < a.length; i++) difference |= a[i]! ^ b[i]!;
  return difference === 0;
}
