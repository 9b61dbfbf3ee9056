/**
 * `redisQueue({ telemetry: new BullMQOtel(…) })` (and `postgresQueue`) hands BullMQ's own tracing to
 * its Queue and Workers, on a real redis-server and a real PostgreSQL: a callback accepted by the dispatcher produces BullMQ's producer
 * span (`add <queue>.<job>`, a child of the dispatcher's receive span) and its consumer span
 * (`process <queue>`) in the app's SDK, the consumer in the producer's trace. A value that is not BullMQ's Telemetry fails at start-up.
 */
import { randomUUID } from "node:crypto";
import { context, propagation, SpanKind, trace } from "@opentelemetry/api";
import { AsyncLocalStorageContextManager } from "@opentelemetry/context-async-hooks";
import { W3CTraceContextPropagator } from "@opentelemetry/core";
import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor } from "@opentelemetry/sdk-trace-base";
import { BullMQOtel } from "bullmq-otel";
import { afterAll, describe, expect, it } from "vitest";
import type { WebhookQueue } from "../../src/delivery/contract.js";
import { postgresQueue, redisQueue } from "../../src/delivery/queue.js";
import { createDispatcher } from "../../src/index.js";
import { signedRequest } from "../../src/testing/index.js";
import { APP_ID, SILENT_LOGGER, TOKEN } from "../support/fixtures.js";
import { postgresForSuite } from "../support/postgres.js";
import { redisForSuite } from "../support/redis.js";

// The app's side, as @opentelemetry/sdk-node sets it up: context, W3C propagation (BullMQ carries the
// producer's context in the job with it), a tracer provider.
context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
propagation.setGlobalPropagator(new W3CTraceContextPropagator());
const spans = new InMemorySpanExporter();
trace.setGlobalTracerProvider(new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(spans)] }));

const SUITE = "test/telemetry/bullmq-otel.test.ts";
const redis = await redisForSuite(`${SUITE} (Redis)`);
const postgres = await postgresForSuite(`${SUITE} (PostgreSQL)`);
afterAll(async () => {
  await redis?.stop();
  await postgres?.stop();
});

const engines: { engine: string; url: string | undefined; make: (url: string, name: string, telemetry: BullMQOtel) => WebhookQueue }[] = [
  { engine: "redisQueue", url: redis?.url, make: (connection, name, telemetry) => redisQueue({ connection, name, telemetry }) },
  {
    engine: "postgresQueue",
    url: postgres?.url,
    make: (connectionString, name, telemetry) => postgresQueue({ connectionString, name, telemetry, onConnectionError: () => undefined }),
  },
];

describe.each(engines)("BullMQ's own telemetry on $engine", ({ url, make }) => {
  it.skipIf(!url)("a queued callback: BullMQ's add and process spans, one trace", async () => {
    const name = `otel-${randomUUID()}`;
    const queue = make(url!, name, new BullMQOtel({ tracerName: "tencent-webhooks-test" }));
    const webhooks = createDispatcher({ sdkAppId: APP_ID, token: TOKEN, queue, logger: SILENT_LOGGER, telemetry: true });
    const handled: string[] = [];
    webhooks.on("Live.CallbackAfterDestroyRoom", (event) => void handled.push(event.payload.RoomId));
    const worker = queue.work(webhooks);
    spans.reset();
    try {
      const response = await webhooks.handle(signedRequest("Live.CallbackAfterDestroyRoom", { sdkAppId: APP_ID, token: TOKEN }));
      expect(response.status).toBe(200);
      await expect.poll(() => handled.length, { timeout: 10_000 }).toBe(1);
      await expect.poll(() => spans.getFinishedSpans().some((span) => span.name === `process ${name}`), { timeout: 10_000 }).toBe(true);
    } finally {
      await worker.close();
      await queue.close();
    }
    const finished = spans.getFinishedSpans();
    const add = finished.find((span) => span.name.startsWith(`add ${name}.`));
    const processed = finished.find((span) => span.name === `process ${name}`);
    const received = finished.find((span) => span.name === "callback callback receive");
    expect(add?.kind).toBe(SpanKind.PRODUCER);
    expect(processed?.kind).toBe(SpanKind.CONSUMER);
    // The dispatcher's receive span is the parent of BullMQ's add.
    expect(add?.parentSpanContext?.spanId).toBe(received?.spanContext().spanId);
    // BullMQ propagates the producer's context in the job: the worker's span continues its trace.
    expect(processed?.spanContext().traceId).toBe(add?.spanContext().traceId);
  });
});

describe("the telemetry option", () => {
  it("refuses what is not BullMQ's Telemetry, at start-up", () => {
    // @ts-expect-error: a tracer alone is not BullMQ's Telemetry
    expect(() => redisQueue({ connection: "redis://127.0.0.1:1", telemetry: { tracer: trace.getTracer("x") } })).toThrow(/BullMQOtel/);
    // @ts-expect-error: not an object
    expect(() => redisQueue({ connection: "redis://127.0.0.1:1", telemetry: true })).toThrow(/must be BullMQ's Telemetry/);
  });
});
