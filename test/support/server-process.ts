/**
 * What the real-server starters (redis.ts, postgres.ts) share: a free port on 127.0.0.1, a
 * watchdog that kills the server if the test process dies without stopping it, and the rule for a
 * server that is not installed: the suite is skipped with one line saying which server and how to
 * install it, or fails when REQUIRE_SERVERS=1 (CI, so that the guarantees always run there).
 */
import { spawn, type ChildProcess } from "node:child_process";
import net from "node:net";
import { beforeEach } from "vitest";

/** True when the suite can run; otherwise prints why it is skipped (or throws under REQUIRE_SERVERS=1). */
export function serverAvailable(suite: string, missing: string | undefined): boolean {
  if (missing === undefined) return true;
  if (process.env.REQUIRE_SERVERS === "1") throw new Error(`${suite}: ${missing} (REQUIRE_SERVERS=1: a missing server is a failure)`);
  console.log(`skipped ${suite}: ${missing}`);
  return false;
}

/** Skips every test of the calling file (a top-level `beforeEach`) when its server is missing. */
export function skipFileUnless(server: unknown): void {
  beforeEach((context) => {
    if (!server) context.skip();
  });
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

/**
 * Kills `child` (SIGKILL) if this process dies without stopping it (a crashed or killed test run):
 * the watchdog's stdin closes then. Returns the function that dismisses it.
 */
export function watchdog(child: ChildProcess): () => void {
  const dog = spawn("sh", ["-c", `read _; kill -9 ${child.pid} 2>/dev/null`], { stdio: ["pipe", "ignore", "ignore"] });
  dog.unref();
  (dog.stdin as unknown as { unref?: () => void }).unref?.();
  return () => dog.kill("SIGKILL");
}
