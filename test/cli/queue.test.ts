/**
 * `tencent-webhooks queue …` as an operator runs it: the real bin in a child process (tsx, no
 * build) against a real redis-server, on dead letters a real worker left there.
 */
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { main } from "../../src/cli/main.js";
import type { DeliveryAttempt, FailedCallback, JobRunner, QueuedCallback } from "../../src/delivery/contract.js";
import { DeliveryFailure } from "../../src/delivery/failure.js";
import { redisQueue, type RedisQueue } from "../../src/delivery/queue.js";
import { makeJob, waitFor } from "../queue/support.js";
import { startRedis } from "../support/redis.js";

const run = promisify(execFile);
const BIN = new URL("../../bin/tencent-webhooks.js", import.meta.url).pathname;
const redis = await startRedis();

async function cli(args: string[], env: Record<string, string> = { REDIS_URL: redis.url }) {
  try {
    const { stdout, stderr } = await run(process.execPath, [BIN, "queue", ...args], { env: { ...process.env, NODE_OPTIONS: "", REDIS_URL: "", ...env } });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

/** The same CLI in this process (a real Redis still): for the variations, where a child process per run would be slow. */
async function inProcess(args: string[], confirm: () => Promise<boolean | undefined> = async () => undefined) {
  let stdout = "";
  let stderr = "";
  const code = await main(["queue", ...args], {
    stdout: (text) => void (stdout += text),
    stderr: (text) => void (stderr += text),
    env: { REDIS_URL: redis.url },
    confirm,
  });
  return { code, stdout, stderr };
}

/** Fails the keys in `failing` as a dispatcher does: the handler's own error as the cause. */
class Runner implements JobRunner {
  readonly failing = new Set<string>();
  readonly handled: string[] = [];
  async deliver(job: QueuedCallback, attempt: DeliveryAttempt): Promise<void> {
    if (!this.failing.has(job.dedupeKey)) return void this.handled.push(job.dedupeKey);
    const cause = new Error(`ECONNRESET writing room ${job.dedupeKey} to the ledger`);
    throw new DeliveryFailure(`A handler for ${job.command} failed (attempt ${attempt.attempt})`, "handler_failed", true, { cause });
  }
}

// The package's default queue name: the CLI finds it without --name.
let queue: RedisQueue;
const runner = new Runner();
const keys = ["Live.CallbackAfterDestroyRoom:r1", "Live.CallbackAfterCreateRoom:r2", "Live.CallbackAfterDestroyRoom:r3"];

beforeAll(async () => {
  queue = redisQueue({ connection: redis.url, attempts: 1, onConnectionError: () => undefined });
  queue.work(runner);
  for (const key of keys) {
    runner.failing.add(key);
    await queue.enqueue({ ...makeJob(key), command: key.split(":")[0]! });
  }
  await waitFor(async () => (await queue.health()).failed === 3, 15_000, "three dead letters");
});
afterAll(async () => {
  await queue.close();
});

describe("tencent-webhooks queue (real redis-server)", { timeout: 120_000 }, () => {
  it("stats: reachable, one worker, the dead letters; --json for scripts", async () => {
    const text = await cli(["stats"]);
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/^queue\s+tencent-webhooks \(redis\)$/m);
    expect(text.stdout).toMatch(/^reachable\s+yes$/m);
    expect(text.stdout).toMatch(/^failed \(dead letters\)\s+3$/m);
    const json = JSON.parse((await inProcess(["stats", "--json"])).stdout);
    expect(json).toMatchObject({ name: "tencent-webhooks", kind: "redis", reachable: true, failed: 3, waiting: 0 });
    expect(json.workers).toBeGreaterThanOrEqual(1);
  });

  it("failed: a table with the handler's own error, newest first; --command narrows it; --json pages", async () => {
    const text = await cli(["failed"]);
    expect(text.code).toBe(0);
    const lines = text.stdout.trim().split("\n");
    expect(lines[0]).toMatch(/^ID\s+FAILED AT\s+COMMAND\s+REASON\s+ATTEMPTS\s+ERROR$/);
    expect(lines.slice(1).map((line) => line.split(/\s+/)[2])).toEqual([
      "Live.CallbackAfterDestroyRoom",
      "Live.CallbackAfterCreateRoom",
      "Live.CallbackAfterDestroyRoom",
    ]);
    expect(lines[1]).toContain("ECONNRESET writing room Live.CallbackAfterDestroyRoom:r3 to the ledger");
    expect(lines[1]).toMatch(/handler_failed\s+1\s+ECONNRESET/);
    const narrowed = await inProcess(["failed", "--command", "Live.CallbackAfterCreateRoom", "--json"]);
    const only = JSON.parse(narrowed.stdout) as FailedCallback[];
    expect(only.map((dead) => dead.job.dedupeKey)).toEqual(["Live.CallbackAfterCreateRoom:r2"]);
    const second = JSON.parse((await inProcess(["failed", "--limit", "1", "--offset", "1", "--json"])).stdout) as FailedCallback[];
    expect(second.map((dead) => dead.job.dedupeKey)).toEqual(["Live.CallbackAfterCreateRoom:r2"]);
    expect((await inProcess(["failed", "--limit", "0"])).code).toBe(2);
    expect((await inProcess(["failed", "--reason", "bogus"])).stderr).toMatch(/--reason must be handler_failed or schema_invalid/);
  });

  it("show <id>: the error, its stack, the dedupe key, received time and raw body; exit 1 for an unknown id", async () => {
    const [dead] = JSON.parse((await inProcess(["failed", "--limit", "1", "--json"])).stdout) as FailedCallback[];
    const text = await cli(["show", dead!.id]);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain(`dedupe key   ${keys[2]}`);
    expect(text.stdout).toContain("received at  2023-11-14T22:13:20.000Z");
    expect(text.stdout).toMatch(/^error\s+ECONNRESET writing room/m);
    expect(text.stdout).toMatch(/^stack\n\s+Error: ECONNRESET writing room .*\n\s+at /m);
    expect(text.stdout).toContain('"Owner_Account":144115212345678901');
    const missing = await inProcess(["show", "no-such-id"]);
    expect(missing).toMatchObject({ code: 1, stdout: "" });
    expect(missing.stderr).toMatch(/no dead letter with id "no-such-id"/);
  });

  it("replay <id>: the callback runs again and leaves the dead letters", async () => {
    const [dead] = JSON.parse((await inProcess(["failed", "--command", "Live.CallbackAfterCreateRoom", "--json"])).stdout) as FailedCallback[];
    runner.failing.delete(dead!.job.dedupeKey);
    const replayed = await cli(["replay", dead!.id]);
    expect(replayed).toMatchObject({ code: 0, stdout: `replayed ${dead!.id}\n` });
    await waitFor(() => runner.handled.includes(dead!.job.dedupeKey), 10_000, "the replayed callback handled");
    expect((await inProcess(["replay", dead!.id])).code).toBe(1);
  });

  it("bulk changes: refused without a terminal or --yes (exit 4, nothing changed), done with --yes", async () => {
    const refused = await cli(["remove", "--all"]);
    expect(refused.code).toBe(4);
    expect(refused.stderr).toMatch(/queue remove --all changes 2 dead letter\(s\): confirm on a terminal, or pass --yes/);
    expect((await queue.health()).failed).toBe(2);
    const declined = await inProcess(["remove", "--all"], async () => false);
    expect(declined).toMatchObject({ code: 4, stderr: "Nothing changed.\n" });
    let asked = "";
    const confirmed = await inProcess(["remove", "--all", "--command", "Live.CallbackAfterDestroyRoom"], async () => {
      asked = "yes";
      return true;
    });
    expect(asked).toBe("yes");
    expect(confirmed).toMatchObject({ code: 0, stdout: "removed 2 dead letter(s)\n" });
    const removed = await cli(["remove", "--all", "--yes", "--json"]);
    expect(removed).toMatchObject({ code: 0 });
    expect(JSON.parse(removed.stdout)).toEqual({ removed: 0 });
    expect(await queue.failed()).toEqual([]);
    expect((await inProcess(["replay", "--all", "--yes"])).stdout).toBe("replayed 0 dead letter(s)\n");
  });

  it("usage errors exit 2; an unreachable Redis exits 3 within --timeout and says where", async () => {
    let noUrlText = "";
    const noUrl = await main(["queue", "stats"], { stdout: () => undefined, stderr: (text) => void (noUrlText += text), env: {} });
    expect(noUrl).toBe(2);
    expect(noUrlText).toMatch(/queue needs --redis <url> or REDIS_URL \(or --postgres <url> \/ DATABASE_URL\)/);
    expect((await inProcess(["frobnicate"])).stderr).toMatch(/unknown queue action "frobnicate"; actions: stats, failed, show, replay, remove/);
    expect((await inProcess(["stat"])).stderr).toMatch(/unknown queue action "stat" \(did you mean stats\?\)/);
    expect((await inProcess(["remove"])).code).toBe(2);
    const started = Date.now();
    const down = await cli(["failed", "--redis", "redis://user:secret@127.0.0.1:1", "--timeout", "500"], {});
    expect(down.code).toBe(3);
    expect(down.stderr).toMatch(/cannot reach Redis at redis:\/\/user:\*\*\*@127\.0\.0\.1:1/);
    expect(down.stderr).not.toContain("secret");
    expect(Date.now() - started).toBeLessThan(20_000);
    const stats = await inProcess(["stats", "--redis", "redis://127.0.0.1:1", "--timeout", "500"]);
    expect(stats.code).toBe(3);
    expect(stats.stdout).toMatch(/^reachable\s+no: /m);
  });
});
