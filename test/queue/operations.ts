/**
 * What an operator does with any WebhookQueue, run against every engine: dead letters that keep
 * the handler's own error and stack, pages filtered by command and reason, show / replay /
 * remove by id and in bulk, and health() (backlog, oldest waiting job, workers).
 */
import { afterEach, describe, expect, it } from "vitest";
import type { DeliveryAttempt, JobRunner, QueuedCallback, WebhookQueue } from "../../src/delivery/contract.js";
import { DeliveryFailure } from "../../src/delivery/failure.js";
import type { ContractSubject } from "./contract.js";
import { makeJob, sleep, waitFor } from "./support.js";

/** Fails every job whose key is in `failing` the way a dispatcher does: a DeliveryFailure whose cause is the handler's error. */
class OperatorRunner implements JobRunner {
  readonly failing = new Set<string>();
  readonly handled: string[] = [];
  async deliver(job: QueuedCallback, attempt: DeliveryAttempt): Promise<void> {
    if (!this.failing.has(job.dedupeKey)) {
      this.handled.push(job.dedupeKey);
      return;
    }
    const cause = new RangeError(`database said no to ${job.dedupeKey}`);
    throw new DeliveryFailure(`A handler for ${job.command} failed (attempt ${attempt.attempt})`, "handler_failed", true, { cause });
  }
}

function jobOf(command: string, key: string): QueuedCallback {
  return { ...makeJob(key), command };
}

