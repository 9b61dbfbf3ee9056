/**
 * `redisQueue()` (`tencent-webhooks/queue`): the durable {@link WebhookQueue}, on BullMQ and Redis.
 *
 * Receivers (any number, behind a load balancer) share nothing but Redis: a dedupe claim is one
 * `SET key 1 NX EX ttl`, a job is one BullMQ `add` whose job id is derived from the dedupe key.
 * Workers (`queue.work(dispatcher, { concurrency })`, in as many processes as you like) get
 * BullMQ's retries with exponential backoff, stalled-job recovery (a worker that dies mid-job has
 * its jobs run again by another one once its lock expires) and the failed set (`failed()`,
 * `replay(id)`).
 *
 * A dead Redis fails fast on the receiver side: every claim and write is raced against
 * `enqueueTimeoutMs`, the receiver's connection queues no command while disconnected
 * (`enableOfflineQueue: false`) and never resends one after a reconnect, so no write starts
 * after the caller has answered 503. (A write whose reply was lost may have landed; its job id,
 * derived from the dedupe key, keeps Tencent's retry from adding a second job meanwhile.) A claim whose reply was lost or came too late,
 * and a release that could not be sent, are deleted as soon as the connection is back, so that
 * Tencent's retry of a refused callback is not taken for a duplicate. Workers' connections wait
 * for Redis instead (`maxRetriesPerRequest: null`, as BullMQ requires); a worker's `close()` waits
 * for its jobs in flight, and so for Redis if it is away.
 *
 * What survives a Redis restart is what Redis keeps: run it with persistence (AOF or RDB) for
 * "accepted means never lost" to hold across one.
 *
 * This is the only module that imports `bullmq` and `ioredis` (optional peer dependencies).
 */
import { createHash } from "node:crypto";
import { Queue, Worker, type Job } from "bullmq";
import { Redis, type RedisOptions } from "ioredis";
import type { DedupeStore, FailedCallback, JobRunner, QueuedCallback, QueueWorker, WebhookQueue, WorkOptions } from "../delivery/types.js";

export interface RedisQueueOptions {
  /** ioredis options (`{ host, port, password, db, tls, … }`) or a URL (`redis://127.0.0.1:6379`). */
  connection: string | RedisOptions;
  /** The BullMQ queue name. Default `"tencent-webhooks"`. */
  name?: string;
  /** BullMQ's key prefix (dedupe keys go under it too). Default `"bull"`. */
  prefix?: string;
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
   * Connection errors (Redis down, refused, reset). Default: one `console.warn` per outage.
   * Callbacks refused meanwhile reach the dispatcher's `onError` as usual.
   */
  onConnectionError?: (error: Error) => void;
}

export interface RedisQueueCounts {
  /** Waiting for a worker (prioritized jobs included). */
  waiting: number;
  /** Waiting out a backoff before their next attempt. */
  delayed: number;
  /** Being delivered by a worker right now. */
  active: number;
  /** In the failed set (dead letters). */
  failed: number;
}

export interface RedisQueue extends WebhookQueue {
  readonly kind: "redis";
  /** The BullMQ queue name. */
  readonly name: string;
  /** How many jobs are in each state. */
  counts(): Promise<RedisQueueCounts>;
}

const DEFAULT_NAME = "tencent-webhooks";
const MAX_PENDING_RELEASES = 10_000;

