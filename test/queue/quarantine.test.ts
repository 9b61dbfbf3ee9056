/**
 * Quarantine, queued: an authenticated callback whose payload fails its schema is answered 200,
 * written to the queue marked invalid, and the worker — validating again — dead-letters it at once
 * (no retries) with reason `schema_invalid` after running `onInvalid`. After an upgrade of the
 * package (a copy of the repository whose schema accepts the payload, regenerated, imported with
 * tsx) `replay(id)` delivers it to the typed handler. On memoryQueue and on a real redis-server.
 */
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { WebhookQueue } from "../../src/delivery/contract.js";
import { redisQueue } from "../../src/delivery/queue.js";
import { createDispatcher, memoryQueue, type AnyWebhookEvent, type InvalidPayloadEvent } from "../../src/index.js";
import { APP_ID, CALLBACK_PATH, NOW_MS, SILENT_LOGGER, TOKEN, sampleOf, tencentQuery } from "../support/fixtures.js";
import { startRedis } from "../support/redis.js";
import { upgradedPackage, type Upgraded } from "../support/upgraded.js";
import { waitFor } from "./support.js";

const COMMAND = "Live.CallbackAfterDestroyRoom";
/** A value a later page could document ("unlimited"): today's schema wants an integer. */
const DRIFTED = sampleOf(COMMAND).replace('"MaxMemberCount": 400', '"MaxMemberCount": "unlimited"');
const redis = await startRedis();

let upgraded: Upgraded;
beforeAll(async () => {
  upgraded = await upgradedPackage([
    { file: "schemas/live/live-after-destroy-room.ts", from: 'MaxMemberCount: { type: "integer" },', to: 'MaxMemberCount: { type: ["integer", "string"] },' },
  ]);
}, 240_000);
afterAll(() => upgraded?.remove());

const engines: [string, () => WebhookQueue & { close(): Promise<void> }][] = [
  ["memoryQueue", () => memoryQueue({ attempts: 3, backoff: { delayMs: 10 } })],
  [
    "redisQueue",
    () =>
      redisQueue({ connection: redis.url, name: `q-${randomUUID()}`, attempts: 3, backoff: { type: "fixed", delay: 10 }, onConnectionError: () => undefined }),
  ],
];

