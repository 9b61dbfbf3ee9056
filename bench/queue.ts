/**
 * Queued mode over HTTP: the node adapter inline against the same adapter in queued mode, on a
 * local redis-server (BullMQ) and on memoryQueue(), in the same run. autocannon runs here, in the
 * parent, as in bench/http.ts; the three servers run in one child process (bench/queue-server.ts
 * server), the Redis worker in another (queue-server.ts worker), redis-server in a third
 * (bench/redis.ts: 127.0.0.1, free port, temp dir, `--save "" --appendonly no`). memoryQueue is
 * one process only, so its worker drains it inside the server process.
 *
 * Every request carries a different body (the `EventTime` digits count up, the length stays the
 * same): queued mode claims each callback's dedupe key (the SHA-256 of the raw body for this
 * command), so an identical body would be answered as a duplicate and never written. Inline runs
 * get the same varying bodies. Runs go inline, memory, redis, inline, … (rounds); after each queued
 * run the parent waits for its worker to drain the backlog (bounded) before the next run starts,
 * so one variant's leftover work never lands in another's measurement. Every run is signed afresh;
 * any non-2xx answer, socket error, onError call, or a job that does not get handled fails it.
 *
 * Figures: req/s (2xx ÷ duration), autocannon's p50 / p99 / max reply time, the server's CPU µs
 * per request, and for queued runs how long the backlog took to drain after the load stopped
 * (the worker's sustained rate: jobs ÷ (run + drain time)).
 */
import { readFileSync } from "node:fs";
import autocannon from "autocannon";
import { MAIN_COMMAND, QUEUE_VARIANTS, median, sampleOf, signedPath, startChild, type Child, type QueueServerMessage, type QueueVariant } from "./common.js";
import { startRedis, type BenchRedis } from "./redis.js";
import { startRedisCluster, type BenchCluster } from "./redis-cluster.js";

export interface QueueRun {
  variant: QueueVariant;
  round: number;
  reqPerSec: number;
  p50: number;
  p99: number;
  max: number;
  /** Server process CPU per request, µs (for redis: the receiver only). */
  serverCpuUsPerReq: number;
  /** Worker process CPU per job, µs (redis only). */
  workerCpuUsPerJob?: number;
  /** redis-server CPU per request, µs (redis, cluster: all six nodes; from /proc). */
  redisCpuUsPerReq?: number;
  /** Redis `used_memory` before and after the run, bytes (redis, cluster: summed over nodes). */
  redisMemoryBefore?: number;
  redisMemoryAfter?: number;
  /** Seconds from the end of the load until every accepted job had been handled (queued only). */
  drainSeconds?: number;
  /** Jobs handled ÷ (run + drain) seconds (queued only). */
  workerJobsPerSec?: number;
  requests: number;
}
/** Medians over a variant's rounds. */
export type QueueSummary = Omit<QueueRun, "variant" | "round" | "requests">;
export interface QueueResult {
  runs: QueueRun[];
  summary: Record<QueueVariant, QueueSummary>;
  /** Median over rounds of (variant req/s ÷ inline req/s of the same round). */
  ratio: Record<QueuedVariant, number>;
  roundRatios: Record<QueuedVariant, number[]>;
  redisVersion: string;
  workerConcurrency: number;
  connections: number;
  seconds: number;
  rounds: number;
}
/** The variants with a queue (all but inline). */
export type QueuedVariant = Exclude<QueueVariant, "inline">;
const QUEUED = QUEUE_VARIANTS.filter((variant): variant is QueuedVariant => variant !== "inline");

export interface QueueOptions {
  rounds: number;
  seconds: number;
  warmupSeconds: number;
  connections: number;
  /** BullMQ worker and memoryQueue worker concurrency. */
  workerConcurrency: number;
  /** The longest wait for a backlog to drain after a queued run. */
  drainTimeoutSeconds: number;
  log(line: string): void;
}

export const DEFAULT_QUEUE: Omit<QueueOptions, "log"> = {
  rounds: 3,
  seconds: 3,
  warmupSeconds: 2,
  connections: 10,
  workerConcurrency: 8,
  drainTimeoutSeconds: 30,
};

const SAMPLE = sampleOf(MAIN_COMMAND);
const EVENT_TIME = /"EventTime":(\d{13})/;
const [before, after] = (() => {
  const match = EVENT_TIME.exec(SAMPLE);
  if (!match) throw new Error(`the ${MAIN_COMMAND} sample has no 13-digit EventTime to vary`);
  return [SAMPLE.slice(0, match.index + '"EventTime":'.length), SAMPLE.slice(match.index + match[0].length)];
})();
/** 13 digits, counting up from now: unique per request across every run of this process. */
let eventTime = Date.now();
const nextBody = () => `${before}${++eventTime}${after}`;

