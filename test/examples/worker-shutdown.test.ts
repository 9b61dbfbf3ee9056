/**
 * The README's worker shutdown (the same lines as examples/queue/worker.ts): on SIGTERM the
 * worker stops taking jobs, the queue lets go of Redis, and the process exits by itself — nothing
 * left holding the event loop. A real redis-server; the process is killed if it has not exited.
 */
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { redisMissing, startRedis } from "../support/redis.js";
import { serverAvailable } from "../support/server-process.js";

const WORKER = new URL("../../examples/queue/worker.ts", import.meta.url).pathname;
const README = readFileSync(new URL("../../README.md", import.meta.url), "utf8");

// Skipped with one printed line when redis-server is missing (a failure with REQUIRE_SERVERS=1).
describe.skipIf(!serverAvailable("test/examples/worker-shutdown.test.ts", redisMissing()))("the queue worker's SIGTERM", { timeout: 60_000 }, () => {
  it("the README shows the example's shutdown lines", () => {
    const example = readFileSync(WORKER, "utf8");
    for (const line of ["await worker.close();", "await queue.close();"]) {
      expect(README).toContain(line);
      expect(example).toContain(line);
    }
    expect(README).not.toContain('process.on("SIGTERM", () => worker.close())');
  });

  it("closes the worker and the queue, and the process exits 0 by itself", async () => {
    const redis = await startRedis();
    const child = spawn(process.execPath, ["--import", "tsx", WORKER], {
      env: { ...process.env, NODE_OPTIONS: "", REDIS_URL: redis.url },
      stdio: ["ignore", "pipe", "pipe"],
    });
    const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
    let stdout = "";
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => void (stderr += chunk.toString()));
    await new Promise<void>((resolve, reject) => {
      child.stdout.on("data", (chunk: Buffer) => {
        stdout += chunk.toString();
        if (stdout.includes("worker: taking callbacks")) resolve();
      });
      void exited.then((code) => reject(new Error(`exited ${code} before starting: ${stderr}`)));
    });
    child.kill("SIGTERM");
    // A process that does not exit by itself is the failure: it is killed (code null) well inside the test's timeout.
    const killer = setTimeout(() => child.kill("SIGKILL"), 20_000);
    const code = await exited;
    clearTimeout(killer);
    expect(code).toBe(0);
    expect(stderr).toBe("");
  });
});
