import { describe, expect, it } from "vitest";
import { parseJsonObject, quoteUnsafeIntegers } from "../../src/json/parse.js";
import { isRejection } from "../../src/errors.js";
import { sampleOf } from "../support/fixtures.js";

function reasonOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (error) {
    return isRejection(error) ? error.data!.reason : "not a rejection";
  }
  return undefined;
}

describe("parseJsonObject: lossless 64-bit integers", () => {
  it("keeps the seed sample's Owner_Account exact, everything else as JSON.parse", () => {
    const payload = parseJsonObject(sampleOf("Live.CallbackAfterDestroyRoom"));
    const roomInfo = payload.RoomInfo as Record<string, unknown>;
    expect(roomInfo.Owner_Account).toBe("144115216631667826");
    expect(JSON.parse(sampleOf("Live.CallbackAfterDestroyRoom")).RoomInfo.Owner_Account).toBe(144115216631667840); // the trap
    expect(payload.EventTime).toBe(1703589922780);
    expect(roomInfo.Category).toEqual([1, 2, 3]);
  });

  it.each([
    ['{"a":9007199254740991}', 9007199254740991], // largest safe integer stays a number
    ['{"a":9007199254740992}', "9007199254740992"],
    ['{"a":-144115216631667826}', "-144115216631667826"],
    ['{"a":[144115216631667826, 1]}', ["144115216631667826", 1]],
    ['{"a" : 144115216631667826 }', "144115216631667826"],
    ['{"a":1441152166316678260000000000}', "1441152166316678260000000000"],
    ['{"a":1.44115216631667826}', 1.44115216631667826], // fractions are floats, as in JSON.parse
    ['{"a":144115216631667826e2}', 144115216631667826e2], // so are exponents
    ['{"a":"144115216631667826"}', "144115216631667826"],
  ])("%s", (text, expected) => {
    expect(parseJsonObject(text).a).toEqual(expected);
  });

  it("never touches digits inside strings, even ones that look like values", () => {
    const text = '{"a":"x: 144115216631667826, y","b":144115216631667826,"c":"[144115216631667826]"}';
    expect(parseJsonObject(text)).toEqual({ a: "x: 144115216631667826, y", b: "144115216631667826", c: "[144115216631667826]" });
  });

  it("handles escaped quotes inside strings before a big integer", () => {
    const text = String.raw`{"a":"he said \"144115216631667826\" \\","b":144115216631667826}`;
    expect(parseJsonObject(text)).toEqual({ a: 'he said "144115216631667826" \\', b: "144115216631667826" });
  });

  it("quoteUnsafeIntegers leaves safe and non-integer tokens alone", () => {
    expect(quoteUnsafeIntegers('{"a":1,"b":1.5e300,"c":123456789012345678}')).toBe('{"a":1,"b":1.5e300,"c":"123456789012345678"}');
  });

  it("keeps the last of duplicate keys, like JSON.parse, on both paths", () => {
    expect(parseJsonObject('{"a":1,"a":2}').a).toBe(2);
    expect(parseJsonObject('{"a":144115216631667826,"a":144115216631667827}').a).toBe("144115216631667827");
  });
});

describe("parseJsonObject: refusals", () => {
  it.each([
    ['{"__proto__":{"x":1}}', "invalid_json"],
    ['{"a":{"__proto__":{"x":1}}}', "invalid_json"],
    [String.raw`{"\u005f_proto__":{"x":1}}`, "invalid_json"],
    ['{"a":{"constructor":{"prototype":{"x":1}}}}', "invalid_json"],
    ['{"__proto__":{"x":1},"n":144115216631667826}', "invalid_json"],
    ["[1,2]", "invalid_body"],
    ["null", "invalid_body"],
    ['"text"', "invalid_body"],
    ["{", "invalid_json"],
    ["", "invalid_json"],
    ['{"a":144115216631667826', "invalid_json"],
  ])("%s → %s", (text, reason) => {
    expect(reasonOf(() => parseJsonObject(text))).toBe(reason);
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });

  it("accepts a harmless constructor key", () => {
    expect(parseJsonObject('{"constructor":"x"}').constructor).toBe("x");
  });
});
