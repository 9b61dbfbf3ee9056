/**
 * A real PostgreSQL (the OS package) for the queue tests: its own cluster, made with `initdb` in a
 * temp dir, listening on 127.0.0.1 on a free port (and a Unix socket in that dir only), trust
 * authentication, `fsync=off` (a test cluster: a clean stop still writes everything). As root it
 * runs as the `postgres` OS user (PostgreSQL refuses to run as root), which owns the temp dir.
 * Called inside a test file, it stops itself (and removes its dir) in `afterAll`.
 *
 * `stop()` is a fast shutdown (what is committed stays), `restart()` starts it again on the same
 * port and data, `kill()` is a crash of the postmaster (SIGKILL).
 *
 * The binaries are looked for on PATH, then in /usr/lib/postgresql/<version>/bin (Debian's
 * layout); POSTGRES_BINDIR, when set, is the only place looked in.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll } from "vitest";
import { freePort, serverAvailable, watchdog } from "./server-process.js";

export interface PostgresServer {
  /** `postgres://postgres@127.0.0.1:<port>/postgres` */
  url: string;
  port: number;
  stop(): Promise<void>;
  kill(): Promise<void>;
  restart(): Promise<void>;
  readonly running: boolean;
}

/** The directory holding `initdb` and `postgres`, or undefined. */
export function postgresBinDir(): string | undefined {
  const has = (dir: string) => existsSync(path.join(dir, "initdb")) && existsSync(path.join(dir, "postgres"));
  if (process.env.POSTGRES_BINDIR !== undefined) return has(process.env.POSTGRES_BINDIR) ? process.env.POSTGRES_BINDIR : undefined;
  for (const dir of (process.env.PATH ?? "").split(path.delimiter)) if (dir && has(dir)) return dir;
  const root = "/usr/lib/postgresql";
  const versions = existsSync(root) ? readdirSync(root).sort((a, b) => Number(b) - Number(a)) : [];
  return versions.map((version) => path.join(root, version, "bin")).find(has);
}

/** Why no PostgreSQL can start here (and how to install one), or undefined. */
export function postgresMissing(): string | undefined {
  if (!postgresBinDir()) return "PostgreSQL is not installed (apt-get install -y postgresql)";
  if (process.getuid?.() === 0 && osUser("postgres") === undefined)
    return "running as root, but there is no `postgres` OS user to run PostgreSQL as (apt-get install -y postgresql creates it)";
  return undefined;
}

/** Starts PostgreSQL for `suite`, or returns undefined (one printed line; REQUIRE_SERVERS=1: a failure) when it is not installed. */
export async function postgresForSuite(suite: string): Promise<PostgresServer | undefined> {
  return serverAvailable(suite, postgresMissing()) ? startPostgres() : undefined;
}

function osUser(name: string): { uid: number; gid: number } | undefined {
  const uid = spawnSync("id", ["-u", name], { encoding: "utf8" });
  const gid = spawnSync("id", ["-g", name], { encoding: "utf8" });
  if (uid.status !== 0 || gid.status !== 0) return undefined;
  return { uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim()) };
}

export async function startPostgres(): Promise<PostgresServer> {
  const bin = postgresBinDir();
  const missing = postgresMissing();
  if (!bin || missing) throw new Error(`${missing}; the queue tests need a real one`);
  const user = process.getuid?.() === 0 ? osUser("postgres") : undefined;
  const dir = mkdtempSync(path.join(tmpdir(), "tencent-webhooks-postgres-"));
  if (user) chownSync(dir, user.uid, user.gid);
  const data = path.join(dir, "data");
  const asUser = user ? { uid: user.uid, gid: user.gid, env: { ...process.env, HOME: dir } } : {};
  const init = spawnSync(path.join(bin, "initdb"), ["-D", data, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--locale=C", "--no-sync"], {
    ...asUser,
    encoding: "utf8",
  });
  if (init.status !== 0) throw new Error(`initdb failed: ${init.stderr || init.stdout || init.error?.message}`);

  let port = 0;
  let child: ChildProcess | undefined;
  let exited: Promise<void> = Promise.resolve();
  let dismissWatchdog = () => {};

  const launch = async (wanted: number): Promise<void> => {
    const proc = spawn(
      path.join(bin, "postgres"),
      [
        "-D",
        data,
        "-p",
        String(wanted),
        "-c",
        "listen_addresses=127.0.0.1",
        "-c",
        `unix_socket_directories=${dir}`,
        "-c",
        "fsync=off",
        "-c",
        "max_connections=200",
      ],
      { ...asUser, stdio: ["ignore", "pipe", "pipe"] },
    );
    dismissWatchdog = watchdog(proc);
    let output = "";
    const done = new Promise<void>((resolve) => proc.once("exit", () => resolve()));
    const ready = new Promise<boolean>((resolve) => {
      const onData = (chunk: Buffer) => {
        output += chunk.toString();
        if (output.includes("ready to accept connections")) resolve(true);
      };
      proc.stdout!.on("data", onData);
      proc.stderr!.on("data", onData);
      setTimeout(() => resolve(false), 20_000).unref();
      void done.then(() => resolve(false));
    });
    child = proc;
    exited = done.then(() => {
      if (child === proc) child = undefined;
    });
    if (!(await ready)) {
      proc.kill("SIGKILL");
      await exited;
      throw new Error(`postgres did not start on port ${wanted}: ${output.trim().slice(-2000)}`);
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

  const halt = async (signal: NodeJS.Signals): Promise<void> => {
    const proc = child;
    if (!proc) return;
    dismissWatchdog();
    proc.kill(signal);
    const timer = setTimeout(() => proc.kill("SIGKILL"), 10_000);
    await exited;
    clearTimeout(timer);
  };

  await start();
  const onExit = () => child?.kill("SIGKILL");
  process.once("exit", onExit);
  const server: PostgresServer = {
    get url() {
      return `postgres://postgres@127.0.0.1:${port}/postgres`;
    },
    get port() {
      return port;
    },
    get running() {
      return child !== undefined;
    },
    stop: () => halt("SIGINT"), // Fast shutdown: sessions are ended, what is committed stays.
    kill: () => halt("SIGKILL"),
    async restart() {
      await halt("SIGINT");
      await start();
    },
  };
  afterAll(async () => {
    process.off("exit", onExit);
    await halt("SIGKILL");
    rmSync(dir, { recursive: true, force: true });
  });
  return server;
}