export function operationsContract(label: string, subject: ContractSubject): void {
  describe(`${label}: dead letters, replay, remove, health`, () => {
    const open: Array<{ close(): Promise<void> }> = [];
    const make = (attempts = 1) => {
      const queue = subject.make({ attempts });
      open.push(queue);
      return queue;
    };
    afterEach(async () => {
      for (const closable of open.splice(0)) await closable.close();
    });

    /** Three dead letters (two of command A, one of B), failed in the order a1, b1, a2. */
    async function threeDeadLetters(queue: WebhookQueue, runner: OperatorRunner) {
      const worker = queue.work(runner);
      open.unshift(worker);
      const jobs = [jobOf("Live.A", "Live.A:a1"), jobOf("Live.B", "Live.B:b1"), jobOf("Live.A", "Live.A:a2")];
      for (const job of jobs) {
        runner.failing.add(job.dedupeKey);
        await queue.enqueue(job);
        await waitFor(
          async () => (await queue.failed({ limit: 10 })).some((failed) => failed.job.dedupeKey === job.dedupeKey),
          10_000,
          `${job.dedupeKey} dead`,
        );
        await sleep(5); // Distinct failure times.
      }
      return jobs;
    }

    it("a dead letter keeps the handler's own error and stack, the command, the dedupe key, the received time and the attempts", async () => {
      const queue = make(2);
      const runner = new OperatorRunner();
      const job = jobOf("Live.A", "Live.A:explain");
      runner.failing.add(job.dedupeKey);
      const worker = queue.work(runner);
      open.unshift(worker);
      await queue.enqueue(job);
      const [failed] = await waitFor(async () => {
        const list = await queue.failed();
        return list.length === 1 ? list : undefined;
      }, 10_000);
      expect(failed!.error).toBe("database said no to Live.A:explain");
      expect(failed!.stack).toMatch(/^RangeError: database said no to Live\.A:explain\n\s+at /);
      expect(failed!.reason).toBe("handler_failed");
      expect(failed!.attemptsMade).toBe(2);
      expect(failed!.job).toMatchObject({ command: "Live.A", dedupeKey: "Live.A:explain", receivedAt: job.receivedAt, rawBody: job.rawBody });
      expect(await queue.failedJob(failed!.id)).toEqual(failed);
      expect(await queue.failedJob("no-such-job")).toBeUndefined();
    });

    it("failed() pages newest first and filters by command and reason", async () => {
      const queue = make();
      await threeDeadLetters(queue, new OperatorRunner());
      const keys = async (query: Parameters<WebhookQueue["failed"]>[0]) => (await queue.failed(query)).map((failed) => failed.job.dedupeKey);
      expect(await keys({})).toEqual(["Live.A:a2", "Live.B:b1", "Live.A:a1"]);
      expect(await keys({ limit: 2 })).toEqual(["Live.A:a2", "Live.B:b1"]);
      expect(await keys({ offset: 2, limit: 2 })).toEqual(["Live.A:a1"]);
      expect(await keys({ command: "Live.A" })).toEqual(["Live.A:a2", "Live.A:a1"]);
      expect(await keys({ command: "Live.A", offset: 1 })).toEqual(["Live.A:a1"]);
      expect(await keys({ reason: "schema_invalid" })).toEqual([]);
      expect(await keys({ reason: "handler_failed", command: "Live.B" })).toEqual(["Live.B:b1"]);
      await expect(queue.failed({ limit: 0 })).rejects.toThrow(/`limit` must be an integer from 1 to 1000/);
      await expect(queue.failed({ offset: -1 })).rejects.toThrow(/`offset`/);
      await expect(queue.failed({ reason: "nope" as never })).rejects.toThrow(/`reason` must be "handler_failed" or "schema_invalid"/);
    });

    it("remove(id) deletes one dead letter for good; removeAll(filter) counts what it deleted", async () => {
      const queue = make();
      await threeDeadLetters(queue, new OperatorRunner());
      const [newest] = await queue.failed({ limit: 1 });
      await queue.remove(newest!.id);
      expect((await queue.failed()).map((failed) => failed.job.dedupeKey)).toEqual(["Live.B:b1", "Live.A:a1"]);
      await expect(queue.remove(newest!.id)).rejects.toThrow(/no failed job/);
      expect(await queue.removeAll({ command: "Live.Nothing" })).toBe(0);
      expect(await queue.removeAll({ command: "Live.B" })).toBe(1);
      expect(await queue.removeAll()).toBe(1);
      expect(await queue.failed()).toEqual([]);
      expect((await queue.health()).failed).toBe(0);
    });

    it("replayAll(filter) runs the matching dead letters again and counts them; the rest stay", async () => {
      const queue = make();
      const runner = new OperatorRunner();
      await threeDeadLetters(queue, runner);
      runner.failing.clear();
      expect(await queue.replayAll({ command: "Live.A" })).toBe(2);
      await waitFor(() => runner.handled.length === 2, 10_000, "two replays handled");
      expect(runner.handled.sort()).toEqual(["Live.A:a1", "Live.A:a2"]);
      expect((await queue.failed()).map((failed) => failed.job.dedupeKey)).toEqual(["Live.B:b1"]);
      expect(await queue.replayAll()).toBe(1);
      await waitFor(() => runner.handled.length === 3, 10_000, "the last replay handled");
      expect(await queue.failed()).toEqual([]);
    });

    it("health(): reachable, the backlog and its oldest job's age with no worker, then the workers once one runs", async () => {
      const queue = make();
      const before = await queue.health();
      expect(before).toMatchObject({ kind: queue.kind, reachable: true, waiting: 0, oldestWaitingMs: 0 });
      await queue.enqueue(makeJob());
      await queue.enqueue(makeJob());
      await sleep(120);
      const backlog = await queue.health();
      expect(backlog).toMatchObject({ waiting: 2, workers: 0, active: 0, failed: 0 });
      expect(backlog.oldestWaitingMs).toBeGreaterThanOrEqual(100);
      expect(backlog.oldestWaitingMs).toBeLessThan(60_000);
      const runner = new OperatorRunner();
      const worker = queue.work(runner);
      open.unshift(worker);
      await waitFor(() => runner.handled.length === 2, 10_000, "the backlog handled");
      const drained = await waitFor(async () => {
        const health = await queue.health();
        return health.workers >= 1 && health.waiting === 0 ? health : undefined;
      }, 10_000);
      expect(drained.oldestWaitingMs).toBe(0);
    });
  });
}
