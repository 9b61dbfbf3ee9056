/**
 * From a parsed, authenticated payload on: command, schema, then the handlers (inline), or the
 * dedupe claim and the durable write (queued). "before" commands are always decided inline.
 */
import type { CommandInfo } from "../../schemas/define.js";
import { syncDigests } from "../crypto.js";
import type { QueuedCallback } from "../delivery/contract.js";
import { dedupeKey } from "../delivery/dedupe-key.js";
import { reject, type WebhookResponse } from "../errors.js";
import { normalizePlatform } from "../protocols/callback/platform.js";
import type { Identity } from "../protocols/types.js";
import type { AnyWebhookEvent } from "../types.js";
import { AcceptedEvent } from "./event.js";
import type { Engine } from "./engine.js";
import type { Report } from "./report.js";
import { runHandlers } from "./run-handlers.js";
import { isThenable } from "./settles-within.js";
import { describeSchemaErrors, validatorFor, type Validator } from "./validate.js";

export interface Accepted {
  event: AnyWebhookEvent;
  definition: CommandInfo | undefined;
}

/**
 * Command, schema, event: what both the request path and a queue worker do before handlers run.
 * Synchronous when the validator has loaded and the key needs no asynchronous hash (the common
 * case), so the request path awaits nothing here; a refusal is thrown either way.
 */
export function prepare(engine: Engine, payload: Record<string, unknown>, report: Report, identity: Identity, attempt = 1): Accepted | Promise<Accepted> {
  const { protocol } = engine;
  report.payload = payload;
  const command = protocol.commandOf(payload, identity);
  report.command = command;
  const definition = protocol.catalogue.byName.get(command);
  if (!definition) {
    if (engine.options.unknownCommands === "reject") {
      throw reject("unknown_command", protocol.name === "callback" ? `Unknown CallbackCommand "${command}"` : `Unknown ${protocol.name} event ${command}`);
    }
    return eventFor(engine, payload, report, identity, attempt, command, undefined);
  }
  const validated = (validator: Validator) => {
    const schemaErrors = validator(payload);
    if (schemaErrors) {
      report.schemaErrors = schemaErrors;
      throw reject("schema_invalid", `Payload does not match the ${command} schema: ${describeSchemaErrors(schemaErrors)}`);
    }
    return eventFor(engine, payload, report, identity, attempt, command, definition);
  };
  const validator = validatorFor(definition);
  return typeof validator === "function" ? validated(validator) : validator.then(validated);
}

function eventFor(
  engine: Engine,
  payload: Record<string, unknown>,
  report: Report,
  identity: Identity,
  attempt: number,
  command: string,
  definition: CommandInfo | undefined,
): Accepted | Promise<Accepted> {
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
  // The key hashes the body: computed now when a store or a queue needs it (or hashing is
  // asynchronous here), else only when a handler reads it.
  if (engine.options.dedupe === undefined && engine.options.queue === undefined && syncDigests) return { event, definition };
  const withKey = (value: string): Accepted => {
    report.dedupeKey = value;
    return { event: event.withKey(value), definition };
  };
  const value = key();
  return typeof value === "string" ? withKey(value) : value.then(withKey);
}

