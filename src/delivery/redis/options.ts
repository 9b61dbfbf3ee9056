/** `redisQueue()`'s options: the shared BullMQ ones (../bullmq/options.ts) plus the Redis connection and key prefix. */
import { isClusterConnection, type RedisConnection } from "./clients.js";
import { fail, queueSettings, type BullmqQueueOptions, type QueueSettings } from "../bullmq/options.js";

export interface RedisQueueOptions extends BullmqQueueOptions {
  /**
   * A URL (`redis://127.0.0.1:6379`) or ioredis options (`{ host, port, password, db, tls, … }`);
   * a Redis Cluster as an ioredis `Cluster` or a list of node URLs; or an ioredis `Redis` of
   * yours. A client you pass is duplicated (`duplicate()`) for each connection the queue opens
   * and never closed by it.
   */
  connection: RedisConnection;
  /**
   * BullMQ's key prefix (dedupe keys go under it too). Default `"bull"`, or `"{tencent-webhooks}"`
   * on a Redis Cluster, where it must carry a hash tag (`{…}`): a callback's claim and its job are
   * written by one script, so every key of the queue must live in one slot.
   */
  prefix?: string;
}

/** The options checked, defaults filled in. */
export interface Settings extends QueueSettings {
  connection: RedisConnection;
  prefix: string;
}

/** Checks `options` (throwing a TypeError for the first bad one) and fills in the defaults. */
export function settingsOf(options: RedisQueueOptions): Settings {
  if (options === null || typeof options !== "object") fail("redisQueue(options) needs an options object");
  const { connection } = options;
  if (typeof connection !== "string" && (connection === null || typeof connection !== "object")) {
    fail("redisQueue({ connection }) needs a redis:// URL, ioredis options, a list of cluster node URLs or an ioredis client");
  }
  if (Array.isArray(connection) && (connection.length === 0 || !connection.every((node) => typeof node === "string" && node !== ""))) {
    fail("redisQueue({ connection: [...] }) needs the Redis Cluster's node URLs (at least one)");
  }
  const cluster = isClusterConnection(connection);
  const prefix = options.prefix ?? (cluster ? "{tencent-webhooks}" : "bull");
  if (typeof prefix !== "string" || prefix === "") fail(`\`prefix\` must be a non-empty string, got ${JSON.stringify(prefix)}`);
  if (cluster && !hasHashTag(prefix)) {
    fail(`on a Redis Cluster, \`prefix\` needs a hash tag such as "{tencent-webhooks}" (one slot for the claim and the job), got ${JSON.stringify(prefix)}`);
  }
  return { ...queueSettings(options, "Redis", "redisQueue"), connection, prefix };
}

/** Redis Cluster hashes only what is between a key's first `{` and the next `}`, when that is not empty. */
function hasHashTag(prefix: string): boolean {
  const open = prefix.indexOf("{");
  const close = open < 0 ? -1 : prefix.indexOf("}", open + 1);
  return close > open + 1;
}
