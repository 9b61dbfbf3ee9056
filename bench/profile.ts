/**
 * Where `handle()`'s time goes: `tsx bench/profile.ts` builds the package (tsup, with source
 * maps), runs `handle()` on the signed `002_…` sample in a loop for a few seconds in a child
 * process, and prints self time by function and by source file, mapped back through the source
 * maps to src/… lines. The child records with V8's CPU profiler — the one `node --cpu-prof` drives —
 * through node:inspector, started after a warm-up second and stopped when the loop ends, so module
 * loading and JIT warm-up stay out of the figures (100 µs sampling, as `--cpu-prof-interval 100`). The same for @octokit/webhooks'
 * `verifyAndReceive()` (`--target octokit`), so both sides of the ratio can be read alike.
 *
 *   tsx bench/profile.ts [--target ours|octokit] [--seconds 4] [--top 30] [--source] [--keep]
 *   tsx bench/profile.ts --summarise <file.cpuprofile> [--calls N]   the same tables for any profile
 *       (e.g. the queue benchmark's processes: BENCH_CPU_PROF_DIR=<dir> npm run bench -- --only queue)
 *
 * `--source` profiles the sources through tsx instead (tsx's own helpers then show up);
 * `--keep` leaves the .cpuprofile (for Chrome DevTools / speedscope) and prints its path.
 */
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { Session } from "node:inspector/promises";
import { SourceMap } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { APP_ID, MAIN_COMMAND, OCTOKIT_SECRET, TOKEN, fmt, nodeHeaders, octokitDelivery, seedBodies, signedPath, startChild, table } from "./common.js";
import { LIBRARY_ENV, buildLibrary, loadLibrary, removeLibrary } from "./library.js";

const { values: args } = parseArgs({
  options: {
    child: { type: "boolean", default: false },
    target: { type: "string", default: "ours" },
    seconds: { type: "string", default: "4" },
    top: { type: "string", default: "30" },
    source: { type: "boolean", default: false },
    keep: { type: "boolean", default: false },
    out: { type: "string" },
    summarise: { type: "string" },
    calls: { type: "string", default: "1" },
  },
});
const seconds = Number(args.seconds);

/** The child: one warm-up second, then the profiled loop (sequential calls, as in bench/core.ts). */
async function child(): Promise<void> {
  let calls = 0;
  let call: () => Promise<unknown>;
  if (args.target === "octokit") {
    const { Webhooks } = await import("@octokit/webhooks");
    const webhooks = new Webhooks({ secret: OCTOKIT_SECRET });
    webhooks.on("issues.opened", () => {});
    const { name, payload, signature } = octokitDelivery(Buffer.byteLength(seedBodies(MAIN_COMMAND).big));
    call = () => webhooks.verifyAndReceive({ id: String(++calls), name, payload, signature });
  } else {
    const { createDispatcher } = (await loadLibrary()).core;
    const dispatcher = createDispatcher({ sdkAppId: APP_ID, token: TOKEN });
    dispatcher.on(MAIN_COMMAND, () => {});
    const body = Buffer.from(seedBodies(MAIN_COMMAND).big);
    const headers = nodeHeaders(body.toString());
    let url = signedPath(MAIN_COMMAND);
    let signedAt = Date.now();
    call = async () => {
      if (Date.now() - signedAt > 1000) {
        signedAt = Date.now();
        url = signedPath(MAIN_COMMAND, signedAt);
      }
      const reply = await dispatcher.handle({ method: "POST", url, headers, body });
      if (reply.status !== 200) throw new Error(`handle() answered ${reply.status}: ${reply.body}`);
      calls++;
    };
  }
  const loop = async (ms: number) => {
    const until = performance.now() + ms;
    while (performance.now() < until) for (let i = 0; i < 100; i++) await call();
  };
  await loop(1000);
  const session = new Session();
  session.connect();
  await session.post("Profiler.enable");
  await session.post("Profiler.setSamplingInterval", { interval: 100 });
  await session.post("Profiler.start");
  const cpu = process.cpuUsage();
  calls = 0;
  await loop(seconds * 1000);
  const measured = calls;
  const used = process.cpuUsage(cpu);
  const { profile } = await session.post("Profiler.stop");
  session.disconnect();
  await writeFile(args.out!, JSON.stringify(profile));
  process.send?.({ calls: measured, cpuMicros: used.user + used.system });
}

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

