import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseQuery } from "../../src/pipeline/query.js";

/** The reference: what URLSearchParams makes of the query, keys lower-cased, values grouped. */
function reference(url: string): Map<string, string[]> {
  const query = new Map<string, string[]>();
  const start = url.indexOf("?");
  if (start === -1) return query;
  for (const [key, value] of new URLSearchParams(url.slice(start + 1))) {
    const name = key.toLowerCase();
    query.set(name, [...(query.get(name) ?? []), value]);
  }
  return query;
}

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
        const url = `/${path.replace(/\?/g, "")}?${parts.join("")}`;
        expect(parseQuery(url)).toEqual(reference(url));
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
  ])("%s", (url) => {
    expect(parseQuery(url)).toEqual(reference(url));
  });
});
