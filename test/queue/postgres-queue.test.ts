/**
 * postgresQueue(): the WebhookQueue contract on a real PostgreSQL (its own cluster, initdb'd for
 * this file), then what only PostgreSQL shows: the claim row and its expiry, a pool of the user's,
 * dedupe atomic across pools, a stopped server refused within enqueueTimeoutMs and service back
 * after a restart with what was accepted before intact.
 */
import { randomUUID } from "node:crypto";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import type { WebhookQueue } from "../../src/delivery/contract.js";
import { postgresQueue, type BullmqQueueOptions, type PostgresQueue } from "../../src/delivery/queue.js";
import { postgresForSuite } from "../support/postgres.js";
import { queueContract, type ContractSubject } from "./contract.js";
import { operationsContract } from "./operations.js";
import { FakeRunner, makeJob, waitFor } from "./support.js";

const server = await postgresForSuite("test/queue/postgres-queue.test.ts");
const url = () => server!.url;

const quiet = () => undefined;
const make = (options: BullmqQueueOptions = {}): PostgresQueue =>
  postgresQueue({ connectionString: url(), name: `t-${randomUUID()}`, backoff: { type: "exponential", delay: 10 }, onConnectionError: quiet, ...options });

async function settle(queue: WebhookQueue): Promise<void> {
  await waitFor(
    async () => {
      const counts = await (queue as PostgresQueue).counts();
      return counts.waiting + counts.delayed + counts.active === 0;
    },
    15_000,
    "the queue to settle",
  );
}

const subject: ContractSubject = {
  make: ({ attempts, dedupeTtlSeconds }) => make({ attempts, ...(dedupeTtlSeconds === undefined ? {} : { dedupeTtlSeconds }) }),
  settle,
  shortTtlSeconds: 1,
};

