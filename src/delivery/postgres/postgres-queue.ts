/**
 * `postgresQueue()` (`tencent-webhooks/queue`): the durable {@link WebhookQueue} on BullMQ's
 * PostgreSQL backend, for a team with PostgreSQL and no Redis. The same interface, guarantees and
 * options as `redisQueue()`: a dedupe claim is one `INSERT … ON CONFLICT` row with an expiry
 * (claims.ts), a job is one BullMQ `add` whose job id is derived from the dedupe key, workers get
 * BullMQ's retries, backoff, stalled-job recovery and failed set.
 *
 * Every receiver claim and write is raced against `enqueueTimeoutMs` (503 when PostgreSQL does
 * not answer in time; a 200 only after the write committed). The tables live in BullMQ's schema
 * (`bullmq`), created by BullMQ's migrations on first use, with the claims table next to them.
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
  return bullmqQueue("postgres", postgresEngine(shared, stop), dedupe);
}
