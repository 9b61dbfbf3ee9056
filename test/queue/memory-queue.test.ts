/** memoryQueue(): the WebhookQueue contract in one process, plus what only it has (idle(), lazy claim expiry, no live timers). */
import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { memoryQueue, type MemoryQueue } from "../../src/delivery/memory/memory-queue.js";
import type { WebhookQueue } from "../../src/delivery/contract.js";
import { queueContract, type ContractSubject } from "./contract.js";
import { operationsContract } from "./operations.js";
import { FakeRunner, makeJob, sleep } from "./support.js";

const subject: ContractSubject = {
  make: ({ attempts, dedupeTtlSeconds }) =>
    memoryQueue({ attempts, backoff: { delayMs: 10 }, ...(dedupeTtlSeconds === undefined ? {} : { dedupeTtlSeconds }) }),
  settle: (queue: WebhookQueue) => (queue as MemoryQueue).idle(),
  shortTtlSeconds: 0.05,
};
queueContract("memoryQueue", subject);
operationsContract("memoryQueue", subject);

describe("memoryQueue: its own helpers", () => {
  it("idle() resolves at once when nothing is queued, and after the last retry otherwise", async () => {
    const queue = memoryQueue({ attempts: 3, backoff: { delayMs: 20 } });
    await queue.idle();
    const job = makeJob();
    const runner = new FakeRunner().failUntil(job.dedupeKey, 3);
    const worker = queue.work(runner);
    await queue.enqueue(job);
    expect(queue.counts()).toMatchObject({ running: 1 });
    await queue.drain();
    expect(runner.of(job.dedupeKey).map((delivery) => delivery.attempt)).toEqual([1, 2, 3]);
    expect(queue.counts()).toEqual({ waiting: 0, delayed: 0, running: 0, failed: 0 });
    await worker.close();
    await queue.close();
  });

  it("backoff is exponential: delayMs * 2^(attempt - 1) between attempts", async () => {
    const queue = memoryQueue({ attempts: 4, backoff: { delayMs: 40 } });
    const job = makeJob();
    const times: number[] = [];
    queue.work({
      async deliver() {
        times.push(performance.now());
        throw new Error("no");
      },
    });
    await queue.enqueue(job);
    await queue.idle();
    const gaps = times.slice(1).map((time, i) => time - times[i]!);
    expect(gaps).toHaveLength(3);
    [40, 80, 160].forEach((expected, i) => {
      expect(gaps[i]).toBeGreaterThanOrEqual(expected - 5);
      expect(gaps[i]).toBeLessThan(expected + 150);
    });
    expect((await queue.failed()).map((failed) => failed.attemptsMade)).toEqual([4]);
    await queue.close();
  });

  it("a pending backoff timer does not keep the process alive (unref'd): a fresh process exits at once", () => {
    const script = `
      import { memoryQueue } from ${JSON.stringify(new URL("../../src/delivery/memory/memory-queue.ts", import.meta.url).href)};
      const queue = memoryQueue({ attempts: 2, backoff: { delayMs: 60000 } });
      queue.work({ async deliver() { throw new Error("no"); } });
      await queue.enqueue({ protocol: "callback", command: "C", dedupeKey: "k", rawBody: "{}", method: "POST", url: "/", headers: {}, receivedAt: 0 });
      await new Promise((resolve) => setTimeout(resolve, 20));
      console.log(JSON.stringify(queue.counts()));
    `;
    const started = Date.now();
    const run = spawnSync(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script], { encoding: "utf8", timeout: 20_000 });
    expect(run.stderr).toBe("");
    expect(JSON.parse(run.stdout)).toEqual({ waiting: 0, delayed: 1, running: 0, failed: 0 });
    expect(run.status).toBe(0);
    expect(Date.now() - started).toBeLessThan(15_000);
  });

  it("expired claims are dropped lazily: the store does not grow with keys that expired", async () => {
    const queue = memoryQueue();
    for (let i = 0; i < 1000; i++) await queue.dedupe.claim(`old-${i}`, 0.01);
    await sleep(20);
    expect(await queue.dedupe.claim("fresh", 60)).toBe(true);
    // The old ones are gone: claiming them again succeeds, and a duplicate of the fresh one still fails.
    expect(await queue.dedupe.claim("old-999", 60)).toBe(true);
    expect(await queue.dedupe.claim("fresh", 60)).toBe(false);
  });

  it("close() waits for jobs in flight, and enqueue() rejects afterwards", async () => {
    const queue = memoryQueue();
    const runner = new FakeRunner(100);
    queue.work(runner, { concurrency: 2 });
    await queue.enqueue(makeJob());
    await queue.enqueue(makeJob());
    await sleep(10);
    expect(runner.running).toBe(2);
    await queue.close();
    expect(runner.running).toBe(0);
    await expect(queue.enqueue(makeJob())).rejects.toThrow(/closed/);
  });

  it("the queued job is a copy: mutating the caller's object after enqueue changes nothing", async () => {
    const queue = memoryQueue();
    const runner = new FakeRunner();
    const job = makeJob();
    await queue.enqueue(job);
    const original = structuredClone(job);
    job.rawBody = "{}";
    queue.work(runner);
    await queue.idle();
    expect(runner.deliveries[0]!.job).toEqual(original);
    await queue.close();
  });

  it("refuses bad options with the option's name", () => {
    expect(() => memoryQueue({ attempts: 0 })).toThrow(/attempts/);
    expect(() => memoryQueue({ dedupeTtlSeconds: -1 })).toThrow(/dedupeTtlSeconds/);
    expect(() => memoryQueue({ backoff: { delayMs: Number.NaN } })).toThrow(/delayMs/);
    expect(() => memoryQueue().work({} as never)).toThrow(/deliver/);
    expect(() => memoryQueue().work(new FakeRunner(), { concurrency: 0 })).toThrow(/concurrency/);
  });
});

describe("memoryQueue: the no-worker trap", () => {
  it("warns once when callbacks have waited unattendedWarningMs with no worker, and again only after a worker took the backlog", async () => {
    const warnings: string[] = [];
    const queue = memoryQueue({ unattendedWarningMs: 50, logger: { warn: (line: string) => void warnings.push(line) } });
    await queue.enqueue(makeJob());
    await sleep(20);
    expect(warnings).toEqual([]);
    await sleep(150);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/callbacks have waited \d+ s in the memoryQueue and no worker is running: call queue\.work\(dispatcher\)/);
    await sleep(120);
    expect(warnings).toHaveLength(1);
    const worker = queue.work(new FakeRunner());
    await queue.idle();
    await worker.close();
    await queue.enqueue(makeJob());
    await sleep(200);
    expect(warnings).toHaveLength(2);
    await queue.close();
  });

  it("says nothing while a worker runs, however long a job takes", async () => {
    const warnings: string[] = [];
    const queue = memoryQueue({ unattendedWarningMs: 30, logger: { warn: (line: string) => void warnings.push(line) } });
    const worker = queue.work(new FakeRunner(150));
    await queue.enqueue(makeJob());
    await queue.enqueue(makeJob());
    await queue.idle();
    expect(warnings).toEqual([]);
    await worker.close();
    await queue.close();
  });
});