describe.skipIf(!server)("postgresQueue", () => {
  queueContract("postgresQueue", subject);
  operationsContract("postgresQueue", subject);

  describe("on a real PostgreSQL", () => {
    const open: Array<{ close(): Promise<void> }> = [];
    const admin = new pg.Pool({ connectionString: server?.url, max: 2 });
    afterAll(async () => {
      for (const closable of open.splice(0).reverse()) await closable.close();
      await admin.end();
    });
    const track = <T extends { close(): Promise<void> }>(closable: T): T => {
      open.push(closable);
      return closable;
    };

    it("a claim is a row of BullMQ's dedup table expiring after the TTL asked for", async () => {
      const queue = track(make());
      expect(queue.kind).toBe("postgres");
      expect(await queue.dedupe.claim("Live.X:abc", 900)).toBe(true);
      expect((await queue.health()).reachable).toBe(true);
      expect(queue.bullmq()[0]!.name).toBe(queue.name); // Reached PostgreSQL: BullMQ's queue is there for dashboards.
      const { rows } = await admin.query("SELECT expire_at_ms::float - $3::float AS ttl FROM bullmq.dedup WHERE queue = $1 AND dedup_id = $2", [
        queue.name,
        "Live.X:abc",
        Date.now(),
      ]);
      expect(rows).toHaveLength(1);
      expect(rows[0].ttl).toBeGreaterThan(895_000);
      expect(rows[0].ttl).toBeLessThanOrEqual(900_000);
      expect(queue.claimAndEnqueue).toBeUndefined(); // See postgres-queue.ts: a claim, then the job.
    });

    it("dedupe is atomic across pools: 50 concurrent claims of one key over two queues' pools, exactly one true", async () => {
      const name = `t-${randomUUID()}`;
      const a = track(make({ name }));
      const b = track(make({ name }));
      await Promise.all([a.dedupe.claim("warm-a", 60), b.dedupe.claim("warm-b", 60)]);
      for (let round = 0; round < 5; round++) {
        const key = `race-${round}`;
        const results = await Promise.all(Array.from({ length: 50 }, (_, i) => (i % 2 === 0 ? a : b).dedupe.claim(key, 60)));
        expect(results.filter(Boolean)).toHaveLength(1);
      }
    });

    it("the same queue name on another queue sees the jobs: one job per dedupe key across receivers", async () => {
      const name = `t-${randomUUID()}`;
      const a = track(make({ name }));
      const b = track(make({ name }));
      const job = makeJob();
      await Promise.all([a.enqueue(job), b.enqueue({ ...job })]);
      expect(await a.counts()).toEqual({ waiting: 1, delayed: 0, active: 0, failed: 0 });
    });

    it("pool: a pg.Pool of the user's (search_path=bullmq) works, and is not closed by the queue", async () => {
      const pool = new pg.Pool({ connectionString: url(), max: 6, options: "-c search_path=bullmq" });
      const queue = postgresQueue({ pool, name: `t-${randomUUID()}`, onConnectionError: quiet });
      const runner = new FakeRunner();
      const worker = queue.work(runner);
      expect(await queue.dedupe.claim("pooled", 60)).toBe(true);
      await queue.enqueue(makeJob());
      await waitFor(() => runner.deliveries.length === 1, 10_000, "the delivery");
      await worker.close();
      await queue.close();
      expect((await pool.query("SELECT 1 AS one")).rows[0].one).toBe(1);
      await pool.end();
    });

    it("pool: one on another search_path is refused with the fix in the message", async () => {
      const pool = new pg.Pool({ connectionString: url(), max: 2 });
      const queue = postgresQueue({ pool, name: `t-${randomUUID()}`, onConnectionError: quiet });
      await expect(queue.dedupe.claim("x", 60)).rejects.toThrow(/search_path=bullmq/);
      await queue.close();
      await pool.end();
    });

    it("refuses bad options with the option's name", () => {
      expect(() => postgresQueue({ connectionString: url(), attempts: 0 })).toThrow(/attempts/);
      expect(() => postgresQueue({ connectionString: url(), name: "a:b" })).toThrow(/name/);
      expect(() => postgresQueue({ connectionString: url(), poolSize: 0 })).toThrow(/poolSize/);
      expect(() => postgresQueue({} as never)).toThrow(/connectionString/);
      expect(() => postgresQueue({ connectionString: url(), pool: new pg.Pool() } as never)).toThrow(/not both/);
      expect(() => postgresQueue({ pool: {} } as never)).toThrow(/pg\.Pool/);
    });
  });

  // Last: these stop and restart the server.
  describe("postgresQueue with PostgreSQL stopped and restarted", () => {
    it("enqueue and claim reject within enqueueTimeoutMs while it is down; after a restart they succeed and the job accepted before runs", async () => {
      const errors: Error[] = [];
      const queue = postgresQueue({
        connectionString: url(),
        name: `t-${randomUUID()}`,
        enqueueTimeoutMs: 500,
        onConnectionError: (error) => errors.push(error),
      });
      try {
        await waitFor(async () => (await queue.health()).reachable, 10_000, "the queue set up"); // The deadline is for callbacks, not the setup.
        const accepted = makeJob();
        await queue.enqueue(accepted);
        expect(await queue.dedupe.claim(accepted.dedupeKey, 60)).toBe(true);

        await server!.stop();
        for (const attempt of [() => queue.enqueue(makeJob()), () => queue.dedupe.claim("while-down", 60), () => queue.enqueue(makeJob())]) {
          const started = performance.now();
          await expect(attempt()).rejects.toThrow();
          expect(performance.now() - started).toBeLessThan(500 + 250);
        }
        const started = performance.now();
        const burst = await Promise.allSettled(Array.from({ length: 100 }, () => queue.enqueue(makeJob())));
        expect(burst.every((result) => result.status === "rejected")).toBe(true);
        expect(performance.now() - started).toBeLessThan(500 + 250);

        await server!.restart();
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
        // Nothing written while PostgreSQL was down got in behind the callers' backs: only the two jobs.
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

    it("release() while it is down is applied once it is back: the retry is not taken for a duplicate", async () => {
      const queue = postgresQueue({ connectionString: url(), name: `t-${randomUUID()}`, enqueueTimeoutMs: 500, onConnectionError: quiet });
      try {
        await waitFor(async () => (await queue.health()).reachable, 10_000, "the queue set up");
        expect(await queue.dedupe.claim("given-back", 60)).toBe(true);
        await server!.stop();
        await queue.dedupe.release("given-back"); // Never throws.
        await server!.restart();
        await waitFor(() => queue.dedupe.claim("given-back", 60).catch(() => false), 10_000, "the released key claimable again");
        expect(await queue.dedupe.claim("given-back", 60)).toBe(false);
      } finally {
        await queue.close();
      }
    }, 30_000);

    it("a queue made while PostgreSQL is down works once it is up; a worker started then picks jobs up", async () => {
      await server!.stop();
      const queue = postgresQueue({ connectionString: url(), name: `t-${randomUUID()}`, enqueueTimeoutMs: 500, onConnectionError: quiet });
      const runner = new FakeRunner();
      const worker = queue.work(runner);
      try {
        await expect(queue.enqueue(makeJob())).rejects.toThrow();
        await server!.restart();
        await waitFor(
          () =>
            queue.enqueue(makeJob()).then(
              () => true,
              () => false,
            ),
          10_000,
          "enqueue once it is up",
        );
        await waitFor(() => runner.deliveries.length === 1, 20_000, "the delivery");
      } finally {
        await worker.close();
        await queue.close();
      }
    }, 40_000);
  });
});