/** Creates the Redis queue. Connections open at once; `close()` closes them (and the workers it started). */
export function redisQueue(options: RedisQueueOptions): RedisQueue {
  if (options === null || typeof options !== "object") fail("redisQueue(options) needs an options object");
  const { connection } = options;
  if (typeof connection !== "string" && (connection === null || typeof connection !== "object")) {
    fail("redisQueue({ connection }) needs ioredis options or a redis:// URL");
  }
  const name = options.name ?? DEFAULT_NAME;
  if (typeof name !== "string" || name === "" || name.includes(":")) fail(`\`name\` must be a non-empty string without ":", got ${JSON.stringify(name)}`);
  const prefix = options.prefix ?? "bull";
  if (typeof prefix !== "string" || prefix === "") fail(`\`prefix\` must be a non-empty string, got ${JSON.stringify(prefix)}`);
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

  let closed = false;
  let warned = false;
  const onConnectionError =
    options.onConnectionError ??
    ((error: Error) => {
      if (warned) return;
      warned = true;
      console.warn(`tencent-webhooks: Redis connection error (queue "${name}"): ${error.message}`);
    });
  const reportError = (error: unknown) => {
    try {
      onConnectionError(error instanceof Error ? error : new Error(String(error)));
    } catch (cause) {
      console.error("tencent-webhooks: onConnectionError threw", cause);
    }
  };

  const open = (overrides: RedisOptions): Redis =>
    typeof connection === "string" ? new Redis(connection, overrides) : new Redis({ ...connection, ...overrides });

  // The receiver side: fail fast, never queue or resend a command, reconnect every <= 1 s.
  const receiver = open({
    enableOfflineQueue: false,
    autoResendUnfulfilledCommands: false,
    maxRetriesPerRequest: 0,
    commandTimeout: enqueueTimeoutMs,
    retryStrategy: (typeof connection === "object" && connection.retryStrategy) || ((times: number) => Math.min(times * 100, 1000)),
  });
  receiver.on("error", reportError);

  // One pending promise per outage (not a listener per request), cleared once connected.
  let connecting: Promise<void> | undefined;
  const connected = (): Promise<void> => {
    if (receiver.status === "ready") return Promise.resolve();
    connecting ??= new Promise<void>((resolve) => {
      receiver.once("ready", () => {
        connecting = undefined;
        resolve();
      });
    });
    return connecting;
  };

  // Releases that failed (Redis down) are retried once it is back, so that the claim does not
  // outlive the callback it was for and Tencent's retry is not taken for a duplicate.
  const pendingReleases = new Set<string>();
  receiver.on("ready", () => {
    warned = false;
    if (pendingReleases.size === 0) return;
    const keys = [...pendingReleases];
    pendingReleases.clear();
    receiver.del(...keys).catch((error: unknown) => {
      for (const key of keys) if (pendingReleases.size < MAX_PENDING_RELEASES) pendingReleases.add(key);
      reportError(error);
    });
  });

  const queue = new Queue(name, { connection: receiver, prefix });
  queue.on("error", reportError);
  const queueReady = queue.waitUntilReady();
  queueReady.catch(() => undefined);

  /** Runs `work` against the deadline; `live()` turns false once the deadline has passed. */
  async function bounded<T>(what: string, work: (live: () => boolean) => Promise<T>): Promise<T> {
    if (closed) throw new Error(`tencent-webhooks: redisQueue "${name}" is closed`);
    let expired = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        expired = true;
        reject(new Error(`tencent-webhooks: Redis did not acknowledge ${what} within ${enqueueTimeoutMs} ms`));
      }, enqueueTimeoutMs);
    });
    const running = work(() => !expired);
    running.catch(() => undefined); // The deadline may win; the late outcome is dropped.
    try {
      return await Promise.race([running, deadline]);
    } finally {
      clearTimeout(timer);
    }
  }

  const dedupeKey = (key: string) => `${prefix}:${name}:dedupe:${key}`;

  /** Deletes a claim now if connected, else once the connection is back. */
  const giveBack = (redisKey: string): void => {
    if (closed) return;
    if (receiver.status !== "ready") {
      if (pendingReleases.size < MAX_PENDING_RELEASES) pendingReleases.add(redisKey);
      return;
    }
    receiver.del(redisKey).catch(() => {
      if (pendingReleases.size < MAX_PENDING_RELEASES) pendingReleases.add(redisKey);
    });
  };

  const dedupe: DedupeStore = {
    claim(key: string, ttlSeconds: number): Promise<boolean> {
      if (typeof key !== "string") return Promise.reject(new TypeError("tencent-webhooks: claim(key) needs a string key"));
      if (typeof ttlSeconds !== "number" || !(ttlSeconds > 0)) {
        return Promise.reject(new TypeError(`tencent-webhooks: claim() needs ttlSeconds > 0, got ${String(ttlSeconds)}`));
      }
      const redisKey = dedupeKey(key);
      return bounded("the dedupe claim", async (live) => {
        await connected();
        if (!live()) return false; // Never sent.
        let reply: string | null;
        try {
          reply = await receiver.set(redisKey, "1", "EX", Math.ceil(ttlSeconds), "NX");
        } catch (error) {
          // Sent, but the reply was lost (connection closed, command timeout): Redis may hold the
          // claim of a callback that is being refused. Give it back, or Tencent's retry would be
          // taken for a duplicate and the callback lost.
          if (!notSent(error)) giveBack(redisKey);
          throw error;
        }
        if (reply === "OK" && !live()) giveBack(redisKey); // Won, but too late: the caller was told it failed.
        return reply === "OK";
      });
    },
    async release(key: string): Promise<void> {
      const redisKey = dedupeKey(key);
      // Never thrown and never waited for while Redis is away: the caller is answering an error
      // already. The DEL is sent once the connection is back (see above).
      if (closed || receiver.status !== "ready") return giveBack(redisKey);
      try {
        await bounded("the dedupe release", () => receiver.del(redisKey));
        pendingReleases.delete(redisKey);
      } catch (error) {
        giveBack(redisKey);
        reportError(error);
      }
    },
  };

  const workers = new Set<QueueWorker>();
  let closing: Promise<void> | undefined;

  const redis: RedisQueue = {
    kind: "redis",
    name,
    dedupe,
    dedupeTtlSeconds,

    enqueue(job: QueuedCallback): Promise<void> {
      if (job === null || typeof job !== "object" || typeof job.dedupeKey !== "string" || job.dedupeKey === "") {
        return Promise.reject(new TypeError("tencent-webhooks: enqueue(job) needs a job with a dedupeKey"));
      }
      return bounded("the job", async (live) => {
        await connected();
        await queueReady;
        // Past the deadline the caller has answered 503: writing now would accept it behind its back.
        if (!live()) return;
        await queue.add(job.command, job, {
          jobId: jobIdFor(job.dedupeKey),
          attempts,
          backoff: { type: backoff.type, delay: backoff.delay },
          removeOnComplete: true,
          removeOnFail: false,
        });
      });
    },

    work(runner: JobRunner, workOptions: WorkOptions = {}): QueueWorker {
      if (typeof runner?.deliver !== "function") fail("work(runner) needs a runner with deliver(job, attempt) (a dispatcher)");
      if (closed) fail(`redisQueue "${name}" is closed`);
      const concurrency = positiveInteger("concurrency", workOptions.concurrency, 1);
      // BullMQ duplicates this client for its own two connections; workers wait for Redis, however long.
      const base = open({ maxRetriesPerRequest: null, enableOfflineQueue: true });
      base.on("error", reportError);
      const worker = new Worker(
        name,
        async (job: Job) => {
          const attempt = job.attemptsMade + 1;
          const max = job.opts.attempts ?? attempts;
          await runner.deliver(job.data as QueuedCallback, { attempt, final: attempt >= max, jobId: String(job.id) });
        },
        { connection: base, prefix, concurrency, lockDuration, stalledInterval, maxStalledCount, autorun: true },
      );
      worker.on("error", reportError);
      let stopping: Promise<void> | undefined;
      const handle: QueueWorker = {
        close() {
          stopping ??= (async () => {
            try {
              await worker.close();
            } finally {
              workers.delete(handle);
              await quit(base);
            }
          })();
          return stopping;
        },
      };
      workers.add(handle);
      return handle;
    },

    async failed(): Promise<FailedCallback[]> {
      const jobs = await bounded("the failed-set read", async () => {
        await connected();
        await queueReady;
        return queue.getFailed(0, -1);
      });
      return jobs
        .filter((job): job is Job => job !== undefined && job !== null)
        .map((job) => ({
          id: String(job.id),
          job: job.data as QueuedCallback,
          attemptsMade: job.attemptsMade,
          error: job.failedReason ?? "",
          failedAt: job.finishedOn ?? job.timestamp,
        }));
    },

    async replay(id: string): Promise<void> {
      await bounded("the replay", async () => {
        await connected();
        await queueReady;
        const job = await queue.getJob(id);
        if (!job || (await job.getState()) !== "failed") {
          throw new Error(`tencent-webhooks: no failed job with id ${JSON.stringify(id)}`);
        }
        await job.retry("failed", { resetAttemptsMade: true, resetAttemptsStarted: true });
      });
    },

    async counts(): Promise<RedisQueueCounts> {
      const counts = await bounded("the counts read", async () => {
        await connected();
        await queueReady;
        return queue.getJobCounts("wait", "prioritized", "delayed", "active", "failed");
      });
      const n = (key: string) => counts[key] ?? 0;
      return { waiting: n("wait") + n("prioritized"), delayed: n("delayed"), active: n("active"), failed: n("failed") };
    },

    close(): Promise<void> {
      closing ??= (async () => {
        closed = true;
        await Promise.allSettled([...workers].map((worker) => worker.close()));
        await settleWithin(queue.close(), enqueueTimeoutMs);
        await quit(receiver);
      })();
      return closing;
    },
  };
  return redis;
}

