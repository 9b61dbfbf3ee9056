/**
 * The delivery guarantees across processes, over real HTTP, on every engine with a real server
 * (Redis: one redis-server; Redis Cluster: three masters with a replica each; PostgreSQL: its own
 * cluster; the in-memory queue is one process, so only the contract suite applies to it):
 *
 *  - 2 receiver processes (node:http + nodeMiddleware, queued mode on the engine's queue) and 2
 *    worker processes (queue.work(dispatcher)), each its own `node --import tsx` process;
 *  - N signed callbacks (distinct RoomIds; per engine, see ENGINES); 10% of them are sent twice, each time to the
 *    other receiver: a third at the same moment, a third right after the first answer, a third at
 *    the very end (a Tencent retry after the callback was already handled);
 *  - one worker is `kill -9`ed mid-run; BullMQ's stalled-job recovery gives its jobs in flight to
 *    the other;
 *  - the handler records its calls per callback in files (one line per call, appended at once).
 *
 * Asserted: every request got 200; every distinct callback was handled at least once; no
 * client-duplicated callback was handled twice (each duplicate reached onDuplicate instead:
 * exactly 1,000 across the receivers); the only callbacks handled more than once are ones the
 * killed worker had handled but not yet completed (once by it, once by the survivor), at most its
 * concurrency; its unfinished jobs were run by the survivor; nothing is left waiting, delayed,
 * active or failed; no onError anywhere.
 *
 * GUARANTEE_CALLBACKS overrides every engine's N. A missing server skips its engine with one
 * printed line (a failure with REQUIRE_SERVERS=1).
 */
import { randomUUID } from "node:crypto";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import http from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, expect, it } from "vitest";
import { signedQuery } from "../../src/index.js";
import { postgresForSuite } from "../support/postgres.js";
import { redisForSuite } from "../support/redis.js";
import { redisClusterForSuite } from "../support/redis-cluster.js";
import { engineQueue, type EngineName } from "./fixtures/engine-queue.js";
import { post, sleep, startFixture, waitFor, type Fixture } from "./support.js";

const SUITE = "test/queue/guarantees.test.ts";
const override = process.env.GUARANTEE_CALLBACKS ? Number(process.env.GUARANTEE_CALLBACKS) : undefined;
/** Sized so that each engine's run takes about a minute on a busy 2-core machine. */
const ENGINES: Array<{ engine: EngineName; label: string; callbacks: number; url: string | undefined }> = [
  { engine: "redis", label: "Redis", callbacks: override ?? 10_000, url: (await redisForSuite(`${SUITE} (Redis)`))?.url },
  {
    engine: "cluster",
    label: "Redis Cluster",
    callbacks: override ?? 4_000,
    url: (await redisClusterForSuite(`${SUITE} (Redis Cluster)`))?.nodes.map((node) => node.url).join(","),
  },
  { engine: "postgres", label: "PostgreSQL", callbacks: override ?? 2_000, url: (await postgresForSuite(`${SUITE} (PostgreSQL)`))?.url },
];
const IN_FLIGHT = 48;
const WORKER_CONCURRENCY = 8;
// Long enough that the victim has jobs in flight when it is killed (the point of the kill).
const HANDLER_MS = 10;
const APP_ID = "1400000000";
const TOKEN = "guarantee-token";
const COMMAND = "Room.CallbackAfterDestroyRoom";
const OK = JSON.stringify({ ActionStatus: "OK", ErrorInfo: "", ErrorCode: 0 });

const fixtures: Fixture[] = [];
const records = mkdtempSync(path.join(tmpdir(), "tencent-webhooks-guarantees-"));
afterAll(async () => {
  for (const fixture of fixtures) fixture.child.kill("SIGKILL");
  await Promise.all(fixtures.map((fixture) => fixture.exited));
  rmSync(records, { recursive: true, force: true });
});

type DuplicateKind = "concurrent" | "after" | "later" | undefined;
const duplicateKind = (i: number): DuplicateKind => (i % 30 === 7 ? "concurrent" : i % 30 === 17 ? "after" : i % 30 === 27 ? "later" : undefined);
const roomId = (i: number) => `g-${i}`;
const bodyOf = (i: number) => JSON.stringify({ CallbackCommand: COMMAND, Operator_Account: "guarantee", RoomId: roomId(i), EventTime: 1_700_000_000_000 + i });
const pathNow = () => {
  const { Sign, RequestTime } = signedQuery(TOKEN, Date.now());
  return `/tencent/callback?SdkAppid=${APP_ID}&CallbackCommand=${COMMAND}&contenttype=json&ClientIP=203.0.113.7&OptPlatform=RESTAPI&Sign=${Sign}&RequestTime=${RequestTime}`;
};

