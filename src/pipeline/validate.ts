import type { CommandDefinition } from "../../schemas/define.js";
import { validatorLoaders } from "../../schemas/generated/validators.js";
import { compileCoercer } from "../json/coerce.js";

/** One schema violation, as Ajv reports it (the validators are Ajv's standalone code). */
export interface SchemaError {
  keyword: string;
  /** JSON Pointer to the offending value, e.g. `/RoomInfo/MaxMemberCount`. */
  instancePath: string;
  schemaPath: string;
  params: Record<string, unknown>;
  message?: string | undefined;
}

export type Validator = (payload: Record<string, unknown>) => SchemaError[] | undefined;

const loaded = new WeakMap<CommandDefinition, Validator | Promise<Validator>>();

/**
 * Coerces the documented type mismatches in place, then runs the command's validator — generated
 * at build time (`npm run generate`), so nothing is compiled at run time, and loaded on the
 * command's first callback (a cold start parses only what it uses). Returns the errors, if any.
 */
export function validatorFor(definition: CommandDefinition): Validator | Promise<Validator> {
  let validator = loaded.get(definition);
  if (!validator) {
    const id = String(definition.schema.$id);
    const load = validatorLoaders[id];
    if (!load) throw new Error(`tencent-webhooks: no generated validator for ${id}; run npm run generate`);
    const coerce = compileCoercer(definition.schema as never);
    validator = load().then(({ default: validate }) => {
      const ready: Validator = (payload) => {
        coerce?.(payload);
        return validate(payload) ? undefined : [...((validate.errors ?? []) as SchemaError[])];
      };
      loaded.set(definition, ready);
      return ready;
    });
    loaded.set(definition, validator);
  }
  return validator;
}

export function describeSchemaErrors(errors: readonly { instancePath: string; message?: string | undefined }[]): string {
  return errors
    .slice(0, 3)
    .map((error) => `${error.instancePath || "/"} ${error.message ?? "is invalid"}`)
    .join("; ");
}
