import { execFile } from "node:child_process";
import { copyFile, mkdir, mkdtemp, readFile, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { registry, trtcCatalogue } from "../../schemas/index.js";

const run = promisify(execFile);
const BIN = new URL("../../bin/tencent-webhooks.js", import.meta.url).pathname;
const ROOT = new URL("../../", import.meta.url).pathname;
const manifest = JSON.parse(await readFile(join(ROOT, "package.json"), "utf8")) as { version: string };

/** The real entry point as npm links it: a fresh node process, the TS source through tsx (no dist/ needed). */
async function bin(...args: string[]) {
  return binAt(BIN, ...args);
}

async function binAt(path: string, ...args: string[]) {
  try {
    const env = { ...process.env, NODE_OPTIONS: "", SDK_APP_ID: "", TENCENT_CALLBACK_TOKEN: "", TRTC_CALLBACK_KEY: "", CSS_CALLBACK_KEY: "" };
    const { stdout, stderr } = await run(process.execPath, [path, ...args], { env });
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

  it("prints a TRTC sample byte for byte, tabs included", async () => {
    const { stdout } = await bin("sample", "--protocol", "trtc", "103");
    expect(stdout).toBe(`${trtcCatalogue.find(103)!.sample}\n`);
  });

  it("prints the version", async () => {
    expect(await bin("--version")).toEqual({ code: 0, stdout: `${manifest.version}\n`, stderr: "" });
  });

  it("prints the usage on stderr and exits 2 without arguments", async () => {
    const { code, stdout, stderr } = await bin();
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(stderr).toContain("Usage: tencent-webhooks <subcommand>");
  });

  it("exits with main's code and a one-line error", async () => {
    const { code, stdout, stderr } = await bin("send", "Live.CallbackAfterDestroyRoom", "--url", "nope", "--sdk-app-id", "1");
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(stderr).toBe('tencent-webhooks: --url is not a valid URL: "nope" (expected e.g. http://127.0.0.1:3000/tencent/callback)\n');
  });
});

describe("a reader that closes the pipe early", () => {
  /** `list --json | true`: `true` has exited before the CLI writes (the sleep makes sure), so every write meets a closed pipe (EPIPE). */
  it("stops quietly: no stack trace, exit code 0", async () => {
    const env = { ...process.env, NODE_OPTIONS: "" };
    const script = `{ sleep 0.3; "${process.execPath}" "${BIN}" list --json; echo "exit $?" >&2; } | true`;
    const { stdout, stderr } = await run("sh", ["-c", script], { env });
    expect(stdout).toBe("");
    expect(stderr).toBe("exit 0\n");
  });
});

describe("which CLI the bin runs", () => {
  /** A package directory holding a copy of the bin and, on request, a fake dist/ and src/ entry point. */
  async function layout({ dist, src, oldSrc = false }: { dist: boolean; src: boolean; oldSrc?: boolean }) {
    const root = await mkdtemp(join(tmpdir(), "tencent-webhooks-bin-"));
    await mkdir(join(root, "bin"));
    await copyFile(BIN, join(root, "bin", "tencent-webhooks.js"));
    await writeFile(join(root, "package.json"), '{"type":"module"}');
    await symlink(join(ROOT, "node_modules"), join(root, "node_modules"));
    const fake = (which: string) => `export async function main(argv) { process.stdout.write("${which} " + argv.join(" ")); return 7; }\n`;
    if (dist) {
      await mkdir(join(root, "dist"));
      await writeFile(join(root, "dist", "cli.js"), fake("dist"));
    }
    if (src) {
      await mkdir(join(root, "src", "cli"), { recursive: true });
      await writeFile(join(root, "src", "cli", "main.ts"), fake("src"));
    }
    if (oldSrc) {
      await mkdir(join(root, "src"), { recursive: true });
      await writeFile(join(root, "src", "cli.ts"), fake("old src"));
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

  it("ignores the pre-split src/cli.ts: only src/cli/main.ts makes a source checkout", async () => {
    const { code, stdout } = await binAt(await layout({ dist: true, src: false, oldSrc: true }), "list");
    expect(stdout).toBe("dist list");
    expect(code).toBe(7);
  });

  it("says what to do when there is nothing to run", async () => {
    const { code, stderr } = await binAt(await layout({ dist: false, src: false }), "list");
    expect(code).toBe(1);
    expect(stderr).toContain("run `npm ci` or `npm run build` first");
  });
});

describe("the published package", () => {
  /**
   * What npm installs: package.json, bin/ and a dist/ built by tsup from src/cli/main.ts (the
   * entry tsup.config.ts must name), no src/. The bin runs that build, tsx or not.
   */
  it("runs the built dist/cli.js: version, list, sample, a one-line error", { timeout: 120_000 }, async () => {
    const root = await mkdtemp(join(tmpdir(), "tencent-webhooks-published-"));
    await mkdir(join(root, "bin"));
    await copyFile(BIN, join(root, "bin", "tencent-webhooks.js"));
    await copyFile(join(ROOT, "package.json"), join(root, "package.json"));
    await symlink(join(ROOT, "node_modules"), join(root, "node_modules"));
    const tsup = join(ROOT, "node_modules", "tsup", "dist", "cli-default.js");
    const entry = ["--no-config", "--entry.cli", "src/cli/main.ts", "--format", "esm,cjs", "--target", "node20", "--tsconfig", "tsconfig.build.json"];
    await run(process.execPath, [tsup, ...entry, "--out-dir", join(root, "dist")], { cwd: ROOT });

    const published = join(root, "bin", "tencent-webhooks.js");
    expect(await binAt(published, "--version")).toEqual({ code: 0, stdout: `${manifest.version}\n`, stderr: "" });
    const listed = await binAt(published, "list", "--protocol", "css");
    expect(listed.code).toBe(0);
    expect(listed.stdout).toContain("PushBegin");
    expect((await binAt(published, "sample", "Live.CallbackAfterDestroyRoom")).stdout).toBe(`${registry.get("Live.CallbackAfterDestroyRoom")!.sample}\n`);
    const failed = await binAt(published, "sedn");
    expect(failed).toEqual({
      code: 2,
      stdout: "",
      stderr: 'tencent-webhooks: unknown subcommand "sedn" (did you mean send?); run `tencent-webhooks --help`\n',
    });
  });
});