const ROOT = fileURLToPath(new URL("../", import.meta.url));
const maps = new Map<string, SourceMap | null>();

async function sourceMapFor(url: string): Promise<SourceMap | null> {
  if (!url.startsWith("file://") || !url.endsWith(".js")) return null;
  if (!maps.has(url)) {
    const file = `${fileURLToPath(url)}.map`;
    maps.set(
      url,
      await readFile(file, "utf8").then(
        (text) => new SourceMap(JSON.parse(text)),
        () => null,
      ),
    );
  }
  return maps.get(url)!;
}

/** A call frame as `file:line` in the sources (through the build's source map where there is one). */
async function where(frame: ProfileNode["callFrame"]): Promise<{ file: string; line: number }> {
  if (frame.url === "") return { file: frame.functionName.startsWith("(") ? frame.functionName : "(native: V8 built-ins)", line: 0 };
  if (!frame.url.startsWith("file://")) return { file: frame.url, line: frame.lineNumber + 1 };
  const map = await sourceMapFor(frame.url);
  const entry = map?.findEntry(frame.lineNumber, frame.columnNumber) as { originalSource?: string; originalLine?: number } | undefined;
  let file = entry?.originalSource ? entry.originalSource : frame.url;
  const line = entry?.originalSource ? (entry.originalLine ?? 0) + 1 : frame.lineNumber + 1;
  if (file.startsWith("file://")) file = fileURLToPath(file);
  file = path.isAbsolute(file) ? path.relative(ROOT, file) : path.relative(ROOT, path.resolve(path.dirname(fileURLToPath(frame.url)), file));
  return { file, line };
}

function area(file: string): string {
  if (file.startsWith("(")) return file;
  if (file.startsWith("node:")) return "node internals";
  const modules = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(file);
  if (modules && !file.includes(".cache/tencent-webhooks-bench")) return modules[1]!;
  if (file.startsWith("bench/")) return "bench harness";
  return file;
}

