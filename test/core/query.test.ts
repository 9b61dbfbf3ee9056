import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CONFLICT, parseQuery, single } from "../../src/pipeline/query.js";

type View = { record: Record<string, string>; single: Map<string, string | typeof CONFLICT> };

/** The reference: what URLSearchParams makes of the query, keys lower-cased, values grouped. */
function reference(url: string): View {
  const grouped = new Map<string, string[]>();
  const start = url.indexOf("?");
  if (start !== -1) {
    for (const [key, value] of new URLSearchParams(url.slice(start + 1))) {
      const name = key.toLowerCase();
      grouped.set(name, [...(grouped.get(name) ?? []), value]);
    }
  }
  const record: Record<string, string> = {};
  const singles = new Map<string, string | typeof CONFLICT>();
  for (const [name, values] of grouped) {
    record[name] = values.at(-1)!;
    singles.set(name, values.every((value) => value === values[0]) ? values[0]! : CONFLICT);
  }
  return { record, single: singles };
}

/** What the package reads of a parsed query: the record, and single() of every key the reference has. */
function parsed(url: string, keys: Iterable<string>): View {
  const query = parseQuery(url);
  return { record: { ...query.record }, single: new Map([...keys].map((key) => [key, single(query, key)!])) };
}

const check = (url: string) => {
  const expected = reference(url);
  expect(parsed(url, expected.single.keys())).toEqual(expected);
};

// Query-ish characters, weighted towards the ones with meaning: separators, escapes, case.
const queryChar = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom("&", "=", "?", "%", "+", "a", "A", "S", "s", "1", "0", "-", ".", "_", "#") },
  { weight: 2, arbitrary: fc.constantFrom("%2", "%20", "%26", "%3D", "%zz", "%E4%BD%A0", "%FF") },
  { weight: 1, arbitrary: fc.string({ unit: "grapheme", maxLength: 2 }) },
  { weight: 1, arbitrary: fc.string({ unit: "binary", maxLength: 2 }) },
);

describe("parseQuery", () => {
  it("splits exactly as URLSearchParams would (differential, 3,000 runs)", () => {
    fc.assert(
      fc.property(fc.array(queryChar, { maxLength: 40 }), fc.string({ maxLength: 8 }), (parts, path) => {
        check(`/${path.replace(/\?/g, "")}?${parts.join("")}`);
      }),
      { numRuns: 3000 },
    );
  });

  it.each([
    "/cb?SdkAppid=1400000000&CallbackCommand=Live.CallbackAfterDestroyRoom&contenttype=json&ClientIP=127.0.0.1&OptPlatform=RESTAPI",
    "/cb??a=1&&b&=c&d==e",
    "/cb?a=%E4%BD%A0&b=x+y",
    "/cb",
    "/cb?",
    "/cb?Sign=a&sign=a&SIGN=b&RequestTime=1",
  ])("%s", (url) => {
    check(url);
  });

  it("a key given twice with different values is a conflict, with the same value twice it is not", () => {
    const query = parseQuery("/cb?Sign=a&sign=b&RequestTime=1&requesttime=1");
    expect(single(query, "sign")).toBe(CONFLICT);
    expect(single(query, "requesttime")).toBe("1");
    expect(single(query, "sdkappid")).toBeUndefined();
    expect(single(query, "constructor")).toBeUndefined();
  });
});
