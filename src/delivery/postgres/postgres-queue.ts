/**
 * `postgresQueue()` (`tencent-webhooks/queue`): the durable {@link WebhookQueue} on BullMQ's
 * PostgreSQL backend, for a team with PostgreSQL and no Redis. The same interface, guarantees and
 * options as `redisQueue()`: a claim is one `INSERT … ON CONFLICT` into BullMQ's deduplication
 * table with an expiry (claims.ts), a job is one BullMQ `add` whose job id is derived from the
 * dedupe key; workers get BullMQ's retries, backoff, stalled-job recovery and failed set.
 *
 * Not `claimAndEnqueue` (BullMQ's `deduplication` on the job): on bullmq 6.7's PostgreSQL backend,
 * jobs written that way that a `kill -9`ed worker had in flight were never run again (10 of 2,000
 * callbacks lost in test/queue/guarantees.test.ts), where jobs with derived ids are recovered.
 *
 * Every receiver claim and write is raced against `enqueueTimeoutMs` (503 when PostgreSQL does
 * not answer in time; a 200 only after the write committed). The tables live in BullMQ's schema
 * (`bullmq`), created by BullMQ's migrations on first use.
 *
 * src/delivery/postgres/ holds what is PostgreSQL's own: options.ts, connection.ts (pools and
 * setup), claims.ts, postgres-engine.ts (BullMQ on it). The rest is ../bullmq/.
 */
import { bullmqQueue, type BullmqQueue } from "../bullmq/bullmq-queue.js";
import { postgresClaims } from "./claims.js";
import { receiverConnection } from "./connection.js";
import { settingsOf, type PostgresQueueOptions } from "./options.js";
import { postgresEngine } from "./postgres-engine.js";

export type { PgPoolLike, PostgresQueueOptions } from "./options.js";

export interface PostgresQueue extends BullmqQueue {
  readonly kind: "postgres";
}

/** Creates the PostgreSQL queue. Its pool opens at once; `close()` closes it (and the workers it started). */
export function postgresQueue(options: PostgresQueueOptions): PostgresQueue {
  const shared = receiverConnection(settingsOf(options));
  const claims = postgresClaims(shared);
  const { stop, ...dedupe } = claims;
  const { claimAndEnqueue: _lostOnStall, ...queue } = bullmqQueue("postgres", postgresEngine(shared, stop), dedupe);
  return queue;
}
