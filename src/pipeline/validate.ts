import { schemaIdOf, type CommandInfo } from "../../schemas/define.js";
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

const loaded = new WeakMap<CommandInfo, Validator | Promise<Validator>>();

/**
 * Coerces the documented type mismatches in place, then runs the command's validator — generated
 * at build time (`npm run generate`), so nothing is compiled at run time, and loaded when `on()`
 * registers a handler for the command or on its first callback (a cold start parses only what it
 * uses). A load that failed is tried again by the next callback. Returns the errors, if any.
 */
export function validatorFor(definition: CommandInfo): Validator | Promise<Validator> {
  let validator = loaded.get(definition);
  if (!validator) {
    const id = schemaIdOf(definition.protocol, definition.command);
    const load = validatorLoaders[id];
    if (!load) throw new Error(`tencent-webhooks: no generated validator for ${id}; run npm run generate`);
    validator = load().then(({ default: validate, schema }) => {
      const coerce = compileCoercer(schema as never);
      const ready: Validator = (payload) => {
        coerce?.(payload);
        return validate(payload) ? undefined : [...((validate.errors ?? []) as SchemaError[])];
      };
      loaded.set(definition, ready);
      return ready;
    });
    validator.catch(() => loaded.delete(definition));
    loaded.set(definition, validator);
  }
  return validator;
}

/**
 * Starts loading a command's validator when a handler is registered for it (`on()`), so that its
 * first callback does not wait for the module. A failure here is ignored: the request that needs
 * the validator reports it.
 */
/** Whether a command's validator has loaded (for tests: asking validatorFor() would start the load). */
export function validatorReady(definition: CommandInfo): boolean {
  return typeof loaded.get(definition) === "function";
}

export function preloadValidator(definition: CommandInfo | undefined): void {
  if (!definition) return;
  try {
    const validator = validatorFor(definition);
    if (typeof validator !== "function") validator.catch(() => undefined);
  } catch {
    // No generated validator: answered (500) by the request that needs it.
  }
}

export function describeSchemaErrors(errors: readonly { instancePath: string; message?: string | undefined }[]): string {
  return errors
    .slice(0, 3)
    .map((error) => `${error.instancePath || "/"} ${error.message ?? "is invalid"}`)
    .join("; ");
}
