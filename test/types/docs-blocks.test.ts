/**
 * Every TypeScript block of README.md and docs/**\/*.md compiles, as a user who copies it has it:
 * against the built package (tsup's `.d.ts`, resolved through package.json `exports` from
 * node_modules/tencent-webhooks; test/support/built-package.ts), under `strict` with
 * `noUncheckedIndexedAccess` and `exactOptionalPropertyTypes`, `"module": "nodenext"` in a
 * `"type": "module"` project (the docs use ESM imports and top-level await),
 * `experimentalDecorators` for the NestJS blocks and `skipLibCheck`, on TypeScript 5.9 (the
 * repository's) and TypeScript 7 (from the registry). A failing block is reported as
 * `<file>.md:<line>`. The conventions (file names, `ts-preamble`, `not-compiled`) are in
 * test/support/markdown-blocks.ts and CONTRIBUTING.md.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { consumerProject, ROOT, TYPESCRIPT5, typeCheck, type Diagnostic } from "../support/built-package.js";
import { blockFile, fenceLanguages, typescriptBlocks, type BlockFile, type MarkdownBlock } from "../support/markdown-blocks.js";
import { typescript7 } from "../support/typescript7.js";

/** What a consumer's tsconfig.json says for the docs' code. */
const DOCS_COMPILER_OPTIONS = {
  strict: true,
  // What stricter projects add (tsconfig/bases "strictest"): the docs' code must hold there too.
  noUncheckedIndexedAccess: true,
  exactOptionalPropertyTypes: true,
  module: "nodenext",
  moduleResolution: "nodenext",
  target: "es2022",
  types: ["node"],
  // As most projects (and Nest's starter) have it: the frameworks' own .d.ts files are not ours to check.
  skipLibCheck: true,
  experimentalDecorators: true,
  emitDecoratorMetadata: true,
  noEmit: true,
};

const markdownFiles = (dir: string): string[] =>
  readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? markdownFiles(`${dir}/${entry.name}`) : entry.name.endsWith(".md") ? [`${dir}/${entry.name}`] : [],
  );
const MARKDOWN = ["README.md", ...markdownFiles("docs")];

/**
 * A Markdown text that must fail in a known way, compiled in the same program: proves that errors
 * are found, mapped to their Markdown line (preamble lines included) and that opt-outs are skipped.
 */
const FIXTURE = "test-fixture.md";
const FIXTURE_TEXT = [
  "# fixture", //                                                                  1
  "<!-- ts-preamble", //                                                           2
  "declare const count: number;", //                                              3
  "-->", //                                                                        4
  "```ts", //                                                                      5
  'import { createDispatcher } from "tencent-webhooks";', //                      6
  'const webhooks = createDispatcher({ sdkAppId: 1400000000, token: "t" });', //  7
  'webhooks.on("Live.CallbackAfterDestroyRoom", (event) => {', //                 8
  "  event.payload.RoomInfo?.OwnerAccount;", //                                    9: a typo
  "});", //                                                                        10
  'const label: string = count + "";', //                                          11
  "const wrong: string = undeclared;", //                                          12: not declared anywhere
  "```", //                                                                        13
  "<!-- not-compiled: a deliberately broken block -->", //                         14
  "```typescript", //                                                              15
  "this is not TypeScript", //                                                     16
  "```", //                                                                        17
].join("\n");

let files: BlockFile[];
let blocks: MarkdownBlock[];
let project: string;

beforeAll(async () => {
  blocks = MARKDOWN.flatMap((file) => typescriptBlocks(file, readFileSync(join(ROOT, file), "utf8")));
  const compiled = [...blocks, ...typescriptBlocks(FIXTURE, FIXTURE_TEXT)].filter((block) => block.notCompiled === undefined);
  files = compiled.map(blockFile);
  const names = files.map((file) => file.name);
  expect(names.filter((name, i) => names.indexOf(name) !== i)).toEqual([]);
  project = await consumerProject("docs-blocks", Object.fromEntries(files.map((file) => [file.name, file.text])), DOCS_COMPILER_OPTIONS);
}, 300_000);

/** A diagnostic at its Markdown file and line: `README.md:72 TS2322 Type …`. */
function located(diagnostic: Diagnostic): string {
  const file = files.find((candidate) => diagnostic.file.replaceAll("\\", "/").endsWith(candidate.name));
  if (!file) return `${diagnostic.file || "tsc"}:${diagnostic.line} ${diagnostic.code} ${diagnostic.message}`;
  return `${file.block.markdown}:${file.mdLines[diagnostic.line - 1] ?? file.block.line} ${diagnostic.code} ${diagnostic.message}`;
}

async function check(tsc: string): Promise<{ docs: string[]; fixture: string[] }> {
  const reported = (await typeCheck(tsc, project)).map(located).sort((a, b) => a.localeCompare(b, "en", { numeric: true }));
  return { docs: reported.filter((line) => !line.startsWith(FIXTURE)), fixture: reported.filter((line) => line.startsWith(FIXTURE)) };
}

/** The fixture's two errors, at their Markdown lines, and nothing from its opted-out block. */
function expectFixtureErrors(fixture: string[]): void {
  expect(fixture.map((line) => line.split(" ").slice(0, 2).join(" "))).toEqual([`${FIXTURE}:9 TS2551`, `${FIXTURE}:12 TS2304`]);
}

describe("the TypeScript blocks of README.md and docs/", { timeout: 240_000 }, () => {
  it("are found, and opting out is rare and says why", () => {
    expect(MARKDOWN).toContain("docs/frameworks.md");
    expect(blocks.filter((block) => block.markdown === "README.md").length).toBeGreaterThan(15);
    expect(blocks.length).toBeGreaterThanOrEqual(33);
    const optedOut = blocks.filter((block) => block.notCompiled !== undefined);
    for (const block of optedOut) expect(block.notCompiled, `${block.markdown}:${block.line}`).toMatch(/\w{3,}/);
    expect(optedOut.length).toBeLessThanOrEqual(2);
  });

  it("are all the code there is: no block is JavaScript or TSX, which nothing would check", () => {
    const languages = MARKDOWN.flatMap((file) => fenceLanguages(readFileSync(join(ROOT, file), "utf8")).map((language) => `${file}: ${language}`));
    expect(languages.filter((entry) => /: (js|javascript|jsx|tsx|mjs|cjs|mts|cts)$/.test(entry))).toEqual([]);
    expect(fenceLanguages("```js\nx\n```\n```ts\ny\n```\n```\nz\n```")).toEqual(["js", "ts", ""]);
  });

  it("compile under strict on TypeScript 5.9", async () => {
    const { docs, fixture } = await check(TYPESCRIPT5);
    expect(docs).toEqual([]);
    expectFixtureErrors(fixture);
  });

  it("compile under strict on TypeScript 7", async () => {
    const { docs, fixture } = await check(await typescript7());
    expect(docs).toEqual([]);
    expectFixtureErrors(fixture);
  });
});
