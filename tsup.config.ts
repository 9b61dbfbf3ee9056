import { fileURLToPath } from "node:url";
import type { Plugin } from "esbuild";
import { defineConfig } from "tsup";

/** @hapi/boom's `require("@hapi/hoek")` (the whole index) → scripts/bundle/hoek-for-boom.cjs, the three hoek modules boom uses. */
const hoekForBoom: Plugin = {
  name: "hoek-for-boom",
  setup(build) {
    const path = fileURLToPath(new URL("./scripts/bundle/hoek-for-boom.cjs", import.meta.url));
    build.onResolve({ filter: /^@hapi\/hoek$/ }, () => ({ path }));
  },
};

/**
 * CommonJS dependencies compiled into dist/ rather than loaded from node_modules: @hapi/boom
 * requires ~25 files of @hapi/hoek, and resolving, reading and wrapping them took ~15 ms of every
 * cold start (a bundled copy loads in ~3 ms; with only the hoek modules boom uses, ~2 ms). Their
 * licences are in THIRD-PARTY-NOTICES.md. The benchmark's build (bench/library.ts) uses the same.
 */
export const BUNDLING = {
  noExternal: ["@hapi/boom", "@hapi/hoek", "secure-json-parse"],
  esbuildPlugins: [hoekForBoom],
  // @hapi/hoek reads the global `Buffer` while it loads (`Buffer && Buffer.prototype`): a ReferenceError
  // where there is none (workerd without nodejs_compat). As a property read it is `undefined` there instead.
  define: { Buffer: "globalThis.Buffer" },
};

const libraries = {
  index: "src/index.ts",
  express: "adapters/express.ts",
  fastify: "adapters/fastify.ts",
  koa: "adapters/koa.ts",
  node: "adapters/node.ts",
  fetch: "adapters/fetch.ts",
  hono: "adapters/hono.ts",
  serverless: "adapters/serverless.ts",
  queue: "src/delivery/queue.ts",
  testing: "src/testing/index.ts",
  nestjs: "adapters/nestjs/index.ts",
};

export default defineConfig({
  entry: { ...libraries, cli: "src/cli/main.ts" },
  format: ["esm", "cjs"],
  // Declarations for what users import; the CLI is a program, not an API.
  dts: { entry: libraries },
  clean: true,
  target: "node20",
  // The frameworks and the queue engine are the user's (optional peer dependencies), never bundled.
  external: ["express", "fastify", "koa", "hono", "bullmq", "ioredis", "pg", "@opentelemetry/api", /^@nestjs\//],
  ...BUNDLING,
  tsconfig: "tsconfig.build.json",
});
