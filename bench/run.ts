/**
 * `npm run bench` — the whole suite, about 4–5 minutes, traffic only to 127.0.0.1:
 *
 *   cold-start  fresh processes: import + create + first callback, vs @octokit/webhooks
 *   core        handle() ops/s per seed sample (64-bit or not, token or not) vs @octokit/webhooks
 *   memory      RSS and heap along 1,000,000 handle() calls
 *   http        every adapter against its framework's bare JSON route, alternating runs
 *   queue       node adapter inline vs queued (local redis-server + BullMQ, and memoryQueue)
 *
 * Each part runs in child processes of its own (see cold-start.ts, core.ts, memory.ts, http.ts,
 * queue.ts). Prints Markdown tables and the design's targets, met or missed. No target is a
 * timed test: each is a ratio measured in this one run, printed as met / missed.
 *
 *   npm run bench -- --quick              shorter runs (a smoke test; figures are rougher)
 *   npm run bench -- --only core,memory   some parts only (cold-start, core, memory, http, queue)
 *   npm run bench -- --frameworks node,koa
 *   npm run bench -- --write              also replace the tables in bench/RESULTS.md
 *   npm run bench -- --source             measure the sources through tsx, not the build (library.ts)
 */
import { readFile, writeFile } from "node:fs/promises";
import os from "node:os";
import { parseArgs } from "node:util";
import { runColdStart } from "./cold-start.js";
import { FRAMEWORKS, MAIN_COMMAND, PEER, fmt, startChild, table, type Framework, type QueueVariant } from "./common.js";
import type { CoreResult } from "./core.js";
import { DEFAULT_HTTP, runHttp, type HttpRow } from "./http.js";
import { LIBRARY_ENV, buildLibrary, removeLibrary } from "./library.js";
import type { MemoryResult } from "./memory.js";
import { DEFAULT_QUEUE, runQueue } from "./queue.js";

const PARTS = ["cold-start", "core", "memory", "http", "queue"] as const;
type Part = (typeof PARTS)[number];

const TARGET = {
  /** ours ÷ octokit, median cold start (import + create + first call), at most */
  coldStartRatio: 1.5,
  /** handle() ÷ octokit verifyAndReceive ops/s, at least */
  handleVsOctokit: 1.2,
  /** adapter ÷ bare route req/s, at least */
  adapterRatio: 0.9,
  /** queued (Redis) ÷ inline req/s, at least */
  queueRatio: 0.5,
  /** our node adapter ÷ @octokit/webhooks createNodeMiddleware req/s, at least */
  peerRatio: 1.3,
};
const COLD_START_RUNS = 15;
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
  const load = os
    .loadavg()
    .map((n) => n.toFixed(1))
    .join(" / ");
  const library = args.source ? "the TypeScript sources through tsx (--source)" : "the package as built by tsup (ESM, node20)";
  const date = new Date().toISOString().replace("T", " ").slice(0, 16);
  return (
    `${date} UTC. Node ${process.version}, ${os.platform()} ${os.arch()}, ${cpus.length} cores (${cpus[0]?.model.trim() ?? "?"}), ` +
    `load average ${load} (1/5/15 min) at start${args.quick ? ", --quick" : ""}. Measured: ${library}.`
  );
}

