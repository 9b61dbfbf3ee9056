/**
 * `npm run generate`: everything derived from the command files — registry, payload types,
 * validators, JSON Schemas, README tables, docs/page-disagreements.md — and CHANGELOG.md's Unreleased section, from the changesets. `--check` writes nothing and exits 1 when any
 * generated file is stale (test/core/generated.test.ts runs it).
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { changelogWithUnreleased } from "./generate/write-changelog.js";
import { loadDefinitions } from "./generate/load-definitions.js";
import { disagreementsPage } from "./generate/write-disagreements.js";
import { jsonSchemas, readmeWithTables } from "./generate/write-docs.js";
import { payloadTypesModule } from "./generate/write-payload-types.js";
import { commandsModule, registryModule } from "./generate/write-registry.js";
import { validatorLoaders, validatorModules, validatorsDeclaration } from "./generate/write-validators.js";

function leftovers(dir: string, wanted: ReadonlyMap<string, string>): string[] {
  return existsSync(dir) ? readdirSync(dir).filter((name) => !wanted.has(name)) : [];
}

export async function generate(root: string, check: boolean): Promise<string[]> {
  const schemas = join(root, "schemas");
  const loaded = await loadDefinitions(schemas);
  const files = new Map<string, string>([
    ["schemas/generated/registry.ts", registryModule(loaded)],
    ["schemas/generated/commands.ts", commandsModule(loaded)],
    ["schemas/generated/payloads.ts", await payloadTypesModule(loaded)],
    ["schemas/generated/validators.js", validatorLoaders(loaded)],
    ["schemas/generated/validators.d.ts", validatorsDeclaration],
    ["README.md", readmeWithTables(readFileSync(join(root, "README.md"), "utf8"), loaded)],
    ["CHANGELOG.md", changelogWithUnreleased(readFileSync(join(root, "CHANGELOG.md"), "utf8"), root)],
    ["docs/page-disagreements.md", disagreementsPage(loaded)],
  ]);
  const json = jsonSchemas(loaded);
  for (const [name, text] of json) files.set(`schemas/json/${name}`, text);
  const validators = validatorModules(loaded);
  for (const [name, text] of validators) files.set(`schemas/generated/validators/${name}`, text);
  // Files a removed command left behind in the generated folders.
  const extra = [
    ...leftovers(join(root, "schemas/json"), json).map((name) => `schemas/json/${name}`),
    ...leftovers(join(root, "schemas/generated/validators"), validators).map((name) => `schemas/generated/validators/${name}`),
  ];

  const stale = [...files].filter(([path, text]) => !existsSync(join(root, path)) || readFileSync(join(root, path), "utf8") !== text).map(([path]) => path);
  stale.push(...extra.map((path) => `${path} (no command file)`));
  if (!check) {
    mkdirSync(join(root, "schemas/generated/validators"), { recursive: true });
    mkdirSync(join(root, "schemas/json"), { recursive: true });
    for (const path of extra) rmSync(join(root, path));
    for (const [path, text] of files) writeFileSync(join(root, path), text);
  }
  return stale;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const check = process.argv.includes("--check");
  const root = fileURLToPath(new URL("..", import.meta.url));
  const stale = await generate(root, check);
  if (check && stale.length > 0) {
    console.error(`stale generated files (run npm run generate):\n  ${stale.join("\n  ")}`);
    process.exitCode = 1;
  } else {
    console.log(check ? "generated files are up to date" : `generated ${stale.length} changed file(s)${stale.length ? `:\n  ${stale.join("\n  ")}` : ""}`);
  }
}
