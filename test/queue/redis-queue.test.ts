/**
 * redisQueue(): the WebhookQueue contract on a real redis-server (no mock), then what only Redis
 * shows: dedupe atomic across separate clients, a dead Redis refused within enqueueTimeoutMs,
 * service back after a restart with what was accepted before intact, job ids BullMQ accepts.
 */
import { randomUUID } from "node:crypto";
import net from "node:net";
import { Redis } from "ioredis";
import { afterAll, describe, expect, it } from "vitest";
import type { WebhookQueue } from "../../src/delivery/contract.js";
import { jobIdFor, redisQueue, type RedisQueue, type RedisQueueOptions } from "../../src/delivery/queue.js";
import { redisForSuite, type RedisServer } from "../support/redis.js";
import { skipFileUnless } from "../support/server-process.js";
import { queueContract, type ContractSubject } from "./contract.js";
import { operationsContract } from "./operations.js";
import { FakeRunner, makeJob, settled, waitFor } from "./support.js";

// Skipped with one printed line when redis-server is missing (a failure with REQUIRE_SERVERS=1).
const server = await redisForSuite("test/queue/redis-queue.test.ts");
skipFileUnless(server);
const redis = server as RedisServer;

const quiet = () => undefined;
const make = (options: Partial<RedisQueueOptions> = {}): RedisQueue =>
  redisQueue({ connection: redis.url, name: `t-${randomUUID()}`, backoff: { type: "exponential", delay: 10 }, onConnectionError: quiet, ...options });

const settle = (queue: WebhookQueue) => settled(queue as RedisQueue);

const subject: ContractSubject = {
  make: ({ attempts, dedupeTtlSeconds }) => make({ attempts, ...(dedupeTtlSeconds === undefined ? {} : { dedupeTtlSeconds }) }),
  settle,
  shortTtlSeconds: 1,
  claimAndEnqueue: true,
};
queueContract("redisQueue", subject);
operationsContract("redisQueue", subject);

/** Closes what it was handed (last first) after the describe block it is created in. */
function tracker() {
  const open: Array<{ close(): Promise<void> }> = [];
  afterAll(async () => {
    for (const closable of open.splice(0).reverse()) await closable.close();
  });
  return <T extends { close(): Promise<void> }>(closable: T): T => {
    open.push(closable);
    return closable;
  };
}

describe("redisQueue on a real redis-server", () => {
  const track = tracker();

  it("connection may be ioredis options instead of a URL", async () => {
    const queue = track(redisQueue({ connection: { host: "127.0.0.1", port: redis.port }, name: `t-${randomUUID()}`, onConnectionError: quiet }));
    expect(await queue.dedupe.claim("options-object", 60)).toBe(true);
    expect(queue.kind).toBe("redis");
  });

  it("a claim is SET key 1 NX EX ttl: the key holds 1 with the TTL asked for", async () => {
    const name = `t-${randomUUID()}`;
    const queue = track(make({ name, prefix: "pfx" }));
    expect(await queue.dedupe.claim("Live.X:abc", 900)).toBe(true);
    const client = new Redis(redis.url);
    try {
      expect(await client.get(`pfx:${name}:de:Live.X:abc`)).toBe("1");
      const ttl = await client.ttl(`pfx:${name}:de:Live.X:abc`);
      expect(ttl).toBeGreaterThan(895);
      expect(ttl).toBeLessThanOrEqual(900);
    } finally {
      client.disconnect();
    }
  });

  it("dedupe is atomic across processes' clients: 50 concurrent claims of one key over two separate connections, exactly one true", async () => {
    const name = `t-${randomUUID()}`;
    const a = track(make({ name }));
    const b = track(make({ name }));
    // Both connected first, so that the claims really race on the server.
    await Promise.all([a.dedupe.claim("warm-a", 60), b.dedupe.claim("warm-b", 60)]);
    for (let round = 0; round < 5; round++) {
      const key = `race-${round}`;
      const results = await Promise.all(Array.from({ length: 50 }, (_, i) => (i % 2 === 0 ? a : b).dedupe.claim(key, 60)));
      expect(results.filter(Boolean)).toHaveLength(1);
    }
  });

  it("BullMQ keeps the job with its options: dedupe-derived id, attempts, exponential backoff, kept when failed", async () => {
    const queue = track(make({ attempts: 7, backoff: { type: "exponential", delay: 1234 } }));
    const job = makeJob("Live.CallbackAfterDestroyRoom:with spaces/and:colons");
    await queue.enqueue(job);
    const client = new Redis(redis.url);
    try {
      const stored = await client.hgetall(`bull:${queue.name}:${jobIdFor(job.dedupeKey)}`);
      expect(stored.name).toBe(job.command);
      expect(JSON.parse(stored.data!)).toEqual(job);
      expect(JSON.parse(stored.opts!)).toMatchObject({ attempts: 7, backoff: { type: "exponential", delay: 1234 } });
    } finally {
      client.disconnect();
    }
    expect(await queue.counts()).toEqual({ waiting: 1, delayed: 0, active: 0, failed: 0 });
  });

  it("jobIdFor: only safe characters, never integer-looking, bounded, distinct keys give distinct ids", () => {
    const keys = [
      "Live.X:abc",
      "Live.X~3Aabc",
      "a b",
      "a~20b",
      "12345",
      "~n12345",
      "-1",
      "直播",
      "x".repeat(500),
      "x".repeat(501),
      "",
      "\ud800",
      "\udc00",
      "\ufffd",
    ];
    const ids = keys.map(jobIdFor);
    expect(new Set(ids).size).toBe(keys.length);
    for (const id of ids) {
      expect(id).toMatch(/^[A-Za-z0-9._~-]*$/);
      expect(id.length).toBeLessThanOrEqual(200);
      expect(`${Number.parseInt(id, 10)}`).not.toBe(id);
    }
    expect(jobIdFor("Live.CallbackAfterDestroyRoom:9f86d0")).toBe("Live.CallbackAfterDestroyRoom~3A9f86d0");
  });

  it("refuses bad options with the option's name", () => {
    expect(() => redisQueue({ connection: redis.url, attempts: 0 })).toThrow(/attempts/);
    expect(() => redisQueue({ connection: redis.url, name: "a:b" })).toThrow(/name/);
    expect(() => redisQueue({ connection: redis.url, enqueueTimeoutMs: -5 })).toThrow(/enqueueTimeoutMs/);
    expect(() => redisQueue({} as never)).toThrow(/connection/);
  });
});

