import { execFile } from "node:child_process";
import { copyFile, mkdir, mkdtemp, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { registry } from "../schemas/index.js";

const run = promisify(execFile);
const BIN = new URL("../bin/tencent-webhooks.js", import.meta.url).pathname;

/** The real entry point as npm links it: a fresh node process, the TS source through tsx (no dist/ needed). */
async function bin(...args: string[]) {
  return binAt(BIN, ...args);
}

async function binAt(path: string, ...args: string[]) {
  try {
    const { stdout, stderr } = await run(process.execPath, [path, ...args], { env: { ...process.env, NODE_OPTIONS: "" } });
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

describe("which CLI the bin runs", () => {
  /** A package directory holding a copy of the bin and, on request, a fake dist/ and src/ entry point. */
  async function layout({ dist, src }: { dist: boolean; src: boolean }) {
    const root = await mkdtemp(join(tmpdir(), "tencent-webhooks-bin-"));
    await mkdir(join(root, "bin"));
    await copyFile(BIN, join(root, "bin", "tencent-webhooks.js"));
    await writeFile(join(root, "package.json"), '{"type":"module"}');
    await symlink(new URL("../node_modules", import.meta.url).pathname, join(root, "node_modules"));
    const fake = (which: string) => `export async function main(argv) { process.stdout.write("${which} " + argv.join(" ")); return 7; }\n`;
    if (dist) {
      await mkdir(join(root, "dist"));
      await writeFile(join(root, "dist", "cli.js"), fake("dist"));
    }
    if (src) {
      await mkdir(join(root, "src"));
      await writeFile(join(root, "src", "cli.ts"), fake("src"));
    }
    return join(root, "bin", "tencent-webhooks.js");
  }

  it("runs dist/cli.js when installed (no src/)", async () => {
    const { code, stdout } = await binAt(await layout({ dist: true, src: false }), "list");
    expect(stdout).toBe("dist list");
    expect(code).toBe(7);
  });

  it("runs the source in a checkout, even when an older dist/ is there", async () => {
    const { code, stdout } = await binAt(await layout({ dist: true, src: true }), "list");
    expect(stdout).toBe("src list");
    expect(code).toBe(7);
  });

  it("says what to do when there is nothing to run", async () => {
    const { code, stderr } = await binAt(await layout({ dist: false, src: false }), "list");
    expect(code).toBe(1);
    expect(stderr).toContain("run `npm ci` or `npm run build` first");
  });
});
