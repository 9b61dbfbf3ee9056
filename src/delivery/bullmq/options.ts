/** The options every BullMQ-backed queue takes (Redis, PostgreSQL): their documentation, defaults and checks. */
import type { Telemetry } from "bullmq";

export interface BullmqQueueOptions {
  /** The BullMQ queue name. Default `"tencent-webhooks"`. */
  name?: string;
  /** How long a dedupe claim lasts, in seconds. Default 900 (15 minutes: Tencent's longest retry window is CSS's ~12). */
  dedupeTtlSeconds?: number;
  /** Runs per job, the first included, before it goes to the failed set. Default 5. */
  attempts?: number;
  /** BullMQ backoff between attempts. Default `{ type: "exponential", delay: 1000 }` (1 s, 2 s, 4 s, 8 s). */
  backoff?: { type: "exponential" | "fixed"; delay: number };
  /** A claim or a write not acknowledged within this many ms rejects (the receiver answers 503). Default 2000. */
  enqueueTimeoutMs?: number;
  /** Workers: how long a job's lock lasts without renewal (a dead worker's jobs run again after it). Default 30000. */
  lockDurationMs?: number;
  /** Workers: how often stalled jobs (locks expired) are looked for. Default 30000. */
  stalledIntervalMs?: number;
  /** Workers: how many times a job may stall before it goes to the failed set. Default 1. */
  maxStalledCount?: number;
  /**
   * What happens to a job once it completed: `true` (default) removes it at once — Tencent's
   * retries are answered by the dedupe key, which keeps its TTL, not by the job — `false` keeps
   * every one, a number keeps that many of the latest, `{ age, count }` keeps them up to `age`
   * seconds and/or the `count` latest (BullMQ's `removeOnComplete`). Failed jobs are always kept
   * (the dead-letter set) until replayed or removed.
   */
  removeOnComplete?: boolean | number | KeepCompleted;
  /** How many entries BullMQ's events stream keeps (approximately; `streams.events.maxLen`). Default 1000. */
  eventsMaxLen?: number;
  /**
   * Connection errors (server down, refused, reset). Default: one `console.warn` per outage.
   * Callbacks refused meanwhile reach the dispatcher's `onError` as usual.
   */
  onConnectionError?: (error: Error) => void;
  /**
   * BullMQ's own tracing, handed to its `Queue` and every `Worker`: `new BullMQOtel({ tracerName: "tencent-webhooks" })`
   * from `bullmq-otel` (an optional peer dependency). Its job spans (add, process) join the
   * dispatcher's spans when `telemetry: true` is set there too. Default: none.
   */
  telemetry?: Telemetry;
}

/** Completed jobs kept up to `age` seconds old (and at most `count` of them), or the `count` latest. */
export type KeepCompleted = { age: number; count?: number } | { count: number };

/** The options checked, defaults filled in. */
export interface QueueSettings {
  /** The engine under BullMQ, as errors name it: "Redis", "PostgreSQL". */
  engine: string;
  /** The factory, as errors name it: "redisQueue", "postgresQueue". */
  factory: string;
  name: string;
  dedupeTtlSeconds: number;
  attempts: number;
  backoff: { type: "exponential" | "fixed"; delay: number };
  enqueueTimeoutMs: number;
  lockDuration: number;
  stalledInterval: number;
  maxStalledCount: number;
  removeOnComplete: boolean | number | KeepCompleted;
  eventsMaxLen: number;
  onConnectionError: ((error: Error) => void) | undefined;
  telemetry: Telemetry | undefined;
}

const DEFAULT_NAME = "tencent-webhooks";

