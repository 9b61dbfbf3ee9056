/**
 * Adding a command is one file plus `npm run generate`: in a copy of the repository (schemas/,
 * scripts/, src/, README.md, package.json; node_modules linked), one new command file
 * `schemas/live/live-after-something-new.ts` makes `generate --check` fail; running the generator
 * there writes the registry, payload types, validator, JSON Schema and README row; `--check` then
 * passes; and a dispatcher built from the copy's regenerated registry (its modules imported with
 * tsx) dispatches the new command to a typed handler — 64-bit literal exact, schema enforced —
 * while the repository's own registry knows nothing of it.
 */
import { execFile } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { promisify } from "node:util";
import { tsImport } from "tsx/esm/api";
import ts from "typescript";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isKnownCommand } from "../../schemas/index.js";
import { APP_ID, CALLBACK_PATH, NOW_MS, SILENT_LOGGER, tencentQuery } from "../support/fixtures.js";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const TSX = join(ROOT, "node_modules/tsx/dist/cli.mjs");
const COMMAND = "Live.CallbackAfterSomethingNew";
const FILE = "schemas/live/live-after-something-new.ts";
const OWNER = "144115216631667826";

const COMMAND_FILE = `import { defineCommand } from "../define.js";
import { eventTime } from "./fragments.js";

/** A command added by test/core/add-command.test.ts, in a temporary copy of the repository only. */
export default defineCommand({
  command: "${COMMAND}",
  kind: "after",
  summary: "something new happened in a live room",
  source: "https://example.com/tencent/something-new",
  schema: {
    required: ["RoomId", "EventTime", "Owner_Account"],
    properties: {
      RoomId: { type: "string" },
      EventTime: eventTime,
      Owner_Account: { type: "string", description: "64-bit on the wire" },
      Count: { type: "integer" },
    },
  },
  sample: \`{
"CallbackCommand":"${COMMAND}",
"RoomId":"room-new",
"EventTime":1703589922780,
"Owner_Account":${OWNER},
"Count":3
}\`,
});
`;

/** A user's file in the copy: the new command is typed like any other (checked with the TypeScript API). */
const TYPED_USE = `import { createDispatcher, type KnownCommand, type LiveAfterSomethingNewPayload } from "./src/index.js";

const webhooks = createDispatcher({ sdkAppId: 1400000000 });
webhooks.on("${COMMAND}", (event) => {
  const owner: string = event.payload.Owner_Account;
  const count: number | undefined = event.payload.Count;
  const payload: LiveAfterSomethingNewPayload = event.payload;
  // @ts-expect-error -- payloads are exact: not a field of the new command
  void event.payload.NoSuchField;
  void [owner, count, payload];
});
const known: KnownCommand = "${COMMAND}";
// @ts-expect-error -- still a compile error: an unknown command
webhooks.on("Live.CallbackAfterSomethingElse", () => {});
void known;
`;

let copy: string;

type Run = { code: number; stdout: string; stderr: string };

function run(...args: string[]): Promise<Run> {
  return promisify(execFile)(process.execPath, [TSX, ...args], { cwd: copy, env: { ...process.env, NODE_OPTIONS: "" }, timeout: 170_000 }).then(
    ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
    (error: { code?: number; stdout?: string; stderr?: string }) => ({ code: error.code ?? -1, stdout: error.stdout ?? "", stderr: error.stderr ?? "" }),
  );
}

const read = (path: string) => readFileSync(join(copy, path), "utf8");

/** What each step did: recorded once, in order, so that every test below stands on its own. */
const steps = {} as { before: Run; staleJsonBeforeGenerate: boolean; stale: Run; generated: Run; after: Run };

beforeAll(async () => {
  copy = mkdtempSync(join(tmpdir(), "tencent-webhooks-add-command-"));
  for (const path of ["schemas", "scripts", "src", "docs", ".changeset", "CHANGELOG.md", "README.md", "package.json", "tsconfig.json"]) {
    cpSync(join(ROOT, path), join(copy, path), { recursive: true });
  }
  symlinkSync(join(ROOT, "node_modules"), join(copy, "node_modules"), "dir");
  steps.before = await run("scripts/generate.ts", "--check");
  writeFileSync(join(copy, FILE), COMMAND_FILE);
  steps.stale = await run("scripts/generate.ts", "--check");
  steps.staleJsonBeforeGenerate = existsSync(join(copy, `schemas/json/${COMMAND}.json`));
  steps.generated = await run("scripts/generate.ts");
  steps.after = await run("scripts/generate.ts", "--check");
}, 600_000);

afterAll(() => {
  if (copy) rmSync(copy, { recursive: true, force: true });
});