async function summarise(profile: Profile, top: number, calls: number): Promise<string> {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const self = new Map<number, number>();
  let total = 0;
  profile.samples.forEach((id, i) => {
    const delta = profile.timeDeltas[i] ?? 0;
    total += delta;
    self.set(id, (self.get(id) ?? 0) + delta);
  });
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const located = new Map<number, { file: string; line: number }>();
  const locate = async (id: number) => {
    if (!located.has(id)) located.set(id, await where(byId.get(id)!.callFrame));
    return located.get(id)!;
  };
  const ours = (file: string) => /^(src|schemas|adapters)\//.test(file);
  const byFunction = new Map<string, number>();
  const byFile = new Map<string, number>();
  /** By file or package, with node internals and V8 built-ins charged to the nearest frame above them that is neither. */
  const byArea = new Map<string, number>();
  /** Self time, with what V8 built-ins and node internals spend charged to the nearest function of ours above them. */
  const charged = new Map<string, number>();
  const label = (id: number, at: { file: string; line: number }) =>
    `${byId.get(id)!.callFrame.functionName || "(anonymous)"} — ${at.file}${at.line ? `:${at.line}` : ""}`;
  for (const [id, micros] of self) {
    const at = await locate(id);
    const key = label(id, at);
    byFunction.set(key, (byFunction.get(key) ?? 0) + micros);
    const group = area(at.file);
    byFile.set(group, (byFile.get(group) ?? 0) + micros);
    let owner: string | undefined;
    if (at.file.startsWith("(") && at.file !== "(native: V8 built-ins)")
      owner = at.file; // GC, program, idle
    else if (ours(at.file)) owner = key;
    else {
      for (let up = parent.get(id); up !== undefined; up = parent.get(up)) {
        const above = await locate(up);
        if (ours(above.file)) {
          owner = `${label(up, above)} (+ what it calls outside our code)`;
          break;
        }
      }
      owner ??= key;
    }
    charged.set(owner, (charged.get(owner) ?? 0) + micros);
    let holder = group;
    if (group === "node internals" || group === "(native: V8 built-ins)") {
      for (let up = parent.get(id); up !== undefined; up = parent.get(up)) {
        const above = area((await locate(up)).file);
        if (above !== "node internals" && above !== "(native: V8 built-ins)" && above !== "(root)") {
          holder = `${above} (+ node/V8 below it)`;
          break;
        }
      }
    }
    byArea.set(holder, (byArea.get(holder) ?? 0) + micros);
  }
  const idle = byFile.get("(idle)") ?? 0;
  const busy = total - idle;
  const rows = (map: Map<string, number>, n: number) =>
    [...map]
      .filter(([key]) => !key.startsWith("(idle)"))
      .sort((a, b) => b[1] - a[1])
      .slice(0, n)
      .map(([key, micros]) => [key, `${((100 * micros) / busy).toFixed(1)} %`, fmt.us((micros / calls) * 1)]);
  return [
    `${fmt.int(calls)} calls in ${(total / 1e6).toFixed(1)} s sampled (${(idle / 1e3).toFixed(0)} ms idle): ${fmt.us(busy / calls)} µs of CPU samples per call.\n`,
    "Self time by source file (or package):\n",
    table(["file", "share", "µs/call"], rows(byFile, 25)),
    "\nThe same, with node internals and V8 built-ins charged to the nearest file or package above them:\n",
    table(["file", "share", "µs/call"], rows(byArea, 25)),
    `\nSelf time by function (top ${top}):\n`,
    table(["function — where", "share", "µs/call"], rows(byFunction, top)),
    "\nThe same, with the time spent in V8 built-ins and node internals (crypto, TextEncoder, JSON.parse …) charged to the nearest function of ours that called them:\n",
    table(["function — where", "share", "µs/call"], rows(charged, top)),
  ].join("\n");
}

async function main(): Promise<void> {
  if (args.target !== "ours" && args.target !== "octokit") throw new Error(`--target ours|octokit, got ${args.target}`);
  if (!args.source && args.target === "ours") process.env[LIBRARY_ENV] = await buildLibrary({ sourcemap: true });
  const dir = await mkdtemp(path.join(tmpdir(), "tencent-webhooks-profile-"));
  try {
    const file = `${args.target}.cpuprofile`;
    const run = startChild<{ calls: number; cpuMicros: number }>(
      "./profile.ts",
      [],
      ["--child", "--target", args.target!, "--seconds", String(seconds), "--out", path.join(dir, file)],
    );
    const { calls, cpuMicros } = await run.next();
    const code = await run.exited;
    if (code !== 0) throw new Error(`profile child exited with ${code}`);
    const profile = JSON.parse(await readFile(path.join(dir, file), "utf8")) as Profile;
    const what =
      args.target === "ours"
        ? `handle() (${MAIN_COMMAND}, 64-bit, token; ${args.source ? "sources via tsx" : "built package"})`
        : "@octokit/webhooks verifyAndReceive()";
    console.log(`### Profile: ${what}\n`);
    console.log(`${fmt.int(calls / (cpuMicros / 1e6))} calls per CPU-second while profiled (${fmt.us(cpuMicros / calls)} µs CPU per call).\n`);
    console.log(await summarise(profile, Number(args.top), calls));
    if (args.keep) console.log(`\nprofile: ${path.join(dir, file)}`);
  } finally {
    if (!args.keep) await rm(dir, { recursive: true, force: true });
    // The source maps are read above; the build can go (kept with --keep, for DevTools).
    if (!args.source && args.target === "ours" && !args.keep) await removeLibrary();
  }
}

if (args.child) await child();
else if (args.summarise) console.log(await summarise(JSON.parse(await readFile(args.summarise, "utf8")) as Profile, Number(args.top), Number(args.calls)));
else await main();
