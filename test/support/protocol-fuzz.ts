/**
 * What the TRTC and CSS fuzz suites share (both answer `{"code":…}`): `answerOf()`, one request
 * through a harness with the invariants every answer must satisfy, and the two properties each
 * suite asserts — any generated request is answered as the suite's model predicts (and the model is
 * not vacuous: every status it knows was answered to some request); valid signed samples always
 * reach their own handler with a 200.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { WebhookResponse } from "../../src/errors.js";
import type { WebhookErrorEvent, WebhookRequest } from "../../src/types.js";
import { fuzzTimeout, prototypeFingerprint, replay, runs } from "./arbitraries.js";

const STATUSES = new Set([200, 400, 401, 403, 405, 413, 415, 500]);
/** Refusals answered before the body is read: reported without it. */
const NOT_CALLBACKS = new Set([405, 413, 415]);
const ANSWER_WITHIN_MS = 2000;
const FINGERPRINT = prototypeFingerprint();

/** What a suite's harness listened to during one request. */
export interface Seen {
  on: number;
  any: number;
  commands: string[];
  errors: WebhookErrorEvent[];
  /** Quarantined (`onInvalid`): signed, but the payload failed its schema. */
  invalid: number;
}

export interface FuzzHarness {
  keys: readonly string[];
  seen: Seen;
  handle(request: WebhookRequest): Promise<WebhookResponse>;
}

/** Answers by status, over the file's requests (each test file has its own copy of this module). */
export const statusCounts = new Map<number, number>();

/**
 * One request through `h.handle()`: answered in time, a documented status, an exact `{code}` reply
 * that leaks no key (`leak(key)` is what must not appear) and no stack, the listeners that must
 * (not) have run, and no prototype polluted.
 */
export async function answerOf(
  h: FuzzHarness,
  request: WebhookRequest,
  leak: (key: string) => string = (key) => key,
): Promise<{ status: number; reply: { code: number; message?: string } }> {
  h.seen.on = 0;
  h.seen.any = 0;
  h.seen.commands.length = 0;
  h.seen.errors.length = 0;
  h.seen.invalid = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<"late">((resolve) => {
    timer = setTimeout(resolve, ANSWER_WITHIN_MS, "late");
  });
  const response = await Promise.race([h.handle(request), late]).finally(() => clearTimeout(timer));
  if (response === "late") throw new Error(`no answer within ${ANSWER_WITHIN_MS} ms`);

  const { status } = response;
  statusCounts.set(status, (statusCounts.get(status) ?? 0) + 1);
  expect(STATUSES.has(status), `status ${status}: ${response.body}`).toBe(true);
  expect(response.headers["content-type"]).toMatch(/^application\/json/);
  const reply = JSON.parse(response.body) as { code: number; message?: string };
  if (status === 200) {
    expect(response.body).toBe('{"code":0}');
  } else {
    expect(Object.keys(reply)).toEqual(["code", "message"]);
    expect(reply.code).toBe(status);
    expect(typeof reply.message).toBe("string");
    expect(response.body).toBe(JSON.stringify({ code: status, message: reply.message }));
    for (const key of h.keys) expect(response.body).not.toContain(leak(key));
    expect(response.body).not.toMatch(/\bat .+:\d+:\d+/);
  }

  const { seen } = h;
  if (status === 200) {
    // Handled, or quarantined (every request that reaches the schema here is signed).
    expect(seen.any + seen.invalid).toBe(1);
    expect(seen.errors).toEqual([]);
  } else {
    // Handlers here never fail: every refusal is the pipeline's, before any handler, and reaches
    // onError (405/413/415 without a body: one never read, or too large to keep).
    expect(seen.on + seen.any + seen.invalid).toBe(0);
    expect(seen.errors.map((error) => error.status)).toEqual([status]);
    if (NOT_CALLBACKS.has(status)) expect(seen.errors[0]!.request.rawBody).toBeUndefined();
  }
  expect(prototypeFingerprint()).toBe(FINGERPRINT);
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  return { status, reply };
}

export interface ProtocolFuzz<H, G> {
  /** What the two `it` titles say each property covers. */
  anyRequest: string;
  validSamples: string;
  harnesses: readonly H[];
  requestArb: fc.Arbitrary<G>;
  validArb: fc.Arbitrary<{ h: H; generated: G }>;
  /** Sends the request to the harness's dispatcher and compares the answer with the model's. */
  runAndCompare(h: H, generated: G): Promise<unknown>;
}

export function describeProtocolFuzz<H, G>(title: string, fuzz: ProtocolFuzz<H, G>): void {
  describe(title, () => {
    it(
      `any request: ${fuzz.anyRequest}`,
      async () => {
        statusCounts.clear();
        await fc.assert(
          fc.asyncProperty(fc.constantFrom(...fuzz.harnesses), fuzz.requestArb, async (h, generated) => {
            await fuzz.runAndCompare(h, generated);
          }),
          { numRuns: runs(1600), ...replay() },
        );
        for (const status of STATUSES) expect(statusCounts.get(status) ?? 0, `status ${status}`).toBeGreaterThan(0);
      },
      fuzzTimeout(),
    );

    it(
      `valid signed samples (${fuzz.validSamples}): always 200, to their own handler`,
      async () => {
        await fc.assert(
          fc.asyncProperty(fuzz.validArb, async ({ h, generated }) => {
            await fuzz.runAndCompare(h, generated);
          }),
          { numRuns: runs(400), ...replay() },
        );
      },
      fuzzTimeout(),
    );
  });
}
