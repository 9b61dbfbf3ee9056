/**
 * `npm i -D typescript` installs TypeScript 7 now: the package's own sources and type tests
 * (test/types, every `@ts-expect-error` included) and the Nest code (legacy decorators) also
 * type-check on it. TypeScript 7 is installed from the registry into node_modules/.cache
 * (test/support/typescript7.ts). The README and docs blocks: docs-blocks.test.ts.
 */
import { execFile } from "node:child_process";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { beforeAll, describe, expect, it } from "vitest";
import { TYPESCRIPT7_VERSION as VERSION, typescript7 } from "../support/typescript7.js";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
let TSC: string;
const run = promisify(execFile);

beforeAll(async () => {
  TSC = await typescript7();
}, 240_000);

/** The compiler's output: "" when the project compiles. */
async function check(project: string): Promise<string> {
  return run(process.execPath, [TSC, "-p", join(ROOT, project), "--noEmit"], { cwd: ROOT, encoding: "utf8", maxBuffer: 16 * 1024 * 1024 }).then(
    ({ stdout }) => stdout,
    (error: { stdout?: string; message: string }) => error.stdout || error.message,
  );
}

describe(`TypeScript ${VERSION}`, { timeout: 240_000 }, () => {
  it("is the version the cache holds", async () => {
    const { stdout } = await run(process.execPath, [TSC, "--version"], { encoding: "utf8" });
    expect(stdout.trim()).toBe(`Version ${VERSION}`);
  });

  it("type-checks the package, its type tests and examples (tsconfig.json, strict)", async () => {
    expect(await check("tsconfig.json")).toBe("");
  });

  it("type-checks the Nest app and the decorator type tests (experimentalDecorators)", async () => {
    expect(await check("test/nestjs/app/tsconfig.json")).toBe("");
    expect(await check("examples/nestjs/tsconfig.json")).toBe("");
  });
});
