/**
 * redisQueue() on a real Redis Cluster (three masters, each with a replica: test/support/redis-cluster.ts):
 * the WebhookQueue contract, keys in one slot, a Cluster client of the caller's, and then — over
 * real HTTP, a worker in the same process — the master serving the queue's slot killed while
 * traffic flows: its replica is promoted, requests meanwhile get 503 (never 200 without a write),
 * nothing accepted is lost, and Tencent's retries of the refused ones are accepted afterwards.
 */
import { randomUUID } from "node:crypto";
import { Cluster } from "ioredis";
import { afterAll, describe, expect, it } from "vitest";
import type { WebhookQueue } from "../../src/delivery/contract.js";
import { redisQueue, type RedisQueue, type RedisQueueOptions } from "../../src/delivery/queue.js";
import { createDispatcher, signedQuery, type WebhookErrorEvent } from "../../src/index.js";
import { redisClusterForSuite, type RedisCluster } from "../support/redis-cluster.js";
import { skipFileUnless } from "../support/server-process.js";
import { queueContract, type ContractSubject } from "./contract.js";
import { operationsContract } from "./operations.js";
import { FakeRunner, makeJob, post, serveQueued, settled, traffic, waitFor } from "./support.js";

// Skipped with one printed line when redis-server / redis-cli are missing (a failure with REQUIRE_SERVERS=1).
const started = await redisClusterForSuite("test/queue/redis-cluster.test.ts");
skipFileUnless(started);
const cluster = started as RedisCluster;
const nodeUrls = cluster?.nodes.map((node) => node.url) ?? [];
const quiet = () => undefined;
const make = (options: Partial<RedisQueueOptions> = {}): RedisQueue =>
  redisQueue({ connection: nodeUrls, name: `c-${randomUUID()}`, backoff: { type: "exponential", delay: 10 }, onConnectionError: quiet, ...options });

const subject: ContractSubject = {
  make: ({ attempts, dedupeTtlSeconds }) => make({ attempts, ...(dedupeTtlSeconds === undefined ? {} : { dedupeTtlSeconds }) }),
  settle: (queue: WebhookQueue) => settled(queue as RedisQueue),
  shortTtlSeconds: 1,
  claimAndEnqueue: true,
};
queueContract("redisQueue on a Redis Cluster", subject);
operationsContract("redisQueue on a Redis Cluster", subject);

describe("redisQueue on a Redis Cluster", () => {
  it("keys carry the {tencent-webhooks} hash tag: the claim and the job are one script in one slot", async () => {
    const queue = make();
    const client = new Cluster(cluster.startupNodes);
    try {
      const job = makeJob();
      expect(await queue.claimAndEnqueue!(job, 60)).toBe(true);
      expect(await queue.claimAndEnqueue!({ ...job }, 60)).toBe(false);
      const master = await cluster.masterOf("{tencent-webhooks}");
      const keys = cluster.cli("-p", String(master.port), "KEYS", `{tencent-webhooks}:${queue.name}:*`);
      expect(keys).toContain(`{tencent-webhooks}:${queue.name}:de:${job.dedupeKey}`);
      expect(keys).toContain(`{tencent-webhooks}:${queue.name}:wait`);
      expect(await client.exists(`{tencent-webhooks}:${queue.name}:de:${job.dedupeKey}`)).toBe(1);
    } finally {
      client.disconnect();
      await queue.close();
    }
  });

  it("takes an ioredis Cluster of the caller's, duplicates it and leaves it open", async () => {
    const mine = new Cluster(cluster.startupNodes);
    const queue = redisQueue({ connection: mine, name: `c-${randomUUID()}`, onConnectionError: quiet });
    const runner = new FakeRunner();
    const worker = queue.work(runner);
    try {
      expect(await queue.claimAndEnqueue!(makeJob(), 60)).toBe(true);
      await waitFor(() => runner.deliveries.length === 1, 10_000, "the delivery");
    } finally {
      await worker.close();
      await queue.close();
    }
    expect(await mine.ping()).toBe("PONG");
    mine.disconnect();
  });

  it("refuses a prefix without a hash tag on a cluster, with the reason", () => {
    expect(() => redisQueue({ connection: nodeUrls, prefix: "bull" })).toThrow(/hash tag/);
    expect(() => redisQueue({ connection: nodeUrls, prefix: "{}x" })).toThrow(/hash tag/);
    expect(() => redisQueue({ connection: [] })).toThrow(/node URLs/);
  });
});

