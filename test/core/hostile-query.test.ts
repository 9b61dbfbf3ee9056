/**
 * Regressions found by fuzzing the query string (test/fuzz/handle.property.test.ts): keys that
 * are only informational (OptPlatform, ClientIP) given twice with different values must not turn
 * a valid callback into a 500, nor leak the parser's internal "conflict" marker into the event.
 */
import { describe, expect, it } from "vitest";
import type { AnyWebhookEvent } from "../../src/types.js";
import { CALLBACK_PATH, recordingDispatcher, sampleOf } from "../support/fixtures.js";

const ROOM = "Room.CallbackAfterDestroyRoom";

async function deliver(query: string) {
  const { dispatcher, recorded } = recordingDispatcher();
  const response = await dispatcher.handle({
    method: "POST",
    url: `${CALLBACK_PATH}?SdkAppid=1400000000&CallbackCommand=${ROOM}${query}`,
    headers: { "content-type": "application/json" },
    body: sampleOf(ROOM),
  });
  return { response, recorded, event: recorded.any[0] as AnyWebhookEvent | undefined };
}

describe("informational query keys given twice", () => {
  it("OptPlatform twice with different values: still 200, no platform (was a 500 'Internal error')", async () => {
    for (const query of ["&OptPlatform=iOS&OptPlatform=Android", "&OptPlatform&OptPlatform=Web", "&optplatform=Mac&OPTPLATFORM=mac"]) {
      const { response, recorded, event } = await deliver(query);
      expect(response.status, response.body).toBe(200);
      expect(recorded.errors).toEqual([]);
      expect(event?.optPlatform).toBeUndefined();
    }
  });

  it("OptPlatform twice with the same value: that value, case-normalised", async () => {
    const { response, event } = await deliver("&OptPlatform=IOS&optplatform=IOS");
    expect(response.status).toBe(200);
    expect(event?.optPlatform).toBe("iOS");
  });

  it("ClientIP twice with different values: still 200", async () => {
    const { response, recorded } = await deliver("&ClientIP=203.0.113.7&ClientIP=198.51.100.1");
    expect(response.status).toBe(200);
    expect(recorded.errors).toEqual([]);
  });

  it("ClientIP twice with different values: event.clientIp is a string or undefined, never a Symbol (was the internal conflict marker)", async () => {
    const { event } = await deliver("&ClientIP=203.0.113.7&ClientIP=198.51.100.1");
    expect(["string", "undefined"]).toContain(typeof event?.clientIp);
  });
});
