/**
 * Memory: 1,000,000 `handle()` calls on the signed `002_…` sample, in a process of its own
 * started with `--expose-gc`; RSS and heap sampled every 100,000 calls after a forced full GC
 * (without `--expose-gc`, e.g. `tsx bench/memory.ts` alone, samples are taken without one and
 * are noisier). Calls go 100 at a time (`Promise.all`), as concurrent requests would.
 *
 * Also counts every answer that is not a 200, so a leak cannot hide behind refusals.
 */
import type { WebhookRequest } from "../src/index.js";
import { loadLibrary } from "./library.js";
import { APP_ID, MAIN_COMMAND, TOKEN, nodeHeaders, report, seedBodies, signedPath } from "./common.js";

export interface MemorySample {
  calls: number;
  rss: number;
  heapUsed: number;
  heapTotal: number;
  external: number;
}
export interface MemoryResult {
  type: "memory";
  library: "build" | "source";
  gc: boolean;
  samples: MemorySample[];
  non200: number;
  seconds: number;
}

const quick = process.argv.includes("--quick");
const TOTAL = quick ? 200_000 : 1_000_000;
const EVERY = TOTAL / 10;
const CONCURRENCY = 100;

const gc = (globalThis as { gc?: () => void }).gc;

function sample(calls: number): MemorySample {
  gc?.();
  const { rss, heapUsed, heapTotal, external } = process.memoryUsage();
  return { calls, rss, heapUsed, heapTotal, external };
}

async function main(): Promise<void> {
  const library = await loadLibrary();
  const { createDispatcher } = library.core;
  const body = Buffer.from(seedBodies(MAIN_COMMAND).big);
  const headers = nodeHeaders(body.toString());
  const dispatcher = createDispatcher({ sdkAppId: APP_ID, token: TOKEN });
  let seen = 0;
  dispatcher.on(MAIN_COMMAND, (event) => {
    if (event.payload.RoomInfo?.Owner_Account === "144115216631667826") seen++;
  });
  let non200 = 0;
  const samples: MemorySample[] = [sample(0)];
  const started = performance.now();
  let calls = 0;
  while (calls < TOTAL) {
    // Signed again for every 100,000 calls: well inside the default 60 s window.
    const url = signedPath(MAIN_COMMAND);
    for (let n = 0; n < EVERY; n += CONCURRENCY) {
      const batch: Promise<{ status: number }>[] = [];
      for (let i = 0; i < CONCURRENCY; i++) {
        const request: WebhookRequest = { method: "POST", url, headers, body };
        batch.push(dispatcher.handle(request));
      }
      for (const response of await Promise.all(batch)) if (response.status !== 200) non200++;
    }
    calls += EVERY;
    samples.push(sample(calls));
  }
  if (seen !== TOTAL - non200) throw new Error(`handler saw ${seen} exact Owner_Account values for ${TOTAL - non200} accepted calls`);
  await report({
    type: "memory",
    library: library.kind,
    gc: gc !== undefined,
    samples,
    non200,
    seconds: (performance.now() - started) / 1000,
  } satisfies MemoryResult);
}

await main();
