import { canonicalSdkAppId } from "./protocol.js";
import type { DispatcherOptions } from "./types.js";

export interface ResolvedOptions {
  sdkAppId: string;
  token: string | undefined;
  maxBodyBytes: number;
  signatureToleranceSeconds: number;
  handlerTimeoutMs: number;
  decisionTimeoutMs: number;
  unknownCommands: "accept" | "reject";
  now: () => number;
}

const KNOWN = new Set([
  "sdkAppId",
  "token",
  "maxBodyBytes",
  "signatureToleranceSeconds",
  "handlerTimeoutMs",
  "decisionTimeoutMs",
  "unknownCommands",
  "now",
]);

function fail(message: string): never {
  throw new TypeError(`tencent-webhooks: ${message}`);
}

function positiveInteger(name: string, value: unknown, fallback: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== "number" || !Number.isSafeInteger(value) || value <= 0) {
    fail(`\`${name}\` must be a positive integer, got ${JSON.stringify(value)}`);
  }
  return value;
}

/** Bad options fail at start-up with a message that names the option, not at the first callback. */
export function resolveOptions(options: DispatcherOptions): ResolvedOptions {
  if (options === null || typeof options !== "object") fail("createDispatcher(options) needs an options object");
  for (const key of Object.keys(options)) {
    if (!KNOWN.has(key)) fail(`unknown option \`${key}\` (known: ${[...KNOWN].join(", ")})`);
  }
  const sdkAppId = canonicalSdkAppId(options.sdkAppId);
  if (sdkAppId === undefined) {
    fail(`\`sdkAppId\` must be your SDKAppID as a positive integer or digit string, got ${JSON.stringify(options.sdkAppId)}`);
  }
  const { token } = options;
  if (token !== undefined && (typeof token !== "string" || token.length === 0)) {
    fail("`token` must be a non-empty string (or left out to skip signature checks)");
  }
  const tolerance = options.signatureToleranceSeconds ?? 60;
  if (typeof tolerance !== "number" || !Number.isFinite(tolerance) || tolerance < 0) {
    fail(`\`signatureToleranceSeconds\` must be a number >= 0, got ${JSON.stringify(tolerance)}`);
  }
  const unknownCommands = options.unknownCommands ?? "accept";
  if (unknownCommands !== "accept" && unknownCommands !== "reject") {
    fail(`\`unknownCommands\` must be "accept" or "reject", got ${JSON.stringify(unknownCommands)}`);
  }
  const now = options.now ?? Date.now;
  if (typeof now !== "function") fail("`now` must be a function returning milliseconds");
  return {
    sdkAppId,
    token,
    maxBodyBytes: positiveInteger("maxBodyBytes", options.maxBodyBytes, 1024 * 1024),
    signatureToleranceSeconds: tolerance,
    handlerTimeoutMs: positiveInteger("handlerTimeoutMs", options.handlerTimeoutMs, 2000),
    // Tencent gives up on a "before" callback after ~2 s and then blocks the action: answer well before.
    decisionTimeoutMs: positiveInteger("decisionTimeoutMs", options.decisionTimeoutMs, 1500),
    unknownCommands,
    now,
  };
}
