import { describe, expect, it } from "vitest";
import { computeSignature, signatureMatches, signedQuery } from "../../src/protocols/callback/signature.js";

describe("callback signature", () => {
  it("matches Tencent's documented test vector", () => {
    expect(computeSignature("xxxxyyyy", "1669872112")).toBe("17773bc39a671d7b9aa835458704d2a6db81360a5940292b587d6d760d484061");
  });

  it("compares case-insensitively and treats other lengths as a mismatch, not an exception", () => {
    const expected = computeSignature("xxxxyyyy", 1669872112);
    expect(signatureMatches(expected, expected.toUpperCase())).toBe(true);
    expect(signatureMatches(expected, expected.slice(1))).toBe(false);
    expect(signatureMatches(expected, "")).toBe(false);
    expect(signatureMatches(expected, `${expected}00`)).toBe(false);
    expect(signatureMatches(expected, "é".repeat(32))).toBe(false);
  });

  it("signedQuery signs the request time in whole seconds", () => {
    expect(signedQuery("xxxxyyyy", 1669872112_999)).toEqual({
      Sign: "17773bc39a671d7b9aa835458704d2a6db81360a5940292b587d6d760d484061",
      RequestTime: "1669872112",
    });
  });
});
