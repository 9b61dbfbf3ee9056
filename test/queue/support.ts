/** What the queue tests share: a fake JobRunner that records every delivery, jobs, polling. */
import type { DeliveryAttempt, JobRunner, QueuedCallback } from "../../src/delivery/types.js";

export interface Delivery {
  key: string;
  attempt: number;
  final: boolean;
  jobId: string;
  job: QueuedCallback;
}

/**
 * A runner whose behaviour is chosen per dedupe key: `failUntil(key, n)` makes attempts 1..n-1
 * reject (attempt n succeeds); `alwaysFail(key)` rejects every attempt. `delayMs` holds each
 * delivery that long (to see concurrency). Every call is recorded, in order.
 */
export class FakeRunner implements JobRunner {
  readonly deliveries: Delivery[] = [];
  readonly #succeedAt = new Map<string, number>();
  running = 0;
  maxRunning = 0;

  constructor(readonly delayMs = 0) {}

  failUntil(key: string, attempt: number): this {
    this.#succeedAt.set(key, attempt);
    return this;
  }

  alwaysFail(key: string): this {
    this.#succeedAt.set(key, Number.POSITIVE_INFINITY);
    return this;
  }

  succeed(key: string): this {
    this.#succeedAt.delete(key);
    return this;
  }

  of(key: string): Delivery[] {
    return this.deliveries.filter((delivery) => delivery.key === key);
  }

  async deliver(job: QueuedCallback, attempt: DeliveryAttempt): Promise<void> {
    this.deliveries.push({ key: job.dedupeKey, ...attempt, job });
    this.running++;
    this.maxRunning = Math.max(this.maxRunning, this.running);
    try {
      if (this.delayMs > 0) await new Promise((resolve) => setTimeout(resolve, this.delayMs));
      const succeedAt = this.#succeedAt.get(job.dedupeKey) ?? 1;
      if (attempt.attempt < succeedAt) throw new Error(`fake failure ${job.dedupeKey} attempt ${attempt.attempt}`);
    } finally {
      this.running--;
    }
  }
}

let sequence = 0;

/** A job as a receiver writes it; the raw body keeps a 64-bit integer and non-ASCII text. */
export function makeJob(key = `Live.CallbackAfterDestroyRoom:k${++sequence}`): QueuedCallback {
  return {
    protocol: "callback",
    command: "Live.CallbackAfterDestroyRoom",
    dedupeKey: key,
    rawBody: `{"CallbackCommand":"Live.CallbackAfterDestroyRoom","RoomId":"r-${sequence}","Owner_Account":144115212345678901,"Note":"直播 ✓"}`,
    method: "POST",
    url: "/tencent/callback?SdkAppid=1400000000&CallbackCommand=Live.CallbackAfterDestroyRoom",
    headers: { "content-type": "application/json" },
    receivedAt: 1_700_000_000_000,
  };
}

/** Polls `check` until it returns true (or a value other than false/undefined); fails after `timeoutMs`. */
export async function waitFor<T>(check: () => T | Promise<T>, timeoutMs = 10_000, what = "condition"): Promise<Exclude<T, false | undefined>> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== false && value !== undefined) return value as Exclude<T, false | undefined>;
    if (Date.now() > until) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
