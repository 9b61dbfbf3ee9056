/**
 * HTTP: autocannon against each framework's bare JSON route (a) and the same framework with this
 * package's adapter (b), alternating a, b, a, b … so that drift in the machine's load hits both.
 *
 * Process layout (2 cores): each framework's two servers run in a child process of their own
 * (bench/servers.ts), autocannon runs here, in the parent, and nothing else runs meanwhile. One
 * process serves, one loads: they do not share an event loop, and neither runs on the other's
 * core. The servers report their own CPU time, so every run also yields server CPU µs per
 * request — the cost ratio, which holds even when the load generator, not the server, is the
 * bottleneck.
 *
 * Every run of (b) is signed afresh (Sign + RequestTime at its start; runs last seconds, the
 * window is the default 60 s). Any non-2xx answer or socket error fails the benchmark.
 */
import autocannon from "autocannon";
import { randomUUID } from "node:crypto";
import {
  FRAMEWORKS,
  MAIN_COMMAND,
  OCTOKIT_PATH,
  PEER,
  median,
  octokitDelivery,
  sampleOf,
  signedPath,
  startChild,
  type Child,
  type Framework,
  type ServerMessage,
} from "./common.js";

export interface HttpRun {
  variant: "bare" | "adapter";
  reqPerSec: number;
  p50: number;
  p99: number;
  /** Server process CPU time per request, µs. */
  cpuUsPerReq: number;
}
export interface HttpRow {
  /** A framework (bare route vs adapter), or the peer (octokit's middleware vs our node adapter). */
  framework: Framework | typeof PEER;
  runs: HttpRun[];
  bare: { reqPerSec: number; p50: number; p99: number; cpuUsPerReq: number };
  adapter: { reqPerSec: number; p50: number; p99: number; cpuUsPerReq: number };
  /** The median over pairs of adapter req/s ÷ bare req/s (a pair's two runs are seconds apart: same load). */
  ratio: number;
  /** adapter ÷ bare req/s of each a, b pair */
  pairRatios: number[];
  /** The median over pairs of bare ÷ adapter server CPU µs per request (1.00x: no extra server work). */
  cpuRatio: number;
}
export interface HttpOptions {
  pairs: number;
  seconds: number;
  warmupSeconds: number;
  connections: number;
  frameworks: readonly Framework[];
  log(line: string): void;
}

export const DEFAULT_HTTP: Omit<HttpOptions, "log"> = { pairs: 5, seconds: 3, warmupSeconds: 2, connections: 10, frameworks: FRAMEWORKS };

const SAMPLE = sampleOf(MAIN_COMMAND);
/** GitHub's delivery of the same size as our sample, signed as GitHub signs it. */
const OCTOKIT = octokitDelivery(Buffer.byteLength(SAMPLE));

async function load(port: number, path: string, seconds: number, connections: number, peer = false): Promise<autocannon.Result> {
  if (peer) {
    return autocannon({
      url: `http://127.0.0.1:${port}${OCTOKIT_PATH}`,
      method: "POST",
      headers: {
        "content-type": "application/json",
        "x-github-event": OCTOKIT.name,
        "x-github-delivery": randomUUID(),
        "x-hub-signature-256": OCTOKIT.signature,
      },
      body: OCTOKIT.payload,
      connections,
      pipelining: 1,
      duration: seconds,
    });
  }
  return autocannon({
    url: `http://127.0.0.1:${port}${path}`,
    method: "POST",
    headers: { "content-type": "application/json" },
    body: SAMPLE,
    connections,
    pipelining: 1,
    duration: seconds,
  });
}

async function cpu(server: Child<ServerMessage>): Promise<Extract<ServerMessage, { type: "cpu" }>> {
  server.send({ type: "cpu" });
  const message = await server.next();
  if (message.type !== "cpu") throw new Error(`expected a cpu report, got ${message.type}`);
  return message;
}

async function measure(
  server: Child<ServerMessage>,
  port: number,
  variant: HttpRun["variant"],
  seconds: number,
  connections: number,
  peer: boolean,
): Promise<HttpRun> {
  const path = signedPath(MAIN_COMMAND);
  const before = await cpu(server);
  const result = await load(port, path, seconds, connections, peer && variant === "bare");
  const after = await cpu(server);
  if (result.non2xx > 0 || result.errors > 0 || after.failed > before.failed) {
    throw new Error(`${variant} on :${port}: ${result.non2xx} non-2xx, ${result.errors} errors, ${after.failed - before.failed} refused`);
  }
  const ok = result["2xx"];
  return {
    variant,
    reqPerSec: ok / result.duration,
    p50: result.latency.p50,
    p99: result.latency.p99,
    cpuUsPerReq: (after.micros - before.micros) / Math.max(1, ok),
  };
}

function summary(runs: HttpRun[]) {
  return {
    reqPerSec: median(runs.map((r) => r.reqPerSec)),
    p50: median(runs.map((r) => r.p50)),
    p99: median(runs.map((r) => r.p99)),
    cpuUsPerReq: median(runs.map((r) => r.cpuUsPerReq)),
  };
}

async function benchFramework(framework: Framework | typeof PEER, options: HttpOptions): Promise<HttpRow> {
  const peer = framework === PEER;
  const server = startChild<ServerMessage>("./servers.ts", [], [framework]);
  try {
    const ready = await server.next();
    if (ready.type !== "ready") throw new Error(`servers.ts ${framework}: expected ready`);
    const port = { bare: ready.bare, adapter: ready.adapter };
    for (const variant of ["bare", "adapter"] as const) {
      await load(port[variant], signedPath(MAIN_COMMAND), options.warmupSeconds, options.connections, peer && variant === "bare");
    }
    const runs: HttpRun[] = [];
    for (let pair = 0; pair < options.pairs; pair++) {
      for (const variant of ["bare", "adapter"] as const) {
        const run = await measure(server, port[variant], variant, options.seconds, options.connections, peer);
        runs.push(run);
        options.log(
          `  ${framework.padEnd(7)} ${variant.padEnd(7)} ${Math.round(run.reqPerSec).toString().padStart(6)} req/s  p50 ${run.p50} ms  p99 ${run.p99} ms  ${run.cpuUsPerReq.toFixed(1)} µs CPU/req`,
        );
      }
    }
    const bare = summary(runs.filter((r) => r.variant === "bare"));
    const adapter = summary(runs.filter((r) => r.variant === "adapter"));
    const pairRatios: number[] = [];
    const cpuRatios: number[] = [];
    for (let i = 0; i + 1 < runs.length; i += 2) {
      pairRatios.push(runs[i + 1]!.reqPerSec / runs[i]!.reqPerSec);
      cpuRatios.push(runs[i]!.cpuUsPerReq / runs[i + 1]!.cpuUsPerReq);
    }
    return { framework, runs, bare, adapter, ratio: median(pairRatios), pairRatios, cpuRatio: median(cpuRatios) };
  } finally {
    server.send({ type: "stop" });
    await server.exited;
  }
}

export async function runHttp(options: HttpOptions): Promise<HttpRow[]> {
  const rows: HttpRow[] = [];
  for (const framework of options.frameworks) rows.push(await benchFramework(framework, options));
  // The peer row, in the same run: @octokit/webhooks' createNodeMiddleware against our node adapter.
  if (options.frameworks.includes("node")) rows.push(await benchFramework(PEER, options));
  return rows;
}
