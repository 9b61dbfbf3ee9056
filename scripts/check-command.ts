/**
 * Checks command files on their own, before the registry is generated:
 * `npx tsx scripts/check-command.ts schemas/chat/*.ts` — each default export must be a
 * defineCommand() whose sample (and variants) parse losslessly and pass the schema after the
 * package's coercions; prints one line per file and exits 1 on the first problem class.
 */
import { pathToFileURL } from "node:url";
import { resolve } from "node:path";
import { Ajv } from "ajv";
import { parseJsonObject } from "../src/json/parse.js";
import { compileCoercer } from "../src/json/coerce.js";
import { bodiesOf, type CommandDefinition } from "../schemas/define.js";

const ajv = new Ajv({ allErrors: true, strict: true, allowUnionTypes: true });
ajv.addKeyword({ keyword: "tsType", schemaType: "string" }); // a type hint for the generated payload types
let failed = 0;
for (const file of process.argv.slice(2)) {
  if (file.endsWith("fragments.ts")) continue;
  try {
    const definition = (await import(pathToFileURL(resolve(file)).href)).default as CommandDefinition;
    if (!definition?.command || !definition.schema) throw new Error("default export is not a defineCommand()");
    if (!/^https:\/\//.test(definition.source ?? "")) throw new Error("source must be the Tencent page URL");
    const validate = ajv.compile(definition.schema);
    const coerce = compileCoercer(definition.schema as never);
    for (const [index, { text }] of bodiesOf(definition).entries()) {
      const payload = parseJsonObject(text);
      coerce?.(payload);
      if (!validate(payload)) throw new Error(`sample ${index}: ${ajv.errorsText(validate.errors)}`);
    }
    console.log(`ok   ${file}  ${definition.protocol}:${definition.command}${definition.code !== undefined ? ` (${definition.code})` : ""}`);
  } catch (error) {
    failed++;
    console.log(`FAIL ${file}  ${error instanceof Error ? error.message : String(error)}`);
  }
  ajv.removeSchema();
}
process.exitCode = failed ? 1 : 0;
