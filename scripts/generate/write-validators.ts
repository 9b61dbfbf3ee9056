/**
 * Ajv's standalone code for every schema: validators are compiled here, at build time, so the
 * package never runs `new Function` (Cloudflare Workers, `--disallow-code-generation-from-strings`)
 * and never imports Ajv at run time. One module per command, loaded on the command's first
 * callback: a cold start parses only the validators it uses (all of them are ~850 KB of code).
 * Same options as before, so `onError` sees the same error objects.
 */
import { Ajv } from "ajv";
import standaloneModule from "ajv/dist/standalone/index.js";
import type { CommandDefinition } from "../../schemas/define.js";
import { GENERATED } from "./banner.js";
import type { LoadedDefinition } from "./load-definitions.js";

// CommonJS default export, seen from ESM.
const standalone = ((standaloneModule as unknown as { default?: typeof standaloneModule }).default ?? standaloneModule) as unknown as (
  ajv: Ajv,
  validate: unknown,
) => string;

/** `live/live-after-destroy-room` → `live-live-after-destroy-room.js`, the module's file name. */
export function validatorFile(module: string): string {
  return `${module.replace("/", "-")}.js`;
}

function validatorModule(definition: CommandDefinition): string {
  const ajv = new Ajv({ allErrors: true, strict: true, allowUnionTypes: true, code: { source: true, esm: true, lines: true } });
  ajv.addKeyword({ keyword: "tsType", schemaType: "string" }); // a type hint for write-payload-types, no validation
  let code = standalone(ajv, ajv.compile(definition.schema as object));
  // Ajv emits CommonJS requires for its small runtime helpers even in ESM mode.
  const imports: string[] = [];
  code = code.replace(/const (\w+) = require\("([^"]+)"\)\.default;/g, (_all: string, name: string, path: string) => {
    imports.push(`import * as ${name}Module from "${path}.js";`);
    return `const ${name} = ${name}Module.default;`;
  });
  if (code.includes("require(")) throw new Error(`${definition.command}: standalone validator code still requires a module`);
  // The schema rides along: the runtime's coercion reads it, and the main entry carries none.
  const schema = `/** The schema this validator was compiled from. */\nexport const schema = ${JSON.stringify(definition.schema)};\n`;
  return `${GENERATED}// @ts-nocheck\n${imports.join("\n")}\n${code.replace(/^"use strict";/, "")}\n${schema}`;
}

/** The validator modules, by file name under schemas/generated/validators/. */
export function validatorModules(loaded: readonly LoadedDefinition[]): Map<string, string> {
  return new Map(loaded.map(({ definition, module }) => [validatorFile(module), validatorModule(definition)]));
}

/** schemas/generated/validators.js: a loader per schema $id (literal import paths, so bundlers follow them). */
export function validatorLoaders(loaded: readonly LoadedDefinition[]): string {
  const entries = loaded.map(
    ({ definition, module }) => `  ${JSON.stringify(String(definition.schema.$id))}: () => import("./validators/${validatorFile(module)}"),`,
  );
  return `${GENERATED}\n/** Loads the validator of a schema $id. */\nexport const validatorLoaders = {\n${entries.join("\n")}\n};\n`;
}

export const validatorsDeclaration = `${GENERATED}export interface GeneratedValidator {
  (data: unknown): boolean;
  errors?: { keyword: string; instancePath: string; schemaPath: string; params: Record<string, unknown>; message?: string }[] | null;
}

/** Loads the validator of a schema $id. */
export declare const validatorLoaders: Readonly<Record<string, () => Promise<{ default: GeneratedValidator; schema: Record<string, unknown> }>>>;
`;
