/**
 * Ajv's standalone code for every schema: validators are compiled here, at build time, so the
 * package never runs `new Function` (Cloudflare Workers, `--disallow-code-generation-from-strings`)
 * and does not import Ajv's compiler at start-up. Same options as before, so `onError` sees the
 * same error objects.
 */
import { Ajv } from "ajv";
import standaloneModule from "ajv/dist/standalone/index.js";

// CommonJS default export, seen from ESM.
const standalone = ((standaloneModule as unknown as { default?: typeof standaloneModule }).default ?? standaloneModule) as unknown as (ajv: Ajv, refs: Record<string, string>) => string;
import type { LoadedDefinition } from "./load-definitions.js";
import { GENERATED } from "./banner.js";

export function validatorsModule(loaded: readonly LoadedDefinition[]): string {
  const ajv = new Ajv({ allErrors: true, strict: true, allowUnionTypes: true, code: { source: true, esm: true, lines: true } });
  const exports: Record<string, string> = {};
  const ids: [string, string][] = [];
  loaded.forEach(({ definition }, index) => {
    const id = String(definition.schema.$id);
    ajv.addSchema(definition.schema as object);
    exports[`v${index}`] = id;
    ids.push([id, `v${index}`]);
  });
  let code = standalone(ajv, exports);
  // Ajv emits CommonJS requires for its small runtime helpers even in ESM mode.
  let n = 0;
  const imports: string[] = [];
  code = code.replace(/const (\w+) = require\("([^"]+)"\)\.default;/g, (_all: string, name: string, path: string) => {
    imports.push(`import * as runtime${n} from "${path}.js";`);
    return `const ${name} = runtime${n++}.default;`;
  });
  if (code.includes("require(")) throw new Error("standalone validator code still requires a module");
  const map = ids.map(([id, name]) => `  ${JSON.stringify(id)}: ${name},`).join("\n");
  return `${GENERATED}// @ts-nocheck\n${imports.join("\n")}\n${code.replace(/^"use strict";/, "")}\n\n/** Validator by schema $id. */\nexport const validators = {\n${map}\n};\n`;
}

export const validatorsDeclaration = `${GENERATED}export interface GeneratedValidator {
  (data: unknown): boolean;
  errors?: { keyword: string; instancePath: string; schemaPath: string; params: Record<string, unknown>; message?: string }[] | null;
}

/** Validator by schema $id. */
export declare const validators: Readonly<Record<string, GeneratedValidator>>;
`;
