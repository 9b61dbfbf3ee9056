import type { HeadersInput } from "./types.js";

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
  for (const [key, value] of Object.entries(headers)) {
    if (value === undefined) continue;
    record[key.toLowerCase()] = Array.isArray(value) ? value.join(", ") : String(value);
  }
  return record;
}
