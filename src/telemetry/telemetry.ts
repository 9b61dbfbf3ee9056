/**
 * OpenTelemetry for one dispatcher (`createDispatcher({ …, telemetry: true })`): a span per
 * callback received and per delivery in a worker (linked to the receiver's span through the
 * job's `traceparent`), and the metrics in instruments.ts. `@opentelemetry/api` is an optional
 * peer dependency loaded here on first use, never by the main entry: without an SDK registered
 * by the app, every call is a no-op.
 */
import type * as OtelApi from "@opentelemetry/api";
import type { DeliveryAttempt, QueuedCallback, WebhookQueue } from "../delivery/contract.js";
import type { WebhookResponse } from "../errors.js";
import { sha256Hex } from "../crypto.js";
import { instruments, type Instruments } from "./instruments.js";
import { spanContextOf, traceparentOf } from "./traceparent.js";

/** What the pipeline learns about the callback in hand, noted as it goes. */
export interface Note {
  command?: string | undefined;
  dedupeKey?: string | undefined;
  outcome?: "duplicate" | "quarantined" | undefined;
  reason?: string | undefined;
}

export interface Telemetry {
  /** Runs one received request inside its span; records its outcome. */
  receive(run: () => Promise<WebhookResponse>): Promise<WebhookResponse>;
  /** Runs one delivery in a worker inside its span (linked to the receiver's); records the handlers' duration. */
  deliver(job: QueuedCallback, attempt: DeliveryAttempt, run: () => Promise<void>): Promise<void>;
  /** Adds what the pipeline learned to the callback in hand (no-op outside `receive`). */
  note(note: Note): void;
  /** The `traceparent` of the callback in hand, for its job. */
  traceparent(): string | undefined;
}

type Api = typeof OtelApi;
const SCOPE = "tencent-webhooks";

export function createTelemetry(protocol: string, known: (command: string) => boolean, queue: WebhookQueue | undefined): Telemetry {
  let api: Api | undefined;
  let metrics: Instruments | undefined;
  let loadError: unknown;
  /** Where the note of the callback in hand lives in its context. */
  let noteKey: symbol | undefined;
  const loading = import("@opentelemetry/api").then(
    (module) => {
      api = module;
      noteKey = module.createContextKey("tencent-webhooks.note");
      metrics = instruments(module.metrics.getMeter(SCOPE));
      if (queue) metrics.backlog.addCallback(async (result) => result.observe((await queue.health()).waiting, { "tencent_webhooks.queue.kind": queue.kind }));
    },
    (error: unknown) => {
      loadError = error;
    },
  );
  const ready = async (): Promise<Api> => {
    if (!api) await loading;
    if (!api) throw new Error(`tencent-webhooks: telemetry: true needs @opentelemetry/api installed (${String(loadError)})`);
    return api;
  };
  const metricCommand = (command: string | undefined) => (command !== undefined && known(command) ? command : command === undefined ? "unknown" : "other");
  const keyHash = (key: string) => {
    const hash = sha256Hex(key);
    return typeof hash === "string" ? hash.slice(0, 16) : undefined;
  };

  return {
    async receive(run) {
      const otel = await ready();
      const started = performance.now();
      const state: Note = {};
      const span = otel.trace
        .getTracer(SCOPE)
        .startSpan(`${protocol} callback receive`, { kind: otel.SpanKind.SERVER, attributes: { "tencent_webhooks.protocol": protocol } });
      const context = otel.trace.setSpan(otel.context.active(), span).setValue(noteKey!, state);
      let response: WebhookResponse | undefined;
      try {
        response = await otel.context.with(context, run);
        return response;
      } finally {
        const status = response?.status ?? 500;
        const outcome = state.outcome ?? (status === 200 ? "accepted" : "refused");
        const command = metricCommand(state.command);
        span.setAttributes({
          "tencent_webhooks.outcome": outcome,
          ...(state.command === undefined ? {} : { "tencent_webhooks.command": state.command }),
          ...(state.reason === undefined ? {} : { "tencent_webhooks.reason": state.reason, "error.type": state.reason }),
          ...(state.dedupeKey === undefined ? {} : { "tencent_webhooks.dedupe_key.hash": keyHash(state.dedupeKey) }),
          "tencent_webhooks.attempt": 1,
          "http.response.status_code": status,
        });
        if (outcome === "refused") span.setStatus({ code: otel.SpanStatusCode.ERROR, message: state.reason ?? "refused" });
        span.end();
        metrics!.callbacks.add(1, { "tencent_webhooks.protocol": protocol, "tencent_webhooks.command": command, "tencent_webhooks.outcome": outcome });
        if (outcome === "refused") metrics!.refusals.add(1, { "tencent_webhooks.protocol": protocol, "tencent_webhooks.reason": state.reason ?? "unknown" });
        if (outcome === "duplicate") metrics!.duplicates.add(1, { "tencent_webhooks.protocol": protocol, "tencent_webhooks.command": command });
        if (outcome === "quarantined") metrics!.quarantined.add(1, { "tencent_webhooks.protocol": protocol, "tencent_webhooks.command": command });
        // Inline, the handlers ran inside this request (queued, they run in a worker: see deliver).
        if (!queue && (outcome === "accepted" || state.reason?.startsWith("handler_"))) {
          metrics!.handlerDuration.record((performance.now() - started) / 1000, {
            "tencent_webhooks.protocol": protocol,
            "tencent_webhooks.command": command,
            "tencent_webhooks.outcome": outcome,
          });
        }
      }
    },

    async deliver(job, attempt, run) {
      const otel = await ready();
      const link = spanContextOf(job.traceparent);
      const span = otel.trace.getTracer(SCOPE).startSpan(`${protocol} callback process`, {
        kind: otel.SpanKind.CONSUMER,
        links: link ? [{ context: link }] : [],
        attributes: {
          "tencent_webhooks.protocol": protocol,
          "tencent_webhooks.command": job.command,
          "tencent_webhooks.attempt": attempt.attempt,
          "tencent_webhooks.dedupe_key.hash": keyHash(job.dedupeKey),
          "messaging.operation.type": "process",
          "messaging.message.id": attempt.jobId,
        },
      });
      const started = performance.now();
      let outcome = "handled";
      try {
        await otel.context.with(otel.trace.setSpan(otel.context.active(), span), run);
      } catch (error) {
        outcome = "failed";
        const reason = (error as { reason?: unknown } | null)?.reason;
        const type = typeof reason === "string" ? reason : "handler_failed";
        span.setAttributes({ "tencent_webhooks.reason": type, "error.type": type });
        span.recordException(((error as { cause?: unknown }).cause ?? error) as Error);
        span.setStatus({ code: otel.SpanStatusCode.ERROR, message: error instanceof Error ? error.message : String(error) });
        throw error;
      } finally {
        span.setAttribute("tencent_webhooks.outcome", outcome);
        span.end();
        const attributes = {
          "tencent_webhooks.protocol": protocol,
          "tencent_webhooks.command": metricCommand(job.command),
          "tencent_webhooks.outcome": outcome,
        };
        metrics!.handlerDuration.record((performance.now() - started) / 1000, attributes);
        metrics!.callbacks.add(1, attributes);
      }
    },

    note(note) {
      if (!api || !noteKey) return;
      const state = api.context.active().getValue(noteKey) as Note | undefined;
      if (!state) return;
      for (const [key, value] of Object.entries(note)) if (value !== undefined) (state as Record<string, unknown>)[key] = value;
    },

    traceparent() {
      const span = api?.trace.getActiveSpan();
      return span ? traceparentOf(span.spanContext()) : undefined;
    },
  };
}
