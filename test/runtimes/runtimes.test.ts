/**
 * The BUILT package (tsup -> index.js, fetch.js; ESM) on every runtime it claims: the seed
 * sample (Live.CallbackAfterDestroyRoom, Owner_Account a bare 64-bit number) signed and for this
 * app is a 200 whose handler gets Owner_Account as the exact string "144115216631667826"; a bad
 * Sign is a 401; another SdkAppid is a 403 — through createDispatcher(...).handle() and through
 * fetchHandler(dispatcher) with real Requests, on this machine's Node 20 (also with
 * --disallow-code-generation-from-strings), Node 22, Node 24, Bun, Deno and workerd (there also
 * over real HTTP). A runtime that cannot be installed or started fails; nothing is skipped.
 * See docs/runtimes.md; the set-up is in ./setup.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CASES, EXPECTED, OWNER, SAMPLE, pathFor, type CaseName, type CheckOutput, type Results } from "./fixtures/cases.mjs";
import {
  NODE_VERSIONS,
  STARTUP_MS,
  WORKERD_FLAG_SETS,
  installedVersion,
  prepare,
  runCheck,
  startWorkerd,
  stopChildren,
  timings,
  type Prepared,
} from "./setup.js";

let prepared: Prepared | undefined;
const started = performance.now();

beforeAll(async () => {
  prepared = await prepare();
}, 600_000); // a fresh clone downloads two Node builds once; later runs find them in the cache

afterAll(async () => {
  stopChildren();
  await prepared?.cleanup();
  timings.suite = Math.round(performance.now() - started);
  console.log(
    `runtimes: ${Object.entries(timings)
      .map(([step, ms]) => `${step} ${ms} ms`)
      .join(", ")}`,
  );
});

const EXPECTED_RESULTS: Results = { handle: EXPECTED, fetch: EXPECTED };

function resultsOf(output: CheckOutput, label: string): Results {
  if ("loadError" in output) throw new Error(`${label} could not load the built package: ${output.loadError}`);
  return output.results;
}

type CheckRuntime = Parameters<typeof runCheck>[1];

interface Row {
  label: string;
  runtime: CheckRuntime;
  name: "node" | "bun" | "deno";
  version: () => Promise<string>;
  codeGeneration: boolean;
}

const ROWS: Row[] = [
  {
    label: "Node 20 (this machine's node)",
    runtime: "node20",
    name: "node",
    version: async () => {
      // engines is >=20: the oldest supported line must be the one tested here.
      expect(process.versions.node.split(".")[0], "this machine's node should be Node 20").toBe("20");
      return process.versions.node;
    },
    codeGeneration: true,
  },
  {
    label: "Node 20 --disallow-code-generation-from-strings",
    runtime: "node20-no-codegen",
    name: "node",
    version: async () => process.versions.node,
    codeGeneration: false,
  },
  { label: `Node ${NODE_VERSIONS[22]}`, runtime: "node22", name: "node", version: async () => NODE_VERSIONS[22], codeGeneration: true },
  { label: `Node ${NODE_VERSIONS[24]}`, runtime: "node24", name: "node", version: async () => NODE_VERSIONS[24], codeGeneration: true },
  { label: "Bun", runtime: "bun", name: "bun", version: () => installedVersion("bun"), codeGeneration: true },
  { label: "Deno (no permissions, nothing fetched)", runtime: "deno", name: "deno", version: () => installedVersion("deno"), codeGeneration: true },
];

describe("the built package answers the seed sample: 200 with the exact Owner_Account, 401 bad Sign, 403 other SdkAppid", () => {
  it.each(ROWS)(
    "$label: handle() and fetchHandler",
    async ({ label, runtime, name, version, codeGeneration }) => {
      const output = await runCheck(prepared!, runtime);
      timings[runtime] = output.ms;
      // The runtime asked for is the one that ran (and the flag took effect).
      expect(output.runtime).toEqual({ name, version: await version(), codeGeneration });
      expect(resultsOf(output, label)).toEqual(EXPECTED_RESULTS);
    },
    90_000,
  ); // check.mjs is killed at 60 s

  it.each(WORKERD_FLAG_SETS.map((flags) => [flags.join(", ") || "none", flags] as const))(
    "Cloudflare workerd (compatibility flags: %s): fetchHandler over real HTTP; handle() and fetchHandler inside the worker",
    async (label, flags) => {
      const workerd = await startWorkerd(prepared!, flags);
      const start = performance.now();
      try {
        const http: Partial<Record<CaseName, unknown>> = {};
        for (const name of CASES) {
          const response = await fetch(`${workerd.origin}${await pathFor(name)}`, {
            method: "POST",
            headers: { "content-type": "application/json" },
            body: SAMPLE,
          });
          const text = await response.text();
          let reply: unknown;
          try {
            const { ActionStatus, ErrorCode } = JSON.parse(text) as { ActionStatus: string; ErrorCode: number };
            reply = { ActionStatus, ErrorCode };
          } catch {
            reply = { unparsable: text };
          }
          http[name] = { status: response.status, contentType: response.headers.get("content-type"), reply };
        }
        // What the served dispatcher's handler and onError received across the three requests.
        const seen: unknown = await (await fetch(`${workerd.origin}/__seen`)).json();
        const inWorker = (await (await fetch(`${workerd.origin}/__check`)).json()) as CheckOutput;
        expect(inWorker.runtime).toEqual({ name: "workerd", version: null, codeGeneration: false });
        const strip = ({ status, contentType, reply }: (typeof EXPECTED)[CaseName]) => ({ status, contentType, reply });
        expect({ http, seen, inWorker: resultsOf(inWorker, "workerd") }).toEqual({
          http: { ok: strip(EXPECTED.ok), badSignature: strip(EXPECTED.badSignature), wrongSdkAppid: strip(EXPECTED.wrongSdkAppid) },
          seen: { owners: [OWNER], errors: ["signature_invalid", "sdk_app_id_mismatch"] },
          inWorker: EXPECTED_RESULTS,
        });
      } finally {
        timings[`workerd requests (flags: ${label})`] = Math.round(performance.now() - start);
        await workerd.stop();
      }
    },
    STARTUP_MS + 30_000,
  );
});
