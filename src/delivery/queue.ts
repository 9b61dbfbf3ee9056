/** `tencent-webhooks/queue`: the Redis-backed queue (BullMQ). The only entry that imports bullmq and ioredis. */
export { redisQueue, jobIdFor, type RedisQueue, type RedisQueueOptions, type RedisQueueCounts } from "./redis/redis-queue.js";
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
