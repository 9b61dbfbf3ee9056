/**
 * Core: `dispatcher.handle()` ops/s with tinybench, in its own process (`npm run bench` forks
 * it; `tsx bench/core.ts` runs it alone and prints JSON).
 *
 * Tasks: every seed sample with and without a 64-bit integer literal, with and without a token;
 * the floor (the Live.CallbackAfterDestroyRoom sample through plain `JSON.parse`); and the peer, @octokit/webhooks
 * `verifyAndReceive` (HMAC-SHA256 over the body, JSON.parse, dispatch to a handler) on a GitHub
 * `issues.opened` payload of the same size. Each handler is a no-op, so the figures are the
 * libraries' own cost.
 *
 * Each tinybench iteration is a batch of BATCH sequential calls (one timer read per batch, not
 * per call); samples are batch means. Figures are per-batch medians, the best of ROUNDS rounds
 * (rounds interleave all tasks, so a burst of noise from a neighbour hits one round, not one
 * task). `cpu ops/s` divides the calls of the measured phase by the process CPU time it took:
 * on a shared machine that is the closer reading of "on one core".
 */
import { Webhooks } from "@octokit/webhooks";
import { Bench, type Task } from "tinybench";
import type { Dispatcher, WebhookRequest } from "../src/index.js";
import type { KnownCommand } from "../schemas/index.js";
import { loadLibrary } from "./library.js";
import {
  APP_ID,
  MAIN_COMMAND,
  OCTOKIT_SECRET,
  SEED_COMMANDS,
  TOKEN,
  nodeHeaders,
  octokitDelivery,
  report,
  seedBodies,
  signedPath,
  unsignedPath,
} from "./common.js";

export interface CoreRow {
  name: string;
  command?: string;
  bigInteger?: boolean;
  signed?: boolean;
  /** Median over batches of ops/s (wall clock), best round. */
  opsPerSec: number;
  /** Calls per second of process CPU time, best round. */
  cpuOpsPerSec: number;
  /** Mean wall time of one call, µs (best round). */
  meanUs: number;
  bytes: number;
}
export interface CoreResult {
  type: "core";
  library: "build" | "source";
  rows: CoreRow[];
  /** handle() on the Live.CallbackAfterDestroyRoom sample, signed, divided by octokit verifyAndReceive (wall and CPU). */
  vsOctokit: { wall: number; cpu: number };
}

const BATCH = 50;
const library = await loadLibrary();
const { createDispatcher } = library.core;
const quick = process.argv.includes("--quick");
const ROUNDS = quick ? 1 : 3;
const TIME_MS = quick ? 300 : 700;

interface Case {
  row: Omit<CoreRow, "opsPerSec" | "cpuOpsPerSec" | "meanUs">;
  call: () => Promise<unknown>;
}

function handleCase(command: KnownCommand, body: string, bigInteger: boolean, signed: boolean): Case {
  const dispatcher: Dispatcher = createDispatcher(signed ? { sdkAppId: APP_ID, token: TOKEN } : { sdkAppId: APP_ID });
  dispatcher.on(command, () => {});
  const bytes = Buffer.from(body);
  const headers = nodeHeaders(body);
  // A signature stays valid for 60 s (the default window, unchanged): sign again every second.
  let url = signed ? signedPath(command) : unsignedPath(command);
  let signedAt = Date.now();
  const call = () => {
    if (signed && Date.now() - signedAt > 1000) {
      signedAt = Date.now();
      url = signedPath(command, signedAt);
    }
    // A fresh request object each call, as an adapter builds one per HTTP request.
    const request: WebhookRequest = { method: "POST", url, headers, body: bytes };
    return dispatcher.handle(request);
  };
  const name = `handle ${command} ${bigInteger ? "64-bit" : "no 64-bit"} ${signed ? "token" : "no token"}`;
  return { row: { name, command, bigInteger, signed, bytes: bytes.length }, call };
}

