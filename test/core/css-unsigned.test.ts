/**
 * One signature rule for every CSS event: `t` and `sign` are required on every request, also for
 * the events whose page samples leave them out (314, 343, 344, 345, 348, 349); `cssRequest()` signs
 * every event, so the testing kit's requests of every sample are accepted. `unsignedEvents` is the
 * only way in without a signature: for the listed types, a body with neither field is accepted as
 * unauthenticated — delivered when valid, refused 400 when not (never quarantined) — while a body
 * that carries `t` or `sign` is still verified.
 */
import { describe, expect, it } from "vitest";
import { type CssDispatcher, type CssEventName, createCssDispatcher, type WebhookRequest } from "../../src/index.js";
import { cssRequest, samples } from "../../src/testing/index.js";

const KEY = "css-key";
const NOW_MS = Date.UTC(2026, 11, 6, 6, 0, 0);
const T = Math.floor(NOW_MS / 1000) + 600;
const EVENTS = Object.keys(samples.css) as CssEventName[];
/** The events whose pages' samples carry no `t` / `sign`. */
const UNSIGNED_ON_PAGE = EVENTS.filter((name) => !/"sign"\s*:/.test(samples.css[name]));

function recording(options: Partial<Parameters<typeof createCssDispatcher>[0]> = {}) {
  const css = createCssDispatcher({ key: KEY, now: () => NOW_MS, ...options });
  const seen = { on: [] as { event: string; keyIndex: number | undefined }[], invalid: [] as string[], errors: [] as string[] };
  css.onAny((event) => void seen.on.push({ event: event.command, keyIndex: event.keyIndex }));
  css.onInvalid((event) => void seen.invalid.push(event.command));
  css.onError((error) => void seen.errors.push(`${error.status} ${error.reason}`));
  return { css, seen };
}

/** A CSS body as Tencent's page shows it: no `t`, no `sign`. */
function unsigned(body: Record<string, unknown>): WebhookRequest {
  return { method: "POST", url: "/css", headers: { "content-type": "application/json" }, body: JSON.stringify(body) };
}

function bodyOf(name: CssEventName): Record<string, unknown> {
  const body = JSON.parse(samples.css[name]) as Record<string, unknown>;
  delete body.t;
  delete body.sign;
  return body;
}

async function statusOf(css: CssDispatcher, request: WebhookRequest): Promise<number> {
  return (await css.handle(request)).status;
}

describe("CSS: every event is signed", () => {
  it("the pages that show no t/sign are known (the rule is about them)", () => {
    expect(UNSIGNED_ON_PAGE).toEqual(expect.arrayContaining(["RelayTask", "Summary", "Evaluation"]));
  });

  it.each(EVENTS)("cssRequest() of the %s sample is accepted and reaches its handler", async (name) => {
    const { css, seen } = recording();
    const request = cssRequest(name, { key: KEY, t: T, path: "/css" });
    expect(await statusOf(css, request)).toBe(200);
    expect(seen).toEqual({ on: [{ event: name, keyIndex: 0 }], invalid: [], errors: [] });
  });

  it.each(UNSIGNED_ON_PAGE)("%s as its page shows it (no t/sign) is refused 401 by default, naming the opt-out", async (name) => {
    const { css, seen } = recording();
    const response = await css.handle(unsigned(bodyOf(name)));
    expect(response.status).toBe(401);
    expect(JSON.parse(response.body).message).toMatch(/unsignedEvents/);
    expect(seen).toEqual({ on: [], invalid: [], errors: ["401 signature_missing"] });
  });
});

describe("CSS: unsignedEvents", () => {
  it("accepts a listed event without t/sign as unauthenticated (no keyIndex), by name or by code", async () => {
    for (const unsignedEvents of [["RelayTask"], [314]] as const) {
      const { css, seen } = recording({ unsignedEvents });
      expect(await statusOf(css, unsigned(bodyOf("RelayTask")))).toBe(200);
      // Only the listed type: another event without a signature is still refused.
      expect(await statusOf(css, unsigned(bodyOf("Summary")))).toBe(401);
      expect(seen).toEqual({ on: [{ event: "RelayTask", keyIndex: undefined }], invalid: [], errors: ["401 signature_missing"] });
    }
  });

  it("a stringified event_type of a listed event is recognised too", async () => {
    const { css, seen } = recording({ unsignedEvents: ["RelayTask"] });
    expect(await statusOf(css, unsigned({ ...bodyOf("RelayTask"), event_type: "314" }))).toBe(200);
    expect(seen.on).toEqual([{ event: "RelayTask", keyIndex: undefined }]);
  });

  it("an unsigned body that fails its schema is refused 400, never quarantined", async () => {
    const { css, seen } = recording({ unsignedEvents: ["RelayTask"] });
    const body = bodyOf("RelayTask");
    delete body.task_id;
    expect(await statusOf(css, unsigned(body))).toBe(400);
    expect(seen).toEqual({ on: [], invalid: [], errors: ["400 schema_invalid"] });
  });

  it("a listed event that carries t or sign is still verified", async () => {
    const { css, seen } = recording({ unsignedEvents: ["RelayTask"] });
    expect(await statusOf(css, unsigned({ ...bodyOf("RelayTask"), t: T, sign: "0".repeat(32) }))).toBe(401);
    expect(await statusOf(css, unsigned({ ...bodyOf("RelayTask"), t: T }))).toBe(401);
    const signed = cssRequest("RelayTask", { key: KEY, t: T, path: "/css" });
    expect(await statusOf(css, signed)).toBe(200);
    expect(seen.errors).toEqual(["401 signature_invalid", "401 signature_missing"]);
    expect(seen.on).toEqual([{ event: "RelayTask", keyIndex: 0 }]);
  });

  it("the appid check still applies to an unsigned event", async () => {
    const { css } = recording({ unsignedEvents: ["RelayTask"], appId: 1234567 });
    expect(await statusOf(css, unsigned({ ...bodyOf("RelayTask"), appid: 7654321 }))).toBe(403);
    expect(await statusOf(css, unsigned({ ...bodyOf("RelayTask"), appid: 1234567 }))).toBe(200);
  });

  it("an unknown name or a non-list is a clear error at start-up", () => {
    // @ts-expect-error: not a CSS event name
    expect(() => createCssDispatcher({ key: KEY, unsignedEvents: ["RelayTsk"] })).toThrow(/"RelayTsk" is not a CSS event name or code/);
    // @ts-expect-error: a list, not one name
    expect(() => createCssDispatcher({ key: KEY, unsignedEvents: "RelayTask" })).toThrow(/must be a list/);
  });
});
