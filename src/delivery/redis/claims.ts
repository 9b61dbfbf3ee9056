/**
 * The Redis {@link DedupeStore} (inline mode's `dedupe: queue.dedupe`): a claim is one
 * `SET key 1 NX EX ttl` on the receiver's connection, on the key BullMQ's deduplication uses. A claim whose reply was lost or came too late, and a release that could not be
 * sent, are given back (deleted) as soon as the connection is back, so that Tencent's retry of a
 * refused callback is not taken for a duplicate.
 */
import type { DedupeStore } from "../contract.js";
import { notSent, type Connection } from "./connection.js";

const MAX_PENDING_RELEASES = 10_000;

export function redisClaims(shared: Connection): DedupeStore {
  const { client: receiver, report: reportError, settings } = shared;
  // BullMQ's own deduplication key: `claim()` and a queued write's claim (`claimAndEnqueue`) are one key.
  const dedupeKey = (key: string) => `${settings.prefix}:${settings.name}:de:${key}`;

  // Releases that failed (Redis down) are retried once it is back, so that the claim does not
  // outlive the callback it was for and Tencent's retry is not taken for a duplicate.
  const pendingReleases = new Set<string>();
  receiver.on("ready", () => {
    if (pendingReleases.size === 0) return;
    const keys = [...pendingReleases];
    pendingReleases.clear();
    receiver.del(...keys).catch((error: unknown) => {
      for (const key of keys) if (pendingReleases.size < MAX_PENDING_RELEASES) pendingReleases.add(key);
      reportError(error);
    });
  });

  /** Deletes a claim now if connected, else once the connection is back. */
  const giveBack = (redisKey: string): void => {
    if (shared.closed) return;
    if (receiver.status !== "ready") {
      if (pendingReleases.size < MAX_PENDING_RELEASES) pendingReleases.add(redisKey);
      return;
    }
    receiver.del(redisKey).catch(() => {
      if (pendingReleases.size < MAX_PENDING_RELEASES) pendingReleases.add(redisKey);
    });
  };

  return {
    claim(key: string, ttlSeconds: number): Promise<boolean> {
      if (typeof key !== "string") return Promise.reject(new TypeError("tencent-webhooks: claim(key) needs a string key"));
      if (typeof ttlSeconds !== "number" || !(ttlSeconds > 0)) {
        return Promise.reject(new TypeError(`tencent-webhooks: claim() needs ttlSeconds > 0, got ${String(ttlSeconds)}`));
      }
      const redisKey = dedupeKey(key);
      return shared.bounded("the dedupe claim", async (live) => {
        await shared.connected();
        if (!live()) return false; // Never sent.
        let reply: string | null;
        try {
          reply = await receiver.set(redisKey, "1", "EX", Math.ceil(ttlSeconds), "NX");
        } catch (error) {
          // Sent, but the reply was lost (connection closed, command timeout): Redis may hold the
          // claim of a callback that is being refused. Give it back, or Tencent's retry would be
          // taken for a duplicate and the callback lost.
          if (!notSent(error)) giveBack(redisKey);
          throw error;
        }
        if (reply === "OK" && !live()) giveBack(redisKey); // Won, but too late: the caller was told it failed.
        return reply === "OK";
      });
    },
    async release(key: string): Promise<void> {
      const redisKey = dedupeKey(key);
      // Never thrown and never waited for while Redis is away: the caller is answering an error
      // already. The DEL is sent once the connection is back (see above).
      if (shared.closed || receiver.status !== "ready") return giveBack(redisKey);
      try {
        await shared.bounded("the dedupe release", () => receiver.del(redisKey));
        pendingReleases.delete(redisKey);
      } catch (error) {
        giveBack(redisKey);
        reportError(error);
      }
    },
  };
}
