/**
 * Set-up for the runtime suite: builds the package once per run (tsup, ESM, into a temp folder
 * under node_modules/.cache/runtimes so it never touches a developer's dist/), installs Node 22
 * and 24 into that cache when they are missing (never as devDependencies: their package puts a
 * `node` into node_modules/.bin, which would shadow this machine's Node for every npm script),
 * runs fixtures/check.mjs on a runtime, and bundles and serves fixtures/worker.mjs with workerd.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { chmod, mkdir, mkdtemp, readdir, readFile, rename, rm, stat, writeFile } from "node:fs/promises";
import { builtinModules, createRequire } from "node:module";
import net from "node:net";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import type { Plugin } from "esbuild";
import type { CheckOutput } from "./fixtures/cases.mjs";

export const REPO = join(dirname(fileURLToPath(import.meta.url)), "../..");
export const FIXTURES = join(REPO, "test/runtimes/fixtures");
export const CACHE = join(REPO, "node_modules/.cache/runtimes");
const BIN = join(REPO, "node_modules/.bin");
export const BUN = join(BIN, "bun");
export const DENO = join(BIN, "deno");
export const WORKERD = join(BIN, "workerd");

/** The Node lines tested besides this machine's, as exact versions (the npm package node-<platform>-<arch>). */
export const NODE_VERSIONS = { 22: "22.23.5", 24: "24.22.3" } as const;

/**
 * workerd compatibility: the worker runs with no flags (WebCrypto for the digests; tsup defines
 * `Buffer` as `globalThis.Buffer`, so @hapi/hoek's load-time `Buffer && …` reads undefined rather
 * than throwing) and with `nodejs_compat` (node:crypto). RUNTIMES_WORKERD_FLAGS="a,b" runs one
 * set of flags instead ("" for none).
 */
export const WORKERD_COMPATIBILITY_DATE = "2026-01-01";
const parseFlags = (list: string) =>
  list
    .split(",")
    .map((flag) => flag.trim())
    .filter(Boolean);
export const WORKERD_FLAG_SETS: readonly string[][] =
  process.env.RUNTIMES_WORKERD_FLAGS === undefined ? [[], ["nodejs_compat"]] : [parseFlags(process.env.RUNTIMES_WORKERD_FLAGS)];

/** Milliseconds taken by each set-up step, printed once by the suite. */
export const timings: Record<string, number> = {};

async function timed<T>(name: string, work: () => Promise<T>): Promise<T> {
  const start = performance.now();
  try {
    return await work();
  } finally {
    timings[name] = Math.round(performance.now() - start);
  }
}

/** Every child still running: killed by stopChildren() (the suite's afterAll) and, failing that, when this process exits. */
const children = new Set<ChildProcess>();

function track<T extends ChildProcess>(child: T): T {
  children.add(child);
  child.once("exit", () => children.delete(child));
  return child;
}

export function stopChildren(): void {
  for (const child of children) child.kill("SIGKILL");
}

process.once("exit", stopChildren);

/** The environment for child runtimes: this one without NODE_OPTIONS (a `--import tsx` or the like must not leak in). */
function childEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: "1", FORCE_COLOR: "0", ...extra };
  delete env.NODE_OPTIONS;
  return env;
}

export interface Ran {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  ms: number;
}

/** Runs a command to its end (or kills it at `timeoutMs`), collecting its output. */
export function run(command: string, args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv; timeoutMs?: number } = {}): Promise<Ran> {
  const start = performance.now();
  return new Promise((resolve, reject) => {
    const child = track(spawn(command, args, { cwd: options.cwd ?? REPO, env: options.env ?? childEnv(), stdio: ["ignore", "pipe", "pipe"] }));
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
    const timer = setTimeout(() => child.kill("SIGKILL"), options.timeoutMs ?? 60_000);
    child.on("error", (error) => {
      clearTimeout(timer);
      reject(new Error(`could not start ${command}: ${error.message}`));
    });
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr, ms: Math.round(performance.now() - start) });
    });
  });
}

function tail(text: string, length = 1500): string {
  return text.length > length ? `…${text.slice(-length)}` : text;
}

