import { defineConfig } from "tsup";

const libraries = {
  index: "src/index.ts",
  express: "adapters/express.ts",
  fastify: "adapters/fastify.ts",
  koa: "adapters/koa.ts",
  node: "adapters/node.ts",
  fetch: "adapters/fetch.ts",
  hono: "adapters/hono.ts",
  serverless: "adapters/serverless.ts",
  queue: "src/queue/index.ts",
  testing: "src/testing/index.ts",
};

export default defineConfig({
  entry: { ...libraries, cli: "src/cli/main.ts" },
  format: ["esm", "cjs"],
  // Declarations for what users import; the CLI is a program, not an API.
  dts: { entry: libraries },
  clean: true,
  target: "node20",
  // The frameworks and the queue engine are the user's (optional peer dependencies), never bundled.
  external: ["express", "fastify", "koa", "hono", "bullmq", "ioredis"],
  tsconfig: "tsconfig.build.json",
});
