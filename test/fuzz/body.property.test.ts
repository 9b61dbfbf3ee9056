/**
 * The body parser against an independent oracle (lossless-json): for any JSON text, the payload
 * is exactly what lossless-json makes of it when unsafe integers are kept as their decimal string
 * and every other number is a JS number — and exactly JSON.parse's result when the text holds no
 * unsafe integer. Invalid JSON stays invalid; `__proto__` / `constructor.prototype` are refused.
 */
import fc from "fast-check";
import { isInteger, parse as losslessParse } from "lossless-json";
import { describe, expect, it } from "vitest";
import { parseJsonObject } from "../../src/json/parse.js";
import { isRejection, type RejectionReason } from "../../src/errors.js";
import {
  BODY_MESSAGES,
  bigIntegerToken,
  bodyOracle,
  hasForbiddenKey,
  jsonText,
  leadingZeroText,
  mutatedText,
  fuzzTimeout,
  replay,
  runs,
} from "../support/arbitraries.js";

/** How many integer tokens in `text` a JS number cannot hold exactly (per lossless-json's tokenizer). */
function unsafeIntegers(text: string): number {
  let count = 0;
  losslessParse(text, null, {
    parseNumber: (token) => {
      if (isInteger(token) && !Number.isSafeInteger(Number(token))) count++;
      return 0;
    },
    onDuplicateKey: ({ newValue }) => newValue,
  });
  return count;
}

function refusal(text: string): RejectionReason | undefined {
  return refusalWithMessage(text)?.reason;
}

function refusalWithMessage(text: string): { reason: RejectionReason; message: string } | undefined {
  try {
    parseJsonObject(text);
    return undefined;
  } catch (error) {
    if (!isRejection(error)) throw error; // anything else escaping the parser is a bug
    return { reason: error.data!.reason, message: error.message };
  }
}

function expectLikeOracle(text: string): void {
  const expected = bodyOracle(text);
  if ("reason" in expected) {
    expect(refusalWithMessage(text), text).toEqual({ reason: expected.reason, message: expected.message });
  } else {
    expect(parseJsonObject(text), text).toEqual(expected.value);
  }
}

describe("parseJsonObject against lossless-json (property)", { timeout: fuzzTimeout() }, () => {
  it("valid JSON objects (big integers, exponents, fractions, unicode, duplicate keys): equals the oracle", () => {
    fc.assert(
      fc.property(jsonText().object, (text) => {
        // Keys come from fc.string(), which likes "__proto__": the oracle decides refusals too.
        expectLikeOracle(text);
      }),
      { numRuns: runs(2500), ...replay() },
    );
  });

  it("texts without an unsafe integer (fc.json, fc.jsonValue): equals JSON.parse too", () => {
    const objectText = fc.oneof(
      fc.json().map((json) => `{"v":${json}}`),
      fc.dictionary(fc.string(), fc.jsonValue()).map((value) => JSON.stringify(value)),
      jsonText({ maxDepth: 3 }).object,
    );
    let compared = 0;
    fc.assert(
      fc.property(objectText, (text) => {
        expectLikeOracle(text); // fc.string() likes to produce "__proto__" and "constructor" keys
        if (unsafeIntegers(text) === 0 && !hasForbiddenKey(JSON.parse(text))) {
          compared++;
          expect(parseJsonObject(text)).toEqual(JSON.parse(text));
        }
      }),
      { numRuns: runs(1500), ...replay() },
    );
    expect(compared).toBeGreaterThan(500);
  });

  it("big integers injected anywhere (negative, with fraction or exponent, inside strings): equals the oracle", () => {
    const injected = fc
      .tuple(jsonText({ maxDepth: 2 }).value, bigIntegerToken, jsonText({ maxDepth: 2 }).value, fc.constantFrom("", ".5", "e3", "E-2", ".0e+1"))
      .map(([a, big, b, tail]) => `{"a":${a},"big":${big}${tail},"list":[${big},${b},"${big}"],"neg":-${big.replace(/^-/, "")}}`);
    fc.assert(
      fc.property(injected, (text) => {
        expectLikeOracle(text);
      }),
      { numRuns: runs(1000), ...replay() },
    );
  });

  it("hostile keys (__proto__, escaped \\u005f_proto__, constructor.prototype): refused exactly when they could pollute", () => {
    let refused = 0;
    fc.assert(
      fc.property(jsonText({ hostileKeys: true }).object, (text) => {
        const expected = bodyOracle(text);
        if ("reason" in expected) refused++;
        expectLikeOracle(text);
      }),
      { numRuns: runs(1500), ...replay() },
    );
    expect(refused).toBeGreaterThan(50);
  });

  it("mutated texts: accepted exactly when JSON.parse accepts them, and then equal to the oracle", () => {
    fc.assert(
      fc.property(mutatedText(jsonText({ hostileKeys: true }).object), (text) => {
        expectLikeOracle(text);
      }),
      { numRuns: runs(2500), ...replay() },
    );
  });

  it("integers with leading zeros are invalid JSON, however many digits", () => {
    fc.assert(
      fc.property(leadingZeroText, (text) => {
        expect(refusal(text), text).toBe("invalid_json");
      }),
      { numRuns: runs(300), ...replay() },
    );
  });

  it.each([
    '{"a":00000000000000000009007199254740993}',
    '{"a":-012345678901234567890}',
    '{"a":[0, 012345678901234567890]}',
    '{"a":[012345678901234567890,"x"]}',
    '{"s":"x", "a":012345678901234567890}',
  ])("regression: %s is invalid JSON, not a string", (text) => {
    expect(refusal(text)).toBe("invalid_json");
  });

  it.each(['{"a": prototype}', '{"prototype": }', '{"constructor": prototype}', '{"__proto__"'])(
    "regression: invalid JSON whose text says 'prototype' (%s) is reported as invalid JSON, not as a forbidden key",
    (text) => {
      expect(refusalWithMessage(text)).toEqual({ reason: "invalid_json", message: BODY_MESSAGES.notJson });
    },
  );
});
