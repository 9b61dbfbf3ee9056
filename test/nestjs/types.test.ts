/**
 * test/nestjs/app/ is a Nest project's code: legacy decorators, so the root `tsc --noEmit` leaves
 * it out and this test type-checks it with its own tsconfig (strict, experimentalDecorators),
 * `@ts-expect-error` lines included: a decorator on a method that does not fit is a compile error.
 * examples/nestjs/ likewise.
 */
import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { expect, it } from "vitest";

const TSC = fileURLToPath(new URL("../../node_modules/typescript/bin/tsc", import.meta.url));
const PROJECTS = ["./app/tsconfig.json", "../../examples/nestjs/tsconfig.json"];

it.each(PROJECTS)("%s compiles (TypeScript, experimentalDecorators, strict)", { timeout: 120_000 }, async (project) => {
  const path = fileURLToPath(new URL(project, import.meta.url));
  const result = await promisify(execFile)(process.execPath, [TSC, "-p", path], { encoding: "utf8" }).then(
    () => "",
    (error: { stdout: string }) => error.stdout,
  );
  expect(result).toBe("");
});
