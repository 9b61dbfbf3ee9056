/**
 * `npm run generate`: everything derived from the command files — registry, payload types,
 * validators, JSON Schemas, README tables. `--check` writes nothing and exits 1 when any
 * generated file is stale (test/core/generated.test.ts runs it).
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { loadDefinitions } from "./generate/load-definitions.js";
import { jsonSchemas, readmeWithTables } from "./generate/write-docs.js";
import { payloadTypesModule } from "./generate/write-payload-types.js";
import { registryModule } from "./generate/write-registry.js";
import { validatorsDeclaration, validatorsModule } from "./generate/write-validators.js";

export async function generate(root: string, check: boolean): Promise<string[]> {
  const schemas = join(root, "schemas");
  const loaded = await loadDefinitions(schemas);
  const files = new Map<string, string>([
    ["schemas/generated/registry.ts", registryModule(loaded)],
    ["schemas/generated/payloads.ts", await payloadTypesModule(loaded)],
    ["schemas/generated/validators.js", validatorsModule(loaded)],
    ["schemas/generated/validators.d.ts", validatorsDeclaration],
    ["README.md", readmeWithTables(readFileSync(join(root, "README.md"), "utf8"), loaded)],
  ]);
  const json = jsonSchemas(loaded);
  for (const [name, text] of json) files.set(`schemas/json/${name}`, text);
  const jsonDir = join(root, "schemas/json");
  const extra = existsSync(jsonDir) ? readdirSync(jsonDir).filter((name) => !json.has(name)) : [];

  const stale = [...files].filter(([path, text]) => !existsSync(join(root, path)) || readFileSync(join(root, path), "utf8") !== text).map(([path]) => path);
  stale.push(...extra.map((name) => `schemas/json/${name} (no command file)`));
  if (!check) {
    mkdirSync(join(root, "schemas/generated"), { recursive: true });
    mkdirSync(jsonDir, { recursive: true });
    for (const name of extra) rmSync(join(jsonDir, name));
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
