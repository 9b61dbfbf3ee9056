/**
 * Everything under schemas/generated/, schemas/json/ and the README tables is derived from the
 * command files: `npm run generate -- --check` (scripts/generate.ts) writes nothing and exits 1
 * when any of it is stale. Run here as a user runs it, in a child process.
 */
import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const TSX = fileURLToPath(new URL("../../node_modules/tsx/dist/cli.mjs", import.meta.url));

describe("generated files", () => {
  it("are in step with the command files (`tsx scripts/generate.ts --check` exits 0)", { timeout: 180_000 }, async () => {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [TSX, "scripts/generate.ts", "--check"], {
      cwd: ROOT,
      env: { ...process.env, NODE_OPTIONS: "" },
      timeout: 170_000,
    }).catch((error: { code?: number; stdout?: string; stderr?: string }) => {
      throw new Error(`generate --check exited ${String(error.code)}:\n${error.stderr ?? ""}${error.stdout ?? ""}`);
    });
    expect(stderr).toBe("");
    expect(stdout).toContain("generated files are up to date");
  });
});
