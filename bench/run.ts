/**
 * `npm run bench` — the whole suite, about 3–4 minutes, traffic only to 127.0.0.1:
 *
 *   core    handle() ops/s per seed sample (64-bit or not, token or not) vs @octokit/webhooks
 *   memory  RSS and heap along 1,000,000 handle() calls
 *   http    every adapter against its framework's bare JSON route, alternating runs
 *
 * Each part runs in child processes of its own (see core.ts, memory.ts, http.ts). Prints
 * Markdown tables and the design's targets, met or missed.
 *
 *   npm run bench -- --quick              shorter runs (a smoke test; figures are rougher)
 *   npm run bench -- --only core,memory   some parts only
 *   npm run bench -- --frameworks node,koa
 *   npm run bench -- --write              also replace the tables in bench/RESULTS.md
 *   npm run bench -- --source             measure the sources through tsx, not the build (library.ts)
 */
import { readFile, writeFile } from "node:fs/promises";
import os from "node:os";
import { parseArgs } from "node:util";
import { FRAMEWORKS, MAIN_COMMAND, fmt, startChild, table, type Framework } from "./common.js";
import type { CoreResult } from "./core.js";
import { DEFAULT_HTTP, runHttp, type HttpRow } from "./http.js";
import { LIBRARY_ENV, buildLibrary, removeLibrary } from "./library.js";
import type { MemoryResult } from "./memory.js";

const PARTS = ["core", "memory", "http"] as const;
type Part = (typeof PARTS)[number];

const TARGET = { adapterRatio: 0.9, handleOpsPerSec: 250_000 };
/** Heap growth from the 100,000th call to the last that still counts as flat. */
const FLAT_HEAP_BYTES = 1024 * 1024;

const { values: args } = parseArgs({
  options: {
    quick: { type: "boolean", default: false },
    only: { type: "string" },
    frameworks: { type: "string" },
    write: { type: "boolean", default: false },
    source: { type: "boolean", default: false },
  },
});
const parts = (args.only?.split(",") ?? PARTS) as Part[];
const frameworks = (args.frameworks?.split(",") ?? FRAMEWORKS) as Framework[];
for (const part of parts) if (!PARTS.includes(part)) throw new Error(`--only: unknown part "${part}" (${PARTS.join(", ")})`);
for (const name of frameworks) if (!FRAMEWORKS.includes(name)) throw new Error(`--frameworks: unknown "${name}" (${FRAMEWORKS.join(", ")})`);
const childArgs = args.quick ? ["--quick"] : [];

// Bounded in time whatever happens: a part that hangs ends the run (children exit with their IPC).
const watchdog = setTimeout(() => {
  console.error("bench: still running after 9 minutes; giving up");
  process.exit(1);
}, 9 * 60_000);
watchdog.unref();

const log = (line: string) => console.error(line);
const out: string[] = [];
const print = (text: string) => {
  out.push(text);
  console.log(text);
};
const targets: { name: string; met: boolean; detail: string }[] = [];

async function runChild<R>(entry: string, nodeFlags: string[] = []): Promise<R> {
  const child = startChild<R>(entry, nodeFlags, childArgs);
  const result = await child.next();
  const code = await child.exited;
  if (code !== 0) throw new Error(`${entry} exited with ${code}`);
  return result;
}

function machine(): string {
  const cpus = os.cpus();
  const load = os.loadavg().map((n) => n.toFixed(1)).join(" / ");
  const library = args.source ? "the TypeScript sources through tsx (--source)" : "the package as built by tsup (ESM, node20)";
  return (
    `Node ${process.version}, ${os.platform()} ${os.arch()}, ${cpus.length} cores (${cpus[0]?.model.trim() ?? "?"}), ` +
    `load average ${load} (1/5/15 min) at start${args.quick ? ", --quick" : ""}. Measured: ${library}.`
  );
}

