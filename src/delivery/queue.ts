/** `tencent-webhooks/queue`: the durable queues on BullMQ (Redis). The only entry that imports bullmq and ioredis. */
export { redisQueue, type RedisQueue, type RedisQueueOptions, type RedisQueueCounts } from "./redis/redis-queue.js";
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
