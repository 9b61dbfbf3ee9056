import { afterEach, describe, expect, it, vi } from "vitest";
import { createDispatcher, type WebhookErrorEvent, type WebhookRequest } from "../../src/index.js";
import { APP_ID, CALLBACK_PATH, NOW_MS, recordingDispatcher, sampleOf, tencentQuery } from "../support/fixtures.js";

const LIVE = "Live.CallbackAfterDestroyRoom";
const ROOM = "Room.CallbackAfterDestroyRoom";

function post(command: string, body: WebhookRequest["body"], query = tencentQuery({ command })): WebhookRequest {
  return { method: "POST", url: `${CALLBACK_PATH}${query}`, headers: { "content-type": "application/json" }, body };
}

afterEach(() => {
  vi.restoreAllMocks();
  vi.useRealTimers();
});

describe("the issue's acceptance scenario", () => {
  it("002 sample with the right SdkAppid: 200 OK and the exact Owner_Account; another SdkAppid: 403 and onError", async () => {
    const webhooks = createDispatcher({ sdkAppId: 1400000000 });
    const owners: string[] = [];
    const errors: WebhookErrorEvent[] = [];
    webhooks.on(LIVE, (event) => {
      owners.push(event.payload.RoomInfo!.Owner_Account!);
    });
    webhooks.onError((error) => {
      errors.push(error);
    });
    const ok = await webhooks.handle(post(LIVE, sampleOf(LIVE)));
    expect(ok).toEqual({
      status: 200,
      headers: { "content-type": "application/json; charset=utf-8" },
      body: '{"ActionStatus":"OK","ErrorInfo":"","ErrorCode":0}',
    });
    expect(owners).toEqual(["144115216631667826"]);

    const other = await webhooks.handle(post(LIVE, sampleOf(LIVE), tencentQuery({ command: LIVE, sdkAppId: "1400000001" })));
    expect(other.status).toBe(403);
    expect(JSON.parse(other.body)).toEqual({ ActionStatus: "FAIL", ErrorInfo: "SdkAppid does not match this app", ErrorCode: 403 });
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ reason: "sdk_app_id_mismatch", status: 403, request: { rawBody: sampleOf(LIVE), query: { sdkappid: "1400000001" } } });
    expect(owners).toHaveLength(1);
  });
});

describe("events", () => {
  it("carry command, payload, sdkAppId, clientIp, normalised optPlatform, raw body and request", async () => {
    const { dispatcher, recorded } = recordingDispatcher();
    await dispatcher.handle(post(ROOM, Buffer.from(sampleOf(ROOM))));
    const [event] = recorded.on;
    expect(event).toMatchObject({
      command: ROOM,
      sdkAppId: APP_ID,
      clientIp: "203.0.113.7",
      optPlatform: "iOS", // sent as IOS
      rawBody: sampleOf(ROOM),
      payload: { CallbackCommand: ROOM, Operator_Account: "admin", RoomId: "tandy-test-rest", EventTime: 1703589922780 },
    });
    expect(event!.request.headers["content-type"]).toBe("application/json");
    expect(recorded.any[0]).toBe(event);
  });

  it("accept WHATWG Headers and mixed-case header names", async () => {
    const { dispatcher, recorded } = recordingDispatcher();
    const response = await dispatcher.handle({ ...post(ROOM, sampleOf(ROOM)), headers: new Headers({ "Content-Type": "text/plain" }) });
    expect(response.status).toBe(415);
    // The mixed-case header was read: the 415 names the type it found.
    expect(recorded.errors.map((error) => [error.reason, error.request.headers["content-type"]])).toEqual([["unsupported_media_type", "text/plain"]]);
  });

  it("a JSON body with no content-type is accepted (the query says contenttype=json)", async () => {
    const { dispatcher } = recordingDispatcher();
    expect((await dispatcher.handle({ method: "post", url: `/x${tencentQuery({ command: ROOM })}`, body: sampleOf(ROOM) })).status).toBe(200);
  });
});