/**
 * The BullMQ job id for a dedupe key: one job per key while it is waiting, running or failed.
 * BullMQ refuses ids with ":" and integer-looking ids, so characters outside `[A-Za-z0-9._-]` are
 * written `~XX` (UTF-8 bytes, upper-case hex; a lone surrogate `~uXXXX`), an integer-looking result gets `~n` in front and one
 * longer than 200 characters becomes `~h` + the key's SHA-256. Distinct keys give distinct ids.
 */
export function jobIdFor(dedupeKey: string): string {
  const id = dedupeKey.replace(UNSAFE, (char) => {
    const unit = char.charCodeAt(0);
    // A lone surrogate has no UTF-8 form (it would become U+FFFD, like any other): its code unit.
    if (char.length === 1 && unit >= 0xd800 && unit <= 0xdfff) return `~u${unit.toString(16).toUpperCase()}`;
    let escaped = "";
    for (const byte of Buffer.from(char, "utf8")) escaped += `~${byte.toString(16).toUpperCase().padStart(2, "0")}`;
    return escaped;
  });
  if (id.length > 200) return `~h${createHash("sha256").update(dedupeKey, "utf8").digest("hex")}`;
  if (`${Number.parseInt(id, 10)}` === id) return `~n${id}`;
  return id;
}

