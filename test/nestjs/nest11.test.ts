/**
 * `@nestjs/common` and `@nestjs/core` 11 are supported peers too: test/nestjs/nestjs.test.ts runs
 * again, whole, on Nest 11 (both platforms), in a Vitest of its own (nest11.config.ts) whose
 * `@nestjs/*` imports resolve to Nest 11 installed from the registry into node_modules/.cache/nest11.
 * That run's first test checks the major version it really loaded.
 */
import { execFile } from "node:child_process";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { expect, it } from "vitest";
import { cachedInstall } from "../support/cached-install.js";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
/** The last Nest 11 releases, with the peers they need (Nest 12 is the devDependency). */
const NEST11 = {
  "@nestjs/common": "11.2.12",
  "@nestjs/core": "11.2.12",
  "@nestjs/platform-express": "11.2.12",
  "@nestjs/platform-fastify": "11.2.8",
};

it("test/nestjs/nestjs.test.ts passes on Nest 11 (express and fastify platforms)", { timeout: 300_000 }, async () => {
  const prefix = await cachedInstall("nest11", NEST11);
  const vitest = join(ROOT, "node_modules/vitest/vitest.mjs");
  // A Vitest of its own: none of this worker's VITEST* variables, no colours in the summary it prints.
  const env: NodeJS.ProcessEnv = { ...process.env, NEST_MODULES: join(prefix, "node_modules"), NEST_MAJOR: "11", NO_COLOR: "1", FORCE_COLOR: "0" };
  for (const name of Object.keys(env)) if (name.startsWith("VITEST")) delete env[name];
  const output = await promisify(execFile)(process.execPath, [vitest, "run", "--config", "test/nestjs/nest11.config.ts"], {
    cwd: ROOT,
    env,
    encoding: "utf8",
    maxBuffer: 16 * 1024 * 1024,
  }).then(
    ({ stdout, stderr }) => ({ code: 0, text: `${stdout}${stderr}` }),
    (error: { code?: number; stdout?: string; stderr?: string; message: string }) => ({
      code: error.code ?? 1,
      text: `${error.stdout ?? ""}${error.stderr ?? ""}` || error.message,
    }),
  );
  expect(output.code, output.text).toBe(0);
  // Every test of the file ran and passed: "Tests  17 passed (17)", nothing skipped or failed.
  const [, passed, total] = /Tests\s+(\d+) passed \((\d+)\)/.exec(output.text) ?? [];
  expect(passed, output.text).toBe(total);
  expect(Number(passed)).toBeGreaterThanOrEqual(17);
});
