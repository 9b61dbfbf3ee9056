/**
 * Every subpath of package.json `exports` resolves to typed declarations under each
 * `moduleResolution` a consumer may use, against the built package (test/support/built-package.ts):
 *
 * - TypeScript 5.9, `node10` with `"module": "commonjs"` (Nest's starter, older projects): only
 *   `typesVersions` maps the subpaths there (node10 ignores `exports`);
 * - TypeScript 5.9 and 7, `node16` in a CommonJS project (`require` condition: `.d.cts`),
 *   `nodenext` in an ES module project (`import` condition: `.d.ts`), and `bundler`.
 *   (TypeScript 7 removed node10.)
 *
 * Per project: no diagnostic; every entry's namespace neither `any` nor empty nor holding an `any`
 * export; the dispatcher from the main entry fits every adapter (the entries' declaration chunks
 * are compatible, even when node10 reads the main entry's `.d.ts` and the subpaths' `.d.cts`); and
 * `--listFiles` shows each entry read from the declaration file of its condition.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { builtPackage, consumerProject, ROOT, TYPESCRIPT5, typeCheck } from "../support/built-package.js";
import { typescript7 } from "../support/typescript7.js";

const exportsField = (JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { exports: Record<string, unknown> }).exports;
/** "." and every named subpath ("./express", …); the `./schemas/*.json` pattern and ./package.json are not code. */
const SUBPATHS = Object.keys(exportsField).filter((key) => !key.includes("*") && key !== "./package.json");
const specifier = (subpath: string) => (subpath === "." ? "tencent-webhooks" : `tencent-webhooks/${subpath.slice(2)}`);
const entryName = (subpath: string) => (subpath === "." ? "index" : subpath.slice(2));

/** One assertion per entry: the line of `entries.ts` that fails names the entry. */
const ENTRIES = `${SUBPATHS.map((subpath, i) => `import * as entry${i} from "${specifier(subpath)}";`).join("\n")}

type IsAny<T> = 0 extends 1 & T ? true : false;
type AnyExports<M> = { [K in keyof M]-?: IsAny<M[K]> extends true ? K : never }[keyof M];
/** \`true\` when a module namespace is typed: not any, not empty, no export typed any. */
type Typed<M> = IsAny<M> extends true ? "resolves to any" : [keyof M] extends [never] ? "exports nothing" : [AnyExports<M>] extends [never] ? true : { anyExports: AnyExports<M> };

${SUBPATHS.map((subpath, i) => `export const typed${i}: Typed<typeof entry${i}> = true; // ${specifier(subpath)}`).join("\n")}
`;

/** The entries used together, as an app does: the main entry's dispatcher in every adapter. */
const USAGE = `import { createCssDispatcher, createDispatcher, createTrtcDispatcher, memoryQueue, type Dispatcher, type WebhookEvent } from "tencent-webhooks";
import { expressMiddleware } from "tencent-webhooks/express";
import { fastifyWebhooks } from "tencent-webhooks/fastify";
import { koaMiddleware } from "tencent-webhooks/koa";
import { nodeMiddleware } from "tencent-webhooks/node";
import { fetchHandler } from "tencent-webhooks/fetch";
import { honoHandler, honoMiddleware } from "tencent-webhooks/hono";
import { serverlessHandler } from "tencent-webhooks/serverless";
import { postgresQueue, redisQueue } from "tencent-webhooks/queue";
import { signedRequest, trtcRequest } from "tencent-webhooks/testing";
import { TencentWebhooksModule, type TencentCallbackEvent } from "tencent-webhooks/nestjs";

type IsAny<T> = 0 extends 1 & T ? true : false;
export const dispatcherTyped: IsAny<Dispatcher> = false;
export const eventTyped: IsAny<WebhookEvent> = false;
export const nestEventTyped: IsAny<TencentCallbackEvent<"Live.CallbackAfterDestroyRoom">> = false;

