/**
 * An authenticated callback whose payload fails its schema is real: refusing it would lose it
 * (Chat never retries) or make TRTC/CSS retry something that cannot pass. It is quarantined:
 * handed to `onInvalid` (never to typed handlers), or logged with its body when nobody listens.
 */
import { reject, type Rejection } from "../errors.js";
import type { Identity } from "../protocols/types.js";
import type { AnyWebhookEvent, InvalidPayloadEvent } from "../types.js";
import type { Engine } from "./engine.js";
import type { Report } from "./report.js";
import { runHandlers, type HandlerRun } from "./run-handlers.js";
import { describeSchemaErrors, type SchemaError } from "./validate.js";

export function schemaRejection(command: string, schemaErrors: readonly SchemaError[]): Rejection {
  return reject("schema_invalid", `Payload does not match the ${command} schema: ${describeSchemaErrors(schemaErrors)}`);
}

/**
 * Quarantined only when it was authenticated (a token or key is configured and matched): without
 * one, anybody could fill the quarantine, so it is refused 400 as before.
 */
export function quarantines(engine: Engine, identity: Identity): boolean {
  return engine.options.invalidPayloads === "quarantine" && identity.keyIndex !== undefined;
}

/**
 * Runs the `onInvalid` listeners (a failure reaches `onError` and fails the run, as a handler's
 * would). With none, one line per callback — never rate-limited: without a queue it is the only
 * copy of the body; in a worker the job itself stays in the dead-letter set.
 */
export function runInvalid(
  engine: Engine,
  event: AnyWebhookEvent,
  schemaErrors: SchemaError[],
  report: Report,
  timeoutMs: number,
  inWorker = false,
): HandlerRun | Promise<HandlerRun> {
  const { listeners, reporter, protocol } = engine;
  engine.telemetry?.note({ outcome: "quarantined" });
  const invalid: InvalidPayloadEvent = {
    reason: "schema_invalid",
    protocol: protocol.name,
    command: event.command,
    payload: event.payload,
    schemaErrors,
    request: event.request,
    dedupeKey: event.dedupeKey,
    attempt: event.attempt,
  };
  if (listeners.invalid.length === 0) {
    reporter.quarantined(event.command, schemaErrors, inWorker ? undefined : event.rawBody);
    return { results: [] };
  }
  return runHandlers(listeners.invalid, 0, timeoutMs, invalid, (rejection, cause) => reporter.emit(rejection, { ...report, cause }));
}
