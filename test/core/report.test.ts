/**
 * With no onError handler, every refusal goes to the `logger` option (default: the console) as
 * one line — protocol, command, status, reason, message — warn for 4xx, error for 5xx, never the
 * token or the body, at most 5 lines per reason a minute; the next minute says how many were not
 * logged. With an onError handler the logger stays quiet (it only hears about onError failing).
 */
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createDispatcher, type Logger, type WebhookRequest } from "../../src/index.js";
import { APP_ID, CALLBACK_PATH, NOW_MS, TOKEN, sampleOf, tencentQuery } from "../support/fixtures.js";

const ROOM = "Room.CallbackAfterDestroyRoom";

function recordingLogger() {
  const lines: { level: "warn" | "error"; line: string }[] = [];
  const logger: Logger = {
    warn: (line) => void lines.push({ level: "warn", line }),
    error: (line) => void lines.push({ level: "error", line }),
  };
  return { logger, lines };
}

function post(body: string, query = tencentQuery({ command: ROOM })): WebhookRequest {
  return { method: "POST", url: `${CALLBACK_PATH}${query}`, headers: { "content-type": "application/json" }, body };
}

beforeEach(() => {
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(NOW_MS);
});
afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe("refusals without onError go to the logger", () => {
  it("405 reaches onError but not the default log (health checkers GET the route); 413 and 415 are logged", async () => {
    const { logger, lines } = recordingLogger();
    const quiet = createDispatcher({ sdkAppId: APP_ID, logger, now: () => NOW_MS, maxBodyBytes: 64 });
    expect((await quiet.handle({ ...post(sampleOf(ROOM)), method: "GET" })).status).toBe(405);
    expect(lines).toEqual([]);
    expect((await quiet.handle({ ...post(sampleOf(ROOM)), headers: { "content-type": "text/plain" } })).status).toBe(415);
    expect((await quiet.handle(post(sampleOf(ROOM)))).status).toBe(413);
    expect(lines.map((entry) => entry.line.match(/refused (\d+ \w+)/)?.[1])).toEqual(["415 unsupported_media_type", "413 body_too_large"]);

    const heard = createDispatcher({ sdkAppId: APP_ID, logger, now: () => NOW_MS });
    const reasons: string[] = [];
    heard.onError((error) => void reasons.push(`${error.status} ${error.reason} ${error.request.method} ${error.request.rawBody}`));
    await heard.handle({ ...post(sampleOf(ROOM)), method: "HEAD" });
    expect(reasons).toEqual(["405 method_not_allowed HEAD undefined"]);
  });

  it("one line per refusal: protocol, command, status, reason and message; warn for 4xx, error for 5xx", async () => {
    const { logger, lines } = recordingLogger();
    const dispatcher = createDispatcher({ sdkAppId: APP_ID, logger, now: () => NOW_MS });
    dispatcher.on(ROOM, () => {
      throw new Error("db down");
    });
    expect((await dispatcher.handle(post("{"))).status).toBe(400);
    expect((await dispatcher.handle(post(sampleOf(ROOM)))).status).toBe(500);
    expect(lines).toEqual([
      {
        level: "warn",
        line: expect.stringMatching(
          /^tencent-webhooks: callback Room\.CallbackAfterDestroyRoom refused 400 invalid_json — .+ \(register onError to handle this\)$/,
        ),
      },
      {
        level: "error",
        line: expect.stringMatching(
          /^tencent-webhooks: callback Room\.CallbackAfterDestroyRoom refused 500 handler_failed — .+: Error: db down \(register onError to handle this\)$/,
        ),
      },
    ]);
  });

  it("never logs the token or the body", async () => {
    const { logger, lines } = recordingLogger();
    const dispatcher = createDispatcher({ sdkAppId: APP_ID, token: TOKEN, logger, now: () => NOW_MS });
    const secretBody = sampleOf(ROOM).replace("tandy-test-rest", "secret-room-id");
    await dispatcher.handle(post(secretBody, tencentQuery({ command: ROOM, sign: { Sign: "0".repeat(64), RequestTime: String(NOW_MS / 1000) } })));
    expect(lines).toHaveLength(1);
    expect(lines[0]!.line).toContain("401 signature_invalid");
    expect(lines[0]!.line).not.toContain(TOKEN);
    expect(lines[0]!.line).not.toContain("secret-room-id");
  });

  it("at most 5 lines per reason a minute; other reasons count apart; the next minute says how many were dropped", async () => {
    const { logger, lines } = recordingLogger();
    const dispatcher = createDispatcher({ sdkAppId: APP_ID, logger, now: () => Date.now() }); // the rate limit follows the dispatcher's clock
    for (let i = 0; i < 8; i++) await dispatcher.handle(post("{"));
    for (let i = 0; i < 2; i++) await dispatcher.handle(post(sampleOf(ROOM), tencentQuery({ command: ROOM, sdkAppId: "1400000001" })));
    expect(lines.filter(({ line }) => line.includes(" invalid_json "))).toHaveLength(5);
    expect(lines.filter(({ line }) => line.includes(" sdk_app_id_mismatch "))).toHaveLength(2);
    expect(lines).toHaveLength(7);

    vi.setSystemTime(NOW_MS + 60_000);
    await dispatcher.handle(post("{"));
    expect(lines.slice(7)).toEqual([
      { level: "warn", line: "tencent-webhooks: 3 more invalid_json refusal(s) not logged" },
      { level: "warn", line: expect.stringContaining("refused 400 invalid_json") },
    ]);
  });

  it("with an onError handler, the logger hears nothing of refusals", async () => {
    const { logger, lines } = recordingLogger();
    const dispatcher = createDispatcher({ sdkAppId: APP_ID, logger, now: () => NOW_MS });
    const reasons: string[] = [];
    dispatcher.onError((error) => void reasons.push(error.reason));
    await dispatcher.handle(post("{"));
    expect(reasons).toEqual(["invalid_json"]);
    expect(lines).toEqual([]);
  });

  it("the default logger is the console", async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    const error = vi.spyOn(console, "error").mockImplementation(() => {});
    const dispatcher = createDispatcher({ sdkAppId: APP_ID, now: () => NOW_MS });
    await dispatcher.handle(post("{"));
    expect(warn).toHaveBeenCalledOnce();
    expect(warn.mock.calls[0]![0]).toContain("refused 400 invalid_json");
    expect(error).not.toHaveBeenCalled();
  });

  it("refuses a logger without warn() and error()", () => {
    expect(() => createDispatcher({ sdkAppId: APP_ID, logger: { warn: () => {} } as unknown as Logger })).toThrow(/`logger` needs warn\(\) and error\(\)/);
  });
});