const webhooks = createDispatcher({ sdkAppId: 1400000000, token: "token", queue: redisQueue({ connection: "redis://127.0.0.1:6379" }) });
const trtc = createTrtcDispatcher({ sdkAppId: 1400000000, key: "key" });
const css = createCssDispatcher({ key: "key" });
createDispatcher({ sdkAppId: 1400000000, queue: postgresQueue({ connectionString: "postgres://127.0.0.1/db" }) });
createDispatcher({ sdkAppId: 1400000000, queue: memoryQueue() });
webhooks.on("Live.CallbackAfterDestroyRoom", (event) => {
  const roomId: string = event.payload.RoomId;
  // @ts-expect-error a misspelt field is a compile error: the payload is typed, not any
  event.payload.RoomInfo?.OwnerAccount;
  return roomId;
});
export const adapters = [
  expressMiddleware(webhooks),
  koaMiddleware(trtc, { path: "/tencent/trtc" }),
  nodeMiddleware(css),
  fetchHandler(webhooks),
  honoMiddleware(webhooks),
  honoHandler(trtc),
  serverlessHandler(webhooks),
  fastifyWebhooks,
  TencentWebhooksModule.forRoot({ callback: { path: "/tencent/callback", sdkAppId: 1400000000, token: "token" } }),
];
export const replies = [
  webhooks.handle(signedRequest("Live.CallbackAfterDestroyRoom", { sdkAppId: 1400000000, token: "token" })),
  trtc.handle(trtcRequest("EnterRoom", { sdkAppId: 1400000000, key: "key" })),
];
`;

/** Proves the checks can fail: a subpath that is not exported, and an entry typed any. */
const FIXTURE = `import * as missing from "tencent-webhooks/not-an-export";
type IsAny<T> = 0 extends 1 & T ? true : false;
declare const untyped: any;
export const typed: IsAny<typeof untyped> = false;
export { missing };
`;

const COMMON = {
  strict: true,
  noUncheckedIndexedAccess: true,
  exactOptionalPropertyTypes: true,
  target: "es2022",
  types: ["node"],
  skipLibCheck: true,
  noEmit: true,
};

interface Mode {
  name: string;
  type: "module" | "commonjs";
  compilerOptions: Record<string, unknown>;
  /** Which declaration file each entry must be read from. */
  declarations: (entry: string) => string;
}

const MODES: Record<string, Mode> = {
  node10: {
    name: "node10 (module commonjs)",
    type: "commonjs",
    compilerOptions: { module: "commonjs", moduleResolution: "node10" },
    // node10 reads `types` for the main entry and typesVersions for the subpaths.
    declarations: (entry) => (entry === "index" ? "index.d.ts" : `${entry}.d.cts`),
  },
  node16: {
    name: "node16, a CommonJS project",
    type: "commonjs",
    compilerOptions: { module: "node16", moduleResolution: "node16" },
    declarations: (entry) => `${entry}.d.cts`,
  },
  nodenext: {
    name: "nodenext, an ES module project",
    type: "module",
    compilerOptions: { module: "nodenext", moduleResolution: "nodenext" },
    declarations: (entry) => `${entry}.d.ts`,
  },
  bundler: {
    name: "bundler (module esnext)",
    type: "module",
    compilerOptions: { module: "esnext", moduleResolution: "bundler" },
    declarations: (entry) => `${entry}.d.ts`,
  },
};

let home: string;
const projects: Record<string, string> = {};

beforeAll(async () => {
  home = await builtPackage();
  for (const [key, mode] of Object.entries(MODES)) {
    projects[key] = await consumerProject(
      `resolution-${key}`,
      { "entries.ts": ENTRIES, "usage.ts": USAGE, "fixture.ts": FIXTURE },
      { ...COMMON, ...mode.compilerOptions },
      mode.type,
    );
  }
}, 300_000);

/** Type-checks one project; returns its diagnostics outside the fixture and the program's files. */
async function check(tsc: string, key: string): Promise<{ errors: string[]; fixture: string[]; files: string[] }> {
  const diagnostics = await typeCheck(tsc, projects[key]!, ["--listFiles"]);
  const format = (d: { file: string; line: number; code: string; message: string }) => `${d.file}:${d.line} ${d.code} ${d.message}`;
  const files = diagnostics.filter((d) => d.code === "output").flatMap((d) => d.message.split("\n"));
  const errors = diagnostics.filter((d) => d.code !== "output");
  return {
    errors: errors.filter((d) => !d.file.endsWith("fixture.ts")).map(format),
    fixture: errors.filter((d) => d.file.endsWith("fixture.ts")).map((d) => `${d.line} ${d.code}`),
    files: files.map((file) => file.trim()).filter((file) => file.includes("/node_modules/tencent-webhooks/")),
  };
}

function expectResolved(key: string, result: Awaited<ReturnType<typeof check>>): void {
  expect(result.errors).toEqual([]);
  // The fixture fails as it must: the unexported subpath does not resolve, the any is caught.
  expect(result.fixture).toEqual(["1 TS2307", "4 TS2322"]);
  const dist = join(home, "node_modules/tencent-webhooks/dist");
  for (const subpath of SUBPATHS) {
    const entry = entryName(subpath);
    expect(result.files, `${specifier(subpath)} under ${MODES[key]!.name}`).toContain(join(dist, MODES[key]!.declarations(entry)));
  }
}

describe("package.json exports, as consumers resolve them", { timeout: 240_000 }, () => {
  it("lists the entries tsup builds", () => {
    expect(SUBPATHS).toEqual(
      expect.arrayContaining([".", "./express", "./fastify", "./koa", "./node", "./fetch", "./hono", "./serverless", "./queue", "./testing", "./nestjs"]),
    );
    const typesVersions = (JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { typesVersions: { "*": Record<string, string[]> } }).typesVersions[
      "*"
    ];
    expect(Object.keys(typesVersions).sort()).toEqual(
      SUBPATHS.filter((subpath) => subpath !== ".")
        .map(entryName)
        .sort(),
    );
  });

  for (const key of ["node10", "node16", "nodenext", "bundler"] as const) {
    it(`TypeScript 5.9, ${MODES[key]!.name}: every subpath typed`, async () => {
      expectResolved(key, await check(TYPESCRIPT5, key));
    });
  }

  for (const key of ["node16", "nodenext", "bundler"] as const) {
    it(`TypeScript 7, ${MODES[key]!.name}: every subpath typed`, async () => {
      expectResolved(key, await check(await typescript7(), key));
    });
  }
});