describe("redisQueue: the claim and the job in one write (BullMQ deduplication)", () => {
  const track = tracker();

  it("the dedupe key lands with its TTL and the job, in one command; the key outlives the completed (removed) job", async () => {
    const name = `t-${randomUUID()}`;
    const queue = track(make({ name }));
    const job = makeJob();
    const admin = new Redis(redis.url);
    // MONITOR over a plain socket: one line per command, `[0 lua]` for a script's own calls.
    const monitor = net.connect(redis.port, "127.0.0.1");
    const sent: string[] = [];
    let text = "";
    monitor.on("data", (chunk: Buffer) => {
      text += chunk.toString();
      const lines = text.split("\r\n");
      text = lines.pop()!;
      for (const line of lines) {
        const match = /^\+\d+\.\d+ \[\d+ ([^\]]+)\] "([^"]+)"/.exec(line);
        if (match && match[1] !== "lua") sent.push(match[2]!.toLowerCase());
      }
    });
    try {
      expect(await queue.claimAndEnqueue!(makeJob(), 900)).toBe(true); // Connected, BullMQ's script loaded.
      monitor.write("MONITOR\r\n");
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(await queue.claimAndEnqueue!(job, 900)).toBe(true);
      await waitFor(() => sent.length >= 1, 5000, "the monitor to see the write");
      await new Promise((resolve) => setTimeout(resolve, 100));
      // One command from any client (the script's own calls aside): the claim and the job together.
      expect(sent).toEqual(["evalsha"]);
      const ttl = await admin.pttl(`bull:${name}:de:${job.dedupeKey}`);
      expect(ttl).toBeGreaterThan(895_000);
      expect(await queue.counts()).toEqual({ waiting: 2, delayed: 0, active: 0, failed: 0 });

      const runner = new FakeRunner();
      const worker = track(queue.work(runner));
      await waitFor(() => runner.deliveries.length === 2, 10_000, "the deliveries");
      await settle(queue);
      await worker.close();
      expect(await admin.zcard(`bull:${name}:completed`)).toBe(0); // removeOnComplete: true (the default)
      expect(await admin.pttl(`bull:${name}:de:${job.dedupeKey}`)).toBeGreaterThan(890_000);
      expect(await queue.claimAndEnqueue!({ ...job }, 900)).toBe(false); // Tencent's retry after the job is gone: still a duplicate.
      expect(await queue.counts()).toEqual({ waiting: 0, delayed: 0, active: 0, failed: 0 });
      expect(await queue.dedupe.claim(job.dedupeKey, 60)).toBe(false); // One key for both paths.
    } finally {
      monitor.destroy();
      admin.disconnect();
    }
  });

  it("50 concurrent writes of one callback over two receivers' connections: exactly one true, one job", async () => {
    const name = `t-${randomUUID()}`;
    const a = track(make({ name }));
    const b = track(make({ name }));
    await Promise.all([a.dedupe.claim("warm-a", 60), b.dedupe.claim("warm-b", 60)]);
    for (let round = 0; round < 3; round++) {
      const job = makeJob();
      const results = await Promise.all(Array.from({ length: 50 }, (_, i) => (i % 2 === 0 ? a : b).claimAndEnqueue!({ ...job }, 60)));
      expect(results.filter(Boolean)).toHaveLength(1);
    }
    expect((await a.counts()).waiting).toBe(3);
  });

  it("a write refused at its deadline that lands later leaves its job with its claim: the retry is a duplicate, and the callback runs", async () => {
    const name = `t-${randomUUID()}`;
    const queue = track(make({ name, enqueueTimeoutMs: 300 }));
    const admin = new Redis(redis.url);
    try {
      expect(await queue.claimAndEnqueue!(makeJob(), 60)).toBe(true);
      await admin.call("CLIENT", "PAUSE", "800", "WRITE");
      const late = makeJob();
      await expect(queue.claimAndEnqueue!(late, 60)).rejects.toThrow(/within 300 ms/);
      await waitFor(async () => (await queue.counts().catch(() => undefined))?.waiting === 2, 5000, "the late write to land");
      expect(await queue.claimAndEnqueue!({ ...late }, 60)).toBe(false);
      const runner = new FakeRunner();
      track(queue.work(runner));
      await waitFor(() => runner.of(late.dedupeKey).length === 1, 10_000, "the late job delivered");
    } finally {
      admin.disconnect();
    }
  });

  it("BullMQ's events stream stays capped at eventsMaxLen under a stream of jobs", async () => {
    const name = `t-${randomUUID()}`;
    const queue = track(make({ name, eventsMaxLen: 50 }));
    const runner = new FakeRunner();
    track(queue.work(runner, { concurrency: 4 }));
    await Promise.all(Array.from({ length: 400 }, () => queue.claimAndEnqueue!(makeJob(), 60)));
    await waitFor(() => runner.deliveries.length === 400, 20_000, "400 deliveries");
    const admin = new Redis(redis.url);
    try {
      // Trimmed approximately (MAXLEN ~): whole radix-tree nodes of 100 entries go at once.
      expect(await admin.xlen(`bull:${name}:events`)).toBeLessThanOrEqual(50 + 100);
    } finally {
      admin.disconnect();
    }
  });

  it("removeOnComplete: { count } keeps that many completed jobs", async () => {
    const name = `t-${randomUUID()}`;
    const queue = track(make({ name, removeOnComplete: { count: 3 } }));
    const runner = new FakeRunner();
    track(queue.work(runner));
    for (let i = 0; i < 6; i++) await queue.claimAndEnqueue!(makeJob(), 60);
    await waitFor(() => runner.deliveries.length === 6, 10_000, "6 deliveries");
    await settle(queue);
    const admin = new Redis(redis.url);
    try {
      expect(await admin.zcard(`bull:${name}:completed`)).toBe(3);
    } finally {
      admin.disconnect();
    }
    expect(() => make({ removeOnComplete: { age: -1 } })).toThrow(/removeOnComplete/);
    expect(() => make({ removeOnComplete: "yes" as never })).toThrow(/removeOnComplete/);
    expect(() => make({ eventsMaxLen: 0 })).toThrow(/eventsMaxLen/);
  });
});

