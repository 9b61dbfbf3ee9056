import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { registry } from "../schemas/index.js";

const run = promisify(execFile);
const BIN = new URL("../bin/tencent-webhooks.js", import.meta.url).pathname;

/** The real entry point as npm links it: a fresh node process, the TS source through tsx (no dist/ needed). */
async function bin(...args: string[]) {
  try {
    const { stdout, stderr } = await run(process.execPath, [BIN, ...args], { env: { ...process.env, NODE_OPTIONS: "" } });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

describe("bin/tencent-webhooks.js", () => {
  it("runs list from a source checkout", async () => {
    const { code, stdout } = await bin("list");
    expect(code).toBe(0);
    for (const command of registry.keys()) expect(stdout).toContain(command);
  });

  it("prints a sample byte for byte", async () => {
    const { stdout } = await bin("sample", "Live.CallbackAfterDestroyRoom");
    expect(stdout).toBe(`${registry.get("Live.CallbackAfterDestroyRoom")!.sample}\n`);
  });

  it("exits with main's code and a one-line error", async () => {
    const { code, stdout, stderr } = await bin("send", "Live.CallbackAfterDestroyRoom", "--url", "nope", "--sdk-app-id", "1");
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(stderr).toBe('tencent-webhooks: --url is not a valid URL: "nope" (expected e.g. http://127.0.0.1:3000/tencent/callback)\n');
  });
});
