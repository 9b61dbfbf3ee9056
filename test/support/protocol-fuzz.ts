/**
 * The two properties every protocol's fuzz suite asserts (TRTC, CSS): any generated request is
 * answered as the suite's model predicts, and the model is not vacuous (every status it knows was
 * answered to some request); valid signed samples always reach their own handler with a 200.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fuzzTimeout, replay, runs } from "./arbitraries.js";

export interface ProtocolFuzz<H, G> {
  /** What the two `it` titles say each property covers. */
  anyRequest: string;
  validSamples: string;
  harnesses: readonly H[];
  requestArb: fc.Arbitrary<G>;
  validArb: fc.Arbitrary<{ h: H; generated: G }>;
  /** Sends the request to the harness's dispatcher and compares the answer with the model's. */
  runAndCompare(h: H, generated: G): Promise<unknown>;
  /** Filled by runAndCompare: answers by status. */
  statusCounts: Map<number, number>;
}

const MODEL_STATUSES = [200, 400, 401, 403, 405, 413, 415, 500];

export function describeProtocolFuzz<H, G>(title: string, fuzz: ProtocolFuzz<H, G>): void {
  describe(title, () => {
    it(
      `any request: ${fuzz.anyRequest}`,
      async () => {
        fuzz.statusCounts.clear();
        await fc.assert(
          fc.asyncProperty(fc.constantFrom(...fuzz.harnesses), fuzz.requestArb, async (h, generated) => {
            await fuzz.runAndCompare(h, generated);
          }),
          { numRuns: runs(1600), ...replay() },
        );
        for (const status of MODEL_STATUSES) expect(fuzz.statusCounts.get(status) ?? 0, `status ${status}`).toBeGreaterThan(0);
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
