/** Checks for the memory queue's option values: each returns the value, or the default when it is absent. */

export function fail(message: string): never {
  throw new TypeError(`tencent-webhooks: ${message}`);
}

export function positive(name: string, value: unknown, fallback: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== "number" || !Number.isFinite(value) || value <= 0) fail(`\`${name}\` must be a number > 0, got ${JSON.stringify(value)}`);
  return value;
}

export function nonNegative(name: string, value: unknown, fallback: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== "number" || !Number.isFinite(value) || value < 0) fail(`\`${name}\` must be a number >= 0, got ${JSON.stringify(value)}`);
  return value;
}

export function positiveInteger(name: string, value: unknown, fallback: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== "number" || !Number.isSafeInteger(value) || value <= 0) fail(`\`${name}\` must be a positive integer, got ${JSON.stringify(value)}`);
  return value;
}
