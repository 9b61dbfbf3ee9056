/**
 * A throw-away `redis-server` (the OS package) for the queue benchmark: 127.0.0.1, a free port,
 * a temp dir, no persistence (`--save "" --appendonly no`). `stop()` kills it and removes the dir.
 * A watchdog shell kills it too if this process dies without stopping it (crash, Ctrl-C, the
 * suite's own watchdog), so no redis-server outlives the benchmark.
 *
 * (test/support/redis.ts does the same for the tests, but registers with vitest's afterAll.)
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import net from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";

export interface BenchRedis {
  /** `redis://127.0.0.1:<port>` */
  url: string;
  port: number;
  pid: number;
  /** `redis-server --version`, first line. */
  version: string;
  /** Sends one inline command and returns the first reply line (e.g. `INFO memory` is not for this). */
  command(line: string): Promise<string>;
  /** `used_memory` in bytes (redis-cli INFO memory). */
  usedMemory(): number;
  stop(): Promise<void>;
}

export function redisServerPath(): string | undefined {
  const found = spawnSync("sh", ["-c", "command -v redis-server"], { encoding: "utf8" });
  const file = found.stdout.trim();
  return found.status === 0 && file !== "" ? file : undefined;
}

/** Starts one redis-server; `extraArgs` go after ours (e.g. `--cluster-enabled yes` for a cluster node). */
export async function startRedis(extraArgs: readonly string[] = []): Promise<BenchRedis> {
  const binary = redisServerPath();
  if (!binary) throw new Error("redis-server is not installed (apt-get install -y redis-server): the queue benchmark needs a real one");
  const version = spawnSync(binary, ["--version"], { encoding: "utf8" }).stdout.trim().split("\n")[0] ?? "?";
  const dir = mkdtempSync(path.join(tmpdir(), "tencent-webhooks-bench-redis-"));
  let lastError: unknown;
  for (let tries = 0; tries < 5; tries++) {
    const port = await freePort();
    const proc = spawn(
      binary,
      [
        "--port",
        String(port),
        "--bind",
        "127.0.0.1",
        "--save",
        "",
        "--appendonly",
        "no",
        "--dir",
        dir,
        "--daemonize",
        "no",
        "--protected-mode",
        "no",
        "--loglevel",
        "warning",
        ...extraArgs,
      ],
      { stdio: ["ignore", "pipe", "pipe"] },
    );
    const watchdog = spawn("sh", ["-c", `read _; kill -9 ${proc.pid} 2>/dev/null`], { stdio: ["pipe", "ignore", "ignore"] });
    watchdog.unref();
    (watchdog.stdin as unknown as { unref?: () => void }).unref?.();
    let output = "";
    proc.stdout!.on("data", (chunk: Buffer) => (output += chunk.toString()));
    proc.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
    const exited = new Promise<void>((resolve) => proc.once("exit", () => resolve()));
    const ready = await Promise.race([waitForPing(port, 5000), exited.then(() => false)]);
    if (!ready) {
      proc.kill("SIGKILL");
      watchdog.kill("SIGKILL");
      await exited;
      lastError = new Error(`redis-server did not start on port ${port}: ${output.trim()}`);
      continue;
    }
    const onExit = () => proc.kill("SIGKILL");
    process.once("exit", onExit);
    return {
      url: `redis://127.0.0.1:${port}`,
      port,
      pid: proc.pid!,
      version,
      command: (line) => command(port, line),
      usedMemory: () => usedMemory(port),
      stop: async () => {
        process.off("exit", onExit);
        watchdog.kill("SIGKILL");
        kill(proc);
        await exited;
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  rmSync(dir, { recursive: true, force: true });
  throw lastError;
}

function kill(proc: ChildProcess): void {
  if (proc.exitCode === null && proc.signalCode === null) proc.kill("SIGKILL");
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

/** One inline command; resolves with the first line of the reply. */
function command(port: number, line: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, "127.0.0.1");
    socket.setTimeout(2000, () => socket.destroy(new Error(`redis ${line}: timeout`)));
    socket.once("error", reject);
    socket.once("connect", () => socket.write(`${line}\r\n`));
    socket.once("data", (chunk: Buffer) => {
      socket.destroy();
      resolve(chunk.toString().split("\r\n")[0] ?? "");
    });
  });
}

async function waitForPing(port: number, timeoutMs: number): Promise<boolean> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    const pong = await command(port, "PING").then(
      (reply) => reply === "+PONG",
      () => false,
    );
    if (pong) return true;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  return false;
}

/** `used_memory` of the server on `port`, bytes (0 when redis-cli is missing or it does not answer). */
export function usedMemory(port: number): number {
  const info = spawnSync("redis-cli", ["-h", "127.0.0.1", "-p", String(port), "INFO", "memory"], { encoding: "utf8", timeout: 5000 }).stdout ?? "";
  return Number(/used_memory:(\d+)/.exec(info)?.[1] ?? 0);
}
