import { Ajv, type ErrorObject, type ValidateFunction } from "ajv";
import type { CommandDefinition } from "../schemas/index.js";
import { compileCoercer } from "./coerce.js";

export type SchemaError = ErrorObject;

export type Validator = (payload: Record<string, unknown>) => SchemaError[] | undefined;

// One Ajv for the process: schemas are static, so each is compiled once, on first use.
const ajv = new Ajv({ allErrors: true, strict: true, allowUnionTypes: true });
const validators = new WeakMap<CommandDefinition, Validator>();

/** Coerces the documented type mismatches in place, then validates; returns the errors, if any. */
export function validatorFor(definition: CommandDefinition): Validator {
  let validator = validators.get(definition);
  if (!validator) {
    validator = compile(definition);
    validators.set(definition, validator);
  }
  return validator;
}

function compile(definition: CommandDefinition): Validator {
  const schema = definition.schema as object;
  const validate: ValidateFunction = ajv.compile(schema);
  const coerce = compileCoercer(schema);
  return (payload) => {
    coerce?.(payload);
    return validate(payload) ? undefined : [...(validate.errors ?? [])];
  };
}