/** One character (a whole code point: `u`) outside what a job id keeps as is. */
const UNSAFE = /[^A-Za-z0-9._-]/gu;

/** ioredis refused the command before sending it (no connection, no offline queue). */
function notSent(error: unknown): boolean {
  return error instanceof Error && error.message.includes("enableOfflineQueue options is false");
}

async function quit(client: Redis): Promise<void> {
  if (client.status === "end") return;
  if (client.status === "ready") {
    try {
      await settleWithin(client.quit(), 1000);
    } catch {
      // Fall through to disconnect().
    }
  }
  client.disconnect();
}

/** Waits for `promise` at most `ms`; never rejects. */
async function settleWithin(promise: Promise<unknown>, ms: number): Promise<void> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  await Promise.race([promise.catch(() => undefined), new Promise((resolve) => (timer = setTimeout(resolve, ms)))]);
  clearTimeout(timer);
}

function fail(message: string): never {
  throw new TypeError(`tencent-webhooks: ${message}`);
}

function positiveInteger(name: string, value: unknown, fallback: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== "number" || !Number.isSafeInteger(value) || value <= 0) fail(`\`${name}\` must be a positive integer, got ${JSON.stringify(value)}`);
  return value;
}

function nonNegative(name: string, value: unknown): void {
  if (typeof value !== "number" || !Number.isFinite(value) || value < 0) fail(`\`${name}\` must be a number >= 0, got ${JSON.stringify(value)}`);
}
