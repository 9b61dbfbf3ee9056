import { defineConfig } from "tsup";

export default defineConfig({
  entry: {
    index: "src/index.ts",
    express: "adapters/express.ts",
    fastify: "adapters/fastify.ts",
    koa: "adapters/koa.ts",
    node: "adapters/node.ts",
    fetch: "adapters/fetch.ts",
    cli: "src/cli.ts",
  },
  format: ["esm", "cjs"],
  dts: true,
  clean: true,
  target: "node20",
  // The frameworks are the user's (optional peer dependencies), never bundled.
  external: ["express", "fastify", "koa"],
  tsconfig: "tsconfig.build.json",
});
