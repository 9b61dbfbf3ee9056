/**
 * `redisQueue()` (`tencent-webhooks/queue`): the durable {@link WebhookQueue}, on BullMQ and Redis.
 *
 * Receivers (any number, behind a load balancer) share nothing but Redis: a dedupe claim is one
 * `SET key 1 NX EX ttl`, a job is one BullMQ `add` whose job id is derived from the dedupe key.
 * Workers (`queue.work(dispatcher, { concurrency })`, in as many processes as you like) get
 * BullMQ's retries with exponential backoff, stalled-job recovery (a worker that dies mid-job has
 * its jobs run again by another one once its lock expires) and the failed set (`failed()`,
 * `replay(id)`).
 *
 * A dead Redis fails fast on the receiver side: every claim and write is raced against
 * `enqueueTimeoutMs`, the receiver's connection queues no command while disconnected
 * (`enableOfflineQueue: false`) and never resends one after a reconnect, so no write starts
 * after the caller has answered 503. (A write whose reply was lost may have landed; its job id,
 * derived from the dedupe key, keeps Tencent's retry from adding a second job meanwhile.) A claim whose reply was lost or came too late,
 * and a release that could not be sent, are deleted as soon as the connection is back, so that
 * Tencent's retry of a refused callback is not taken for a duplicate. Workers' connections wait
 * for Redis instead (`maxRetriesPerRequest: null`, as BullMQ requires); a worker's `close()` waits
 * for its jobs in flight, and so for Redis if it is away.
 *
 * What survives a Redis restart is what Redis keeps: run it with persistence (AOF or RDB) for
 * "accepted means never lost" to hold across one.
 *
 * src/delivery/redis/ holds what is Redis's own: options.ts checks the options, connection.ts
 * opens the receiver's connection, claims.ts is the dedupe store, redis-engine.ts puts BullMQ on
 * it. What every BullMQ engine shares (jobs, workers, dead letters, counts) is in ../bullmq/.
 */
import { bullmqQueue, type BullmqQueue } from "../bullmq/bullmq-queue.js";
import type { BullmqQueueCounts } from "../bullmq/counts.js";
import { redisClaims } from "./claims.js";
import { receiverConnection } from "./connection.js";
import { redisEngine } from "./redis-engine.js";
import { settingsOf, type RedisQueueOptions } from "./options.js";

export type { RedisQueueOptions } from "./options.js";
/** How many jobs are in each state (the same for every BullMQ engine). */
export type RedisQueueCounts = BullmqQueueCounts;

export interface RedisQueue extends BullmqQueue {
  readonly kind: "redis";
}

/** Creates the Redis queue. Connections open at once; `close()` closes them (and the workers it started). */
export function redisQueue(options: RedisQueueOptions): RedisQueue {
  const shared = receiverConnection(settingsOf(options));
  return bullmqQueue("redis", redisEngine(shared), redisClaims(shared));
}
