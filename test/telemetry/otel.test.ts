/**
 * `telemetry: true` through the OpenTelemetry SDK's in-memory exporters: a span per callback
 * (accepted, refused, duplicate), the worker's spans per attempt linked to the receiver's span
 * (failed, then retried and handled), and the documented metrics.
 */
import { context, metrics, SpanKind, SpanStatusCode, trace } from "@opentelemetry/api";
import { AsyncLocalStorageContextManager } from "@opentelemetry/context-async-hooks";
import { AggregationTemporality, InMemoryMetricExporter, MeterProvider, PeriodicExportingMetricReader, type DataPoint } from "@opentelemetry/sdk-metrics";
import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor, type ReadableSpan } from "@opentelemetry/sdk-trace-base";
import { beforeEach, describe, expect, it } from "vitest";
import { createDispatcher, createTrtcDispatcher, memoryQueue } from "../../src/index.js";
import { signedRequest, trtcRequest } from "../../src/testing/index.js";
import { APP_ID, SILENT_LOGGER, TOKEN } from "../support/fixtures.js";

// The app's side: an SDK registered before the dispatchers are created.
context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
const spans = new InMemorySpanExporter();
trace.setGlobalTracerProvider(new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(spans)] }));
const reader = new PeriodicExportingMetricReader({ exporter: new InMemoryMetricExporter(AggregationTemporality.CUMULATIVE), exportIntervalMillis: 3_600_000 });
metrics.setGlobalMeterProvider(new MeterProvider({ readers: [reader] }));

const COMMAND = "Live.CallbackAfterDestroyRoom";
const request = (token = TOKEN) => signedRequest(COMMAND, { sdkAppId: APP_ID, token });

/** The data points of one metric, by name. */
async function points(name: string): Promise<DataPoint<unknown>[]> {
  const { resourceMetrics } = await reader.collect();
  return resourceMetrics.scopeMetrics.flatMap((scope) =>
    scope.metrics.filter((metric) => metric.descriptor.name === name).flatMap((metric) => metric.dataPoints as DataPoint<unknown>[]),
  );
}
async function sum(name: string, attributes: Record<string, unknown>): Promise<number> {
  return (await points(name))
    .filter((point) => Object.entries(attributes).every(([key, value]) => point.attributes[key] === value))
    .reduce((total, point) => total + Number(point.value), 0);
}
const finished = (name: string) => spans.getFinishedSpans().filter((span) => span.name === name);

beforeEach(() => spans.reset());

