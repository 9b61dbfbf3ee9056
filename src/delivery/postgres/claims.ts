/**
 * The PostgreSQL {@link DedupeStore} (inline mode's `dedupe: queue.dedupe`): a claim is one
 * `INSERT … ON CONFLICT DO UPDATE … WHERE expired` into BullMQ's own deduplication table (the row
 * BullMQ's `deduplication` option would use), under the advisory lock BullMQ's `add_job` takes
 * for that key. Expiries are in ms on the client's clock, as BullMQ's.
 * A claim that may have landed after its caller was told it failed, and a release that could not
 * be sent, are deleted as soon as PostgreSQL answers again, so that Tencent's retry of a refused
 * callback is not taken for a duplicate. Expired rows of the queue are swept once a minute.
 */
import type { PgPool } from "bullmq";
import type { DedupeStore } from "../contract.js";
import type { Connection } from "./connection.js";

const MAX_PENDING_RELEASES = 10_000;
const RETRY_MS = 1000;
const SWEEP_MS = 60_000;

// $1 queue, $2 key, $3 now (ms), $4 expiry (ms). The job id "claim" marks a claim without a job.
const CLAIM = `INSERT INTO dedup AS d (queue, dedup_id, job_id, expire_at_ms)
SELECT $1, $2, 'claim', $4::bigint FROM (SELECT pg_advisory_xact_lock(hashtext('bullmq:dedup:' || $1 || ':' || $2))) AS locked
ON CONFLICT (queue, dedup_id) DO UPDATE SET job_id = excluded.job_id, expire_at_ms = excluded.expire_at_ms
WHERE d.expire_at_ms IS NOT NULL AND d.expire_at_ms <= $3::bigint RETURNING 1`;
const RELEASE = "DELETE FROM dedup WHERE queue = $1 AND dedup_id = ANY($2::text[])";
const SWEEP = "DELETE FROM dedup WHERE queue = $1 AND expire_at_ms <= $2::bigint";

export interface PostgresClaims extends DedupeStore {
  /** Stops the retry and sweep timers. */
  stop(): void;
}

export function postgresClaims(shared: Connection): PostgresClaims {
  const { name } = shared.settings;
  const pendingReleases = new Set<string>();
  let retry: ReturnType<typeof setTimeout> | undefined;

  const remove = async (pool: PgPool, keys: string[]) => {
    await pool.query(RELEASE, [name, keys]);
  };
  // Releases that failed are sent again every second until PostgreSQL takes them.
  const retryLater = () => {
    if (retry || shared.closed) return;
    retry = setTimeout(() => {
      retry = undefined;
      const keys = [...pendingReleases];
      pendingReleases.clear();
      shared
        .ready()
        .then((pool) => remove(pool, keys))
        .catch(() => {
          for (const key of keys) if (pendingReleases.size < MAX_PENDING_RELEASES) pendingReleases.add(key);
          retryLater();
        });
    }, RETRY_MS);
    retry.unref?.();
  };
  const giveBack = (key: string) => {
    if (pendingReleases.size < MAX_PENDING_RELEASES) pendingReleases.add(key);
    retryLater();
  };

  const sweep = setInterval(() => {
    if (shared.closed) return;
    shared
      .ready()
      .then((pool) => pool.query(SWEEP, [name, Date.now()]))
      .catch(shared.report);
  }, SWEEP_MS);
  sweep.unref?.();

  return {
    claim(key: string, ttlSeconds: number): Promise<boolean> {
      if (typeof key !== "string") return Promise.reject(new TypeError("tencent-webhooks: claim(key) needs a string key"));
      if (typeof ttlSeconds !== "number" || !(ttlSeconds > 0)) {
        return Promise.reject(new TypeError(`tencent-webhooks: claim() needs ttlSeconds > 0, got ${String(ttlSeconds)}`));
      }
      return shared.bounded("the dedupe claim", async (live) => {
        const pool = await shared.ready();
        // A connection first: failing to get one means nothing was sent.
        const client = await pool.connect();
        if (!live()) {
          client.release();
          return false; // Never sent.
        }
        let won: boolean;
        try {
          const now = Date.now();
          won = ((await client.query(CLAIM, [name, key, now, now + Math.ceil(ttlSeconds * 1000)])).rowCount ?? 0) === 1;
        } catch (error) {
          // Sent, but the reply was lost: the claim of a callback being refused may have committed.
          // Give it back, or Tencent's retry would be taken for a duplicate and the callback lost.
          client.release(true);
          giveBack(key);
          throw error;
        }
        client.release();
        if (won && !live()) giveBack(key); // Won, but too late: the caller was told it failed.
        return won;
      });
    },
    async release(key: string): Promise<void> {
      // Never thrown: the caller is answering an error already. Sent again later if it fails.
      try {
        await shared.bounded("the dedupe release", async () => remove(await shared.ready(), [key]));
        pendingReleases.delete(key);
      } catch (error) {
        giveBack(key);
        shared.report(error);
      }
    },
    stop() {
      clearInterval(sweep);
      clearTimeout(retry);
    },
  };
}