function load(port: number, seconds: number, connections: number): Promise<autocannon.Result> {
  const path = signedPath(MAIN_COMMAND);
  return autocannon({
    url: `http://127.0.0.1:${port}${path}`,
    connections,
    pipelining: 1,
    duration: seconds,
    requests: [
      {
        method: "POST",
        path,
        headers: { "content-type": "application/json" },
        setupRequest: (request) => ({ ...request, body: nextBody() }),
      },
    ],
  });
}

async function stats(child: Child<QueueServerMessage>): Promise<Extract<QueueServerMessage, { type: "stats" }>> {
  child.send({ type: "stats" });
  const message = await child.next();
  if (message.type !== "stats") throw new Error(`expected stats, got ${message.type}`);
  return message;
}

/** utime + stime of a process, µs (Linux /proc; 0 elsewhere). */
function processCpuMicros(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
    return ((Number(fields[11]) + Number(fields[12])) * 1e6) / 100; // USER_HZ is 100 on Linux
  } catch {
    return 0;
  }
}

/** After the load stops, for the requests autocannon abandoned to finish server-side. */
const SETTLE_MS = 100;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function measure(
  variant: QueueVariant,
  round: number,
  ports: Record<QueueVariant, number>,
  server: Child<QueueServerMessage>,
  worker: Child<QueueServerMessage>,
  engines: { redis: BenchRedis; cluster: BenchCluster },
  options: QueueOptions,
): Promise<QueueRun> {
  const redisPids = variant === "cluster" ? engines.cluster.nodes.map((node) => node.pid) : [engines.redis.pid];
  const redisCpu = () => redisPids.reduce((sum, pid) => sum + processCpuMicros(pid), 0);
  const redisMemory = () => (variant === "cluster" ? engines.cluster.usedMemory() : engines.redis.usedMemory());
  const m0 = variant === "redis" || variant === "cluster" ? redisMemory() : 0;
  const s0 = await stats(server);
  const w0 = await stats(worker);
  const r0 = redisCpu();
  const started = performance.now();
  const result = await load(ports[variant], options.seconds, options.connections);
  const loadEnded = performance.now();
  await sleep(SETTLE_MS);
  const s1 = await stats(server);
  const w1 = await stats(worker);
  if (result.non2xx > 0 || result.errors > 0 || s1.failed > s0.failed || w1.failed > w0.failed) {
    throw new Error(`${variant}: ${result.non2xx} non-2xx, ${result.errors} errors, ${s1.failed - s0.failed + w1.failed - w0.failed} onError / inexact`);
  }
  const ok = result["2xx"];
  const run: QueueRun = {
    variant,
    round,
    reqPerSec: ok / result.duration,
    p50: result.latency.p50,
    p99: result.latency.p99,
    max: result.latency.max,
    serverCpuUsPerReq: 0,
    requests: ok,
  };
  // What the server took in: autocannon stops waiting for the replies in flight when its time is
  // up, so its 2xx count is short by up to one per connection (those are still handled, or written).
  const accepted = variant === "inline" ? s1.handled.inline - s0.handled.inline : s1.enqueued[variant] - s0.enqueued[variant];
  run.serverCpuUsPerReq = (s1.micros - s0.micros) / Math.max(1, accepted);
  if (accepted < ok || accepted > ok + options.connections) throw new Error(`${variant}: autocannon saw ${ok} 200s, the server took ${accepted}`);
  if (variant === "inline") return run;
  // Wait for the backlog: every job accepted in this run handled by its worker.
  const handledBy = async () =>
    variant === "memory" ? (await stats(server)).handled.memory - s0.handled.memory : (await stats(worker)).handled[variant] - w0.handled[variant];
  const deadline = loadEnded + options.drainTimeoutSeconds * 1000;
  let done = await handledBy();
  while (done < accepted && performance.now() < deadline) {
    await sleep(20);
    done = await handledBy();
  }
  const drained = performance.now();
  if (done < accepted) throw new Error(`${variant}: ${done} of ${accepted} accepted jobs handled ${options.drainTimeoutSeconds} s after the load stopped`);
  if (done > accepted) throw new Error(`${variant}: ${done} jobs handled for ${accepted} accepted callbacks (a duplicate ran)`);
  run.drainSeconds = (drained - loadEnded) / 1000;
  run.workerJobsPerSec = done / ((drained - started) / 1000);
  if (variant === "redis" || variant === "cluster") {
    const w2 = await stats(worker);
    run.workerCpuUsPerJob = (w2.micros - w0.micros) / Math.max(1, done);
    // CPU per request below: per accepted callback (what the servers answered 200).
    // Receiving and working both: the claims and writes, then the worker's fetches and completions.
    if (r0 > 0) run.redisCpuUsPerReq = (redisCpu() - r0) / Math.max(1, accepted);
    run.redisMemoryBefore = m0;
    run.redisMemoryAfter = redisMemory();
  }
  const after = await stats(server);
  if (after.dead > 0) throw new Error(`${variant}: ${after.dead} jobs in the dead-letter set`);
  return run;
}