async function core(): Promise<void> {
  log("core: handle() with tinybench (own process) …");
  const result = await runChild<CoreResult>("./core.ts");
  const rows = result.rows.map((row) => [
    row.name,
    `${row.bytes}`,
    fmt.int(row.opsPerSec),
    fmt.int(row.cpuOpsPerSec),
    fmt.us(row.meanUs),
  ]);
  print("### Core: `handle()`\n");
  print(table(["task", "bytes", "ops/s (median)", "ops per CPU-s", "mean µs/op"], rows));
  print(`\nhandle() (\`002_…\` sample, 64-bit, token) ÷ @octokit/webhooks verifyAndReceive: **${fmt.ratio(result.vsOctokit.wall)}** (wall), ${fmt.ratio(result.vsOctokit.cpu)} (CPU)\n`);
  const main = result.rows.find((row) => row.command === MAIN_COMMAND && row.bigInteger && row.signed)!;
  const mainUnsigned = result.rows.find((row) => row.command === MAIN_COMMAND && row.bigInteger && !row.signed)!;
  const best = Math.max(main.opsPerSec, main.cpuOpsPerSec);
  targets.push({
    name: `handle() >= 250k ops/s on one core (\`002_…\` sample)`,
    met: best >= TARGET.handleOpsPerSec,
    detail: `${fmt.int(main.opsPerSec)} ops/s with a token, ${fmt.int(mainUnsigned.opsPerSec)} without (${fmt.int(main.cpuOpsPerSec)} / ${fmt.int(mainUnsigned.cpuOpsPerSec)} per CPU-s)`,
  });
  targets.push({
    name: "handle() ahead of @octokit/webhooks verifyAndReceive",
    met: result.vsOctokit.wall > 1 && result.vsOctokit.cpu > 1,
    detail: `${fmt.ratio(result.vsOctokit.wall)} wall, ${fmt.ratio(result.vsOctokit.cpu)} CPU`,
  });
}

async function memory(): Promise<void> {
  log("memory: 1,000,000 handle() calls (own process, --expose-gc) …");
  const result = await runChild<MemoryResult>("./memory.ts", ["--expose-gc"]);
  const rows = result.samples.map((s) => [fmt.int(s.calls), fmt.mib(s.rss), (s.heapUsed / 1024 / 1024).toFixed(2), fmt.mib(s.heapTotal), fmt.mib(s.external)]);
  print(`### Memory: ${fmt.int(result.samples.at(-1)!.calls)} \`handle()\` calls (\`002_…\` sample, token), ${result.seconds.toFixed(1)} s\n`);
  print(table(["calls", "RSS MiB", "heap used MiB", "heap total MiB", "external MiB"], rows));
  const settled = result.samples[1]!;
  const last = result.samples.at(-1)!;
  const heapGrowth = last.heapUsed - settled.heapUsed;
  const rssGrowth = last.rss - settled.rss;
  print(
    `\nSamples after a forced full GC: ${result.gc ? "yes" : "no (run with --expose-gc)"}; non-200 answers: ${result.non200}. ` +
      `From ${fmt.int(settled.calls)} to ${fmt.int(last.calls)} calls: heap used ${heapGrowth >= 0 ? "+" : ""}${(heapGrowth / 1024).toFixed(0)} KiB, ` +
      `RSS ${rssGrowth >= 0 ? "+" : ""}${fmt.mib(rssGrowth)} MiB.\n`,
  );
  targets.push({
    name: "memory flat over 1,000,000 calls",
    met: result.gc && result.non200 === 0 && heapGrowth < FLAT_HEAP_BYTES,
    detail: `heap used ${(heapGrowth / 1024).toFixed(0)} KiB from call ${fmt.int(settled.calls)} to ${fmt.int(last.calls)} (limit ${FLAT_HEAP_BYTES / 1024} KiB)`,
  });
}

