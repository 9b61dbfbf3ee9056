/**
 * Which copy of the package the benchmark measures. `npm run bench` builds it first, the way
 * `npm run build` does (tsup, ESM, node20), into node_modules/.cache/tencent-webhooks-bench:
 * the code users install. Running the sources through tsx instead would also measure tsx's own
 * additions (esbuild's `keepNames` wraps every closure created per call in a `__name(...)`
 * call, several % of `handle()`), which the published build does not have.
 *
 * Built entries: index, express, fastify, koa, node, and queue (bullmq and ioredis external, as in
 * tsup.config.ts). Only those: an entry another engineer is adding (src/testing, src/cli) cannot
 * break the benchmark's build.
 *
 * The parts read the built copy's location from BENCH_LIBRARY (set by run.ts for its children);
 * without it (`tsx bench/core.ts` alone, or `npm run bench -- --source`) they import the sources.
 */
import { rm, writeFile } from "node:fs/promises";
import { fileURLToPath, pathToFileURL } from "node:url";
import { BUNDLING } from "../tsup.config.js";

export interface Library {
  /** "build" (tsup output) or "source" (the TypeScript sources, through tsx). */
  kind: "build" | "source";
  core: typeof import("../src/index.js");
  express: typeof import("../adapters/express.js");
  fastify: typeof import("../adapters/fastify.js");
  koa: typeof import("../adapters/koa.js");
  node: typeof import("../adapters/node.js");
}

export const LIBRARY_ENV = "BENCH_LIBRARY";

/**
 * Below node_modules so that the built files resolve the package's dependencies as dist/ would;
 * one folder per run, so that two runs at once do not clean each other's.
 */
const OUT_DIR = fileURLToPath(new URL(`../node_modules/.cache/tencent-webhooks-bench/${process.pid}/`, import.meta.url));

/** `sourcemap`: also write .js.map files (bench/profile.ts maps profile samples back to the sources). */
export async function buildLibrary(options: { sourcemap?: boolean } = {}): Promise<string> {
  // Typed by hand: tsup's own declarations do not check under this repo's skipLibCheck: false.
  const tsup = "tsup";
  const { build } = (await import(tsup)) as { build(options: Record<string, unknown>): Promise<void> };
  const root = fileURLToPath(new URL("../", import.meta.url));
  await build({
    config: false,
    entry: {
      index: `${root}src/index.ts`,
      express: `${root}adapters/express.ts`,
      fastify: `${root}adapters/fastify.ts`,
      koa: `${root}adapters/koa.ts`,
      node: `${root}adapters/node.ts`,
      queue: `${root}src/delivery/queue.ts`,
    },
    format: ["esm"],
    target: "node20",
    // As tsup.config.ts: the frameworks and the queue engine are the user's, never bundled; BUNDLING as there.
    external: ["express", "fastify", "koa", "bullmq", "ioredis"],
    ...BUNDLING,
    tsconfig: `${root}tsconfig.build.json`,
    outDir: OUT_DIR,
    dts: false,
    sourcemap: options.sourcemap ?? false,
    clean: true,
    silent: true,
  });
  // Installed, dist/ sits below the package's own package.json ("type": "module"). Here, below
  // node_modules, no package scope applies: node would take the .js files as ambiguous and parse
  // each one twice (CommonJS first, then ESM; ~25 ms more on a cold start). Give them the scope
  // they have when installed.
  await writeFile(`${OUT_DIR}package.json`, `${JSON.stringify({ type: "module", sideEffects: false })}\n`);
  return OUT_DIR;
}

export async function removeLibrary(): Promise<void> {
  await rm(OUT_DIR, { recursive: true, force: true });
}

let loaded: Promise<Library> | undefined;

export function loadLibrary(): Promise<Library> {
  loaded ??= load();
  return loaded;
}

async function load(): Promise<Library> {
  const dir = process.env[LIBRARY_ENV];
  if (!dir) {
    const [core, express, fastify, koa, node] = await Promise.all([
      import("../src/index.js"),
      import("../adapters/express.js"),
      import("../adapters/fastify.js"),
      import("../adapters/koa.js"),
      import("../adapters/node.js"),
    ]);
    return { kind: "source", core, express, fastify, koa, node };
  }
  const from = (name: string) => import(pathToFileURL(`${dir}/${name}.js`).href);
  const [core, express, fastify, koa, node] = await Promise.all(["index", "express", "fastify", "koa", "node"].map(from));
  return { kind: "build", core, express, fastify, koa, node };
}

/** `tencent-webhooks/queue` (redisQueue, on bullmq + ioredis): loaded only by the parts that need it. */
export async function loadQueueEntry(): Promise<typeof import("../src/delivery/queue.js")> {
  const dir = process.env[LIBRARY_ENV];
  if (!dir) return import("../src/delivery/queue.js");
  return import(pathToFileURL(`${dir}/queue.js`).href);
}

/** The file a fresh process imports for the main entry: the build's index.js, or src/index.ts (through tsx). */
export function mainEntryFile(): string {
  const dir = process.env[LIBRARY_ENV];
  return dir ? `${dir}/index.js` : fileURLToPath(new URL("../src/index.ts", import.meta.url));
}