describe("redisQueue: a claim never outlives a refusal", () => {
  it("a claim that wins after its deadline (Redis slow) is given back: the caller was told it failed", async () => {
    const name = `t-${randomUUID()}`;
    const queue = redisQueue({ connection: redis.url, name, enqueueTimeoutMs: 300, onConnectionError: quiet });
    const admin = new Redis(redis.url);
    try {
      expect(await queue.dedupe.claim("warm", 60)).toBe(true);
      await admin.call("CLIENT", "PAUSE", "800", "WRITE");
      await expect(queue.dedupe.claim("slow", 60)).rejects.toThrow(/within 300 ms/);
      // Once the pause ends the SET runs (and wins), then the DEL that gives it back.
      await waitFor(
        async () => (await admin.exists(`bull:${name}:de:slow`)) === 0 && (await admin.exists(`bull:${name}:de:warm`)) === 1,
        5000,
        "the late claim given back",
      );
      await new Promise((resolve) => setTimeout(resolve, 900));
      expect(await admin.exists(`bull:${name}:de:slow`)).toBe(0);
      expect(await queue.dedupe.claim("slow", 60)).toBe(true);
    } finally {
      admin.disconnect();
      await queue.close();
    }
  });
});

// Last: these stop and restart the server.
describe("redisQueue with Redis stopped and restarted", () => {
  it("enqueue and claim reject within enqueueTimeoutMs while Redis is down; after a restart they succeed again and the job accepted before is still there and runs", async () => {
    const errors: Error[] = [];
    const queue = redisQueue({ connection: redis.url, name: `t-${randomUUID()}`, enqueueTimeoutMs: 500, onConnectionError: (error) => errors.push(error) });
    try {
      const accepted = makeJob();
      await queue.enqueue(accepted);
      expect(await queue.dedupe.claim(accepted.dedupeKey, 60)).toBe(true);

      await redis.stop();
      for (const attempt of [() => queue.enqueue(makeJob()), () => queue.dedupe.claim("while-down", 60), () => queue.enqueue(makeJob())]) {
        const started = performance.now();
        await expect(attempt()).rejects.toThrow();
        expect(performance.now() - started).toBeLessThan(500 + 250);
      }
      // A burst while down: all refused, none waits past the timeout.
      const started = performance.now();
      const burst = await Promise.allSettled(Array.from({ length: 100 }, () => queue.enqueue(makeJob())));
      expect(burst.every((result) => result.status === "rejected")).toBe(true);
      expect(performance.now() - started).toBeLessThan(500 + 250);
      await waitFor(() => errors.length > 0, 5000, "a connection error reported");

      await redis.restart();
      const after = makeJob();
      await waitFor(
        () =>
          queue.enqueue(after).then(
            () => true,
            () => false,
          ),
        10_000,
        "enqueue to succeed after the restart",
      );
      expect(await queue.dedupe.claim(accepted.dedupeKey, 60)).toBe(false); // The claim survived the restart.

      // Nothing written while Redis was down got in behind the callers' backs: only the two jobs.
      expect(await queue.counts()).toEqual({ waiting: 2, delayed: 0, active: 0, failed: 0 });
      const runner = new FakeRunner();
      const worker = queue.work(runner);
      await waitFor(() => runner.deliveries.length === 2, 10_000, "both jobs delivered");
      expect(runner.deliveries.map((delivery) => delivery.job).sort((x, y) => x.dedupeKey.localeCompare(y.dedupeKey))).toEqual(
        [accepted, after].sort((x, y) => x.dedupeKey.localeCompare(y.dedupeKey)),
      );
      await worker.close();
    } finally {
      await queue.close();
    }
  }, 40_000);

  it("release() while Redis is down is applied once it is back: the retry is not taken for a duplicate", async () => {
    if (!redis.running) await redis.restart();
    const queue = redisQueue({ connection: redis.url, name: `t-${randomUUID()}`, enqueueTimeoutMs: 500, onConnectionError: quiet });
    try {
      expect(await queue.dedupe.claim("given-back", 60)).toBe(true);
      await redis.stop(); // The claim is in the snapshot.
      const started = performance.now();
      await queue.dedupe.release("given-back"); // Neither throws nor waits.
      expect(performance.now() - started).toBeLessThan(100);
      await redis.restart();
      await waitFor(() => queue.dedupe.claim("given-back", 60).catch(() => false), 10_000, "the released key claimable again");
      expect(await queue.dedupe.claim("given-back", 60)).toBe(false);
    } finally {
      await queue.close();
    }
  }, 30_000);

  it("a worker running while Redis restarts picks jobs up again once it is back", async () => {
    if (!redis.running) await redis.restart();
    const queue = redisQueue({ connection: redis.url, name: `t-${randomUUID()}`, onConnectionError: () => undefined });
    const runner = new FakeRunner();
    const worker = queue.work(runner, { concurrency: 2 });
    try {
      await queue.enqueue(makeJob());
      await waitFor(() => runner.deliveries.length === 1, 10_000, "the first delivery");
      await redis.restart();
      await waitFor(
        () =>
          queue.enqueue(makeJob()).then(
            () => true,
            () => false,
          ),
        10_000,
        "enqueue after the restart",
      );
      await waitFor(() => runner.deliveries.length === 2, 30_000, "the delivery after the restart");
    } finally {
      await worker.close();
      await queue.close();
    }
  }, 40_000);
});
