/**
 * The receiver's write, raced against one deadline per request.
 *
 * `claimAndEnqueue(job, ttl)` is one BullMQ `add` with `deduplication: { id: dedupeKey, ttl }`:
 * one script (Redis) or statement (PostgreSQL) that sets the dedupe key only if it is absent and
 * writes the job with it — the claim and the job land together or not at all, in one round trip.
 * We chose it over the alternatives on evidence (bench/RESULTS.md):
 *  - a job id derived from the dedupe key is forgotten once the job is removed, so it would only
 *    meet the TTL guarantee if completed jobs were kept for the whole TTL (memory grows with
 *    traffic × 15 min of full jobs, not just keys);
 *  - a claim (`SET NX`) then an `add` is two round trips, and a refused callback's claim must be
 *    given back;
 *  - group commit (`addBulk` of the callbacks that arrive while a write is in flight) measured
 *    more receiver CPU per callback, not less: each batch builds an ioredis pipeline, and the
 *    per-job script work in Redis stays the same.
 * BullMQ's deduplication key keeps its TTL when the job completes or is removed (only a key
 * without a TTL is dropped with its job). A duplicate is reported back as the id of the job that
 * holds the key: every write gets a fresh job id, so "the id we asked for" means "written".
 *
 * `enqueue(job)` (no claim) keeps a job id derived from the dedupe key: one job per key while it
 * is waiting, running or failed.
 */
import { randomBytes } from "node:crypto";
import type { QueuedCallback } from "../contract.js";
import type { Engine } from "./engine.js";
import { jobIdFor } from "./job-id.js";

export interface Enqueuers {
  enqueue(job: QueuedCallback): Promise<void>;
  claimAndEnqueue(job: QueuedCallback, ttlSeconds: number): Promise<boolean>;
}

export function enqueuers(engine: Engine): Enqueuers {
  const { attempts, backoff, removeOnComplete } = engine.settings;
  const options = { attempts, backoff: { type: backoff.type, delay: backoff.delay }, removeOnComplete, removeOnFail: false };
  // Fresh job ids: this queue handle's random tag and a counter (never integer-looking, no ":").
  const tag = `r${randomBytes(6).toString("base64url")}`;
  let sequence = 0;

  return {
    enqueue(job: QueuedCallback): Promise<void> {
      if (!isJob(job)) return Promise.reject(new TypeError("tencent-webhooks: enqueue(job) needs a job with a dedupeKey"));
      return engine.bounded("the job", async (live) => {
        const queue = await engine.queue();
        // Past the deadline the caller has answered 503: writing now would accept it behind its back.
        if (!live()) return;
        await queue.add(job.command, job, { ...options, jobId: jobIdFor(job.dedupeKey) });
      });
    },

    claimAndEnqueue(job: QueuedCallback, ttlSeconds: number): Promise<boolean> {
      if (!isJob(job)) return Promise.reject(new TypeError("tencent-webhooks: claimAndEnqueue(job) needs a job with a dedupeKey"));
      if (typeof ttlSeconds !== "number" || !(ttlSeconds > 0)) {
        return Promise.reject(new TypeError(`tencent-webhooks: claimAndEnqueue() needs ttlSeconds > 0, got ${String(ttlSeconds)}`));
      }
      return engine.bounded("the job", async (live) => {
        const queue = await engine.queue();
        if (!live()) return false; // Never sent: the caller has answered 503 already.
        const jobId = `${tag}.${(++sequence).toString(36)}`;
        const added = await queue.add(job.command, job, {
          ...options,
          jobId,
          deduplication: { id: job.dedupeKey, ttl: Math.ceil(ttlSeconds * 1000) },
        });
        return added.id === jobId;
      });
    },
  };
}

function isJob(job: QueuedCallback): boolean {
  return job !== null && typeof job === "object" && typeof job.dedupeKey === "string" && job.dedupeKey !== "";
}
