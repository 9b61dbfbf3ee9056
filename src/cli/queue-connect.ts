/**
 * How the `queue` subcommands reach a queue: `--redis URL` (or `$REDIS_URL`), the queue named
 * `--name` (default: the package's, `tencent-webhooks`). The queue module is loaded only here:
 * bullmq and ioredis are optional peer dependencies, needed by `queue` and nothing else.
 */
import type { RedisQueue } from "../delivery/redis/redis-queue.js";
import { parse } from "./args.js";
import { CliError, EXIT, NAME, type CliIo } from "./io.js";

export const QUEUE_OPTIONS = {
  redis: { type: "string" },
  name: { type: "string" },
  prefix: { type: "string" },
  timeout: { type: "string" },
  json: { type: "boolean" },
  limit: { type: "string" },
  offset: { type: "string" },
  command: { type: "string" },
  reason: { type: "string" },
  all: { type: "boolean" },
  yes: { type: "boolean", short: "y" },
} as const;

export type QueueArgs = ReturnType<typeof parseQueueArgs>;

export function parseQueueArgs(args: string[]) {
  return parse("queue", args, QUEUE_OPTIONS, true);
}

/** Opens the queue the options name; the caller closes it. */
export async function openQueue(values: QueueArgs["values"], io: CliIo): Promise<RedisQueue> {
  const url = values.redis ?? (io.env.REDIS_URL || undefined);
  if (url === undefined) throw new CliError(`queue needs --redis <url> or REDIS_URL, e.g. \`${NAME} queue stats --redis redis://127.0.0.1:6379\``);
  if (!/^rediss?:\/\//.test(url)) throw new CliError(`--redis must be a redis:// or rediss:// URL, got "${redacted(url)}"`);
  const timeoutMs = values.timeout === undefined ? 5000 : Number(values.timeout);
  if (!Number.isSafeInteger(timeoutMs) || timeoutMs <= 0) throw new CliError(`--timeout must be a positive number of milliseconds, got "${values.timeout}"`);
  let module: typeof import("../delivery/queue.js");
  try {
    module = await import("../delivery/queue.js");
  } catch (error) {
    throw new CliError(`queue needs the optional dependencies bullmq and ioredis (npm install bullmq ioredis): ${String(error)}`, EXIT.notOk);
  }
  try {
    return module.redisQueue({
      connection: url,
      ...(values.name === undefined ? {} : { name: values.name }),
      ...(values.prefix === undefined ? {} : { prefix: values.prefix }),
      enqueueTimeoutMs: timeoutMs,
      // The CLI says once, in its own words, that Redis cannot be reached (see unreachable()).
      onConnectionError: () => undefined,
    });
  } catch (error) {
    throw new CliError(error instanceof Error ? error.message.replace(/^tencent-webhooks: /, "") : String(error));
  }
}

/** A Redis error as the CLI's exit 3: the server did not answer. */
export function unreachable(error: unknown, values: QueueArgs["values"], io: CliIo): CliError | undefined {
  const message = error instanceof Error ? error.message : String(error);
  if (!/did not acknowledge|ECONNREFUSED|ENOTFOUND|Connection is closed|enableOfflineQueue/.test(message)) return undefined;
  const url = values.redis ?? io.env.REDIS_URL ?? "";
  return new CliError(`cannot reach Redis at ${redacted(url)}: ${message.replace(/^tencent-webhooks: /, "")}`, EXIT.unreachable);
}

/** A URL without its password, for messages. */
export function redacted(url: string): string {
  return url.replace(/\/\/([^:@/]*):[^@/]*@/, "//$1:***@");
}
