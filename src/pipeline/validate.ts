import type { CommandDefinition } from "../../schemas/define.js";
import { validators } from "../../schemas/generated/validators.js";
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

const compiled = new WeakMap<CommandDefinition, Validator>();

/**
 * Coerces the documented type mismatches in place, then runs the command's validator — generated
 * at build time (`npm run generate`), so nothing is compiled at run time. Returns the errors, if any.
 */
export function validatorFor(definition: CommandDefinition): Validator {
  let validator = compiled.get(definition);
  if (!validator) {
    const validate = validators[String(definition.schema.$id)];
    if (!validate) throw new Error(`tencent-webhooks: no generated validator for ${String(definition.schema.$id)}; run npm run generate`);
    const coerce = compileCoercer(definition.schema as never);
    validator = (payload) => {
      coerce?.(payload);
      return validate(payload) ? undefined : [...((validate.errors ?? []) as SchemaError[])];
    };
    compiled.set(definition, validator);
  }
  return validator;
}

export function describeSchemaErrors(errors: readonly { instancePath: string; message?: string | undefined }[]): string {
  return errors
    .slice(0, 3)
    .map((error) => `${error.instancePath || "/"} ${error.message ?? "is invalid"}`)
    .join("; ");
}
