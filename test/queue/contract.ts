/**
 * The WebhookQueue contract, run against memoryQueue() and redisQueue() alike with a fake
 * JobRunner: retries with the attempt numbers and `final` flags, the dead-letter set, replay,
 * dedupe claims, one job per dedupe key, exact job data, concurrency, closing workers.
 */
import { afterEach, describe, expect, it } from "vitest";
import type { WebhookQueue } from "../../src/delivery/contract.js";
import { FakeRunner, makeJob, sleep, waitFor } from "./support.js";

export interface ContractSubject {
  /** A fresh queue (its own namespace); the backoff base delay is ~10 ms. */
  make(options: { attempts: number; dedupeTtlSeconds?: number }): WebhookQueue;
  /** Resolves once nothing is waiting, backing off or running. */
  settle(queue: WebhookQueue): Promise<void>;
  /** A claim's lifetime is whole seconds in Redis: the TTL used for the expiry test. */
  shortTtlSeconds: number;
  /** The queue has claimAndEnqueue (the claim and the job in one write): its tests run. */
  claimAndEnqueue?: boolean;
}

export function queueContract(label: string, subject: ContractSubject): void {
  describe(`${label}: WebhookQueue contract`, () => {
    const open: Array<{ close(): Promise<void> }> = [];
    const make = (options: { attempts: number; dedupeTtlSeconds?: number }) => {
      const queue = subject.make(options);
      open.push(queue);
      return queue;
    };
    const work = (queue: WebhookQueue, runner: FakeRunner, concurrency = 1) => {
      const worker = queue.work(runner, { concurrency });
      open.unshift(worker); // Workers close before their queue.
      return worker;
    };
    afterEach(async () => {
      for (const closable of open.splice(0)) await closable.close();
    });

    it("retries until success: done on attempt 3, the runner saw attempts 1, 2, 3 with final only on the last allowed", async () => {
      const queue = make({ attempts: 5 });
      const job = makeJob();
      const runner = new FakeRunner().failUntil(job.dedupeKey, 3);
      work(queue, runner);
      await queue.enqueue(job);
      await waitFor(() => runner.of(job.dedupeKey).length >= 3, 10_000, "3 attempts");
      await subject.settle(queue);
      const seen = runner.of(job.dedupeKey);
      expect(seen.map(({ attempt, final }) => ({ attempt, final }))).toEqual([
        { attempt: 1, final: false },
        { attempt: 2, final: false },
        { attempt: 3, final: false },
      ]);
      expect(new Set(seen.map((delivery) => delivery.jobId)).size).toBe(1);
      expect(await queue.failed()).toEqual([]);
    });

    it("`final` is true on the last allowed attempt", async () => {
      const queue = make({ attempts: 3 });
      const job = makeJob();
      const runner = new FakeRunner().failUntil(job.dedupeKey, 3);
      work(queue, runner);
      await queue.enqueue(job);
      await waitFor(() => runner.of(job.dedupeKey).length >= 3, 10_000, "3 attempts");
      await subject.settle(queue);
      expect(runner.of(job.dedupeKey).map((delivery) => delivery.final)).toEqual([false, false, true]);
      expect(await queue.failed()).toEqual([]);
    });

    it("a job that always fails is tried `attempts` times, then kept in the failed set with its data and last error", async () => {
      const queue = make({ attempts: 3 });
      const job = makeJob();
      const runner = new FakeRunner().alwaysFail(job.dedupeKey);
      work(queue, runner);
      const before = Date.now();
      await queue.enqueue(job);
      const failed = await waitFor(
        async () => {
          const list = await queue.failed();
          return list.length > 0 && list;
        },
        10_000,
        "the failed set",
      );
      await subject.settle(queue);
      expect(runner.of(job.dedupeKey).map(({ attempt, final }) => [attempt, final])).toEqual([
        [1, false],
        [2, false],
        [3, true],
      ]);
      expect(failed).toHaveLength(1);
      expect(failed[0]).toMatchObject({ id: runner.of(job.dedupeKey)[0]!.jobId, job, attemptsMade: 3, error: `fake failure ${job.dedupeKey} attempt 3` });
      expect(failed[0]!.failedAt).toBeGreaterThanOrEqual(before);
    });

    it("replay(id) puts a failed job back with its attempts reset; it then succeeds and leaves the failed set", async () => {
      const queue = make({ attempts: 2 });
      const job = makeJob();
      const runner = new FakeRunner().alwaysFail(job.dedupeKey);
      work(queue, runner);
      await queue.enqueue(job);
      const [failed] = await waitFor(
        async () => {
          const list = await queue.failed();
          return list.length > 0 && list;
        },
        10_000,
        "the failed set",
      );
      runner.succeed(job.dedupeKey);
      await queue.replay(failed!.id);
      await waitFor(() => runner.of(job.dedupeKey).length >= 3, 10_000, "the replayed attempt");
      await subject.settle(queue);
      expect(runner.of(job.dedupeKey).map(({ attempt, final }) => [attempt, final])).toEqual([
        [1, false],
        [2, true],
        [1, false],
      ]);
      expect(runner.of(job.dedupeKey)[2]!.job).toEqual(job);
      expect(await queue.failed()).toEqual([]);
    });

    it("replay() of an unknown id rejects", async () => {
      const queue = make({ attempts: 2 });
      await expect(queue.replay("no-such-job")).rejects.toThrow(/no failed job/);
    });

    it("the job reaches the runner exactly as enqueued (raw body with a 64-bit integer and non-ASCII text)", async () => {
      const queue = make({ attempts: 1 });
      const runner = new FakeRunner();
      work(queue, runner);
      const job = makeJob();
      await queue.enqueue(job);
      await waitFor(() => runner.deliveries.length === 1, 10_000, "the delivery");
      expect(runner.deliveries[0]!.job).toEqual(job);
      expect(runner.deliveries[0]!.job.rawBody).toContain("144115212345678901");
    });

    it("one job per dedupe key: enqueueing a key whose job is still waiting is a no-op", async () => {
      const queue = make({ attempts: 1 });
      const job = makeJob();
      await queue.enqueue(job);
      await queue.enqueue({ ...job });
      const runner = new FakeRunner();
      work(queue, runner);
      await waitFor(() => runner.deliveries.length >= 1, 10_000, "the delivery");
      await subject.settle(queue);
      expect(runner.deliveries).toHaveLength(1);
    });

    it("claimAndEnqueue (where offered): the first write wins, a duplicate writes nothing, and its claim outlives the completed job", async (context) => {
      const queue = make({ attempts: 1 });
      if (!queue.claimAndEnqueue) return context.skip();
      const job = makeJob();
      expect(await queue.claimAndEnqueue(job, 60)).toBe(true);
      expect(await queue.claimAndEnqueue({ ...job }, 60)).toBe(false);
      const runner = new FakeRunner();
      work(queue, runner);
      await waitFor(() => runner.deliveries.length >= 1, 10_000, "the delivery");
      await subject.settle(queue);
      expect(await queue.claimAndEnqueue({ ...job }, 60)).toBe(false); // Tencent's retry after the job is done.
      await sleep(100);
      expect(runner.deliveries.map((delivery) => delivery.job)).toEqual([job]);
    });

    it("dedupe: the first claim wins, later ones are duplicates, release gives the key back", async () => {
      const queue = make({ attempts: 1 });
      const key = `claim-${Math.random()}`;
      expect(await queue.dedupe.claim(key, 60)).toBe(true);
      expect(await queue.dedupe.claim(key, 60)).toBe(false);
      await queue.dedupe.release(key);
      expect(await queue.dedupe.claim(key, 60)).toBe(true);
      expect(await queue.dedupe.claim(key, 60)).toBe(false);
    });

    it("dedupe: a claim expires after its TTL", async () => {
      const queue = make({ attempts: 1 });
      const key = `ttl-${Math.random()}`;
      expect(await queue.dedupe.claim(key, subject.shortTtlSeconds)).toBe(true);
      expect(await queue.dedupe.claim(key, subject.shortTtlSeconds)).toBe(false);
      await waitFor(() => queue.dedupe.claim(key, subject.shortTtlSeconds), subject.shortTtlSeconds * 1000 + 3000, "the claim to expire");
    });

    it("dedupe: 50 concurrent claims of one key, exactly one wins", async () => {
      const queue = make({ attempts: 1 });
      const key = `race-${Math.random()}`;
      const results = await Promise.all(Array.from({ length: 50 }, () => queue.dedupe.claim(key, 60)));
      expect(results.filter(Boolean)).toHaveLength(1);
    });

    it.runIf(subject.claimAndEnqueue)("claimAndEnqueue: the first write true, a duplicate false and no second job", async () => {
      const queue = make({ attempts: 1 });
      const job = makeJob();
      expect(await queue.claimAndEnqueue!(job, 60)).toBe(true);
      expect(await queue.claimAndEnqueue!({ ...job }, 60)).toBe(false);
      const runner = new FakeRunner();
      work(queue, runner);
      await waitFor(() => runner.deliveries.length >= 1, 10_000, "the delivery");
      await subject.settle(queue);
      expect(runner.deliveries.map((delivery) => delivery.job)).toEqual([job]);
    });

    it.runIf(subject.claimAndEnqueue)(
      "claimAndEnqueue: the claim outlives the job (handled and removed): Tencent's retry within the TTL is still a duplicate",
      async () => {
        const queue = make({ attempts: 1 });
        const job = makeJob();
        const runner = new FakeRunner();
        work(queue, runner);
        expect(await queue.claimAndEnqueue!(job, 60)).toBe(true);
        await waitFor(() => runner.deliveries.length === 1, 10_000, "the delivery");
        await subject.settle(queue);
        expect(await queue.claimAndEnqueue!({ ...job }, 60)).toBe(false);
        expect(await queue.dedupe.claim(job.dedupeKey, 60)).toBe(false); // One key for both paths.
        await sleep(300);
        expect(runner.deliveries).toHaveLength(1);
      },
    );

    it.runIf(subject.claimAndEnqueue)("claimAndEnqueue: 50 concurrent writes of one callback, exactly one true", async () => {
      const queue = make({ attempts: 1 });
      const job = makeJob();
      const results = await Promise.all(Array.from({ length: 50 }, () => queue.claimAndEnqueue!({ ...job }, 60)));
      expect(results.filter(Boolean)).toHaveLength(1);
    });

    it("dedupeTtlSeconds defaults to 900 and can be set", () => {
      expect(make({ attempts: 1 }).dedupeTtlSeconds).toBe(900);
      expect(make({ attempts: 1, dedupeTtlSeconds: 1200 }).dedupeTtlSeconds).toBe(1200);
    });

    it("work(runner, { concurrency }) runs that many jobs at once, no more", async () => {
      const queue = make({ attempts: 1 });
      const runner = new FakeRunner(60);
      for (let i = 0; i < 9; i++) await queue.enqueue(makeJob());
      work(queue, runner, 3);
      await waitFor(() => runner.deliveries.length === 9, 10_000, "9 deliveries");
      await subject.settle(queue);
      expect(runner.maxRunning).toBe(3);
    });

    it("a worker's close() waits for the jobs in flight", async () => {
      const queue = make({ attempts: 1 });
      const runner = new FakeRunner(200);
      const worker = queue.work(runner, { concurrency: 2 });
      await queue.enqueue(makeJob());
      await queue.enqueue(makeJob());
      await waitFor(() => runner.running === 2, 10_000, "2 jobs running");
      await worker.close();
      expect(runner.running).toBe(0);
      expect(runner.deliveries).toHaveLength(2);
    });
  });
}