function summarise(runs: QueueRun[]): QueueSummary {
  const m = (pick: (run: QueueRun) => number | undefined) => {
    const values = runs.map(pick).filter((v): v is number => v !== undefined);
    return values.length ? median(values) : undefined;
  };
  const summary: QueueSummary = {
    reqPerSec: m((r) => r.reqPerSec)!,
    p50: m((r) => r.p50)!,
    p99: m((r) => r.p99)!,
    max: m((r) => r.max)!,
    serverCpuUsPerReq: m((r) => r.serverCpuUsPerReq)!,
  };
  const optional = {
    workerCpuUsPerJob: m((r) => r.workerCpuUsPerJob),
    redisCpuUsPerReq: m((r) => r.redisCpuUsPerReq),
    drainSeconds: m((r) => r.drainSeconds),
    redisMemoryBefore: m((r) => r.redisMemoryBefore),
    redisMemoryAfter: m((r) => r.redisMemoryAfter),
    workerJobsPerSec: m((r) => r.workerJobsPerSec),
  };
  for (const [key, value] of Object.entries(optional)) if (value !== undefined) summary[key as keyof typeof optional] = value;
  return summary;
}

export async function runQueue(options: QueueOptions): Promise<QueueResult> {
  const redis = await startRedis();
  const cluster = await startRedisCluster().catch(async (error: unknown) => {
    await redis.stop();
    throw error;
  });
  const engines = { redis, cluster };
  let server: Child<QueueServerMessage> | undefined;
  let worker: Child<QueueServerMessage> | undefined;
  try {
    // BENCH_CPU_PROF_DIR=<dir>: both children run under `node --cpu-prof` (read them with `tsx bench/profile.ts --summarise <file>`).
    const profile = process.env.BENCH_CPU_PROF_DIR ? ["--cpu-prof", `--cpu-prof-dir=${process.env.BENCH_CPU_PROF_DIR}`, "--cpu-prof-interval=200"] : [];
    const args = [redis.url, String(options.workerConcurrency), cluster.urls.join(",")];
    server = startChild<QueueServerMessage>("./queue-server.ts", profile, ["server", ...args]);
    worker = startChild<QueueServerMessage>("./queue-server.ts", profile, ["worker", ...args]);
    const ready = await server.next();
    if (ready.type !== "ready") throw new Error(`queue-server: expected ready, got ${ready.type}`);
    const workerReady = await worker.next();
    if (workerReady.type !== "ready-worker") throw new Error(`queue worker: expected ready-worker, got ${workerReady.type}`);
    const { ports } = ready;
    options.log(
      `  redis-server ${redis.version.replace(/^Redis server /, "")} on :${redis.port}, a cluster on :${cluster.nodes.map((node) => node.port).join(", :")}; ` +
        `servers inline :${ports.inline}, memory :${ports.memory}, redis :${ports.redis}, cluster :${ports.cluster}`,
    );
    const warm = { ...options, seconds: options.warmupSeconds };
    for (const variant of QUEUE_VARIANTS) await measure(variant, 0, ports, server, worker, engines, warm);
    const runs: QueueRun[] = [];
    for (let round = 1; round <= options.rounds; round++) {
      for (const variant of QUEUE_VARIANTS) {
        const run = await measure(variant, round, ports, server, worker, engines, options);
        runs.push(run);
        const drain = run.drainSeconds === undefined ? "" : `  drained in ${run.drainSeconds.toFixed(2)} s (${Math.round(run.workerJobsPerSec!)} jobs/s)`;
        options.log(
          `  ${variant.padEnd(6)} ${Math.round(run.reqPerSec).toString().padStart(6)} req/s  p50 ${run.p50} ms  p99 ${run.p99} ms  max ${run.max} ms  ${run.serverCpuUsPerReq.toFixed(1)} µs CPU/req${drain}`,
        );
      }
    }
    const byVariant = (variant: QueueVariant) => runs.filter((r) => r.variant === variant);
    const roundRatios = Object.fromEntries(QUEUED.map((variant) => [variant, [] as number[]])) as Record<QueuedVariant, number[]>;
    for (let round = 1; round <= options.rounds; round++) {
      const inline = runs.find((r) => r.round === round && r.variant === "inline")!;
      for (const variant of QUEUED) {
        roundRatios[variant].push(runs.find((r) => r.round === round && r.variant === variant)!.reqPerSec / inline.reqPerSec);
      }
    }
    return {
      runs,
      summary: Object.fromEntries(QUEUE_VARIANTS.map((variant) => [variant, summarise(byVariant(variant))])) as Record<QueueVariant, QueueSummary>,
      ratio: Object.fromEntries(QUEUED.map((variant) => [variant, median(roundRatios[variant])])) as Record<QueuedVariant, number>,
      roundRatios,
      redisVersion: redis.version,
      workerConcurrency: options.workerConcurrency,
      connections: options.connections,
      seconds: options.seconds,
      rounds: options.rounds,
    };
  } finally {
    for (const child of [server, worker]) child?.send({ type: "stop" });
    await Promise.all([server?.exited, worker?.exited]);
    await Promise.all([redis.stop(), cluster.stop()]);
  }
}
