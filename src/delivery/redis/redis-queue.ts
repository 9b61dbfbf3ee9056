/**
 * `redisQueue()` (`tencent-webhooks/queue`): the durable {@link WebhookQueue}, on BullMQ and Redis.
 *
 * Receivers (any number, behind a load balancer) share nothing but Redis: a callback's dedupe
 * claim and its job are one BullMQ `add` with deduplication — one Lua script, one round trip
 * (../bullmq/enqueue.ts says why). Workers (`queue.work(dispatcher, { concurrency })`, in as many
 * processes as you like) get BullMQ's retries with exponential backoff, stalled-job recovery (a
 * worker that dies mid-job has its jobs run again by another one once its lock expires) and the
 * failed set (`failed()`, `replay(id)`).
 *
 * A dead Redis fails fast on the receiver side: every write is raced against `enqueueTimeoutMs`,
 * the receiver's connection queues no command while disconnected (`enableOfflineQueue: false`)
 * and never resends one after a reconnect, so no write starts after the caller has answered 503.
 * A write whose reply was lost or came too late may have landed: then its job is there with its
 * claim, it runs, and Tencent's retry is answered as a duplicate. (Inline mode's claims through
 * `queue.dedupe` are given back instead: claims.ts.) Workers' connections wait for Redis
 * (`maxRetriesPerRequest: null`, as BullMQ requires); a worker's `close()` waits for its jobs in
 * flight, and so for Redis if it is away.
 *
 * On a Redis Cluster (`connection`: an ioredis `Cluster` or node URLs, clients.ts) every key of
 * the queue carries the prefix's hash tag, so the script's keys are in one slot. Replication is
 * asynchronous: a master that dies after acknowledging a write but before its replica got it
 * loses that write (Redis's own limit; the failover test shows the window is small, not zero).
 *
 * What survives a Redis restart is what Redis keeps: run it with persistence (AOF or RDB) for
 * "accepted means never lost" to hold across one.
 *
 * src/delivery/redis/ holds what is Redis's own: options.ts checks the options, clients.ts and
 * connection.ts open the connections, claims.ts is inline mode's dedupe store, redis-engine.ts
 * puts BullMQ on it. What every BullMQ engine shares (jobs, workers, dead letters, counts) is in ../bullmq/.
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