describe("telemetry: true", () => {
  it("accepted: one receive span with protocol, command, outcome, dedupe key hash and attempt; callbacks and handler duration counted", async () => {
    const webhooks = createDispatcher({ sdkAppId: APP_ID, token: TOKEN, telemetry: true, logger: SILENT_LOGGER });
    let inside: string | undefined;
    webhooks.on(COMMAND, () => {
      inside = trace.getActiveSpan()?.spanContext().traceId;
    });
    const before = await sum("tencent_webhooks.callbacks", { "tencent_webhooks.command": COMMAND, "tencent_webhooks.outcome": "accepted" });
    expect((await webhooks.handle(request())).status).toBe(200);
    const [span] = finished("callback callback receive");
    expect(span).toBeDefined();
    expect(span!.kind).toBe(SpanKind.SERVER);
    expect(span!.attributes).toMatchObject({
      "tencent_webhooks.protocol": "callback",
      "tencent_webhooks.command": COMMAND,
      "tencent_webhooks.outcome": "accepted",
      "tencent_webhooks.attempt": 1,
      "http.response.status_code": 200,
    });
    expect(span!.attributes["tencent_webhooks.dedupe_key.hash"]).toMatch(/^[0-9a-f]{16}$/);
    // The handler ran inside the callback's span: its own spans are children of it.
    expect(inside).toBe(span!.spanContext().traceId);
    expect(await sum("tencent_webhooks.callbacks", { "tencent_webhooks.command": COMMAND, "tencent_webhooks.outcome": "accepted" })).toBe(before + 1);
    const durations = (await points("tencent_webhooks.handler.duration")).filter((point) => point.attributes["tencent_webhooks.command"] === COMMAND);
    expect(durations.reduce((total, point) => total + (point.value as { count: number }).count, 0)).toBeGreaterThanOrEqual(1);
  });

  it("refused: the span says why (error.type, status ERROR) and refusals are counted by reason", async () => {
    const webhooks = createDispatcher({ sdkAppId: APP_ID, token: TOKEN, telemetry: true, logger: SILENT_LOGGER });
    const before = await sum("tencent_webhooks.refusals", { "tencent_webhooks.reason": "signature_invalid" });
    expect((await webhooks.handle(request("not-the-token"))).status).toBe(401);
    const [span] = finished("callback callback receive");
    expect(span!.attributes).toMatchObject({
      "tencent_webhooks.outcome": "refused",
      "tencent_webhooks.reason": "signature_invalid",
      "error.type": "signature_invalid",
    });
    expect(span!.status.code).toBe(SpanStatusCode.ERROR);
    expect(await sum("tencent_webhooks.refusals", { "tencent_webhooks.protocol": "callback", "tencent_webhooks.reason": "signature_invalid" })).toBe(
      before + 1,
    );
  });

  it("duplicate: outcome duplicate on the span and in the counters", async () => {
    const queue = memoryQueue();
    const webhooks = createDispatcher({ sdkAppId: APP_ID, token: TOKEN, telemetry: true, logger: SILENT_LOGGER, dedupe: queue.dedupe });
    webhooks.on(COMMAND, () => undefined);
    const before = await sum("tencent_webhooks.duplicates", { "tencent_webhooks.command": COMMAND });
    await webhooks.handle(request());
    await webhooks.handle(request());
    expect(finished("callback callback receive").map((span) => span.attributes["tencent_webhooks.outcome"])).toEqual(["accepted", "duplicate"]);
    expect(await sum("tencent_webhooks.duplicates", { "tencent_webhooks.protocol": "callback", "tencent_webhooks.command": COMMAND })).toBe(before + 1);
  });

  it("quarantined: an authenticated callback that fails its schema is counted and its span says so", async () => {
    const webhooks = createDispatcher({ sdkAppId: APP_ID, token: TOKEN, telemetry: true, logger: SILENT_LOGGER });
    const seen: string[] = [];
    webhooks.onInvalid((invalid) => void seen.push(invalid.command));
    const before = await sum("tencent_webhooks.quarantined", { "tencent_webhooks.command": COMMAND });
    const body = `{"CallbackCommand":"${COMMAND}","RoomId":"r1","RoomInfo":{"MaxMemberCount":"many"}}`;
    expect((await webhooks.handle(signedRequest(COMMAND, body as never, { sdkAppId: APP_ID, token: TOKEN }))).status).toBe(200);
    expect(seen).toEqual([COMMAND]);
    expect(finished("callback callback receive").map((span) => span.attributes["tencent_webhooks.outcome"])).toEqual(["quarantined"]);
    expect(await sum("tencent_webhooks.quarantined", { "tencent_webhooks.protocol": "callback", "tencent_webhooks.command": COMMAND })).toBe(before + 1);
  });

  it("failed, then retried: a worker span per attempt, each linked to the receiver's span, the failure's reason and exception recorded", async () => {
    const queue = memoryQueue({ backoff: { delayMs: 5 } });
    const webhooks = createTrtcDispatcher({ sdkAppId: APP_ID, key: "otel-key", telemetry: true, logger: SILENT_LOGGER, queue });
    let calls = 0;
    webhooks.on("EnterRoom", () => {
      if (++calls === 1) throw new Error("first attempt fails");
    });
    expect((await webhooks.handle(trtcRequest("EnterRoom", { sdkAppId: APP_ID, key: "otel-key" }))).status).toBe(200);
    const worker = queue.work(webhooks);
    await queue.idle();
    await worker.close();
    const [received] = finished("trtc callback receive");
    expect(received!.attributes["tencent_webhooks.outcome"]).toBe("accepted");
    const processed = finished("trtc callback process") as ReadableSpan[];
    expect(processed.map((span) => [span.attributes["tencent_webhooks.attempt"], span.attributes["tencent_webhooks.outcome"]])).toEqual([
      [1, "failed"],
      [2, "handled"],
    ]);
    for (const span of processed) {
      expect(span.kind).toBe(SpanKind.CONSUMER);
      expect(span.links.map((link) => link.context.spanId)).toEqual([received!.spanContext().spanId]);
      expect(span.links[0]!.context.traceId).toBe(received!.spanContext().traceId);
      expect(span.attributes["tencent_webhooks.dedupe_key.hash"]).toBe(received!.attributes["tencent_webhooks.dedupe_key.hash"]);
    }
    expect(processed[0]!.status.code).toBe(SpanStatusCode.ERROR);
    expect(processed[0]!.attributes["error.type"]).toBe("handler_failed");
    expect(processed[0]!.events.some((event) => event.name === "exception")).toBe(true);
    expect(await sum("tencent_webhooks.callbacks", { "tencent_webhooks.protocol": "trtc", "tencent_webhooks.outcome": "failed" })).toBe(1);
    expect(await sum("tencent_webhooks.callbacks", { "tencent_webhooks.protocol": "trtc", "tencent_webhooks.outcome": "handled" })).toBe(1);
  });

  it("queue backlog: the waiting callbacks of the dispatcher's queue", async () => {
    const queue = memoryQueue();
    const webhooks = createDispatcher({ sdkAppId: APP_ID, token: TOKEN, telemetry: true, logger: SILENT_LOGGER, queue });
    await webhooks.handle(request());
    await webhooks.handle(signedRequest("Room.CallbackAfterDestroyRoom", { sdkAppId: APP_ID, token: TOKEN }));
    const backlog = (await points("tencent_webhooks.queue.backlog")).map((point) => point.value);
    expect(backlog).toContain(2);
    await queue.close();
  });

  it("refuses a telemetry option that is not a boolean, at start-up", () => {
    expect(() => createDispatcher({ sdkAppId: APP_ID, telemetry: "yes" as never })).toThrow(/`telemetry` must be true or false/);
  });
});
