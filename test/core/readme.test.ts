/**
 * The README's command tables are generated from the command files (`npm run generate`, see
 * scripts/generate/write-docs.ts): each protocol's table section is exactly what the generator
 * writes for the registries the package really loads, every command has its row, and every
 * payload type a row names is one the package's main entry exports.
 * (test/core/generated.test.ts runs `scripts/generate.ts --check` over all the generated files.)
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { callbackCatalogue, cssCatalogue, trtcCatalogue, type CommandDefinition, type ProtocolName } from "../../schemas/index.js";
import { payloadTypeName } from "../../scripts/generate/load-definitions.js";
import { readmeWithTables, table } from "../../scripts/generate/write-docs.js";

const README = fileURLToPath(new URL("../../README.md", import.meta.url));
const readme = readFileSync(README, "utf8");

const CATALOGUES: Record<ProtocolName, readonly CommandDefinition[]> = {
  callback: callbackCatalogue.definitions,
  trtc: trtcCatalogue.definitions,
  css: cssCatalogue.definitions,
};
const loaded = Object.values(CATALOGUES).flatMap((definitions) => definitions.map((definition) => ({ definition, module: "" })));
const MARKERS: Record<ProtocolName, string> = { callback: "commands", trtc: "trtc-events", css: "css-events" };

/** The text between a protocol's markers, markers included. */
function section(protocol: ProtocolName): string {
  const start = readme.indexOf(`<!-- ${MARKERS[protocol]}:start`);
  const endMarker = `<!-- ${MARKERS[protocol]}:end -->`;
  const end = readme.indexOf(endMarker);
  expect(start, `README.md lacks the ${MARKERS[protocol]} markers`).toBeGreaterThan(-1);
  expect(end).toBeGreaterThan(start);
  return readme.slice(start, end + endMarker.length);
}

/** What the package's main entry exports, as TypeScript sees it (types included). */
function exportedNames(entry: string): Set<string> {
  const program = ts.createProgram([entry], {
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    target: ts.ScriptTarget.ES2022,
    strict: true,
    noEmit: true,
    skipLibCheck: true,
    types: ["node"],
  });
  const checker = program.getTypeChecker();
  const source = program.getSourceFile(entry)!;
  const module = checker.getSymbolAtLocation(source)!;
  return new Set(checker.getExportsOfModule(module).map((symbol) => symbol.getName()));
}

describe("README", () => {
  it("each protocol's table is exactly what `npm run generate` writes for the registries (run it when this fails)", () => {
    expect(readmeWithTables(readme, loaded)).toBe(readme);
    for (const protocol of ["callback", "trtc", "css"] as const) expect(section(protocol)).toBe(table(loaded, protocol));
  });

  it.each(["callback", "trtc", "css"] as const)("the %s table has one row per command, and no other", (protocol) => {
    const rows = section(protocol)
      .split("\n")
      .filter((line) => line.startsWith("| ") && !line.startsWith("| command ") && !line.startsWith("| event "));
    const definitions = CATALOGUES[protocol];
    expect(rows).toHaveLength(definitions.length);
    for (const definition of definitions) {
      const name = definition.code === undefined ? `| \`${definition.command}\`` : `| ${definition.code} \`${definition.command}\``;
      expect(
        rows.filter((row) => row.startsWith(`${name} `) || row.startsWith(`${name}|`)),
        definition.command,
      ).toHaveLength(1);
      for (const alias of definition.aliases ?? []) expect(section(protocol)).toContain(`\`${alias}\``);
    }
  });

  it("lists about 80 callback-endpoint commands", () => {
    expect(CATALOGUES.callback.length).toBeGreaterThanOrEqual(75);
    expect(CATALOGUES.callback.length).toBeLessThanOrEqual(90);
  });

  it("names payload types that the package's main entry really exports", { timeout: 60_000 }, () => {
    const exported = exportedNames(fileURLToPath(new URL("../../src/index.ts", import.meta.url)));
    const named = [...readme.matchAll(/\| `(\w+Payload)` \|/g)].map((match) => match[1]!);
    expect(named).toHaveLength(loaded.length);
    for (const { definition } of loaded) {
      const name = payloadTypeName(definition);
      expect(named).toContain(name);
      expect(exported.has(name), `src/index.ts should export ${name}`).toBe(true);
    }
    expect(exported.has("NoSuchPayload")).toBe(false);
  });

  it("shows the set-up commands", () => {
    expect(readme).toContain("npm ci && npm run demo");
    expect(readme).toContain("npm test");
    expect(readme).toContain("npm run generate");
  });
});
