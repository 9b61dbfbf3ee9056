/** `redisQueue()`'s options: the shared BullMQ ones (../bullmq/options.ts) plus the Redis connection and key prefix. */
import type { RedisOptions } from "ioredis";
import { fail, queueSettings, type BullmqQueueOptions, type QueueSettings } from "../bullmq/options.js";

export interface RedisQueueOptions extends BullmqQueueOptions {
  /** ioredis options (`{ host, port, password, db, tls, … }`) or a URL (`redis://127.0.0.1:6379`). */
  connection: string | RedisOptions;
  /** BullMQ's key prefix (dedupe keys go under it too). Default `"bull"`. */
  prefix?: string;
}

/** The options checked, defaults filled in. */
export interface Settings extends QueueSettings {
  connection: string | RedisOptions;
  prefix: string;
}

/** Checks `options` (throwing a TypeError for the first bad one) and fills in the defaults. */
export function settingsOf(options: RedisQueueOptions): Settings {
  if (options === null || typeof options !== "object") fail("redisQueue(options) needs an options object");
  const { connection } = options;
  if (typeof connection !== "string" && (connection === null || typeof connection !== "object")) {
    fail("redisQueue({ connection }) needs ioredis options or a redis:// URL");
  }
  const prefix = options.prefix ?? "bull";
  if (typeof prefix !== "string" || prefix === "") fail(`\`prefix\` must be a non-empty string, got ${JSON.stringify(prefix)}`);
  return { ...queueSettings(options, "Redis", "redisQueue"), connection, prefix };
}
