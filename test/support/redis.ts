/**
 * A real `redis-server` (the OS package) for the queue tests: 127.0.0.1, a free port, a temp dir,
 * no automatic persistence (`--save "" --appendonly no`). Called inside a test file, it stops
 * itself (and removes its dir) in `afterAll`.
 *
 * `stop()` shuts the server down the way an operator restarts one that keeps its data
 * (`SHUTDOWN SAVE`: one snapshot in the temp dir), and `restart()` starts it again on the same
 * port from that snapshot: what was written before is still there. `kill()` is a crash
 * (SIGKILL): nothing written since the last snapshot survives.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import net from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll } from "vitest";
import { freePort, serverAvailable, watchdog } from "./server-process.js";

export interface RedisServer {
  /** `redis://127.0.0.1:<port>` */
  url: string;
  port: number;
  /** Saves a snapshot and stops the server; resolves once it has exited. Idempotent. */
  stop(): Promise<void>;
  /** Stops the server without saving (SIGKILL). */
  kill(): Promise<void>;
  /** Starts it again on the same port (stopping it first if it is running); resolves once it accepts commands. */
  restart(): Promise<void>;
  /** True while the server process is running. */
  readonly running: boolean;
}

export function redisServerPath(): string | undefined {
  const found = spawnSync("sh", ["-c", "command -v redis-server"], { encoding: "utf8" });
  const file = found.stdout.trim();
  return found.status === 0 && file !== "" ? file : undefined;
}

/** Why no redis-server can start here (and how to install one), or undefined. */
export function redisMissing(): string | undefined {
  return redisServerPath() ? undefined : "redis-server is not installed (apt-get install -y redis-server)";
}

/** Why no Redis Cluster can be made here (redis-server, and redis-cli to join the nodes), or undefined. */
export function redisClusterMissing(): string | undefined {
  const cli = spawnSync("sh", ["-c", "command -v redis-cli"], { encoding: "utf8" });
  const noCli = cli.status !== 0 || cli.stdout.trim() === "";
  return redisMissing() ?? (noCli ? "redis-cli is not installed (apt-get install -y redis-tools)" : undefined);
}

/**
 * Starts a redis-server for `suite`, or returns undefined when none is installed (the suite is
 * skipped with one printed line; REQUIRE_SERVERS=1 makes it a failure). Call it at the top level
 * of a test file, where `afterAll` registers for the file.
 */
export async function redisForSuite(suite: string): Promise<RedisServer | undefined> {
  return serverAvailable(suite, redisMissing()) ? startRedis() : undefined;
}

/** Starts a redis-server (it must be installed: see redisForSuite); call it at the top level of a test file. */
export async function startRedis(): Promise<RedisServer> {
  const binary = redisServerPath();
  if (!binary) throw new Error(`${redisMissing()}; the queue tests need a real one`);
  const dir = mkdtempSync(path.join(tmpdir(), "tencent-webhooks-redis-"));
  let port = 0;
  let child: ChildProcess | undefined;
  let exited: Promise<void> = Promise.resolve();
  let dismissWatchdog = () => {};

  const launch = async (wanted: number): Promise<void> => {
    const proc = spawn(
      binary,
      [
        "--port",
        String(wanted),
        "--bind",
        "127.0.0.1",
        "--save",
        "",
        "--appendonly",
        "no",
        "--dir",
        dir,
        "--dbfilename",
        "dump.rdb",
        "--daemonize",
        "no",
        "--protected-mode",
        "no",
        "--loglevel",
        "warning",
      ],
      { stdio: ["ignore", "pipe", "pipe"] },
    );
    // If this process dies without stopping it (a crashed or killed test run), the watchdog's stdin
    // closes and it kills the server: no redis-server outlives the tests.
    dismissWatchdog = watchdog(proc);
    let output = "";
    proc.stdout!.on("data", (chunk: Buffer) => (output += chunk.toString()));
    proc.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
    const done = new Promise<void>((resolve) => proc.once("exit", () => resolve()));
    child = proc;
    exited = done.then(() => {
      if (child === proc) child = undefined;
    });
    const ready = await Promise.race([waitForPing(wanted, 5000), done.then(() => false)]);
    if (!ready) {
      proc.kill("SIGKILL");
      await exited;
      throw new Error(`redis-server did not start on port ${wanted}: ${output.trim()}`);
    }
  };

  const start = async (): Promise<void> => {
    if (port !== 0) return launch(port);
    let lastError: unknown;
    for (let tries = 0; tries < 5; tries++) {
      const candidate = await freePort();
      try {
        await launch(candidate);
        port = candidate;
        return;
      } catch (error) {
        lastError = error; // Someone took the port between the probe and the start: try another.
      }
    }
    throw lastError;
  };

  const stop = async (): Promise<void> => {
    const proc = child;
    if (!proc) return;
    dismissWatchdog();
    const sent = await command(port, "SHUTDOWN SAVE").catch(() => false);
    if (!sent) proc.kill("SIGTERM");
    const timer = setTimeout(() => proc.kill("SIGKILL"), 5000);
    await exited;
    clearTimeout(timer);
  };

  const kill = async (): Promise<void> => {
    const proc = child;
    if (!proc) return;
    dismissWatchdog();
    proc.kill("SIGKILL");
    await exited;
  };

  await start();
  const onExit = () => child?.kill("SIGKILL");
  process.once("exit", onExit);

  const server: RedisServer = {
    get url() {
      return `redis://127.0.0.1:${port}`;
    },
    get port() {
      return port;
    },
    get running() {
      return child !== undefined;
    },
    stop,
    kill,
    async restart() {
      await stop();
      await start();
    },
  };
  afterAll(async () => {
    process.off("exit", onExit);
    await kill();
    rmSync(dir, { recursive: true, force: true });
  });
  return server;
}

/** Sends one inline command; true once written and the server replied or closed the connection. */
function command(port: number, line: string): Promise<boolean> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, "127.0.0.1");
    socket.setTimeout(2000, () => socket.destroy(new Error("timeout")));
    socket.once("error", reject);
    socket.once("connect", () => socket.write(`${line}\r\n`));
    socket.once("data", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("close", () => resolve(true));
  });
}

async function waitForPing(port: number, timeoutMs: number): Promise<boolean> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    const pong = await new Promise<boolean>((resolve) => {
      const socket = net.connect(port, "127.0.0.1");
      socket.setTimeout(500, () => socket.destroy());
      socket.once("error", () => resolve(false));
      socket.once("close", () => resolve(false));
      socket.once("connect", () => socket.write("PING\r\n"));
      socket.once("data", (chunk: Buffer) => {
        socket.destroy();
        resolve(chunk.toString().startsWith("+PONG"));
      });
    });
    if (pong) return true;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  return false;
}
