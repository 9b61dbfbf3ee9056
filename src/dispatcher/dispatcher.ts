import type { DeliveryAttempt, QueuedCallback } from "../delivery/contract.js";
import { reject, type WebhookResponse } from "../errors.js";
import { parseJsonObject } from "../json/parse.js";
import { resolveOptions } from "../options.js";
import { accept } from "../pipeline/accept.js";
import { safeStringify } from "../pipeline/body-text.js";
import { precisionLostMessage, unsafeIntegerPath } from "../pipeline/precision.js";
import { deliverJob } from "../pipeline/deliver.js";
import type { Engine } from "../pipeline/engine.js";
import { handleRequest, refuse } from "../pipeline/handle.js";
import { replayRequest } from "../pipeline/replay.js";
import { ErrorReporter, type Report } from "../pipeline/report.js";
import { isSigned, type Apps } from "../protocols/callback/apps.js";
import type { Protocol } from "../protocols/types.js";
import type {
  AnyHandler,
  DispatchMeta,
  Dispatcher,
  DuplicateHandler,
  ErrorHandler,
  InvalidHandler,
  ProtocolTypes,
  ReceivedRequest,
  ResolvedPublicOptions,
  WebhookRequest,
} from "../types.js";
import { createTelemetry } from "../telemetry/telemetry.js";
import { Listeners } from "./listeners.js";

/** One dispatcher, whatever the protocol: listeners plus the shared pipeline. */
export class ProtocolDispatcher<S> implements Dispatcher<ProtocolTypes> {
  readonly #engine: Engine<S>;
  readonly options: ResolvedPublicOptions;

  constructor(protocol: Protocol<S>, options: Record<string, unknown>, factory: string) {
    const resolved = resolveOptions(options, protocol.optionKeys, factory);
    const settings = protocol.settings(options);
    for (const command of Object.keys(resolved.onDecisionFailure)) {
      if (protocol.catalogue.byName.get(command)?.kind !== "before") {
        throw new TypeError(`tencent-webhooks: \`onDecisionFailure\` names ${JSON.stringify(command)}, which is not a "before" command of ${factory}()`);
      }
    }
    const listeners = new Listeners(protocol.catalogue, protocol.name);
    const reporter = new ErrorReporter(listeners.error, resolved.logger, protocol.name, resolved.now);
    this.#engine = { protocol, settings, options: resolved, listeners, reporter };
    if (options.telemetry !== undefined && typeof options.telemetry !== "boolean") throw new TypeError("tencent-webhooks: `telemetry` must be true or false");
    if (options.telemetry) this.#engine.telemetry = createTelemetry(protocol.name, (command) => protocol.catalogue.byName.has(command), resolved.queue);
    this.options = Object.freeze({ protocol: protocol.name, ...publicOptions(resolved), ...describeSettings(settings) });
  }

  on(command: unknown, handler: unknown): this {
    this.#engine.listeners.on(command, handler);
    return this;
  }

  onAny(handler: AnyHandler): this {
    this.#engine.listeners.add("any", handler);
    return this;
  }

  onError(handler: ErrorHandler): this {
    this.#engine.listeners.add("error", handler);
    return this;
  }

  onDuplicate(handler: DuplicateHandler): this {
    this.#engine.listeners.add("duplicate", handler);
    return this;
  }

  onInvalid(handler: InvalidHandler): this {
    this.#engine.listeners.add("invalid", handler);
    return this;
  }

  removeListener(command: unknown, handler: (...args: never[]) => unknown): this {
    this.#engine.listeners.remove(command, handler);
    return this;
  }

  handle(request: WebhookRequest): Promise<WebhookResponse> {
    const { telemetry } = this.#engine;
    return telemetry ? telemetry.receive(() => handleRequest(this.#engine as Engine, request)) : handleRequest(this.#engine as Engine, request);
  }

  replay(request: ReceivedRequest): Promise<WebhookResponse> {
    const { telemetry } = this.#engine;
    return telemetry ? telemetry.receive(() => replayRequest(this.#engine as Engine, request)) : replayRequest(this.#engine as Engine, request);
  }

  async dispatch(payload: unknown, meta: DispatchMeta = {}): Promise<WebhookResponse> {
    const engine = this.#engine as Engine;
    const text = typeof payload === "string" ? payload : safeStringify(payload);
    const rawBody = meta.rawBody ?? text;
    const report: Report = { request: meta.request ?? { method: "POST", url: "", query: {}, headers: {}, rawBody, rawBodyExact: typeof payload === "string" } };
    try {
      const identity = engine.protocol.trusted(meta, engine.settings);
      if (text === "") throw reject("invalid_body", "Body must be a JSON object");
      // An object someone parsed with JSON.parse may hold a rounded 64-bit ID: never dispatch it.
      const rounded = typeof payload === "string" ? undefined : unsafeIntegerPath(payload);
      if (rounded !== undefined) throw reject("precision_lost", precisionLostMessage(rounded, undefined));
      // Objects go through their JSON text too: the same checks, and the caller's object is never mutated.
      return await accept(engine, parseJsonObject(text), report, identity);
    } catch (error) {
      return refuse(engine, error, report);
    }
  }

  deliver(job: QueuedCallback, attempt: DeliveryAttempt): Promise<void> {
    const { telemetry } = this.#engine;
    return telemetry
      ? telemetry.deliver(job, attempt, () => deliverJob(this.#engine as Engine, job, attempt))
      : deliverJob(this.#engine as Engine, job, attempt);
  }
}

function publicOptions(resolved: ReturnType<typeof resolveOptions>) {
  const { maxBodyBytes, bodyTimeoutMs, handlerTimeoutMs, decisionTimeoutMs, unknownCommands, invalidPayloads, queue } = resolved;
  return { maxBodyBytes, bodyTimeoutMs, handlerTimeoutMs, decisionTimeoutMs, unknownCommands, invalidPayloads, queued: queue !== undefined };
}

/** What adapters and users may read of a protocol's settings: never a token or a key. */
function describeSettings(settings: unknown): Pick<ResolvedPublicOptions, "signed" | "sdkAppId" | "sdkAppIds" | "signatureToleranceSeconds"> {
  const {
    apps,
    keys,
    signatureToleranceSeconds = 0,
    sdkAppIds: ids,
  } = settings as {
    apps?: Apps;
    keys?: readonly string[];
    sdkAppIds?: readonly string[];
    signatureToleranceSeconds?: number;
  };
  const sdkAppIds = apps ? [...apps.keys()] : (ids ?? []);
  const signed = apps ? [...apps.values()].some(isSigned) : (keys?.length ?? 0) > 0;
  return { signed, sdkAppId: sdkAppIds[0] ?? "", sdkAppIds, signatureToleranceSeconds };
}