async function core(): Promise<void> {
  log("core: handle() with tinybench (own process) …");
  const result = await runChild<CoreResult>("./core.ts");
  const rows = result.rows.map((row) => [row.name, `${row.bytes}`, fmt.int(row.opsPerSec), fmt.int(row.cpuOpsPerSec), fmt.us(row.meanUs)]);
  print("### Core: `handle()`\n");
  print(table(["task", "bytes", "ops/s (median)", "ops per CPU-s", "mean µs/op"], rows));
  print(
    `\nhandle() (\`002_…\` sample, 64-bit, token) ÷ @octokit/webhooks verifyAndReceive: **${fmt.ratio(result.vsOctokit.wall)}** (wall), ${fmt.ratio(result.vsOctokit.cpu)} (CPU)\n`,
  );
  const main = result.rows.find((row) => row.command === MAIN_COMMAND && row.bigInteger && row.signed)!;
  const octokit = result.rows.find((row) => row.name.startsWith("@octokit"))!;
  targets.push({
    name: `handle() >= ${TARGET.handleVsOctokit.toFixed(2)}x @octokit/webhooks verifyAndReceive ops/s`,
    met: result.vsOctokit.wall >= TARGET.handleVsOctokit,
    detail: `${fmt.ratio(result.vsOctokit.wall)} (${fmt.int(main.opsPerSec)} vs ${fmt.int(octokit.opsPerSec)} ops/s); per CPU-s ${fmt.ratio(result.vsOctokit.cpu)}`,
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
  const options = args.quick ? { ...DEFAULT_HTTP, pairs: 2, seconds: 1, warmupSeconds: 1, frameworks, log } : { ...DEFAULT_HTTP, frameworks, log };
  log(
    `http: autocannon, ${options.connections} connections, ${options.pairs} × (bare, adapter) × ${options.seconds} s after ${options.warmupSeconds} s warm-up each …`,
  );
  const rows: HttpRow[] = await runHttp(options);
  print(`### HTTP: \`${MAIN_COMMAND}\` sample, signed, ${options.connections} connections, ${options.pairs} alternating pairs × ${options.seconds} s\n`);
  print(
    table(
      [
        "framework",
        "bare req/s",
        "adapter req/s",
        "ratio b/a",
        "pairs b/a",
        "bare p50/p99 ms",
        "adapter p50/p99 ms",
        "server CPU µs/req bare → adapter",
        "CPU ratio",
      ],
      rows.map((row) => [
        row.framework === PEER
          ? "peer: @octokit/webhooks createNodeMiddleware (bare column) vs our node adapter"
          : row.framework === "node"
            ? "node:http"
            : row.framework,
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
    if (row.framework === PEER) {
      targets.push({
        name: `node adapter >= ${TARGET.peerRatio.toFixed(2)}x @octokit/webhooks createNodeMiddleware (node:http, same body size)`,
        met: row.ratio >= TARGET.peerRatio,
        detail: `${fmt.ratio(row.ratio)} req/s (pairs ${row.pairRatios.map((r) => r.toFixed(2)).join(", ")}); ${fmt.ratio(row.cpuRatio)} CPU`,
      });
      continue;
    }
    targets.push({
      name: `${row.framework === "node" ? "node:http" : row.framework} adapter >= 0.90x its bare route`,
      met: row.ratio >= TARGET.adapterRatio,
      detail: `${fmt.ratio(row.ratio)} req/s (pairs ${row.pairRatios.map((r) => r.toFixed(2)).join(", ")}); ${fmt.ratio(row.cpuRatio)} CPU`,
    });
  }
}

async function coldStart(): Promise<void> {
  log(`cold-start: ${COLD_START_RUNS} fresh processes each, ours and @octokit/webhooks, alternating …`);
  const result = await runColdStart({ runs: COLD_START_RUNS, log });
  const row = (name: string, s: typeof result.ours) => [
    name,
    fmt.ms(s.importMs),
    fmt.ms(s.createMs),
    fmt.ms(s.firstMs),
    `**${fmt.ms(s.totalMs)}**`,
    fmt.ms(s.cpuMs),
    fmt.ms(s.sinceStartMs),
    fmt.ms(s.processMs),
  ];
  print(`### Cold start: fresh \`node\` processes, median of ${COLD_START_RUNS} each (alternating)\n`);
  print(
    table(
      [
        "",
        "import ms",
        "create + on ms",
        "first call ms",
        "import → first answer ms",
        "CPU ms (same span)",
        "process start → first answer ms",
        "spawn → exit ms",
      ],
      [
        row(`tencent-webhooks: createDispatcher + handle() (${MAIN_COMMAND}, signed)`, result.ours),
        row("@octokit/webhooks: new Webhooks + verifyAndReceive()", result.octokit),
      ],
    ),
  );
  const size =
    result.entryFiles > 0 ? ` Ours imports ${result.entryFiles} file(s), ${fmt.int(result.entryBytes / 1024)} KiB (the built main entry and its chunks).` : "";
  print(
    `\nimport → first answer, ours ÷ octokit: **${fmt.ratio(result.ratio)}** (pairs ${result.pairRatios.map((r) => r.toFixed(2)).join(" ")}); CPU time ${fmt.ratio(result.cpuRatio)}. ` +
      `Children run under ${result.loader === "node" ? "plain node" : "tsx's loader (--source; both sides)"}; node's own boot is outside the ratio (process-start column).${size}\n`,
  );
  targets.push({
    name: `cold start <= ${TARGET.coldStartRatio.toFixed(2)}x @octokit/webhooks (import + create + first call)`,
    met: result.ratio <= TARGET.coldStartRatio,
    detail: `${fmt.ratio(result.ratio)} (median ${fmt.ms(result.ours.totalMs)} vs ${fmt.ms(result.octokit.totalMs)} ms; import ${fmt.ms(result.ours.importMs)} vs ${fmt.ms(result.octokit.importMs)} ms); CPU ${fmt.ratio(result.cpuRatio)}`,
  });
}

async function queue(): Promise<void> {
  const options = args.quick ? { ...DEFAULT_QUEUE, rounds: 1, seconds: 1, warmupSeconds: 1, log } : { ...DEFAULT_QUEUE, log };
  log(
    `queue: node adapter inline / memoryQueue / redisQueue (Redis, Redis Cluster), autocannon ${options.connections} connections, ${options.rounds} rounds × ${options.seconds} s after ${options.warmupSeconds} s warm-up each …`,
  );
  const result = await runQueue(options);
  const { summary: s } = result;
  const us = (n: number | undefined) => (n === undefined ? "–" : fmt.us(n));
  const mib = (n: number | undefined) => (n === undefined ? "–" : (n / 1024 / 1024).toFixed(1));
  const cell = (variant: QueueVariant, name: string, ratio: string, rounds: string) => [
    name,
    fmt.int(s[variant].reqPerSec),
    ratio,
    rounds,
    `${s[variant].p50} / ${s[variant].p99} / ${s[variant].max}`,
    fmt.us(s[variant].serverCpuUsPerReq),
    us(s[variant].workerCpuUsPerJob),
    us(s[variant].redisCpuUsPerReq),
    s[variant].redisMemoryBefore === undefined ? "–" : `${mib(s[variant].redisMemoryBefore)} → ${mib(s[variant].redisMemoryAfter)}`,
    s[variant].drainSeconds === undefined ? "–" : `${s[variant].drainSeconds!.toFixed(2)} s (${fmt.int(s[variant].workerJobsPerSec!)}/s)`,
  ];
  print(
    `### Queued mode: node adapter, \`${MAIN_COMMAND}\` (a distinct body per request), signed, ${result.connections} connections, ${result.rounds} rounds × ${result.seconds} s\n`,
  );
  print(
    table(
      [
        "mode",
        "req/s",
        "÷ inline",
        "rounds ÷ inline",
        "p50 / p99 / max ms",
        "receiver CPU µs/req",
        "worker CPU µs/job",
        "redis-server CPU µs/req",
        "Redis used_memory MiB before → after",
        "backlog drained after load (worker jobs/s)",
      ],
      [
        cell("inline", "inline (handler before the 200)", "1.00x", ""),
        cell(
          "memory",
          `memoryQueue(), worker in the same process (concurrency ${result.workerConcurrency})`,
          `**${fmt.ratio(result.ratio.memory)}**`,
          result.roundRatios.memory.map((r) => r.toFixed(2)).join(" "),
        ),
        cell(
          "redis",
          `redisQueue() on a local redis-server, worker in its own process (concurrency ${result.workerConcurrency})`,
          `**${fmt.ratio(result.ratio.redis)}**`,
          result.roundRatios.redis.map((r) => r.toFixed(2)).join(" "),
        ),
        cell(
          "cluster",
          `redisQueue() on a local Redis Cluster (3 masters + 3 replicas), worker in its own process (concurrency ${result.workerConcurrency})`,
          `**${fmt.ratio(result.ratio.cluster)}**`,
          result.roundRatios.cluster.map((r) => r.toFixed(2)).join(" "),
        ),
      ],
    ),
  );
  print(
    `\n${result.redisVersion}, \`--save "" --appendonly no\`, 127.0.0.1 (the cluster: six such servers; its CPU and memory are summed over them). ÷ inline: median over rounds of the mode's req/s ÷ the inline run of the same round. ` +
      "Reply times are autocannon's (client side, ms). The worker drains while the load runs; a queued run ends once its backlog is handled (so no run inherits another's work).\n",
  );
  targets.push({
    name: `queued mode (Redis) >= ${TARGET.queueRatio.toFixed(2)}x inline req/s`,
    met: result.ratio.redis >= TARGET.queueRatio,
    detail:
      `${fmt.ratio(result.ratio.redis)} (rounds ${result.roundRatios.redis.map((r) => r.toFixed(2)).join(", ")}); p99 ${s.redis.p99} ms queued vs ${s.inline.p99} ms inline; ` +
      `memoryQueue ${fmt.ratio(result.ratio.memory)}, p99 ${s.memory.p99} ms; Redis Cluster ${fmt.ratio(result.ratio.cluster)}, p99 ${s.cluster.p99} ms`,
  });
  targets.push({
    name: "queued mode (Redis) p99 reply <= 10 ms",
    met: s.redis.p99 <= 10,
    detail: `p99 ${s.redis.p99} ms (inline ${s.inline.p99} ms)`,
  });
  targets.push({
    name: "queued mode (Redis) receiver CPU per callback <= 1.5x inline's",
    met: s.redis.serverCpuUsPerReq <= 1.5 * s.inline.serverCpuUsPerReq,
    detail: `${fmt.ratio(s.redis.serverCpuUsPerReq / s.inline.serverCpuUsPerReq)} (${fmt.us(s.redis.serverCpuUsPerReq)} vs ${fmt.us(s.inline.serverCpuUsPerReq)} µs)`,
  });
}

async function main(): Promise<void> {
  const started = performance.now();
  if (!args.source) {
    log("building the package (tsup) …");
    try {
      process.env[LIBRARY_ENV] = await buildLibrary();
    } catch (error) {
      // Another engineer's half-written source can break the build for a moment.
      console.error(`bench: the tsup build failed (${error instanceof Error ? error.message : String(error)}); retry, or measure the sources with --source`);
      process.exit(1);
    }
  }
  print(`## Benchmark results\n\n${machine()}\n`);
  try {
    for (const part of PARTS) {
      if (!parts.includes(part)) continue;
      if (part === "cold-start") await coldStart();
      if (part === "core") await core();
      if (part === "memory") await memory();
      if (part === "http") await http();
      if (part === "queue") await queue();
    }
  } finally {
    if (!args.source) await removeLibrary();
  }
  print("### Targets\n");
  print(
    table(
      ["target", "met", "measured"],
      targets.map((t) => [t.name, t.met ? "yes" : "**no**", t.detail]),
    ),
  );
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
