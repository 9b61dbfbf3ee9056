/**
 * The signature comparison is constant-time: `signatureMatches` (and handle() through it) hands
 * equal-length buffers to `crypto.timingSafeEqual` — for a match as much as for a mismatch, so no
 * `===` short-cut decides first — and treats a different length as a mismatch, never a throw.
 *
 * src/crypto.ts reaches node:crypto through `process.getBuiltinModule("node:crypto")` (no static
 * import, so that runtimes without it still load): that is the module's CommonJS exports object,
 * whose `timingSafeEqual` is spied on here. src/crypto.ts looks it up at each call, so a
 * comparison with `===`, or one that reaches timingSafeEqual with buffers of different lengths
 * (which throws), fails here.
 */
import { afterAll, beforeEach, describe, expect, it, vi } from "vitest";
import { createDispatcher } from "../../src/index.js";
import { computeSignature, signatureMatches } from "../../src/protocols/callback/signature.js";
import { APP_ID, CALLBACK_PATH, NOW_MS, SILENT_LOGGER, TOKEN, sampleOf } from "../support/fixtures.js";

const nodeCrypto = process.getBuiltinModule("node:crypto") as typeof import("node:crypto");
const spy = vi.spyOn(nodeCrypto, "timingSafeEqual");
afterAll(() => spy.mockRestore());
const TIME = String(NOW_MS / 1000);
const GOOD = computeSignature(TOKEN, TIME);

beforeEach(() => {
  spy.mockClear();
});

/** Every call must have compared two buffers of the same length. */
function comparedLengths(): [number, number][] {
  return spy.mock.calls.map(([a, b]) => [(a as Uint8Array).byteLength, (b as Uint8Array).byteLength]);
}

describe("signatureMatches uses crypto.timingSafeEqual", () => {
  it("the spy is really the function src/crypto.ts calls", () => {
    signatureMatches(GOOD, GOOD);
    expect(spy).toHaveBeenCalled();
  });

  it("a match is decided by timingSafeEqual on equal-length buffers of the two signatures", () => {
    expect(signatureMatches(GOOD, GOOD)).toBe(true);
    expect(spy).toHaveBeenCalledTimes(1);
    const [a, b] = spy.mock.calls[0]!;
    expect(Buffer.from(a as Uint8Array).toString()).toBe(GOOD);
    expect(Buffer.from(b as Uint8Array).toString()).toBe(GOOD);
    expect(spy).toHaveReturnedWith(true);
  });

  it("upper-case hex is compared lower-cased, still through timingSafeEqual", () => {
    expect(signatureMatches(GOOD, GOOD.toUpperCase())).toBe(true);
    expect(spy).toHaveBeenCalledTimes(1);
    expect(Buffer.from(spy.mock.calls[0]![1] as Uint8Array).toString()).toBe(GOOD);
  });

  it.each([
    ["one digit changed at the start", `${GOOD[0] === "0" ? "1" : "0"}${GOOD.slice(1)}`],
    ["one digit changed at the end", `${GOOD.slice(0, -1)}${GOOD.endsWith("0") ? "1" : "0"}`],
    ["the signature of another token", computeSignature("another-token", TIME)],
    ["64 non-hex characters", "z".repeat(64)],
  ])("a same-length mismatch (%s) goes through timingSafeEqual too", (_what, received) => {
    expect(signatureMatches(GOOD, received)).toBe(false);
    expect(spy).toHaveBeenCalledTimes(1);
    expect(comparedLengths()).toEqual([[64, 64]]);
    expect(spy).toHaveReturnedWith(false);
  });

  it.each([
    ["empty", ""],
    ["too short", GOOD.slice(0, 63)],
    ["half", GOOD.slice(0, 32)],
    ["too long", `${GOOD}0`],
    ["twice as long", GOOD + GOOD],
    ["64 two-byte characters (same string length, other byte length)", "é".repeat(64)],
    ["64 characters that lower-case to two (İ)", "\u0130".repeat(64)],
  ])("a different length (%s) is a mismatch, not an exception", (_what, received) => {
    expect(() => signatureMatches(GOOD, received)).not.toThrow();
    expect(signatureMatches(GOOD, received)).toBe(false);
    // Whatever was compared, it was compared at equal lengths (timingSafeEqual throws otherwise).
    for (const [a, b] of comparedLengths()) expect(a).toBe(b);
  });
});

describe("safeEqual beyond its scratch buffers (strings over 85 UTF-16 units)", () => {
  it("long equal strings match and long different ones do not, still through timingSafeEqual", async () => {
    const { safeEqual } = await import("../../src/crypto.js");
    const long = GOOD.repeat(3);
    expect(safeEqual(long, long)).toBe(true);
    expect(safeEqual(long, `${long.slice(0, -1)}x`)).toBe(false);
    expect(comparedLengths()).toEqual([
      [192, 192],
      [192, 192],
    ]);
  });
});

describe("handle() checks Sign through timingSafeEqual", () => {
  const dispatcher = createDispatcher({ sdkAppId: APP_ID, token: TOKEN, now: () => NOW_MS, logger: SILENT_LOGGER });
  const request = (sign: string) => ({
    method: "POST",
    url: `${CALLBACK_PATH}?SdkAppid=${APP_ID}&CallbackCommand=Room.CallbackAfterDestroyRoom&Sign=${encodeURIComponent(sign)}&RequestTime=${TIME}`,
    headers: { "content-type": "application/json" },
    body: sampleOf("Room.CallbackAfterDestroyRoom"),
  });

  it("a valid Sign: 200, decided by timingSafeEqual", async () => {
    expect((await dispatcher.handle(request(GOOD))).status).toBe(200);
    expect(spy).toHaveBeenCalledTimes(1);
    expect(comparedLengths()).toEqual([[64, 64]]);
  });

  it("a wrong Sign of the right length: 401, decided by timingSafeEqual", async () => {
    expect((await dispatcher.handle(request(computeSignature("wrong", TIME)))).status).toBe(401);
    expect(spy).toHaveBeenCalledTimes(1);
    expect(spy).toHaveReturnedWith(false);
  });

  it("a Sign of the wrong length: 401, no exception reaches the caller", async () => {
    for (const sign of ["abc", `${GOOD}00`, "é".repeat(64)]) {
      const response = await dispatcher.handle(request(sign));
      expect(response.status).toBe(401);
      expect(JSON.parse(response.body)).toEqual({ ActionStatus: "FAIL", ErrorInfo: "Signature is invalid", ErrorCode: 401 });
    }
    for (const [a, b] of comparedLengths()) expect(a).toBe(b);
  });
});