function describeRun(what: string, ran: Ran): string {
  return `${what} exited with ${ran.signal ?? ran.code} after ${ran.ms} ms\nstdout: ${tail(ran.stdout) || "(none)"}\nstderr: ${tail(ran.stderr) || "(none)"}`;
}

async function nodeVersion(bin: string): Promise<string | undefined> {
  if (!existsSync(bin)) return undefined;
  const ran = await run(bin, ["--version"], { timeoutMs: 20_000 }).catch(() => undefined);
  return ran?.code === 0 ? ran.stdout.trim() : undefined;
}

function nodePackage(): string {
  const platform = process.platform === "win32" ? "win" : process.platform;
  return `node-${platform}-${process.arch}`;
}

/**
 * `<cache>/node<major>/node_modules/node-<platform>-<arch>/bin/node` at exactly `version`,
 * installed with npm when missing or at another version. Installs into a fresh folder and
 * renames it into place, so a concurrent or interrupted run never sees half an install.
 */
export async function ensureNode(major: keyof typeof NODE_VERSIONS): Promise<string> {
  const version = NODE_VERSIONS[major];
  const dir = join(CACHE, `node${major}`);
  const binOf = (root: string) => join(root, "node_modules", nodePackage(), "bin", "node");
  if ((await nodeVersion(binOf(dir))) === `v${version}`) return binOf(dir);
  return timed(`install node ${version}`, async () => {
    await mkdir(CACHE, { recursive: true });
    const staging = await mkdtemp(join(CACHE, `node${major}.installing-`));
    try {
      const spec = `${nodePackage()}@${version}`;
      const ran = await run("npm", ["install", "--prefix", staging, "--no-save", "--no-audit", "--no-fund", spec], {
        cwd: staging,
        timeoutMs: 300_000,
      });
      if (ran.code !== 0) throw new Error(describeRun(`npm install ${spec}`, ran));
      const installed = await nodeVersion(binOf(staging));
      if (installed !== `v${version}`) throw new Error(`npm installed ${spec} but its node says ${installed ?? "nothing"}`);
      await chmod(staging, 0o755); // mkdtemp's 0700 would hide it from other users of the clone
      await rm(dir, { recursive: true, force: true });
      await rename(staging, dir).catch(async (error: unknown) => {
        // Another run put it in place first: fine if that one is right.
        if ((await nodeVersion(binOf(dir))) !== `v${version}`) throw error;
      });
      return binOf(dir);
    } finally {
      await rm(staging, { recursive: true, force: true });
    }
  });
}

/** Runs tsup with the project's tsup.config.ts, ESM only and without declarations, into `outDir`. */
export async function buildPackage(outDir: string): Promise<void> {
  await timed("build (tsup, esm)", async () => {
    const script = `import { build } from "tsup";
await build({ outDir: ${JSON.stringify(outDir)}, format: ["esm"], dts: false, clean: true, silent: true });`;
    const ran = await run(process.execPath, ["--input-type=module", "-e", script], { timeoutMs: 180_000 });
    if (ran.code !== 0) throw new Error(describeRun("tsup", ran));
    for (const entry of ["index.js", "fetch.js"]) {
      if (!existsSync(join(outDir, entry))) throw new Error(`tsup built no ${entry} in ${outDir}`);
    }
  });
}

export interface Prepared {
  /** This run's folder: dist/, worker/, deno/. */
  dir: string;
  dist: string;
  /** file: URL of dist/, ending in "/", as check.mjs takes it. */
  distUrl: string;
  node22: string;
  node24: string;
  cleanup(): Promise<void>;
}

/** Folders of runs that died before their clean-up, left for an hour in case one is still going. */
async function removeStaleRuns(): Promise<void> {
  const names = await readdir(CACHE).catch(() => [] as string[]);
  await Promise.all(
    names
      .filter((name) => name.startsWith("run-") || name.includes(".installing-"))
      .map(async (name) => {
        const path = join(CACHE, name);
        const info = await stat(path).catch(() => undefined);
        if (info && Date.now() - info.mtimeMs > 3_600_000) await rm(path, { recursive: true, force: true });
      }),
  );
}

