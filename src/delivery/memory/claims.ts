/** The memory queue's {@link DedupeStore}: claims by key, each with its expiry time, in this process only. */
import type { DedupeStore } from "../contract.js";
import { fail } from "./option-checks.js";

export function memoryClaims(): DedupeStore {
  const claims = new Map<string, number>();

  /** Drops expired claims from the oldest end, stopping at the first live one (lazy, amortised O(1)). */
  function sweep(now: number): void {
    for (const [key, expiresAt] of claims) {
      if (expiresAt > now) return;
      claims.delete(key);
    }
  }

  return {
    async claim(key: string, ttlSeconds: number): Promise<boolean> {
      if (typeof key !== "string") fail("claim(key) needs a string key");
      if (typeof ttlSeconds !== "number" || !(ttlSeconds > 0)) fail(`claim() needs ttlSeconds > 0, got ${String(ttlSeconds)}`);
      const now = Date.now();
      sweep(now);
      const expiresAt = claims.get(key);
      if (expiresAt !== undefined && expiresAt > now) return false;
      // Re-inserted at the end, so the map stays roughly in expiry order for sweep().
      claims.delete(key);
      claims.set(key, now + ttlSeconds * 1000);
      return true;
    },
    async release(key: string): Promise<void> {
      claims.delete(key);
    },
  };
}
