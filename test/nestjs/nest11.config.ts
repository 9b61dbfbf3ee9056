/**
 * Vitest config for test/nestjs/nestjs.test.ts on Nest 11 (run by nest11.test.ts): `@nestjs/*`
 * imports — the test's, the app's and the adapter's — resolve to the Nest 11 install in
 * NEST_MODULES (a node_modules folder) instead of the Nest 12 devDependencies. Nest's own
 * requires then stay inside that install.
 */
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const modules = process.env.NEST_MODULES;
if (!modules) throw new Error("NEST_MODULES must name the node_modules folder holding Nest 11");

export default defineConfig({
  root: fileURLToPath(new URL("../../", import.meta.url)),
  resolve: {
    alias: [{ find: /^@nestjs\/(common|core|platform-express|platform-fastify)(\/.*)?$/, replacement: `${modules}/@nestjs/$1$2` }],
  },
  test: {
    include: ["test/nestjs/nestjs.test.ts"],
    testTimeout: 20_000,
  },
});
