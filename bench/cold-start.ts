/**
 * Cold start: fresh node processes, each doing one import + create + first callback
 * (bench/cold-start-child.mjs), ours against @octokit/webhooks' import + `new Webhooks()` + first
 * `verifyAndReceive()`. Ours handles the signed `Live.CallbackAfterDestroyRoom` seed sample (the
 * handler checks the exact 64-bit Owner_Account, the answer must be 200); octokit verifies a GitHub
 * `issues.opened` payload of the same size.
 *
 * The measured span starts right before the dynamic `import()` and ends when the first call has
 * resolved, read with performance.now() inside the child: node's own boot (the same for both) is
 * left out of the ratio, and reported on its own (spawn → exit, measured here). Runs alternate
 * ours, octokit, … after one discarded warm-up pair (the first read of each file from disk), so
 * the machine's load drifts over both alike. Each child also reports its CPU time over the span:
 * on a shared machine the CPU ratio is the steadier reading of the same thing. Built package: children are plain `node` (what
 * users run); with `--source`, both go through tsx's loader.
 */
import { spawn } from "node:child_process";
import { readFile, stat } from "node:fs/promises";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { APP_ID, MAIN_COMMAND, OCTOKIT_SECRET, TOKEN, median, octokitDelivery, sampleOf, signedPath } from "./common.js";
import { LIBRARY_ENV, mainEntryFile } from "./library.js";

export interface ColdRun {
  which: "ours" | "octokit";
  importMs: number;
  createMs: number;
  firstMs: number;
  /** import + create + first call */
  totalMs: number;
  /** process CPU time over the same span */
  cpuMs: number;
  /** performance.now() at the end: since the process started, node's boot included */
  sinceStartMs: number;
  /** spawn → exit, measured by the parent */
  processMs: number;
}
/** One side's runs, and the median of each figure over them. */
export interface ColdSide extends Omit<ColdRun, "which"> {
  runs: ColdRun[];
}
export interface ColdStartResult {
  ours: ColdSide;
  octokit: ColdSide;
  /** median(ours totalMs) ÷ median(octokit totalMs) */
  ratio: number;
  /** The same ratio per alternating pair. */
  pairRatios: number[];
  /** median(ours cpuMs) ÷ median(octokit cpuMs) */
  cpuRatio: number;
  /** What a fresh process imports for ours: the entry file and the chunks it loads statically. */
  entryBytes: number;
  entryFiles: number;
  loader: "node" | "tsx";
}
export interface ColdStartOptions {
  runs: number;
  log(line: string): void;
}

const CHILD = fileURLToPath(new URL("./cold-start-child.mjs", import.meta.url));
const OWNER = "144115216631667826";

function once(which: ColdRun["which"], input: Record<string, unknown>, execArgv: string[]): Promise<ColdRun> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, [...execArgv, CHILD, which], {
      env: { ...process.env, BENCH_COLD_START: JSON.stringify(input) },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let out = "";
    let err = "";
    child.stdout.on("data", (chunk: Buffer) => (out += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (err += chunk.toString()));
    const timer = setTimeout(() => child.kill("SIGKILL"), 30_000);
    child.once("error", reject);
    child.once("exit", (code) => {
      clearTimeout(timer);
      const processMs = performance.now() - started;
      if (code !== 0) return reject(new Error(`cold start (${which}) exited with ${code}: ${err.trim() || out.trim()}`));
      try {
        const line = JSON.parse(out.trim().split("\n").at(-1)!) as Omit<ColdRun, "processMs">;
        resolve({ ...line, processMs });
      } catch {
        reject(new Error(`cold start (${which}): unreadable output ${JSON.stringify(out)} ${err}`));
      }
    });
  });
}

function side(runs: ColdRun[]): ColdSide {
  const m = (key: keyof Omit<ColdRun, "which">) => median(runs.map((r) => r[key]));
  return {
    runs,
    importMs: m("importMs"),
    createMs: m("createMs"),
    firstMs: m("firstMs"),
    totalMs: m("totalMs"),
    cpuMs: m("cpuMs"),
    sinceStartMs: m("sinceStartMs"),
    processMs: m("processMs"),
  };
}

/** The entry and the chunks it imports statically (`import … from "./chunk-….js"`), transitively. */
async function entrySize(file: string): Promise<{ bytes: number; files: number }> {
  const seen = new Set<string>();
  let bytes = 0;
  const visit = async (path: string): Promise<void> => {
    if (seen.has(path)) return;
    seen.add(path);
    bytes += (await stat(path)).size;
    const text = await readFile(path, "utf8");
    for (const match of text.matchAll(/(?:^|[;\n])\s*(?:import|export)\s[^;]*?from\s*"(\.\/[^"]+\.js)"/g)) {
      await visit(join(dirname(path), match[1]!));
    }
  };
  await visit(file);
  return { bytes, files: seen.size };
}

export async function runColdStart(options: ColdStartOptions): Promise<ColdStartResult> {
  const built = process.env[LIBRARY_ENV] !== undefined;
  // The build runs under plain node, as users run it; the sources need tsx's loader (for both).
  const execArgv = built ? [] : process.execArgv;
  const body = sampleOf(MAIN_COMMAND);
  if (!body.includes(OWNER)) throw new Error(`the ${MAIN_COMMAND} sample lost its 64-bit Owner_Account`);
  const delivery = octokitDelivery(Buffer.byteLength(body));
  const input = () => ({
    entry: mainEntryFile(),
    appId: APP_ID,
    token: TOKEN,
    command: MAIN_COMMAND,
    // Signed afresh for each run: valid for the default 60 s window, as in every other part.
    url: signedPath(MAIN_COMMAND),
    body,
    expectOwner: OWNER,
    secret: OCTOKIT_SECRET,
    ...delivery,
  });
  await once("ours", input(), execArgv);
  await once("octokit", input(), execArgv);
  const ours: ColdRun[] = [];
  const octokit: ColdRun[] = [];
  for (let i = 0; i < options.runs; i++) {
    // Alternate which goes first in a pair, so neither always follows the other's page-cache work.
    const order = i % 2 === 0 ? (["ours", "octokit"] as const) : (["octokit", "ours"] as const);
    for (const which of order) {
      const run = await once(which, input(), execArgv);
      (which === "ours" ? ours : octokit).push(run);
    }
    options.log(`  pair ${String(i + 1).padStart(2)}: ours ${ours.at(-1)!.totalMs.toFixed(1)} ms, octokit ${octokit.at(-1)!.totalMs.toFixed(1)} ms`);
  }
  const size = built ? await entrySize(mainEntryFile()) : { bytes: 0, files: 0 };
  const a = side(ours);
  const b = side(octokit);
  return {
    ours: a,
    octokit: b,
    ratio: a.totalMs / b.totalMs,
    cpuRatio: a.cpuMs / b.cpuMs,
    pairRatios: ours.map((run, i) => run.totalMs / octokit[i]!.totalMs),
    entryBytes: size.bytes,
    entryFiles: size.files,
    loader: built ? "node" : "tsx",
  };
}

// `tsx bench/cold-start.ts` alone: the sources (or BENCH_LIBRARY's build), JSON out.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const result = await runColdStart({ runs: 10, log: (line) => console.error(line) });
  console.log(JSON.stringify({ ...result, ours: { ...result.ours, runs: undefined }, octokit: { ...result.octokit, runs: undefined } }, null, 2));
}