/** A GitHub `issues.opened` delivery padded to `size` bytes, signed as GitHub signs it. */
function octokitCase(size: number): Case {
  const webhooks = new Webhooks({ secret: OCTOKIT_SECRET });
  webhooks.on("issues.opened", () => {});
  const { name, payload, signature } = octokitDelivery(size);
  let id = 0;
  const call = () => webhooks.verifyAndReceive({ id: String(++id), name, payload, signature });
  return { row: { name: "@octokit/webhooks verifyAndReceive (HMAC + JSON.parse + dispatch)", bytes: Buffer.byteLength(payload) }, call };
}

function floorCase(body: string): Case {
  return {
    row: { name: `floor: JSON.parse of the ${MAIN_COMMAND} sample`, bytes: Buffer.byteLength(body) },
    call: () => Promise.resolve(JSON.parse(body)),
  };
}

async function check(c: Case): Promise<void> {
  const answer = (await c.call()) as { status?: number } | undefined;
  if (answer && typeof answer === "object" && "status" in answer && answer.status !== 200) {
    throw new Error(`${c.row.name}: answered ${answer.status}, not 200 — the benchmark would measure a refusal`);
  }
}

async function main(): Promise<void> {
  const cases: Case[] = [];
  for (const command of SEED_COMMANDS) {
    const { big, small } = seedBodies(command);
    for (const signed of [true, false]) {
      cases.push(handleCase(command, big, true, signed), handleCase(command, small, false, signed));
    }
  }
  const main = seedBodies(MAIN_COMMAND).big;
  cases.push(octokitCase(Buffer.byteLength(main)), floorCase(main));
  for (const c of cases) await check(c);

  const best = new Map<string, { ops: number; cpu: number; meanUs: number }>();
  for (let round = 0; round < ROUNDS; round++) {
    const bench = new Bench({ time: TIME_MS, warmupTime: 150, iterations: 10, throws: true });
    const cpuByTask = new Map<string, number>();
    for (const c of cases) {
      let calls = 0;
      let cpuStart = 0;
      bench.add(
        c.row.name,
        async () => {
          const start = bench.now();
          for (let i = 0; i < BATCH; i++) await c.call();
          const elapsed = bench.now() - start;
          calls += BATCH;
          return { overriddenDuration: elapsed / BATCH, overriddenIterationCost: elapsed };
        },
        {
          beforeAll(mode) {
            if (mode !== "run") return;
            calls = 0;
            const usage = process.cpuUsage();
            cpuStart = usage.user + usage.system;
          },
          afterAll(mode) {
            if (mode !== "run") return;
            const usage = process.cpuUsage();
            cpuByTask.set(c.row.name, calls / ((usage.user + usage.system - cpuStart) / 1e6));
          },
        },
      );
    }
    await bench.run();
    for (const task of bench.tasks as Task[]) {
      const result = task.result;
      if (result.state !== "completed") throw new Error(`${task.name}: ${result.state}`);
      const ops = result.throughput.p50;
      const previous = best.get(task.name);
      const cpu = cpuByTask.get(task.name) ?? 0;
      best.set(task.name, {
        ops: Math.max(previous?.ops ?? 0, ops),
        cpu: Math.max(previous?.cpu ?? 0, cpu),
        meanUs: Math.min(previous?.meanUs ?? Infinity, result.latency.mean * 1000),
      });
    }
  }

  const rows: CoreRow[] = cases.map((c) => {
    const b = best.get(c.row.name)!;
    return { ...c.row, opsPerSec: b.ops, cpuOpsPerSec: b.cpu, meanUs: b.meanUs };
  });
  const ours = rows.find((r) => r.command === MAIN_COMMAND && r.bigInteger && r.signed)!;
  const octokit = rows.find((r) => r.name.startsWith("@octokit"))!;
  const result: CoreResult = {
    type: "core",
    library: library.kind,
    rows,
    vsOctokit: { wall: ours.opsPerSec / octokit.opsPerSec, cpu: ours.cpuOpsPerSec / octokit.cpuOpsPerSec },
  };
  await report(result);
}

await main();
