/**
 * `tencent-webhooks/queue`: the durable queues on BullMQ (Redis, PostgreSQL). The only entry that
 * imports bullmq and ioredis; `pg` is loaded only when a postgresQueue opens its own pool.
 */
export { redisQueue, type RedisQueue, type RedisQueueOptions, type RedisQueueCounts } from "./redis/redis-queue.js";
export { postgresQueue, type PostgresQueue, type PostgresQueueOptions, type PgPoolLike } from "./postgres/postgres-queue.js";
export type { BullmqQueueCounts } from "./bullmq/counts.js";
export { jobIdFor } from "./bullmq/job-id.js";
export type { BullmqQueueOptions } from "./bullmq/options.js";
export type {
  DedupeStore,
  DeliveryAttempt,
  FailedCallback,
  JobRunner,
  QueuedCallback,
  QueueWorker,
  WebhookQueue,
  WorkOptions,
} from "./contract.js";