/** Build once and the two Node installs, side by side. */
export async function prepare(): Promise<Prepared> {
  await mkdir(CACHE, { recursive: true });
  await removeStaleRuns();
  const dir = await mkdtemp(join(CACHE, "run-"));
  const dist = join(dir, "dist");
  const [node22, node24] = await timed("set-up", async () => {
    const [, node22, node24] = await Promise.all([buildPackage(dist), ensureNode(22), ensureNode(24)]);
    return [node22, node24];
  });
  return {
    dir,
    dist,
    distUrl: `${pathToFileURL(dist).href}/`,
    node22,
    node24,
    cleanup: () => (process.env.RUNTIMES_KEEP ? Promise.resolve() : rm(dir, { recursive: true, force: true })),
  };
}

/** The command line that runs fixtures/check.mjs on one runtime. */
export function checkCommand(
  prepared: Prepared,
  runtime: "node20" | "node20-no-codegen" | "node22" | "node24" | "bun" | "deno",
): { command: string; args: string[]; env: NodeJS.ProcessEnv; cwd: string } {
  const check = join(FIXTURES, "check.mjs");
  switch (runtime) {
    case "node20":
      return { command: process.execPath, args: [check, prepared.distUrl], env: childEnv(), cwd: prepared.dir };
    case "node20-no-codegen":
      return { command: process.execPath, args: ["--disallow-code-generation-from-strings", check, prepared.distUrl], env: childEnv(), cwd: prepared.dir };
    case "node22":
      return { command: prepared.node22, args: [check, prepared.distUrl], env: childEnv(), cwd: prepared.dir };
    case "node24":
      return { command: prepared.node24, args: [check, prepared.distUrl], env: childEnv(), cwd: prepared.dir };
    case "bun":
      // --no-install: never auto-install a missing package; the run folder as cwd has no .env or bunfig to pick up.
      return { command: BUN, args: ["--no-install", check, prepared.distUrl], env: childEnv({ DO_NOT_TRACK: "1" }), cwd: prepared.dir };
    case "deno":
      // No permissions at all (the package needs none; module loading needs no --allow-read), nothing
      // fetched: no remote modules, only cached npm packages, node_modules as npm left it, a fresh DENO_DIR.
      return {
        command: DENO,
        args: ["run", "--no-remote", "--cached-only", "--no-lock", "--no-prompt", "--node-modules-dir=manual", check, prepared.distUrl],
        env: childEnv({ DENO_DIR: join(prepared.dir, "deno"), DENO_NO_UPDATE_CHECK: "1", DENO_NO_PROMPT: "1" }),
        cwd: REPO,
      };
  }
}

/** Runs check.mjs and returns the JSON line it printed. */
export async function runCheck(prepared: Prepared, runtime: Parameters<typeof checkCommand>[1]): Promise<CheckOutput & { ms: number }> {
  const { command, args, env, cwd } = checkCommand(prepared, runtime);
  const ran = await run(command, args, { env, cwd, timeoutMs: 60_000 });
  const line = ran.stdout
    .trim()
    .split("\n")
    .reverse()
    .find((text) => text.startsWith("{"));
  if (line === undefined) throw new Error(describeRun(`${runtime}: ${command} ${args.join(" ")}`, ran));
  try {
    return { ...(JSON.parse(line) as CheckOutput), ms: ran.ms };
  } catch {
    throw new Error(describeRun(`${runtime} printed no JSON`, ran));
  }
}

/** esbuild, as tsup's own dependency (the one `node_modules/.bin/esbuild` is). */
async function esbuild(): Promise<typeof import("esbuild")> {
  const fromTsup = createRequire(createRequire(join(REPO, "package.json")).resolve("tsup/package.json"));
  return (await import(pathToFileURL(fromTsup.resolve("esbuild")).href)) as typeof import("esbuild");
}

/**
 * Bundles fixtures/worker.mjs with the built dist/index.js and dist/fetch.js into one ES module
 * worker, the way a Workers bundler would: "tencent-webhooks" and "tencent-webhooks/fetch" point
 * at the build, Node built-ins (bare or node:) stay imports of node:<name> for workerd to provide.
 */
