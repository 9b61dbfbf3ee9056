/**
 * From a parsed, authenticated payload on: command and schema (prepare), then the handlers
 * (inline), or the dedupe claim and the durable write (queued). "before" commands are always
 * decided inline. A payload that fails its schema is quarantined when it was authenticated.
 */
import type { CommandInfo } from "../../schemas/define.js";
import type { QueuedCallback } from "../delivery/contract.js";
import { reject, type WebhookResponse } from "../errors.js";
import type { Identity } from "../protocols/types.js";
import type { AnyWebhookEvent } from "../types.js";
import type { Engine } from "./engine.js";
import { prepare } from "./prepare.js";
import { quarantines, runInvalid, schemaRejection } from "./quarantine.js";
import type { Report } from "./report.js";
import { runHandlers } from "./run-handlers.js";
import { isThenable } from "./settles-within.js";
import type { SchemaError } from "./validate.js";

export async function accept(engine: Engine, payload: Record<string, unknown>, report: Report, identity: Identity): Promise<WebhookResponse> {
  const prepared = prepare(engine, payload, report, identity);
  const { event, definition, schemaErrors } = isThenable(prepared) ? await prepared : prepared;
  if (schemaErrors && !quarantines(engine, identity)) throw schemaRejection(event.command, schemaErrors);
  const { options, protocol } = engine;
  engine.telemetry?.note({ command: event.command, dedupeKey: event.dedupeKey });
  if (definition?.kind === "before") return decideInline(engine, event, definition, report, schemaErrors);
  const once = options.queue?.claimAndEnqueue;
  if (once) {
    // The claim and the write in one step: a refused callback leaves no claim behind.
    let written: boolean;
    try {
      written = await once.call(options.queue, queuedCallback(engine, event, report, schemaErrors), options.dedupeTtlSeconds);
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
      await options.queue.enqueue(queuedCallback(engine, event, report, schemaErrors));
    } catch (cause) {
      await store?.release(event.dedupeKey).catch(() => undefined);
      report.cause = cause;
      throw reject("queue_unavailable", "The queue could not take the callback; it was not accepted");
    }
    return protocol.ok();
  }
  const running = schemaErrors
    ? runInvalid(engine, event, schemaErrors, report, options.handlerTimeoutMs)
    : runAll(engine, event, report, options.handlerTimeoutMs);
  const run = isThenable(running) ? await running : running;
  if (run.failure) {
    engine.telemetry?.note({ reason: run.failure.data!.reason });
    // Not handled: let Tencent's retry (TRTC, CSS) through rather than take it for a duplicate.
    await store?.release(event.dedupeKey).catch(() => undefined);
    return protocol.refuse(run.failure);
  }
  return protocol.ok();
}

/** The job a queue keeps for an accepted (or quarantined) callback. */
function queuedCallback(engine: Engine, event: AnyWebhookEvent, report: Report, schemaErrors: SchemaError[] | undefined): QueuedCallback {
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
    // The worker validates it again (a newer package may accept it), else dead-letters it at once.
    ...(schemaErrors ? { invalid: { reason: "schema_invalid" as const, schemaErrors } } : {}),
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

/** The command's own handlers, then `onAny`; a callback nobody listens to is logged once per command. */
export function runAll(engine: Engine, event: AnyWebhookEvent, report: Report, timeoutMs: number) {
  const { listeners, reporter } = engine;
  const own = listeners.byCommand.get(event.command) ?? [];
  if (own.length === 0 && listeners.any.length === 0 && !listeners.unheard.has(event.command)) {
    listeners.unheard.add(event.command);
    reporter.unheard(event.command);
  }
  return runHandlers([...own, ...listeners.any], own.length, timeoutMs, event, (rejection, cause) =>
    reporter.emit(rejection, cause === undefined ? report : { ...report, cause }),
  );
}

/**
 * A "before" callback: the handlers' decision. When they fail, or the payload failed its schema
 * (quarantined: `onInvalid` runs, typed handlers do not), the answer is what Tencent itself does
 * without a reply (messages go ahead, gifts do not), unless `onDecisionFailure` says otherwise.
 */
async function decideInline(
  engine: Engine,
  event: AnyWebhookEvent,
  definition: CommandInfo,
  report: Report,
  schemaErrors: SchemaError[] | undefined,
): Promise<WebhookResponse> {
  const { protocol, options } = engine;
  const run = await (schemaErrors
    ? runInvalid(engine, event, schemaErrors, report, options.decisionTimeoutMs)
    : runAll(engine, event, report, options.decisionTimeoutMs));
  const failure = run.failure ?? (schemaErrors && schemaRejection(event.command, schemaErrors));
  if (failure) {
    const answer = options.onDecisionFailure[definition.command] ?? definition.onTimeout ?? "block";
    return answer === "allow" ? protocol.decide!(definition, []) : protocol.refuse(failure);
  }
  try {
    return protocol.decide!(definition, run.results);
  } catch (error) {
    const rejection = error as ReturnType<typeof reject>;
    await engine.reporter.emit(rejection, report);
    return protocol.refuse(rejection);
  }
}
