/** The kit's raw-text field setter (CSS signs fields of the body): only top-level members change, every other byte stays. */
import { describe, expect, it } from "vitest";
import { setTopLevelFields } from "../../src/testing/json-text.js";

describe("setTopLevelFields", () => {
  it("replaces top-level members in place, leaving whitespace, order and 64-bit literals alone", () => {
    const text = '{\n\t"t": 1,\n\t"big": 144115216631667826,\n\t"sign" : "old"\n}\n';
    expect(setTopLevelFields(text, { t: "2", sign: '"new"' })).toBe('{\n\t"t": 2,\n\t"big": 144115216631667826,\n\t"sign" : "new"\n}\n');
  });

  it("leaves nested members and look-alikes inside strings untouched", () => {
    const text = '{"a":{"t":1,"x":[{"t":2}]},"s":"\\"t\\":3 } ]","t":4}';
    expect(setTopLevelFields(text, { t: "9" })).toBe('{"a":{"t":1,"x":[{"t":2}]},"s":"\\"t\\":3 } ]","t":9}');
  });

  it("appends members that are missing, also to an empty object", () => {
    expect(setTopLevelFields('{"a":1}', { t: "5", sign: '"s"' })).toBe('{"a":1,"t":5,"sign":"s"}');
    expect(setTopLevelFields("{ }", { t: "5" })).toBe('{ "t":5}');
  });

  it("matches keys by their decoded value", () => {
    expect(setTopLevelFields('{"\\u0074":1}', { t: "2" })).toBe('{"\\u0074":2}');
  });

  it.each(["", "[]", '{"a":1', '{"a" 1}', '{"a":1} x', '{"a":}', "null"])("refuses what is not one JSON object: %j", (text) => {
    expect(() => setTopLevelFields(text, { t: "1" })).toThrow(/must be one JSON object/);
  });
});
