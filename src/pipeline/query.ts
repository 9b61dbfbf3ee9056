/** The query string, as Tencent sends it: keys case-insensitive, duplicates kept (and refused when they disagree). */

const NON_ASCII = /[^\x00-\x7f]/;

/**
 * Query parameters by lower-cased key (Tencent's pages spell them `SdkAppid`, `SdkAppId`,
 * `sdkappid`), built in one pass: `record`, the last value of each key (what events and reports
 * show; last value wins, as most frameworks do), and `conflicts`, the keys given more than once
 * with different values.
 */
export interface Query {
  readonly record: Record<string, string>;
  conflicts: Set<string> | undefined;
}

/**
 * Whether URLSearchParams would have to decode anything: `%` escapes, `+` (a space), or non-ASCII
 * text (it re-encodes that as UTF-8, which turns lone surrogates into U+FFFD; a string is ASCII
 * without any code unit above 0x7f). A query without any is split as it stands:
 * Tencent's, made of ids, names, hex and digits, always is.
 */
function needsDecoding(search: string): boolean {
  return search.includes("%") || search.includes("+") || NON_ASCII.test(search);
}

export function parseQuery(url: string): Query {
  const query: Query = { record: {}, conflicts: undefined };
  const start = url.indexOf("?");
  if (start === -1) return query;
  const search = url.slice(start + 1);
  if (needsDecoding(search)) {
    for (const [key, value] of new URLSearchParams(search)) addParam(query, key, value);
    return query;
  }
  // As URLSearchParams splits it: one leading "?" dropped, "&"-separated, empty pairs skipped,
  // the name up to the first "=" (the whole pair, with an empty value, when there is none).
  let from = search.charCodeAt(0) === 63 /* ? */ ? 1 : 0;
  while (from < search.length) {
    let end = search.indexOf("&", from);
    if (end === -1) end = search.length;
    if (end > from) {
      const equals = search.indexOf("=", from);
      if (equals === -1 || equals > end) addParam(query, search.slice(from, end), "");
      else addParam(query, search.slice(from, equals), search.slice(equals + 1, end));
    }
    from = end + 1;
  }
  return query;
}

function addParam(query: Query, key: string, value: string): void {
  const name = key.toLowerCase();
  const { record } = query;
  if (Object.hasOwn(record, name) && record[name] !== value) {
    query.conflicts ??= new Set();
    query.conflicts.add(name);
  }
  record[name] = value;
}

/** One value per key; the same key twice with different values is ambiguous, and refused. */
export function single(query: Query, name: string): string | undefined | typeof CONFLICT {
  if (query.conflicts?.has(name)) return CONFLICT;
  return Object.hasOwn(query.record, name) ? query.record[name] : undefined;
}
export const CONFLICT = Symbol("conflicting query values");

/** For informational keys (ClientIP, OptPlatform): a conflicting or empty value is no value. */
export function optional(query: Query, name: string): string | undefined {
  const value = single(query, name);
  return typeof value === "string" && value !== "" ? value : undefined;
}
