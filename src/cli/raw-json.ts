/**
 * Edits top-level members of a JSON object in its raw text, leaving every other byte alone:
 * the CSS signature (`t`, `sign`) goes into the sample as written, so 64-bit literals and the
 * formatting stay exactly as Tencent's page has them (never JSON.parse + JSON.stringify).
 * The text must already be valid JSON (a sample, or a payload checked by parseJsonObject).
 */

export interface Member {
  key: string;
  /** Where the value's text starts and ends (exclusive). */
  valueStart: number;
  valueEnd: number;
}

/** The top-level members of the object `text` holds, in order (duplicates included), and where its `{` is. */
export function topLevelMembers(text: string): { open: number; members: Member[] } {
  let i = skipSpace(text, 0);
  if (text[i] !== "{") throw new SyntaxError("expected a JSON object");
  const open = i;
  const members: Member[] = [];
  i = skipSpace(text, i + 1);
  if (text[i] === "}") return { open, members };
  for (;;) {
    const keyEnd = skipString(text, i);
    const key = JSON.parse(text.slice(i, keyEnd)) as string; // a string literal only: no number is parsed
    i = skipSpace(text, keyEnd);
    if (text[i] !== ":") throw new SyntaxError(`expected ":" at ${i}`);
    const valueStart = skipSpace(text, i + 1);
    const valueEnd = skipValue(text, valueStart);
    members.push({ key, valueStart, valueEnd });
    i = skipSpace(text, valueEnd);
    if (text[i] === "}") return { open, members };
    if (text[i] !== ",") throw new SyntaxError(`expected "," or "}" at ${i}`);
    i = skipSpace(text, i + 1);
  }
}

/**
 * Sets top-level members to the given JSON value texts: an existing member's value is replaced
 * in place (every occurrence, should the key be repeated); a missing one is inserted first.
 */
export function setMembers(text: string, values: Readonly<Record<string, string>>): string {
  const { open, members } = topLevelMembers(text);
  const wanted = new Map(Object.entries(values)); // own keys only: a member named "valueOf" is not one of them
  let out = text;
  for (const member of [...members].reverse()) {
    const value = wanted.get(member.key);
    if (value !== undefined) out = out.slice(0, member.valueStart) + value + out.slice(member.valueEnd);
  }
  const missing = [...wanted].filter(([key]) => !members.some((member) => member.key === key));
  if (missing.length === 0) return out;
  const inserted = missing.map(([key, value]) => `${JSON.stringify(key)}:${value}`).join(",");
  return `${out.slice(0, open + 1)}${inserted}${members.length > 0 ? "," : ""}${out.slice(open + 1)}`;
}

/** The raw text of a top-level member's value (the last one, as JSON.parse would keep), if present. */
export function memberText(text: string, key: string): string | undefined {
  const found = topLevelMembers(text)
    .members.filter((member) => member.key === key)
    .pop();
  return found && text.slice(found.valueStart, found.valueEnd);
}

const isSpace = (char: string | undefined) => char === " " || char === "\t" || char === "\n" || char === "\r";

function skipSpace(text: string, from: number): number {
  let i = from;
  while (isSpace(text[i])) i++;
  return i;
}

/** The end of the string literal starting at `from` (its opening quote). */
function skipString(text: string, from: number): number {
  if (text[from] !== '"') throw new SyntaxError(`expected a string at ${from}`);
  for (let i = from + 1; i < text.length; i++) {
    if (text[i] === "\\") i++;
    else if (text[i] === '"') return i + 1;
  }
  throw new SyntaxError("unterminated string");
}

/** The end of the value starting at `from`: a string, an object or array (nested), or a bare literal. */
function skipValue(text: string, from: number): number {
  const first = text[from];
  if (first === '"') return skipString(text, from);
  if (first === "{" || first === "[") {
    let depth = 0;
    for (let i = from; i < text.length; i++) {
      const char = text[i];
      if (char === '"') i = skipString(text, i) - 1;
      else if (char === "{" || char === "[") depth++;
      else if (char === "}" || char === "]") {
        depth--;
        if (depth === 0) return i + 1;
      }
    }
    throw new SyntaxError("unterminated object or array");
  }
  let i = from;
  while (i < text.length && !isSpace(text[i]) && text[i] !== "," && text[i] !== "}" && text[i] !== "]") i++;
  if (i === from) throw new SyntaxError(`expected a value at ${from}`);
  return i;
}