/** One line per call, per file: the ids, and how many times each. */
const lines = (file: string): string[] => (existsSync(file) ? readFileSync(file, "utf8").split("\n").filter(Boolean) : []);
const tally = (file: string): Record<string, string> => {
  const counts: Record<string, number> = {};
  for (const id of lines(file)) counts[id] = (counts[id] ?? 0) + 1;
  return Object.fromEntries(Object.entries(counts).map(([id, n]) => [id, String(n)]));
};

for (const { engine, label, callbacks: CALLBACKS, url } of ENGINES) {
  it.skipIf(!url)(
    `${label}: ${CALLBACKS} callbacks, 10% sent twice, 2 receivers, 2 workers, one kill -9ed: handled at least once, duplicates never twice`,
    async () => {
      const started = performance.now();
      const name = `guarantee-${randomUUID()}`;
      const dir = mkdtempSync(path.join(records, `${engine}-`));
      const file = (what: string, tag: string) => path.join(dir, `${what}-${tag}`);
      const common = { ENGINE: engine, QUEUE_URL: url!, QUEUE_NAME: name, APP_ID, TOKEN, RECORD_DIR: dir };
      const worker = (tag: string) =>
        startFixture("worker", {
          ...common,
          WORKER_TAG: tag,
          CONCURRENCY: String(WORKER_CONCURRENCY),
          HANDLER_MS: String(HANDLER_MS),
          LOCK_MS: "2000",
          STALLED_MS: "1000",
        });
      const receivers = [startFixture("receiver", common), startFixture("receiver", common)];
      const victim = worker("victim");
      const survivor = worker("survivor");
      fixtures.push(...receivers, victim, survivor);
      // Generous: four processes loading TypeScript at once on a busy 2-core machine can take a while.
      const ports = await Promise.all(receivers.map(async (receiver) => (await receiver.next<{ port: number }>("ready", 60_000)).port));
      await Promise.all([victim.next("ready", 60_000), survivor.next("ready", 60_000)]);
      const startedUp = performance.now() - started;

      const probe = engineQueue(engine, url!, name);
      const agents = ports.map(() => new http.Agent({ keepAlive: true, maxSockets: IN_FLIGHT }));
      const replies: Array<{ i: number; status: number; body: string }> = [];
      const clientErrors: unknown[] = [];
      const send = async (i: number, receiver: number) => {
        try {
          const reply = await post(ports[receiver]!, pathNow(), bodyOf(i), agents[receiver]!);
          replies.push({ i, ...reply });
        } catch (error) {
          clientErrors.push(error);
        }
      };

      // Kill the victim once a third of the callbacks have been handled (by either worker; a callback
      // both handled counts twice here, which does not matter for "about a third").
      let killedAt: number | undefined;
      let victimHandledBeforeKill = 0;
      const handledNow = async () => lines(file("handled", "victim")).length + lines(file("handled", "survivor")).length;
      const killer = (async () => {
        // A third of the way in, and when the victim has jobs started but not finished: from `hold` on,
        // its handlers never finish, so the jobs seen in flight are still in flight at the kill (under
        // a loaded machine a 10 ms handler can finish between a check and the kill).
        const inFlight = async () => new Set(lines(file("started", "victim"))).size > lines(file("handled", "victim")).length;
        while ((await handledNow()) < CALLBACKS / 3) await new Promise((resolve) => setTimeout(resolve, 20));
        writeFileSync(file("hold", "victim"), "");
        while (!(await inFlight())) await new Promise((resolve) => setTimeout(resolve, 5));
        victim.child.kill("SIGKILL");
        victimHandledBeforeKill = lines(file("handled", "victim")).length;
        killedAt = performance.now() - started;
        await victim.exited;
      })();

      const later: number[] = [];
      let next = 0;
      const lane = async () => {
        while (next < CALLBACKS) {
          const i = next++;
          const first = i % 2;
          switch (duplicateKind(i)) {
            case "concurrent":
              await Promise.all([send(i, first), send(i, 1 - first)]);
              break;
            case "after":
              await send(i, first);
              await send(i, 1 - first);
              break;
            case "later":
              later.push(i);
              await send(i, first);
              break;
            default:
              await send(i, first);
          }
        }
      };
      await Promise.all(Array.from({ length: IN_FLIGHT }, lane));
      const sentAt = performance.now() - started;
      await killer;

      // Everything handled, and then the late copies: Tencent's retries of callbacks already done.
      const distinctHandled = async () => new Set([...lines(file("handled", "victim")), ...lines(file("handled", "survivor"))]).size;
      try {
        const allHandled = async () => {
          if ((await distinctHandled()) === CALLBACKS) return true;
          await sleep(200); // Two files of up to 10,000 lines: not every 20 ms.
          return false;
        };
        await waitFor(allHandled, 60_000, `all ${CALLBACKS} callbacks handled`);
      } catch (error) {
        throw new Error(
          `${(error as Error).message}: ${await distinctHandled()} handled, queue ${JSON.stringify(await probe.counts())}, survivor: ${survivor.stderr()}`,
        );
      }
      let cursor = 0;
      await Promise.all(
        Array.from({ length: IN_FLIGHT }, async () => {
          while (cursor < later.length) {
            const i = later[cursor++]!;
            await send(i, 1 - (i % 2));
          }
        }),
      );
      await waitFor(
        async () => {
          const counts = await probe.counts();
          return counts.waiting + counts.delayed + counts.active === 0 && counts;
        },
        20_000,
        "the queue to drain",
      );
      const settledAt = performance.now() - started;

      const [receiverStats, survivorStats] = await Promise.all([
        Promise.all(receivers.map((receiver) => receiver.stop<{ duplicates: number; errorCount: number; errors: string[] }>())),
        survivor.stop<{ handled: number; maxAttempt: number; withoutKey: number; errorCount: number; errors: string[] }>(),
      ]);
      const victimCounts = tally(file("handled", "victim"));
      const survivorCounts = tally(file("handled", "survivor"));
      const victimStarted = new Set(lines(file("started", "victim")));
      const finalCounts = await probe.counts();
      await probe.close();
      for (const agent of agents) agent.destroy();

      // Every request answered 200 OK.
      const duplicatesSent = Array.from({ length: CALLBACKS }, (_, i) => i).filter((i) => duplicateKind(i) !== undefined);
      expect(clientErrors).toEqual([]);
      expect(replies).toHaveLength(CALLBACKS + duplicatesSent.length);
      expect(replies.filter((reply) => reply.status !== 200 || reply.body !== OK).slice(0, 5)).toEqual([]);

      // Every distinct callback handled at least once; more than once only for the killed worker's unfinished jobs.
      const twice: string[] = [];
      for (let i = 0; i < CALLBACKS; i++) {
        const id = roomId(i);
        const byVictim = Number(victimCounts[id] ?? 0);
        const bySurvivor = Number(survivorCounts[id] ?? 0);
        expect(byVictim + bySurvivor, `handled count of ${id}`).toBeGreaterThanOrEqual(1);
        if (byVictim + bySurvivor > 1) twice.push(id);
      }
      for (const id of twice) {
        // Handled by the victim, which died before BullMQ recorded the completion, then by the survivor.
        expect({ id, byVictim: victimCounts[id], bySurvivor: survivorCounts[id] }).toEqual({ id, byVictim: "1", bySurvivor: "1" });
      }
      expect(twice.length).toBeLessThanOrEqual(WORKER_CONCURRENCY);

      // Client-duplicated callbacks: handled once (a kill-caused re-run aside), every copy a duplicate.
      for (const i of duplicatesSent) {
        const id = roomId(i);
        if (twice.includes(id)) continue;
        expect(Number(victimCounts[id] ?? 0) + Number(survivorCounts[id] ?? 0), `handled count of duplicated ${id}`).toBe(1);
      }
      expect(receiverStats.reduce((sum, stats) => sum + stats.duplicates, 0)).toBe(duplicatesSent.length);

      // The kill happened mid-run, and the victim's unfinished jobs were run by the survivor.
      expect(killedAt).toBeDefined();
      expect(victimHandledBeforeKill).toBeGreaterThan(0);
      const recovered = [...victimStarted].filter((id) => victimCounts[id] === undefined);
      expect(recovered.length).toBeGreaterThan(0);
      expect(recovered.length).toBeLessThanOrEqual(WORKER_CONCURRENCY);
      for (const id of recovered) expect(survivorCounts[id], `recovered ${id}`).toBe("1");

      // Nothing left, nothing failed, no onError; handlers saw the dedupe key and first attempts only.
      expect(finalCounts).toEqual({ waiting: 0, delayed: 0, active: 0, failed: 0 });
      expect(receiverStats.map((stats) => stats.errors)).toEqual([[], []]);
      expect(survivorStats.errors).toEqual([]);
      expect(survivorStats.withoutKey).toBe(0);
      expect(survivorStats.maxAttempt).toBe(1);

      console.log(
        `guarantees on ${label}: ${replies.length} requests (${duplicatesSent.length} duplicates) all 200; victim handled ${Object.keys(victimCounts).length} ` +
          `(killed at ${Math.round(killedAt!)} ms after ${victimHandledBeforeKill}), survivor ${Object.keys(survivorCounts).length}; ` +
          `${recovered.length} recovered after the kill, ${twice.length} handled twice; processes up by ${Math.round(startedUp)} ms, sent by ${Math.round(sentAt)} ms, settled by ${Math.round(settledAt)} ms`,
      );
    },
    240_000,
  );
}
