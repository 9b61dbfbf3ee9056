/** The raw-text editor behind the CSS signature: top-level members only, every other byte kept. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { memberText, setMembers, topLevelMembers } from "../../src/cli/raw-json.js";
import { cssCatalogue } from "../../schemas/index.js";

describe("setMembers", () => {
  it("replaces values in place, keeping formatting and 64-bit literals", () => {
    const text = '{\n  "t" :  1,\n  "big": 98765432109876543210,\n  "sign":"old"\n}';
    expect(setMembers(text, { t: "2", sign: '"new"' })).toBe('{\n  "t" :  2,\n  "big": 98765432109876543210,\n  "sign":"new"\n}');
  });

  it("inserts missing members first", () => {
    expect(setMembers("{}", { t: "1", sign: '"s"' })).toBe('{"t":1,"sign":"s"}');
    expect(setMembers(' { "a": [1, {"t": 3}] } ', { t: "1" })).toBe(' {"t":1, "a": [1, {"t": 3}] } ');
  });

  it("touches neither nested members nor look-alikes inside strings", () => {
    const text = '{"s":"\\"t\\":1,\\\\","o":{"t":1,"sign":"n"},"a":[{"t":1}],"t":0}';
    expect(setMembers(text, { t: "9" })).toBe('{"s":"\\"t\\":1,\\\\","o":{"t":1,"sign":"n"},"a":[{"t":1}],"t":9}');
  });

  it("replaces every occurrence of a repeated key", () => {
    expect(setMembers('{"t":1,"t":2}', { t: "3" })).toBe('{"t":3,"t":3}');
  });

  it("sets only the keys given: a member named like an Object.prototype property stays", () => {
    expect(setMembers('{"valueOf":1,"constructor":2,"toString":3}', { t: "1" })).toBe('{"t":1,"valueOf":1,"constructor":2,"toString":3}');
  });

  it("matches keys by their decoded text", () => {
    expect(setMembers('{"\\u0074":1}', { t: "2" })).toBe('{"\\u0074":2}');
  });

  it("refuses what is not an object", () => {
    for (const text of ["[]", '"t"', "1", ""]) expect(() => setMembers(text, { t: "1" })).toThrow(SyntaxError);
  });

  it("works on every CSS sample", () => {
    for (const { sample } of cssCatalogue.definitions) {
      const signed = setMembers(sample, { t: "1700000600", sign: '"abc"' });
      const parsed = JSON.parse(signed) as Record<string, unknown>;
      expect(parsed.t).toBe(1700000600);
      expect(parsed.sign).toBe("abc");
      expect(JSON.parse(setMembers(signed, { t: memberText(sample, "t") ?? "0", sign: memberText(sample, "sign") ?? '""' }))).toMatchObject(
        Object.fromEntries(Object.entries(JSON.parse(sample) as object).filter(([key]) => key !== "t" && key !== "sign")),
      );
    }
  });

  it("property: the result parses as the original with t and sign set, whatever the object and its formatting", () => {
    const key = fc.oneof(fc.constantFrom("t", "sign", "a", "T", "t ", "valueOf", "constructor"), fc.string()).filter((k) => k !== "__proto__");
    fc.assert(
      fc.property(fc.dictionary(key, fc.jsonValue()), fc.constantFrom(undefined, 0, 2, "\t"), fc.nat(), fc.string(), (object, indent, t, sign) => {
        const text = JSON.stringify(object, null, indent);
        const result = setMembers(text, { t: String(t), sign: JSON.stringify(sign) });
        const expected = JSON.parse(text) as Record<string, unknown>;
        expected.t = t;
        expected.sign = sign;
        expect(JSON.parse(result)).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });
});

describe("topLevelMembers and memberText", () => {
  it("lists the members with their value spans", () => {
    const text = '{"a":1, "b" : {"c":[2]} ,"d":"x"}';
    const { open, members } = topLevelMembers(text);
    expect(open).toBe(0);
    expect(members.map(({ key, valueStart, valueEnd }) => [key, text.slice(valueStart, valueEnd)])).toEqual([
      ["a", "1"],
      ["b", '{"c":[2]}'],
      ["d", '"x"'],
    ]);
    expect(memberText(text, "b")).toBe('{"c":[2]}');
    expect(memberText(text, "z")).toBeUndefined();
    expect(memberText('{"t":1,"t":"2"}', "t")).toBe('"2"'); // the last, as JSON.parse keeps
  });
});
