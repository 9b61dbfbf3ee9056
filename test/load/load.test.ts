/**
 * Load without loss: 10,000 signed callbacks, 64 in flight at a time on keep-alive sockets,
 * against each adapter's real server on 127.0.0.1. Every callback is told apart by its RoomId, so
 * "exactly once" is checked per callback, not only as a count.
 *
 *  - all handlers fine: 10,000 × 200 OK, every RoomId handled exactly once, onError never called,
 *    no client error;
 *  - 1% of the `on` handlers throw (chosen by RoomId): exactly those get 500 and reach onError
 *    (once each, with their payload), every other callback is a 200, and every callback —
 *    the failed ones included — still reached onAny exactly once.
 *
 * LOAD_CALLBACKS overrides the first count (default 10,000), LOAD_FAILING_CALLBACKS the second
 * (default 10,000 too, so 100 failures per adapter).
 */
import http from "node:http";
import { afterAll, describe, expect, it } from "vitest";
import { createDispatcher, signedQuery, type WebhookErrorEvent } from "../../src/index.js";
import { APP_ID, CALLBACK_PATH, NOW_MS, TOKEN } from "../support/fixtures.js";
import { ADAPTERS, closeAllServers, send, startAdapter, type AdapterName } from "../support/servers.js";

const CALLBACKS = Number(process.env.LOAD_CALLBACKS ?? 10_000);
const FAILING_CALLBACKS = Number(process.env.LOAD_FAILING_CALLBACKS ?? 10_000);
const IN_FLIGHT = Number(process.env.LOAD_IN_FLIGHT ?? 32);
const ROOM = "Room.CallbackAfterDestroyRoom";
const OK_BODY = JSON.stringify({ ActionStatus: "OK", ErrorInfo: "", ErrorCode: 0 });
const { Sign, RequestTime } = signedQuery(TOKEN, NOW_MS);
const PATH = `${CALLBACK_PATH}?SdkAppid=${APP_ID}&CallbackCommand=${ROOM}&contenttype=json&ClientIP=203.0.113.7&OptPlatform=RESTAPI&Sign=${Sign}&RequestTime=${RequestTime}`;

afterAll(closeAllServers);

const roomId = (i: number) => `load-room-${i}`;
const indexOf = (id: unknown) => Number(String(id).slice("load-room-".length));
/** Deterministic 1%: the handler for these callbacks throws. */
const fails = (i: number) => i % 100 === 37;

interface Run {
  statuses: number[];
  bodies: Map<string, number>;
  clientErrors: unknown[];
  onCalls: number[];
  anyCalls: number[];
  errors: WebhookErrorEvent[];
  ms: number;
}

async function load(adapter: AdapterName, failing: boolean, callbacks: number): Promise<Run> {
  const dispatcher = createDispatcher({ sdkAppId: APP_ID, token: TOKEN, now: () => NOW_MS });
  const run: Run = { statuses: new Array<number>(callbacks).fill(0), bodies: new Map(), clientErrors: [], onCalls: [], anyCalls: [], errors: [], ms: 0 };
  dispatcher.on(ROOM, (event) => {
    const i = indexOf(event.payload.RoomId);
    run.onCalls.push(i);
    if (failing && fails(i)) throw new Error(`handler failure for ${roomId(i)}`);
  });
  dispatcher.onAny(async (event) => {
    await Promise.resolve(); // an async handler among them
    run.anyCalls.push(indexOf(event.payload.RoomId));
  });
  dispatcher.onError((error) => {
    run.errors.push(error);
  });

  const server = await startAdapter(adapter, dispatcher);
  const agent = new http.Agent({ keepAlive: true, maxSockets: IN_FLIGHT });
  const started = performance.now();
  try {
    let next = 0;
    const worker = async () => {
      while (next < callbacks) {
        const i = next++;
        const body = JSON.stringify({ CallbackCommand: ROOM, Operator_Account: "load", RoomId: roomId(i), EventTime: NOW_MS + i });
        try {
          const answer = await send(server.origin, { path: PATH, body, agent });
          run.statuses[i] = answer.status;
          run.bodies.set(answer.body, (run.bodies.get(answer.body) ?? 0) + 1);
        } catch (error) {
          run.clientErrors.push(error);
        }
      }
    };
    await Promise.all(Array.from({ length: IN_FLIGHT }, worker));
  } finally {
    run.ms = performance.now() - started;
    agent.destroy();
    await server.close();
  }
  return run;
}

/** Each index in 0..callbacks-1 exactly once. */
function expectEachOnce(indices: number[], callbacks: number, label: string) {
  expect(indices.length, label).toBe(callbacks);
  const seen = new Uint8Array(callbacks);
  for (const i of indices) seen[i]! += 1;
  expect(
    seen.every((count) => count === 1),
    `${label}: some callback handled twice or never`,
  ).toBe(true);
}

describe.each(ADAPTERS)(`load: ${CALLBACKS} signed callbacks, ${IN_FLIGHT} in flight: %s`, (adapter) => {
  it("all handled exactly once, every response OK, zero errors", { timeout: 60_000 }, async () => {
    const run = await load(adapter, false, CALLBACKS);
    expect(run.clientErrors).toEqual([]);
    expect(run.statuses.filter((status) => status !== 200)).toEqual([]);
    expect([...run.bodies.keys()]).toEqual([OK_BODY]);
    expectEachOnce(run.onCalls, CALLBACKS, "on()");
    expectEachOnce(run.anyCalls, CALLBACKS, "onAny()");
    expect(run.errors).toEqual([]);
  });

  it(`1% of handlers throwing (${FAILING_CALLBACKS} callbacks): exactly those answer 500 and reach onError, nothing else lost`, {
    timeout: 60_000,
  }, async () => {
    const run = await load(adapter, true, FAILING_CALLBACKS);
    const failing = Array.from({ length: FAILING_CALLBACKS }, (_, i) => i).filter(fails);
    expect(failing.length).toBe(Math.ceil((FAILING_CALLBACKS - 37) / 100));
    expect(run.clientErrors).toEqual([]);
    const got500 = run.statuses.flatMap((status, i) => (status === 500 ? [i] : []));
    expect(got500).toEqual(failing);
    expect(run.statuses.filter((status) => status !== 200 && status !== 500)).toEqual([]);
    expectEachOnce(run.onCalls, FAILING_CALLBACKS, "on()");
    expectEachOnce(run.anyCalls, FAILING_CALLBACKS, "onAny()"); // the other handlers still ran for the failed ones
    expect(run.errors.map((error) => error.reason)).toEqual(failing.map(() => "handler_failed"));
    expect(run.errors.map((error) => indexOf(error.payload?.RoomId)).sort((a, b) => a - b)).toEqual(failing);
    for (const error of run.errors) {
      expect((error.cause as Error).message).toBe(`handler failure for ${String(error.payload?.RoomId)}`);
      expect(error.request.rawBody).toContain(String(error.payload?.RoomId)); // enough to replay it
    }
  });
});