describe.each(engines)("quarantine on %s", (_name, makeQueue) => {
  it("a drifted signed callback: 200, dead-lettered at once as schema_invalid with onInvalid in the worker, delivered by replay after an upgrade", async () => {
    expect(DRIFTED).not.toBe(sampleOf(COMMAND));
    const queue = makeQueue();
    const receiver = createDispatcher({ sdkAppId: APP_ID, token: TOKEN, now: () => NOW_MS, queue, logger: SILENT_LOGGER });
    // Queued, onInvalid runs in the worker: were it run here, its failure would make this a 500.
    receiver.onInvalid(() => {
      throw new Error("the receiver does not run onInvalid for a queued after callback");
    });
    const response = await receiver.handle({
      method: "POST",
      url: `${CALLBACK_PATH}${tencentQuery({ command: COMMAND, sign: true })}`,
      headers: { "content-type": "application/json" },
      body: DRIFTED,
    });
    expect(response).toMatchObject({ status: 200, body: '{"ActionStatus":"OK","ErrorInfo":"","ErrorCode":0}' });

    // Today's package in the worker: onInvalid, no typed handler, a dead letter after one attempt.
    const invalid: InvalidPayloadEvent[] = [];
    const typed: AnyWebhookEvent[] = [];
    const errors: string[] = [];
    const today = createDispatcher({ sdkAppId: APP_ID, token: TOKEN, now: () => NOW_MS, logger: SILENT_LOGGER });
    today.on(COMMAND, (event) => void typed.push(event as unknown as AnyWebhookEvent));
    today.onAny((event) => void typed.push(event));
    today.onInvalid((event) => void invalid.push(event));
    today.onError((error) => void errors.push(error.reason));
    const oldWorker = queue.work(today);
    const [dead] = await waitFor(async () => {
      const failed = await queue.failed();
      return failed.length > 0 && failed;
    });
    await oldWorker.close();
    expect(dead).toMatchObject({
      reason: "schema_invalid",
      attemptsMade: 1,
      job: { command: COMMAND, rawBody: DRIFTED, invalid: { reason: "schema_invalid" } },
    });
    expect(dead!.error).toContain("Payload does not match the Live.CallbackAfterDestroyRoom schema: /RoomInfo/MaxMemberCount must be integer");
    expect(dead!.schemaErrors?.map((error) => error.instancePath)).toEqual(["/RoomInfo/MaxMemberCount"]);
    expect(invalid.map((event) => [event.command, event.attempt, event.request.rawBody])).toEqual([[COMMAND, 1, DRIFTED]]);
    expect(invalid[0]!.schemaErrors.map((error) => error.instancePath)).toEqual(["/RoomInfo/MaxMemberCount"]);
    expect(typed).toEqual([]);
    expect(errors).toEqual([]);

    // The upgraded package in the worker: replay delivers it to the typed handler, exactly once.
    const next = upgraded.package.createDispatcher({ sdkAppId: APP_ID, token: TOKEN, now: () => NOW_MS, logger: SILENT_LOGGER });
    const delivered: unknown[] = [];
    next.on(COMMAND, (event) => void delivered.push(event.payload.RoomInfo?.MaxMemberCount));
    next.onInvalid(() => {
      throw new Error("the upgraded schema accepts it");
    });
    const newWorker = queue.work(next);
    await queue.replay(dead!.id);
    await waitFor(() => delivered.length > 0);
    await waitFor(async () => (await queue.failed()).length === 0);
    await newWorker.close();
    expect(delivered).toEqual(["unlimited"]);
    await queue.close();
  }, 30_000);

  it("a handler failure is retried, then dead-lettered as handler_failed", async () => {
    const queue = makeQueue();
    const receiver = createDispatcher({ sdkAppId: APP_ID, token: TOKEN, now: () => NOW_MS, queue, logger: SILENT_LOGGER });
    await receiver.handle({
      method: "POST",
      url: `${CALLBACK_PATH}${tencentQuery({ command: COMMAND, sign: true })}`,
      headers: { "content-type": "application/json" },
      body: sampleOf(COMMAND),
    });
    const worker = createDispatcher({ sdkAppId: APP_ID, token: TOKEN, now: () => NOW_MS, logger: SILENT_LOGGER });
    worker.on(COMMAND, () => {
      throw new Error("database down");
    });
    const running = queue.work(worker);
    const [dead] = await waitFor(async () => {
      const failed = await queue.failed();
      return failed.length > 0 && failed;
    });
    await running.close();
    expect(dead).toMatchObject({ reason: "handler_failed", attemptsMade: 3 });
    expect(dead!.schemaErrors).toBeUndefined();
    await queue.close();
  }, 30_000);
});

describe("deliver(): what a worker's engine is told", () => {
  const job = (body: string) => ({
    protocol: "callback" as const,
    command: COMMAND,
    dedupeKey: `k-${randomUUID()}`,
    rawBody: body,
    method: "POST",
    url: `${CALLBACK_PATH}${tencentQuery({ command: COMMAND, sign: true })}`,
    headers: {},
    receivedAt: NOW_MS,
    sdkAppId: APP_ID,
    keyIndex: 0,
  });
  const attempt = { attempt: 1, final: false, jobId: "1" };

  it("a handler failure: DeliveryFailure handler_failed, retry, the handler's own error as cause", async () => {
    const worker = createDispatcher({ sdkAppId: APP_ID, token: TOKEN, now: () => NOW_MS, logger: SILENT_LOGGER });
    const thrown = new Error("database down");
    worker.on(COMMAND, () => {
      throw thrown;
    });
    await expect(worker.deliver(job(sampleOf(COMMAND)), attempt)).rejects.toMatchObject({
      name: "DeliveryFailure",
      reason: "handler_failed",
      retry: true,
      cause: thrown,
    });
  });

  it("a payload that fails the schema: DeliveryFailure schema_invalid, no retry, its schema errors", async () => {
    const worker = createDispatcher({ sdkAppId: APP_ID, token: TOKEN, now: () => NOW_MS, logger: SILENT_LOGGER });
    const error = await worker.deliver(job(DRIFTED), attempt).then(
      () => undefined,
      (rejection: unknown) => rejection,
    );
    expect(error).toMatchObject({
      name: "DeliveryFailure",
      reason: "schema_invalid",
      retry: false,
      schemaErrors: [{ instancePath: "/RoomInfo/MaxMemberCount" }],
    });
  });
});