const APP_ID = "1400000000";
const TOKEN = "cluster-token";
const COMMAND = "Room.CallbackAfterDestroyRoom";
const LANES = 12;
const roomId = (i: number) => `c-${i}`;
const bodyOf = (i: number) => JSON.stringify({ CallbackCommand: COMMAND, Operator_Account: "cluster", RoomId: roomId(i), EventTime: 1_700_000_000_000 + i });
const pathNow = () => {
  const { Sign, RequestTime } = signedQuery(TOKEN, Date.now());
  return `/tencent/callback?SdkAppid=${APP_ID}&CallbackCommand=${COMMAND}&contenttype=json&ClientIP=203.0.113.7&OptPlatform=RESTAPI&Sign=${Sign}&RequestTime=${RequestTime}`;
};

// Last: it kills a master.
describe("redisQueue on a Redis Cluster: failover", () => {
  const closers: Array<() => Promise<void>> = [];
  afterAll(async () => {
    for (const close of closers.reverse()) await close().catch(() => undefined);
  });

  it("the queue's master killed mid-traffic: 503 meanwhile, never 200 without a write; its replica takes over; nothing accepted is lost", async () => {
    const queue = redisQueue({
      connection: nodeUrls,
      name: `failover-${randomUUID()}`,
      enqueueTimeoutMs: 1000,
      lockDurationMs: 5000,
      stalledIntervalMs: 1000,
      onConnectionError: quiet,
    });
    const dispatcher = createDispatcher({ sdkAppId: APP_ID, token: TOKEN, queue });
    const handled = new Map<string, number>();
    dispatcher.on(COMMAND, (event) => {
      const id = String(event.payload.RoomId);
      handled.set(id, (handled.get(id) ?? 0) + 1);
    });
    const errors: WebhookErrorEvent[] = [];
    dispatcher.onError((error) => {
      errors.push(error);
    });
    const worker = queue.work(dispatcher, { concurrency: 8 });
    const { port, agent, close } = await serveQueued(dispatcher, queue, worker, LANES);
    closers.push(close);

    const { sent, clientErrors, okCount, stop } = traffic(LANES, (i) => post(port, pathNow(), bodyOf(i), agent));

    await waitFor(() => okCount() >= 300, 30_000, "300 accepted callbacks");
    const master = await cluster.masterOf("{tencent-webhooks}");
    await cluster.kill(master);
    const killedAt = performance.now();
    await cluster.waitHealthy("{tencent-webhooks}", 30_000);
    const promotedAt = performance.now();
    const okAtPromotion = okCount();
    await waitFor(() => okCount() >= okAtPromotion + 300, 30_000, "300 more accepted after the failover");
    await stop();
    expect(clientErrors).toEqual([]);
    expect((await cluster.masterOf("{tencent-webhooks}")).port).not.toBe(master.port);

    // Meanwhile: refusals are 503 with a FAIL body, each one reported; no other status.
    const refused = sent.filter((reply) => reply.status !== 200);
    for (const reply of refused) {
      expect(reply.status).toBe(503);
      expect(JSON.parse(reply.body)).toMatchObject({ ActionStatus: "FAIL" });
    }
    expect(refused.filter((reply) => reply.sentAt >= killedAt - 50).length).toBeGreaterThan(0); // The failover was felt.
    expect(errors.filter((error) => error.reason !== "queue_unavailable")).toEqual([]);

    // Everything accepted — before, during and after the failover — is handled.
    const accepted = sent.filter((reply) => reply.status === 200);
    await waitFor(() => accepted.every((reply) => handled.has(roomId(reply.i))), 30_000, "every accepted callback handled");

    // Tencent retries the refused ones: accepted now (or duplicates of writes that landed) and handled.
    let retry = refused.map((reply) => reply.i);
    for (let round = 0; round < 3 && retry.length > 0; round++) {
      const answers = await Promise.all(retry.map(async (i) => ({ i, ...(await post(port, pathNow(), bodyOf(i), agent)) })));
      retry = answers.filter((answer) => answer.status !== 200).map((answer) => answer.i);
    }
    expect(retry).toEqual([]);
    await waitFor(() => refused.every((reply) => handled.has(roomId(reply.i))), 30_000, "the retried callbacks handled");
    expect(handled.size).toBe(new Set(sent.map((reply) => reply.i)).size);
    console.log(
      `cluster failover: ${sent.length} requests, ${accepted.length} accepted, ${refused.length} refused (503), ` +
        `promoted after ${Math.round(promotedAt - killedAt)} ms; ${handled.size} handled, ${[...handled.values()].filter((n) => n > 1).length} twice`,
    );
  }, 120_000);
});
