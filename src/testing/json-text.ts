/**
 * Top-level members of a JSON object's text, set without re-serialising the rest: a sample's
 * 64-bit literals, its key order and its whitespace stay byte for byte (CSS signs fields of the
 * body, and a re-serialised body would round `sequence`-like integers).
 */

interface Member {
  key: string;
  /** Where the member's value starts and ends in the text. */
  start: number;
  end: number;
}

/** Sets `fields` (JSON value texts by key) on the top-level object in `text`: replaced where present, appended where not. */
export function setTopLevelFields(text: string, fields: Readonly<Record<string, string>>): string {
  const { members, close } = topLevelMembers(text);
  let result = text;
  const missing: string[] = [];
  for (const [key, value] of Object.entries(fields)) {
    if (!members.some((member) => member.key === key)) missing.push(`${JSON.stringify(key)}:${value}`);
  }
  if (missing.length > 0) {
    const separator = members.length > 0 ? "," : "";
    result = `${result.slice(0, close)}${separator}${missing.join(",")}${result.slice(close)}`;
  }
  // From the last to the first, so that earlier offsets stay valid.
  for (const member of [...members].sort((a, b) => b.start - a.start)) {
    const value = fields[member.key];
    if (value !== undefined && Object.hasOwn(fields, member.key)) result = `${result.slice(0, member.start)}${value}${result.slice(member.end)}`;
  }
  return result;
}

function topLevelMembers(text: string): { members: Member[]; close: number } {
  const fail = (): never => {
    throw new TypeError("tencent-webhooks/testing: the payload text must be one JSON object");
  };
  let at = skipSpace(text, 0);
  if (text[at] !== "{") fail();
  at = skipSpace(text, at + 1);
  const members: Member[] = [];
  if (text[at] === "}") return { members, close: trailingEnd(text, at, fail) };
  for (;;) {
    if (text[at] !== '"') fail();
    const keyEnd = stringEnd(text, at, fail);
    const key = JSON.parse(text.slice(at, keyEnd)) as string;
    at = skipSpace(text, keyEnd);
    if (text[at] !== ":") fail();
    const start = skipSpace(text, at + 1);
    const end = valueEnd(text, start, fail);
    members.push({ key, start, end });
    at = skipSpace(text, end);
    if (text[at] === ",") {
      at = skipSpace(text, at + 1);
      continue;
    }
    if (text[at] === "}") return { members, close: trailingEnd(text, at, fail) };
    fail();
  }
}

/** The closing brace's offset, once only whitespace follows it. */
function trailingEnd(text: string, close: number, fail: () => never): number {
  if (skipSpace(text, close + 1) !== text.length) fail();
  return close;
}

function skipSpace(text: string, at: number): number {
  while (at < text.length && " \t\n\r".includes(text[at]!)) at++;
  return at;
}

/** The offset just past the string starting at `at`. */
function stringEnd(text: string, at: number, fail: () => never): number {
  for (let i = at + 1; i < text.length; i++) {
    if (text[i] === "\\") i++;
    else if (text[i] === '"') return i + 1;
  }
  return fail();
}

/** The offset just past the value starting at `at` (nested objects and arrays skipped whole). */
function valueEnd(text: string, at: number, fail: () => never): number {
  const first = text[at];
  if (first === '"') return stringEnd(text, at, fail);
  if (first === "{" || first === "[") {
    let depth = 0;
    for (let i = at; i < text.length; i++) {
      const char = text[i];
      if (char === '"') i = stringEnd(text, i, fail) - 1;
      else if (char === "{" || char === "[") depth++;
      else if (char === "}" || char === "]") {
        depth--;
        if (depth === 0) return i + 1;
      }
    }
    return fail();
  }
  let end = at;
  while (end < text.length && !",}] \t\n\r".includes(text[end]!)) end++;
  return end === at ? fail() : end;
}