describe("handlers", () => {
  it("on() takes an array of commands; removeListener() removes", async () => {
    const dispatcher = createDispatcher({ sdkAppId: APP_ID });
    const seen: string[] = [];
    const handler = (event: { command: string }) => {
      seen.push(event.command);
    };
    dispatcher.on([LIVE, ROOM], handler);
    await dispatcher.handle(post(ROOM, sampleOf(ROOM)));
    await dispatcher.handle(post(LIVE, sampleOf(LIVE)));
    dispatcher.removeListener([LIVE, ROOM], handler);
    await dispatcher.handle(post(ROOM, sampleOf(ROOM)));
    expect(seen).toEqual([ROOM, LIVE]);
  });

  it("on() refuses an unknown command and a non-function at runtime too", () => {
    const dispatcher = createDispatcher({ sdkAppId: APP_ID });
    // @ts-expect-error -- a misspelt command is a compile error
    expect(() => dispatcher.on("Live.CallbackAfterDestroyRom", () => {})).toThrow(/unknown command "Live.CallbackAfterDestroyRom"/);
    // @ts-expect-error -- a handler is required
    expect(() => dispatcher.onAny(undefined)).toThrow(/needs a handler function/);
  });

  it("one rejecting handler does not stop the others; each failure reaches onError with its cause", async () => {
    const dispatcher = createDispatcher({ sdkAppId: APP_ID });
    const ran: string[] = [];
    const errors: WebhookErrorEvent[] = [];
    dispatcher.on(ROOM, async () => {
      throw new Error("db down");
    });
    dispatcher.on(ROOM, () => {
      ran.push("second");
    });
    dispatcher.onAny(async () => {
      ran.push("any");
    });
    dispatcher.onError((error) => {
      errors.push(error);
    });
    const response = await dispatcher.handle(post(ROOM, sampleOf(ROOM)));
    expect(response.status).toBe(500);
    expect(response.body).not.toContain("db down");
    expect(ran).toEqual(["second", "any"]);
    expect(errors.map((e) => [e.reason, (e.cause as Error).message, e.command])).toEqual([["handler_failed", "db down", ROOM]]);
    expect(errors[0]!.payload).toMatchObject({ RoomId: "tandy-test-rest" });
  });

  it("a slow handler gets 504 at the timeout but is not cut off, and a late failure still reaches onError", async () => {
    const dispatcher = createDispatcher({ sdkAppId: APP_ID, handlerTimeoutMs: 50 });
    const reasons: string[] = [];
    let finished = false;
    let fail!: (error: Error) => void;
    dispatcher.on(ROOM, () => new Promise<void>((_resolve, reject) => (fail = reject)));
    dispatcher.on(ROOM, async () => {
      await new Promise((resolve) => setTimeout(resolve, 120));
      finished = true;
    });
    dispatcher.onError((error) => {
      reasons.push(error.reason);
    });
    const response = await dispatcher.handle(post(ROOM, sampleOf(ROOM)));
    expect(response.status).toBe(504);
    expect(reasons).toEqual(["handler_timeout"]);
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(finished).toBe(true);
    fail(new Error("late"));
    await new Promise((resolve) => setImmediate(resolve));
    expect(reasons).toEqual(["handler_timeout", "handler_failed"]);
  });

  it("an onError handler that throws does not break the reply", async () => {
    const dispatcher = createDispatcher({ sdkAppId: APP_ID });
    const consoleError = vi.spyOn(console, "error").mockImplementation(() => {});
    dispatcher.onError(() => {
      throw new Error("logger broken");
    });
    const response = await dispatcher.handle(post(ROOM, "{"));
    expect(response.status).toBe(400);
    expect(consoleError).toHaveBeenCalledWith(expect.stringContaining("tencent-webhooks: an onError handler threw: Error: logger broken"));
  });

  it("a failing handler with no onError listener is reported on the console, not lost", async () => {
    const dispatcher = createDispatcher({ sdkAppId: APP_ID });
    const consoleError = vi.spyOn(console, "error").mockImplementation(() => {});
    dispatcher.on(ROOM, () => {
      throw new Error("boom");
    });
    expect((await dispatcher.handle(post(ROOM, sampleOf(ROOM)))).status).toBe(500);
    expect(consoleError).toHaveBeenCalledOnce();
  });
});