describe("adding a command: one file, then npm run generate", { timeout: 120_000 }, () => {
  it("the copy starts in step: generate --check exits 0", () => {
    expect(steps.before.stderr).toBe("");
    expect(steps.before.code).toBe(0);
  });

  it("the new command file alone leaves the generated files stale: --check exits 1 and lists them, writing nothing", () => {
    expect(steps.stale.code).toBe(1);
    for (const stale of [
      "schemas/generated/registry.ts",
      "schemas/generated/payloads.ts",
      "schemas/generated/validators.js",
      "README.md",
      `schemas/json/${COMMAND}.json`,
    ]) {
      expect(steps.stale.stderr).toContain(stale);
    }
    expect(steps.staleJsonBeforeGenerate).toBe(false);
  });

  it("the generator writes the registry, types, validator, JSON Schema and README row; --check then exits 0", () => {
    expect(steps.generated.code, steps.generated.stderr).toBe(0);
    expect(read("schemas/generated/registry.ts")).toContain('from "../live/live-after-something-new.js";');
    expect(read("schemas/generated/payloads.ts")).toMatch(/export interface LiveAfterSomethingNewPayload \{[^}]*Owner_Account: string;/);
    expect(read("schemas/generated/payloads.ts")).toContain(`"${COMMAND}": LiveAfterSomethingNewPayload;`);
    expect(read("schemas/generated/validators.js")).toContain(`"${COMMAND}"`);
    expect(JSON.parse(read(`schemas/json/${COMMAND}.json`))).toMatchObject({ $id: COMMAND, required: ["RoomId", "EventTime", "Owner_Account"] });
    expect(read("README.md")).toContain(`| \`${COMMAND}\` | after | something new happened in a live room | \`LiveAfterSomethingNewPayload\` |`);
    // Nothing hand-written changed: the registries and the package entry are the repository's.
    expect(read("schemas/index.ts")).toBe(readFileSync(join(ROOT, "schemas/index.ts"), "utf8"));
    expect(read("src/index.ts")).toBe(readFileSync(join(ROOT, "src/index.ts"), "utf8"));
    expect(steps.after.code, steps.after.stderr).toBe(0);
    expect(steps.after.stdout).toContain("generated files are up to date");
  });

  it("a dispatcher from the regenerated registry dispatches the new command to its handler", async () => {
    type Package = typeof import("../../src/index.js");
    const copied = (await tsImport(pathToFileURL(join(copy, "src/index.ts")).href, import.meta.url)) as Package;
    expect(copied.isKnownCommand(COMMAND)).toBe(true);
    expect(isKnownCommand(COMMAND)).toBe(false); // the repository itself is untouched
    expect(copied.registry.size).toBe(copied.knownCommands.length);
    expect(copied.definitionFor(COMMAND)).toMatchObject({ command: COMMAND, kind: "after", protocol: "callback" });

    const webhooks = copied.createDispatcher({ sdkAppId: APP_ID, now: () => NOW_MS, logger: SILENT_LOGGER });
    const seen: unknown[] = [];
    const reasons: string[] = [];
    webhooks.on(COMMAND as never, ((event: { command: string; payload: unknown }) => void seen.push([event.command, event.payload])) as never);
    webhooks.onError((error) => void reasons.push(error.reason));
    const post = (body: string) =>
      webhooks.handle({ method: "POST", url: `${CALLBACK_PATH}${tencentQuery({ command: COMMAND })}`, headers: { "content-type": "application/json" }, body });

    // The sample comes with the full registry (the runtime's keeps no samples).
    const full = (await tsImport(pathToFileURL(join(copy, "schemas/index.ts")).href, import.meta.url)) as typeof import("../../schemas/index.js");
    const sample = full.definitionFor(COMMAND)!.sample;
    const ok = await post(sample);
    expect(ok).toMatchObject({ status: 200, body: '{"ActionStatus":"OK","ErrorInfo":"","ErrorCode":0}' });
    expect(seen).toEqual([[COMMAND, { CallbackCommand: COMMAND, RoomId: "room-new", EventTime: 1703589922780, Owner_Account: OWNER, Count: 3 }]]);

    // The generated validator is enforced: a missing required field, a wrong type.
    expect((await post(sample.replace(/"RoomId":"room-new",\n/, ""))).status).toBe(400);
    expect((await post(sample.replace('"Count":3', '"Count":"three"'))).status).toBe(400);
    expect(reasons).toEqual(["schema_invalid", "schema_invalid"]);
    expect(seen).toHaveLength(1);
  });

  it("the new command is typed in on(), like every other (TypeScript, over the copy)", () => {
    writeFileSync(join(copy, "typed-use.ts"), TYPED_USE);
    const { options } = ts.parseJsonConfigFileContent(ts.readConfigFile(join(copy, "tsconfig.json"), ts.sys.readFile).config, ts.sys, copy);
    const program = ts.createProgram([join(copy, "typed-use.ts")], { ...options, noEmit: true, skipLibCheck: true });
    const diagnostics = ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, "\n"));
    expect(diagnostics).toEqual([]);
  });
});