export async function bundleWorker(prepared: Prepared): Promise<string> {
  return timed("bundle worker (esbuild)", async () => {
    const { build } = await esbuild();
    const outfile = join(prepared.dir, "worker", "worker.js");
    const builtins = new Set(builtinModules.filter((name) => !name.startsWith("_")));
    const resolveBuild: Plugin = {
      name: "built-package",
      setup(plugin) {
        plugin.onResolve({ filter: /^tencent-webhooks(\/fetch)?$/ }, ({ path }) => ({
          path: join(prepared.dist, path.endsWith("/fetch") ? "fetch.js" : "index.js"),
        }));
        plugin.onResolve({ filter: /^(node:)?[a-z][a-z0-9_/]*$/ }, ({ path }) => {
          const name = path.replace(/^node:/, "");
          return path.startsWith("node:") || builtins.has(name) ? { path: `node:${name}`, external: true } : undefined;
        });
      },
    };
    await build({
      entryPoints: [join(FIXTURES, "worker.mjs")],
      outfile,
      bundle: true,
      format: "esm",
      platform: "browser",
      conditions: ["workerd", "worker", "browser"],
      target: "es2022",
      logLevel: "silent",
      plugins: [resolveBuild],
    });
    return outfile;
  });
}

/** The workerd config: one worker, one HTTP socket (its address is the fd passed on the command line). */
export function workerdConfig(flags: readonly string[]): string {
  return `using Workerd = import "/workerd/workerd.capnp";

const config :Workerd.Config = (
  services = [ (name = "main", worker = .worker) ],
  sockets = [ (name = "http", address = "127.0.0.1:0", http = (), service = "main") ],
);

const worker :Workerd.Worker = (
  modules = [ (name = "worker.js", esModule = embed "worker.js") ],
  compatibilityDate = ${JSON.stringify(WORKERD_COMPATIBILITY_DATE)},
  compatibilityFlags = [${flags.map((flag) => JSON.stringify(flag)).join(", ")}],
);
`;
}

/** How long workerd may take to answer its first request (it takes ~0.2 s here). */
export const STARTUP_MS = 30_000;

export interface Workerd {
  origin: string;
  child: ChildProcess;
  output(): string;
  stop(): Promise<void>;
}

/**
 * Bundles the worker and serves it with `workerd serve` on 127.0.0.1: the listening socket is
 * opened here on a free port and handed to workerd as fd 3 (`--socket-fd http=3`), so there is
 * no race for the port. Resolves once the worker answers, or rejects with workerd's output.
 */
export async function startWorkerd(prepared: Prepared, flags: readonly string[]): Promise<Workerd> {
  await bundleWorker(prepared);
  const configPath = join(prepared.dir, "worker", "config.capnp");
  await writeFile(configPath, workerdConfig(flags));
  const server = net.createServer();
  server.on("connection", (socket) => socket.destroy()); // never ours to answer
  await new Promise<void>((resolve, reject) => server.once("error", reject).listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as net.AddressInfo;
  const fd = (server as unknown as { _handle: { fd: number } })._handle.fd;
  const start = performance.now();
  const child = track(
    spawn(WORKERD, ["serve", configPath, "--socket-fd", "http=3"], {
      cwd: join(prepared.dir, "worker"),
      env: childEnv(),
      stdio: ["ignore", "pipe", "pipe", fd],
    }),
  );
  server.close();
  let output = "";
  child.stdout!.setEncoding("utf8").on("data", (chunk: string) => (output += chunk));
  child.stderr!.setEncoding("utf8").on("data", (chunk: string) => (output += chunk));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill("SIGKILL");
      await exited;
    }
  };
  const origin = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + STARTUP_MS;
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`workerd (flags: ${flags.join(", ") || "none"}) exited with ${child.signalCode ?? child.exitCode} before serving:\n${tail(output)}`);
    }
    const ready = await fetch(`${origin}/__ready`, { signal: AbortSignal.timeout(2_000) }).then(
      (response) => response.ok,
      () => false,
    );
    if (ready) break;
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`workerd did not answer on ${origin} within ${STARTUP_MS / 1000} s:\n${tail(output) || "(no output)"}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  timings["workerd start"] = Math.round(performance.now() - start);
  return { origin, child, output: () => output, stop };
}

/** The versions that the devDependencies bun, deno and workerd pin (package-lock.json). */
export async function installedVersion(name: "bun" | "deno" | "workerd"): Promise<string> {
  const json = JSON.parse(await readFile(join(REPO, "node_modules", name, "package.json"), "utf8")) as { version: string };
  return json.version;
}
