import type { DedupeStore, WebhookQueue } from "./delivery/contract.js";
import type { Logger, SharedOptions } from "./types.js";

export interface ResolvedOptions {
  maxBodyBytes: number;
  bodyTimeoutMs: number;
  handlerTimeoutMs: number;
  decisionTimeoutMs: number;
  onDecisionFailure: Readonly<Record<string, "allow" | "block">>;
  unknownCommands: "accept" | "reject";
  invalidPayloads: "quarantine" | "reject";
  logger: Logger;
  queue: WebhookQueue | undefined;
  dedupe: DedupeStore | undefined;
  dedupeTtlSeconds: number;
  now: () => number;
}

export const SHARED_KEYS = [
  "maxBodyBytes",
  "bodyTimeoutMs",
  "handlerTimeoutMs",
  "decisionTimeoutMs",
  "onDecisionFailure",
  "unknownCommands",
  "invalidPayloads",
  "logger",
  "queue",
  "dedupe",
  "dedupeTtlSeconds",
  "now",
  "telemetry",
] as const;

export function fail(message: string): never {
  throw new TypeError(`tencent-webhooks: ${message}`);
}

function positiveInteger(name: string, value: unknown, fallback: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== "number" || !Number.isSafeInteger(value) || value <= 0) {
    fail(`\`${name}\` must be a positive integer, got ${JSON.stringify(value)}`);
  }
  return value;
}

const consoleLogger: Logger = { warn: (line) => console.warn(line), error: (line) => console.error(line) };

/** Bad options fail at start-up with a message that names the option, not at the first callback. */
export function resolveOptions(options: SharedOptions & Record<string, unknown>, protocolKeys: readonly string[], factory: string): ResolvedOptions {
  if (options === null || typeof options !== "object") fail(`${factory}(options) needs an options object`);
  const known = new Set<string>([...protocolKeys, ...SHARED_KEYS]);
  for (const key of Object.keys(options)) {
    if (!known.has(key)) fail(`unknown option \`${key}\` for ${factory}() (known: ${[...known].join(", ")})`);
  }
  const unknownCommands = options.unknownCommands ?? "accept";
  if (unknownCommands !== "accept" && unknownCommands !== "reject") {
    fail(`\`unknownCommands\` must be "accept" or "reject", got ${JSON.stringify(unknownCommands)}`);
  }
  const invalidPayloads = options.invalidPayloads ?? "quarantine";
  if (invalidPayloads !== "quarantine" && invalidPayloads !== "reject") {
    fail(`\`invalidPayloads\` must be "quarantine" or "reject", got ${JSON.stringify(invalidPayloads)}`);
  }
  const now = options.now ?? Date.now;
  if (typeof now !== "function") fail("`now` must be a function returning milliseconds");
  const logger = options.logger ?? consoleLogger;
  if (typeof logger?.warn !== "function" || typeof logger.error !== "function") fail("`logger` needs warn() and error() methods (pino, console, …)");
  const { queue } = options;
  if (queue !== undefined && (typeof queue.enqueue !== "function" || typeof queue.dedupe?.claim !== "function")) {
    fail("`queue` must be a memoryQueue() or redisQueue()");
  }
  const dedupe = queue?.dedupe ?? options.dedupe;
  if (dedupe !== undefined && typeof dedupe.claim !== "function") fail("`dedupe` must be a dedupe store (e.g. memoryQueue().dedupe)");
  const onDecisionFailure = options.onDecisionFailure ?? {};
  for (const [command, answer] of Object.entries(onDecisionFailure)) {
    if (answer !== "allow" && answer !== "block") fail(`\`onDecisionFailure["${command}"]\` must be "allow" or "block"`);
  }
  return {
    maxBodyBytes: positiveInteger("maxBodyBytes", options.maxBodyBytes, 1024 * 1024),
    bodyTimeoutMs: positiveInteger("bodyTimeoutMs", options.bodyTimeoutMs, 10_000),
    handlerTimeoutMs: positiveInteger("handlerTimeoutMs", options.handlerTimeoutMs, 2000),
    // Tencent gives up on a "before" callback after ~2 s: answer well before.
    decisionTimeoutMs: positiveInteger("decisionTimeoutMs", options.decisionTimeoutMs, 1500),
    onDecisionFailure,
    unknownCommands,
    invalidPayloads,
    logger,
    queue,
    dedupe,
    dedupeTtlSeconds: positiveInteger("dedupeTtlSeconds", options.dedupeTtlSeconds, queue?.dedupeTtlSeconds ?? 900),
    now,
  };
}
