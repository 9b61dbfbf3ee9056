/** The top level: help, --version, no arguments, typos of subcommands and options, one-line errors. */
import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { HELP } from "../../src/cli/help.js";
import { main } from "../../src/cli/main.js";
import { packageVersion } from "../../src/cli/version.js";
import { cli, expectOneLineError } from "./support.js";

const manifest = JSON.parse(await readFile(new URL("../../package.json", import.meta.url), "utf8")) as { version: string };
const docs = await readFile(new URL("../../docs/cli.md", import.meta.url), "utf8");

describe("help", () => {
  it.each([[["--help"]], [["-h"]], [["help"]], [["help", "help"]], [["help", "--help"]]])("%j prints the overview on stdout, exit 0", async (argv) => {
    const { code, stdout, stderr } = await cli(argv);
    expect(code).toBe(0);
    expect(stdout).toBe(HELP.main);
    expect(stdout).toContain("Usage: tencent-webhooks <subcommand>");
    for (const word of ["send", "list", "sample", "--protocol callback|trtc|css", "--version"]) expect(stdout).toContain(word);
    expect(stderr).toBe("");
  });

  it("no arguments at all prints the overview on stderr and exits 2", async () => {
    const { code, stdout, stderr } = await cli([]);
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(stderr).toBe(HELP.main);
  });

  it.each(["send", "list", "sample"])("%s: --help, -h and help <it> print its usage", async (sub) => {
    const viaFlag = await cli([sub, "--help"]);
    const viaShort = await cli([sub, "-h"]);
    const viaHelp = await cli(["help", sub]);
    expect(viaFlag.code).toBe(0);
    expect(viaFlag.stdout).toContain(`Usage: tencent-webhooks ${sub}`);
    expect(viaHelp.stdout).toBe(viaFlag.stdout);
    expect(viaShort.stdout).toBe(viaFlag.stdout);
  });

  it("send --help documents every option, every protocol and the exit codes", async () => {
    const { stdout } = await cli(["send", "-h"]);
    for (const option of [
      "--url",
      "--protocol",
      "--sdk-app-id",
      "--token",
      "--key",
      "--payload",
      "--client-ip",
      "--opt-platform",
      "--expires-at",
      "--timeout",
      "--verbose",
    ]) {
      expect(stdout).toContain(option);
    }
    for (const env of ["$SDK_APP_ID", "$TENCENT_CALLBACK_TOKEN", "$TRTC_CALLBACK_KEY", "$CSS_CALLBACK_KEY"]) expect(stdout).toContain(env);
    expect(stdout).toMatch(/Exit status: 0 .*\n1 .* 2 .* 3 /s);
  });

  it("docs/cli.md documents every option the usage texts name", () => {
    const options = new Set(Object.values(HELP).flatMap((text) => text.match(/--[a-z][a-z-]+/g) ?? []));
    for (const option of options) expect(docs, option).toMatch(new RegExp(`\`[^\`\n]*${option}(?![a-z-])[^\`\n]*\``));
  });

  it("refuses an unknown help topic in one line, with a guess when there is one", async () => {
    const far = await cli(["help", "frobnicate"]);
    expect(far.code).toBe(2);
    expect(far.stdout).toBe("");
    expectOneLineError(far.stderr);
    expect(far.stderr).toContain('no help for "frobnicate"');
    expect(far.stderr).not.toContain("did you mean");
    const near = await cli(["help", "sampel"]);
    expect(near.stderr).toContain("(did you mean sample?)");
  });
});

describe("--version", () => {
  it("prints package.json's version", async () => {
    const { code, stdout, stderr } = await cli(["--version"]);
    expect(code).toBe(0);
    expect(stdout).toBe(`${manifest.version}\n`);
    expect(stderr).toBe("");
  });

  it("finds package.json from dist/ too (the built dist/cli.js)", () => {
    expect(packageVersion(new URL("../../dist", import.meta.url).pathname)).toBe(manifest.version);
  });

  it("says so in one line when there is no package.json to read", async () => {
    expect(() => packageVersion("/")).toThrow(/cannot find tencent-webhooks's package.json above \//);
  });
});

describe("did you mean", () => {
  it.each([
    ["sedn", 'unknown subcommand "sedn" (did you mean send?)'],
    ["lsit", 'unknown subcommand "lsit" (did you mean list?)'],
    ["samp", 'unknown subcommand "samp" (did you mean sample?)'],
    ["--verison", "unknown option --verison (did you mean --version?)"],
    ["--hlep", "unknown option --hlep (did you mean --help?)"],
  ])("%s", async (given, message) => {
    const { code, stdout, stderr } = await cli([given]);
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expectOneLineError(stderr);
    expect(stderr).toContain(message);
  });

  it("makes no wild guesses", async () => {
    for (const given of ["frobnicate", "x", "--bogus"]) {
      const { code, stderr } = await cli([given]);
      expect(code).toBe(2);
      expectOneLineError(stderr);
      expect(stderr).toContain(given);
      expect(stderr).not.toContain("did you mean");
    }
  });

  it("says where a subcommand's option goes when it comes first", async () => {
    const { code, stderr } = await cli(["--protocol", "trtc", "list"]);
    expect(code).toBe(2);
    expectOneLineError(stderr);
    expect(stderr).toContain("--protocol goes after the subcommand, e.g. `tencent-webhooks list --protocol trtc`");
  });

  it.each([
    [["list", "--protocl", "trtc"], "unknown option --protocl for list (did you mean --protocol?)"],
    [["list", "--jsno"], "unknown option --jsno for list (did you mean --json?)"],
    [["sample", "--protocol", "cs", "1"], '--protocol must be callback, trtc or css (got "cs"); did you mean css?'],
    [["send", "X", "--verbos"], "unknown option --verbos for send (did you mean --verbose?)"],
    [["send", "X", "--sdk"], "unknown option --sdk for send (did you mean --sdk-app-id?)"],
  ])("%j", async (argv, message) => {
    const { code, stderr } = await cli(argv);
    expect(code).toBe(2);
    expectOneLineError(stderr);
    expect(stderr).toContain(message);
  });
});

describe("main never throws", () => {
  it("turns an unexpected failure into one line and exit 2", async () => {
    let stderr = "";
    const code = await main(["list"], {
      stdout: () => {
        throw new Error("EPIPE: broken pipe");
      },
      stderr: (text) => void (stderr += text),
    });
    expect(code).toBe(2);
    expectOneLineError(stderr);
    expect(stderr).toContain("unexpected error: EPIPE: broken pipe");
  });
});