describe("handle() never throws", () => {
  it.each<[string, unknown]>([
    ["no method", { url: "/", body: "{}" }],
    ["no url", { method: "POST", body: sampleOf(ROOM) }],
    ["a number body", { method: "POST", url: `/x${tencentQuery({ command: ROOM })}`, body: 42 }],
    [
      "a circular object body",
      {
        method: "POST",
        url: `/x${tencentQuery({ command: ROOM })}`,
        body: (() => {
          const o: Record<string, unknown> = {};
          o.self = o;
          return o;
        })(),
      },
    ],
    ["headers with arrays", { method: "POST", url: "/", headers: { "content-type": ["application/json", "text/plain"] }, body: "{}" }],
  ])("%s", async (_name, request) => {
    const { dispatcher } = recordingDispatcher();
    const response = await dispatcher.handle(request as WebhookRequest);
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(JSON.parse(response.body).ActionStatus).toBe("FAIL");
  });
});

describe("a body another middleware already parsed", () => {
  it("is processed when it lost nothing: no process warning, the report says the text is a re-serialisation", async () => {
    const { dispatcher, recorded } = recordingDispatcher();
    const warning = vi.spyOn(process, "emitWarning").mockImplementation(() => {});
    const parsed = JSON.parse(sampleOf(ROOM)) as object;
    expect((await dispatcher.handle(post(ROOM, parsed))).status).toBe(200);
    expect((await dispatcher.handle(post(ROOM, { ...parsed }))).status).toBe(200);
    expect(recorded.on).toHaveLength(2);
    expect(recorded.on[0]!.rawBody).toBe(JSON.stringify(parsed));
    expect(recorded.on[0]!.request.rawBodyExact).toBe(false);
    expect(warning).not.toHaveBeenCalled();
  });

  it("is refused 500 precision_lost when JSON.parse rounded a 64-bit integer in it, naming the path", async () => {
    const { dispatcher, recorded } = recordingDispatcher();
    const parsed = JSON.parse(sampleOf(LIVE)) as object;
    const response = await dispatcher.handle(post(LIVE, parsed));
    expect(response.status).toBe(500);
    expect(JSON.parse(response.body)).toMatchObject({ ActionStatus: "FAIL", ErrorCode: 500 });
    expect(JSON.parse(response.body).ErrorInfo).toMatch(/64-bit integer at \/RoomInfo\/Owner_Account was rounded/);
    expect(recorded.on).toEqual([]);
    expect(recorded.errors.map((e) => [e.reason, e.request.rawBodyExact])).toEqual([["precision_lost", false]]);
  });

  it("still refuses own __proto__ keys that JSON.parse created", async () => {
    const { dispatcher, recorded } = recordingDispatcher();
    const parsed = JSON.parse(`{"CallbackCommand":"${ROOM}","RoomId":"r","EventTime":1,"__proto__":{"x":1}}`) as object;
    expect((await dispatcher.handle(post(ROOM, parsed))).status).toBe(400);
    expect(recorded.errors[0]!.reason).toBe("invalid_json");
  });
});