/** Checks the shared options (throwing a TypeError for the first bad one) and fills in the defaults. */
export function queueSettings(options: BullmqQueueOptions, engine: string, factory: string): QueueSettings {
  const name = options.name ?? DEFAULT_NAME;
  if (typeof name !== "string" || name === "" || name.includes(":")) fail(`\`name\` must be a non-empty string without ":", got ${JSON.stringify(name)}`);
  const dedupeTtlSeconds = positiveInteger("dedupeTtlSeconds", options.dedupeTtlSeconds, 900);
  const attempts = positiveInteger("attempts", options.attempts, 5);
  const backoff = options.backoff ?? { type: "exponential" as const, delay: 1000 };
  if (backoff === null || typeof backoff !== "object" || (backoff.type !== "exponential" && backoff.type !== "fixed")) {
    fail('`backoff` must be { type: "exponential" | "fixed", delay: ms }');
  }
  nonNegative("backoff.delay", backoff.delay);
  const enqueueTimeoutMs = positiveInteger("enqueueTimeoutMs", options.enqueueTimeoutMs, 2000);
  const lockDuration = positiveInteger("lockDurationMs", options.lockDurationMs, 30_000);
  const stalledInterval = positiveInteger("stalledIntervalMs", options.stalledIntervalMs, 30_000);
  const maxStalledCount = options.maxStalledCount ?? 1;
  if (!Number.isSafeInteger(maxStalledCount) || maxStalledCount < 0) fail("`maxStalledCount` must be an integer >= 0");
  const removeOnComplete = keepPolicy(options.removeOnComplete);
  const eventsMaxLen = positiveInteger("eventsMaxLen", options.eventsMaxLen, 1000);
  return {
    engine,
    factory,
    name,
    dedupeTtlSeconds,
    attempts,
    backoff,
    enqueueTimeoutMs,
    lockDuration,
    stalledInterval,
    maxStalledCount,
    removeOnComplete,
    eventsMaxLen,
    onConnectionError: options.onConnectionError,
    telemetry: telemetry(options.telemetry),
  };
}

export function fail(message: string): never {
  throw new TypeError(`tencent-webhooks: ${message}`);
}

export function positiveInteger(name: string, value: unknown, fallback: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== "number" || !Number.isSafeInteger(value) || value <= 0) fail(`\`${name}\` must be a positive integer, got ${JSON.stringify(value)}`);
  return value;
}

function nonNegative(name: string, value: unknown): void {
  if (typeof value !== "number" || !Number.isFinite(value) || value < 0) fail(`\`${name}\` must be a number >= 0, got ${JSON.stringify(value)}`);
}

function keepPolicy(value: unknown): QueueSettings["removeOnComplete"] {
  if (value === undefined) return true;
  if (typeof value === "boolean") return value;
  if (typeof value === "number" && Number.isSafeInteger(value) && value >= 0) return value;
  if (value !== null && typeof value === "object" && !Array.isArray(value)) {
    const { age, count, ...rest } = value as { age?: unknown; count?: unknown };
    const whole = (n: unknown) => n === undefined || (typeof n === "number" && Number.isSafeInteger(n) && n >= 0);
    if (Object.keys(rest).length === 0 && whole(age) && whole(count)) {
      if (age !== undefined) return count === undefined ? { age: age as number } : { age: age as number, count: count as number };
      if (count !== undefined) return { count: count as number };
    }
  }
  fail(`\`removeOnComplete\` must be true, false, a count >= 0 or { age?: seconds, count? }, got ${JSON.stringify(value)}`);
}

/** BullMQ's `Telemetry` shape (a tracer and a context manager), checked so a wrong value fails at start-up, not on the first job. */
function telemetry(value: unknown): Telemetry | undefined {
  if (value === undefined) return undefined;
  const candidate = value as Partial<Telemetry> | null;
  if (typeof candidate?.tracer?.startSpan !== "function" || typeof candidate.contextManager?.with !== "function") {
    fail('`telemetry` must be BullMQ\'s Telemetry (a tracer and a context manager): new BullMQOtel({ tracerName: "tencent-webhooks" }) from bullmq-otel');
  }
  return candidate as Telemetry;
}
