import type { HeaderValue, HeadersInput } from "../types.js";

/** Any header shape to a record with lower-cased keys; repeated headers are joined as HTTP allows. */
export function normalizeHeaders(headers: HeadersInput | undefined): Record<string, string> {
  const record: Record<string, string> = {};
  if (!headers) return record;
  if (typeof headers.forEach === "function") {
    (headers as { forEach(cb: (value: string, key: string) => void): void }).forEach((value, key) => {
      record[key.toLowerCase()] = value;
    });
    return record;
  }
  // Own enumerable keys, in order, as Object.entries gives them, without an array per header.
  for (const key in headers) {
    if (!Object.hasOwn(headers, key)) continue;
    const value = (headers as Record<string, HeaderValue>)[key];
    if (value === undefined) continue;
    record[key.toLowerCase()] = typeof value === "string" ? value : Array.isArray(value) ? value.join(", ") : String(value);
  }
  return record;
}