describe("dispatch() without HTTP", () => {
  it("validates and runs handlers for a parsed payload or JSON text", async () => {
    const { dispatcher, recorded } = recordingDispatcher();
    expect((await dispatcher.dispatch(sampleOf(LIVE))).status).toBe(200);
    expect((recorded.on[0]!.payload.RoomInfo as { Owner_Account: string }).Owner_Account).toBe("144115216631667826");
    expect((await dispatcher.dispatch({ CallbackCommand: ROOM, RoomId: 5, EventTime: 1 })).status).toBe(200);
    expect(recorded.on[1]!.payload.RoomId).toBe("5");
  });

  it("refuses another app's payload and bad payloads, through onError", async () => {
    const { dispatcher, recorded } = recordingDispatcher();
    expect((await dispatcher.dispatch(sampleOf(ROOM), { sdkAppId: "1" })).status).toBe(403);
    expect((await dispatcher.dispatch({ CallbackCommand: ROOM })).status).toBe(400);
    expect((await dispatcher.dispatch([1, 2])).status).toBe(400);
    expect(recorded.errors.map((e) => e.reason)).toEqual(["sdk_app_id_mismatch", "schema_invalid", "invalid_body"]);
    expect(recorded.errors[1]!.schemaErrors?.map((e) => e.params)).toEqual([{ missingProperty: "RoomId" }]);
  });

  it("an onError report is enough to replay the request", async () => {
    const { dispatcher, recorded } = recordingDispatcher({ handlerTimeoutMs: 50 }, "throw");
    await dispatcher.handle(post(ROOM, sampleOf(ROOM)));
    const { request } = recorded.errors[0]!;
    const replay = recordingDispatcher();
    const response = await replay.dispatcher.handle({ method: request.method, url: request.url, headers: request.headers, body: request.rawBody });
    expect(response.status).toBe(200);
    expect(replay.recorded.on[0]!.payload).toEqual(recorded.on[0]!.payload);
  });
});

describe("the replay window uses the injected clock", () => {
  it("accepts RequestTime exactly at the tolerance edge and refuses one second past it", async () => {
    const { computeSignature } = await import("../../src/protocols/callback/signature.js");
    const at = (offset: number) => {
      const RequestTime = String(Math.floor(NOW_MS / 1000) + offset);
      return tencentQuery({ command: ROOM, sign: { Sign: computeSignature("t", RequestTime), RequestTime } });
    };
    const { dispatcher } = recordingDispatcher({ token: "t", signatureToleranceSeconds: 30 });
    expect((await dispatcher.handle(post(ROOM, sampleOf(ROOM), at(-30)))).status).toBe(200);
    expect((await dispatcher.handle(post(ROOM, sampleOf(ROOM), at(30)))).status).toBe(200);
    expect((await dispatcher.handle(post(ROOM, sampleOf(ROOM), at(-31)))).status).toBe(401);
  });
});

describe("the order of checks: method, type, size, app id, signature, body, then command and schema", () => {
  // The body is parsed before the command is resolved (src/pipeline/handle.ts): a broken body is
  // reported as such whatever the query's CallbackCommand says, as for every other body refusal.
  it.each([
    { what: "not JSON", body: "{", reason: "invalid_json" },
    { what: "not an object", body: "[1]", reason: "invalid_body" },
    { what: "empty", body: "", reason: "invalid_json" },
  ])("a body that is $what, with CallbackCommand twice in the query with different values: 400 $reason", async ({ body, reason }) => {
    const { dispatcher, recorded } = recordingDispatcher();
    const query = `${tencentQuery({ command: ROOM })}&CallbackCommand=${LIVE}`;
    const response = await dispatcher.handle(post(ROOM, body, query));
    expect(response.status).toBe(400);
    expect(recorded.errors.map((e) => e.reason)).toEqual([reason]);
  });

  it("a valid body with CallbackCommand twice in the query with different values: 400 command_mismatch", async () => {
    const { dispatcher, recorded } = recordingDispatcher();
    const response = await dispatcher.handle(post(ROOM, sampleOf(ROOM), `${tencentQuery({ command: ROOM })}&CallbackCommand=${LIVE}`));
    expect(response.status).toBe(400);
    expect(recorded.errors.map((e) => e.reason)).toEqual(["command_mismatch"]);
    expect(recorded.on).toEqual([]);
  });
});

describe("informational query keys", () => {
  it("a ClientIP or OptPlatform given twice with different values is no value, never a crash", async () => {
    const { dispatcher, recorded } = recordingDispatcher();
    const query = `${tencentQuery({ command: ROOM })}&ClientIP=198.51.100.1&OptPlatform=Web`;
    expect((await dispatcher.handle(post(ROOM, sampleOf(ROOM), query))).status).toBe(200);
    expect(recorded.on[0]).toMatchObject({ clientIp: undefined, optPlatform: undefined });
  });
});