async function http(): Promise<void> {
  const options = args.quick
    ? { ...DEFAULT_HTTP, pairs: 2, seconds: 1, warmupSeconds: 1, frameworks, log }
    : { ...DEFAULT_HTTP, frameworks, log };
  log(`http: autocannon, ${options.connections} connections, ${options.pairs} × (bare, adapter) × ${options.seconds} s after ${options.warmupSeconds} s warm-up each …`);
  const rows: HttpRow[] = await runHttp(options);
  print(`### HTTP: \`${MAIN_COMMAND}\` sample, signed, ${options.connections} connections, ${options.pairs} alternating pairs × ${options.seconds} s\n`);
  print(
    table(
      ["framework", "bare req/s", "adapter req/s", "ratio b/a", "pairs b/a", "bare p50/p99 ms", "adapter p50/p99 ms", "server CPU µs/req bare → adapter", "CPU ratio"],
      rows.map((row) => [
        row.framework === "node" ? "node:http" : row.framework,
        fmt.int(row.bare.reqPerSec),
        fmt.int(row.adapter.reqPerSec),
        `**${fmt.ratio(row.ratio)}**`,
        row.pairRatios.map((r) => r.toFixed(2)).join(" "),
        `${row.bare.p50} / ${row.bare.p99}`,
        `${row.adapter.p50} / ${row.adapter.p99}`,
        `${fmt.us(row.bare.cpuUsPerReq)} → ${fmt.us(row.adapter.cpuUsPerReq)}`,
        fmt.ratio(row.cpuRatio),
      ]),
    ),
  );
  print(
    "\nratio b/a: adapter req/s ÷ bare req/s, the median over the pairs (each pair's two runs are seconds apart, so they " +
      "share the machine's load); pairs: each pair's ratio; req/s and latency columns: medians over runs. " +
      "CPU ratio: bare ÷ adapter server CPU time per request, median over pairs (1.00x = the adapter adds no server work).\n",
  );
  for (const row of rows) {
    targets.push({
      name: `${row.framework === "node" ? "node:http" : row.framework} adapter >= 0.90x its bare route`,
      met: row.ratio >= TARGET.adapterRatio,
      detail: `${fmt.ratio(row.ratio)} req/s (pairs ${row.pairRatios.map((r) => r.toFixed(2)).join(", ")}); ${fmt.ratio(row.cpuRatio)} CPU`,
    });
  }
}

async function main(): Promise<void> {
  const started = performance.now();
  if (!args.source) {
    log("building the package (tsup) …");
    process.env[LIBRARY_ENV] = await buildLibrary();
  }
  print(`## Benchmark results\n\n${machine()}\n`);
  try {
    for (const part of PARTS) {
      if (!parts.includes(part)) continue;
      if (part === "core") await core();
      if (part === "memory") await memory();
      if (part === "http") await http();
    }
  } finally {
    if (!args.source) await removeLibrary();
  }
  print("### Targets\n");
  print(table(["target", "met", "measured"], targets.map((t) => [t.name, t.met ? "yes" : "**no**", t.detail])));
  print(`\nWhole suite: ${((performance.now() - started) / 1000).toFixed(0)} s.`);
  if (args.write) await writeResults(out.join("\n"));
}

const START = "<!-- bench:results:start -->";
const END = "<!-- bench:results:end -->";

/** Replaces the generated part of bench/RESULTS.md; the hand-written reading around it stays. */
async function writeResults(markdown: string): Promise<void> {
  const file = new URL("./RESULTS.md", import.meta.url);
  const current = await readFile(file, "utf8").catch(() => `# Benchmark results\n\n${START}\n${END}\n`);
  const start = current.indexOf(START);
  const end = current.indexOf(END);
  if (start === -1 || end < start) throw new Error(`bench/RESULTS.md lacks the ${START} … ${END} markers`);
  await writeFile(file, `${current.slice(0, start + START.length)}\n${markdown.replace(/^## Benchmark results\n\n/, "")}\n${current.slice(end)}`);
  log("bench/RESULTS.md updated");
}

await main();
