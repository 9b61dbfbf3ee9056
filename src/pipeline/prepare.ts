/**
 * Command, schema, event: what both the request path and a queue worker do before handlers run.
 * A payload that fails its schema comes back with its `schemaErrors` (the caller quarantines or
 * refuses it); an unknown command is refused here when `unknownCommands` is "reject".
 */
import type { CommandInfo } from "../../schemas/define.js";
import { syncDigests } from "../crypto.js";
import { dedupeKey } from "../delivery/dedupe-key.js";
import { reject } from "../errors.js";
import { normalizePlatform } from "../protocols/callback/platform.js";
import type { Identity } from "../protocols/types.js";
import type { AnyWebhookEvent } from "../types.js";
import type { Engine } from "./engine.js";
import { AcceptedEvent } from "./event.js";
import type { Report } from "./report.js";
import { validatorFor, type SchemaError, type Validator } from "./validate.js";

export interface Accepted {
  event: AnyWebhookEvent;
  definition: CommandInfo | undefined;
  /** Set when the payload failed its schema: the event must not reach typed handlers. */
  schemaErrors?: SchemaError[];
}

/**
 * Synchronous when the validator has loaded and the key needs no asynchronous hash (the common
 * case), so the request path awaits nothing here; a refusal is thrown either way.
 */
export function prepare(engine: Engine, payload: Record<string, unknown>, report: Report, identity: Identity, attempt = 1): Accepted | Promise<Accepted> {
  const { protocol } = engine;
  report.payload = payload;
  const command = protocol.commandOf(payload, identity);
  report.command = command;
  const definition = protocol.catalogue.byName.get(command);
  const fields = { engine, payload, report, identity, attempt, command, definition };
  if (!definition) {
    if (engine.options.unknownCommands === "reject") {
      throw reject("unknown_command", protocol.name === "callback" ? `Unknown CallbackCommand "${command}"` : `Unknown ${protocol.name} event ${command}`);
    }
    return eventFor(fields, undefined);
  }
  const validated = (validator: Validator) => {
    const schemaErrors = validator(payload);
    if (schemaErrors) report.schemaErrors = schemaErrors;
    return eventFor(fields, schemaErrors);
  };
  const validator = validatorFor(definition);
  return typeof validator === "function" ? validated(validator) : validator.then(validated);
}

interface Fields {
  engine: Engine;
  payload: Record<string, unknown>;
  report: Report;
  identity: Identity;
  attempt: number;
  command: string;
  definition: CommandInfo | undefined;
}

function eventFor(fields: Fields, schemaErrors: SchemaError[] | undefined): Accepted | Promise<Accepted> {
  const { engine, payload, report, identity, attempt, command, definition } = fields;
  const { protocol } = engine;
  const rawBody = report.request.rawBody ?? "";
  const key = () => dedupeKey(protocol.name, command, definition, protocol.defaultDedupe, payload, rawBody);
  const event = new AcceptedEvent(
    {
      protocol: protocol.name,
      command,
      payload,
      extra: payload,
      sdkAppId: identity.sdkAppId ?? "",
      clientIp: identity.clientIp,
      optPlatform: normalizePlatform(identity.optPlatform),
      keyIndex: identity.keyIndex,
      product: identity.product,
      rawBody,
      attempt,
      request: report.request,
    },
    key as () => string,
  );
  const accepted = (value: AnyWebhookEvent): Accepted => (schemaErrors ? { event: value, definition, schemaErrors } : { event: value, definition });
  // The key hashes the body: computed now when a store or a queue needs it (or hashing is
  // asynchronous here), else only when a handler reads it.
  if (engine.options.dedupe === undefined && engine.options.queue === undefined && syncDigests) return accepted(event);
  const withKey = (value: string): Accepted => {
    report.dedupeKey = value;
    return accepted(event.withKey(value));
  };
  const value = key();
  return typeof value === "string" ? withKey(value) : value.then(withKey);
}
