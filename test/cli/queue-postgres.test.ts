/** `tencent-webhooks queue … --postgres URL` (and DATABASE_URL) on a real PostgreSQL: the same actions as on Redis. */
import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { main } from "../../src/cli/main.js";
import type { FailedCallback, JobRunner } from "../../src/delivery/contract.js";
import { DeliveryFailure } from "../../src/delivery/failure.js";
import { postgresQueue, type PostgresQueue } from "../../src/delivery/queue.js";
import { makeJob, waitFor } from "../queue/support.js";
import { postgresForSuite } from "../support/postgres.js";

const server = await postgresForSuite("test/cli/queue-postgres.test.ts");

async function cli(args: string[], env: Record<string, string>) {
  let stdout = "";
  let stderr = "";
  const code = await main(["queue", ...args], {
    stdout: (text) => void (stdout += text),
    stderr: (text) => void (stderr += text),
    env,
    confirm: async () => undefined,
  });
  return { code, stdout, stderr };
}

describe.skipIf(!server)("tencent-webhooks queue --postgres (real PostgreSQL)", { timeout: 120_000 }, () => {
  const name = `cli-${randomUUID()}`;
  let queue: PostgresQueue;
  afterAll(async () => {
    await queue?.close();
  });

  it("lists the dead letter with the handler's own error, shows it, replays it; DATABASE_URL works like --postgres", async () => {
    queue = postgresQueue({ connectionString: server!.url, name, attempts: 1, onConnectionError: () => undefined });
    let failing = true;
    const handled: string[] = [];
    const runner: JobRunner = {
      async deliver(job) {
        if (!failing) return void handled.push(job.dedupeKey);
        throw new DeliveryFailure("A handler failed", "handler_failed", true, { cause: new Error(`pool exhausted for ${job.dedupeKey}`) });
      },
    };
    queue.work(runner);
    const job = makeJob("Live.CallbackAfterDestroyRoom:pg1");
    await queue.enqueue(job);
    await waitFor(async () => (await queue.health()).failed === 1, 30_000, "a dead letter");

    const listed = await cli(["failed", "--postgres", server!.url, "--name", name], {});
    expect(listed.code).toBe(0);
    expect(listed.stdout).toMatch(/Live\.CallbackAfterDestroyRoom\s+handler_failed\s+1\s+pool exhausted for Live\.CallbackAfterDestroyRoom:pg1/);
    const [dead] = JSON.parse((await cli(["failed", "--name", name, "--json"], { DATABASE_URL: server!.url })).stdout) as FailedCallback[];
    expect(dead!.job.dedupeKey).toBe(job.dedupeKey);
    expect((await cli(["show", dead!.id, "--name", name], { DATABASE_URL: server!.url })).stdout).toMatch(/^stack\n\s+Error: pool exhausted/m);
    failing = false;
    expect((await cli(["replay", dead!.id, "--name", name], { DATABASE_URL: server!.url })).code).toBe(0);
    await waitFor(() => handled.includes(job.dedupeKey), 30_000, "the replayed callback handled");
    const stats = JSON.parse((await cli(["stats", "--json", "--name", name], { DATABASE_URL: server!.url })).stdout);
    expect(stats).toMatchObject({ kind: "postgres", reachable: true, failed: 0 });
  });

  it("refuses --redis with --postgres, and --prefix for PostgreSQL", async () => {
    expect((await cli(["stats", "--redis", "redis://127.0.0.1:1", "--postgres", server!.url], {})).stderr).toMatch(/--redis or --postgres, not both/);
    expect((await cli(["stats", "--prefix", "x"], { DATABASE_URL: server!.url })).stderr).toMatch(/--prefix is Redis's/);
  });
});