export async function accept(engine: Engine, payload: Record<string, unknown>, report: Report, identity: Identity): Promise<WebhookResponse> {
  const prepared = prepare(engine, payload, report, identity);
  const { event, definition } = isThenable(prepared) ? await prepared : prepared;
  const { options, protocol } = engine;
  engine.telemetry?.note({ command: event.command, dedupeKey: event.dedupeKey });
  if (definition?.kind === "before") return decideInline(engine, event, definition, report);
  const once = options.queue?.claimAndEnqueue;
  if (once) {
    // The claim and the write in one step: a refused callback leaves no claim behind.
    let written: boolean;
    try {
      written = await once.call(options.queue, queuedCallback(engine, event, report), options.dedupeTtlSeconds);
    } catch (cause) {
      report.cause = cause;
      throw reject("queue_unavailable", "The queue could not take the callback; it was not accepted");
    }
    return written ? protocol.ok() : duplicate(engine, event);
  }
  const store = options.dedupe;
  if (store) {
    let first: boolean;
    try {
      first = await store.claim(event.dedupeKey, options.dedupeTtlSeconds);
    } catch (cause) {
      report.cause = cause;
      throw reject("queue_unavailable", "The dedupe store cannot be reached; the callback was not accepted");
    }
    if (!first) return duplicate(engine, event);
  }
  if (options.queue) {
    try {
      await options.queue.enqueue(queuedCallback(engine, event, report));
    } catch (cause) {
      await store?.release(event.dedupeKey).catch(() => undefined);
      report.cause = cause;
      throw reject("queue_unavailable", "The queue could not take the callback; it was not accepted");
    }
    return protocol.ok();
  }
  const running = runAll(engine, event, report, options.handlerTimeoutMs);
  const run = isThenable(running) ? await running : running;
  if (run.failure) {
    engine.telemetry?.note({ reason: run.failure.data!.reason });
    // Not handled: let Tencent's retry (TRTC, CSS) through rather than take it for a duplicate.
    await store?.release(event.dedupeKey).catch(() => undefined);
    return protocol.refuse(run.failure);
  }
  return protocol.ok();
}

/** The job a queue keeps for an accepted callback. */
function queuedCallback(engine: Engine, event: AnyWebhookEvent, report: Report): QueuedCallback {
  return {
    protocol: engine.protocol.name,
    command: event.command,
    dedupeKey: event.dedupeKey,
    rawBody: event.rawBody,
    method: report.request.method,
    url: report.request.url,
    headers: report.request.headers,
    receivedAt: engine.options.now(),
    sdkAppId: event.sdkAppId,
    keyIndex: event.keyIndex,
    product: event.product,
    traceparent: engine.telemetry?.traceparent(),
  };
}

async function duplicate(engine: Engine, event: AnyWebhookEvent): Promise<WebhookResponse> {
  engine.telemetry?.note({ outcome: "duplicate" });
  const { listeners, reporter, protocol } = engine;
  const notice = { protocol: protocol.name, command: event.command, dedupeKey: event.dedupeKey, request: event.request };
  if (listeners.duplicate.length === 0) reporter.duplicate(event.command, event.dedupeKey);
  for (const handler of listeners.duplicate) {
    try {
      await handler(notice);
    } catch (cause) {
      engine.options.logger.error(`tencent-webhooks: an onDuplicate handler threw: ${String(cause)}`);
    }
  }
  return protocol.ok();
}

export function runAll(engine: Engine, event: AnyWebhookEvent, report: Report, timeoutMs: number) {
  const own = engine.listeners.byCommand.get(event.command) ?? [];
  return runHandlers([...own, ...engine.listeners.any], own.length, timeoutMs, event, (rejection, cause) =>
    engine.reporter.emit(rejection, cause === undefined ? report : { ...report, cause }),
  );
}

async function decideInline(engine: Engine, event: AnyWebhookEvent, definition: CommandInfo, report: Report): Promise<WebhookResponse> {
  const { protocol, options } = engine;
  const run = await runAll(engine, event, report, options.decisionTimeoutMs);
  if (run.failure) {
    // Answer as Tencent would without a reply (messages go ahead, gifts do not), unless the user chose.
    const answer = options.onDecisionFailure[definition.command] ?? definition.onTimeout ?? "block";
    return answer === "allow" ? protocol.decide!(definition, []) : protocol.refuse(run.failure);
  }
  try {
    return protocol.decide!(definition, run.results);
  } catch (error) {
    const rejection = error as ReturnType<typeof reject>;
    await engine.reporter.emit(rejection, report);
    return protocol.refuse(rejection);
  }
}
