/**
 * How the `queue` subcommands reach a queue: `--redis URL` or `--postgres URL` (else `$REDIS_URL`,
 * then `$DATABASE_URL`), the queue named `--name` (default: the package's, `tencent-webhooks`). The queue module is loaded only here:
 * bullmq and ioredis are optional peer dependencies, needed by `queue` and nothing else.
 */
import type { BullmqQueue } from "../delivery/bullmq/bullmq-queue.js";
import { parse } from "./args.js";
import { CliError, EXIT, NAME, type CliIo } from "./io.js";

export const QUEUE_OPTIONS = {
  redis: { type: "string" },
  postgres: { type: "string" },
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
export async function openQueue(values: QueueArgs["values"], io: CliIo): Promise<BullmqQueue> {
  const { engine, url } = target(values, io);
  const timeoutMs = values.timeout === undefined ? 5000 : Number(values.timeout);
  if (!Number.isSafeInteger(timeoutMs) || timeoutMs <= 0) throw new CliError(`--timeout must be a positive number of milliseconds, got "${values.timeout}"`);
  let module: typeof import("../delivery/queue.js");
  try {
    module = await import("../delivery/queue.js");
  } catch (error) {
    throw new CliError(
      `queue needs the optional dependencies bullmq and ioredis (npm install bullmq ioredis; pg too for PostgreSQL): ${String(error)}`,
      EXIT.notOk,
    );
  }
  const shared = {
    ...(values.name === undefined ? {} : { name: values.name }),
    enqueueTimeoutMs: timeoutMs,
    // The CLI says once, in its own words, that the server cannot be reached (see unreachable()).
    onConnectionError: () => undefined,
  };
  try {
    if (engine === "PostgreSQL") {
      if (values.prefix !== undefined) throw new CliError("--prefix is Redis's (BullMQ's key prefix); a PostgreSQL queue has none");
      return module.postgresQueue({ connectionString: url, ...shared });
    }
    return module.redisQueue({ connection: url, ...(values.prefix === undefined ? {} : { prefix: values.prefix }), ...shared });
  } catch (error) {
    if (error instanceof CliError) throw error;
    throw new CliError(error instanceof Error ? error.message.replace(/^tencent-webhooks: /, "") : String(error));
  }
}

/** Which server: a flag wins; else `$REDIS_URL`, then `$DATABASE_URL`. */
function target(values: QueueArgs["values"], io: CliIo): { engine: "Redis" | "PostgreSQL"; url: string } {
  if (values.redis !== undefined && values.postgres !== undefined) throw new CliError("queue takes --redis or --postgres, not both");
  const redis = values.redis ?? (values.postgres === undefined ? io.env.REDIS_URL || undefined : undefined);
  if (redis !== undefined) {
    if (!/^rediss?:\/\//.test(redis)) throw new CliError(`--redis must be a redis:// or rediss:// URL, got "${redacted(redis)}"`);
    return { engine: "Redis", url: redis };
  }
  const postgres = values.postgres ?? (io.env.DATABASE_URL || undefined);
  if (postgres === undefined) {
    throw new CliError(
      `queue needs --redis <url> or REDIS_URL (or --postgres <url> / DATABASE_URL), e.g. \`${NAME} queue stats --redis redis://127.0.0.1:6379\``,
    );
  }
  if (!/^postgres(ql)?:\/\//.test(postgres)) throw new CliError(`--postgres must be a postgres:// URL, got "${redacted(postgres)}"`);
  return { engine: "PostgreSQL", url: postgres };
}

/** A connection error as the CLI's exit 3: the server did not answer. */
export function unreachable(error: unknown, values: QueueArgs["values"], io: CliIo): CliError | undefined {
  const message = error instanceof Error ? error.message : String(error);
  if (!/did not acknowledge|ECONNREFUSED|ENOTFOUND|Connection is closed|enableOfflineQueue|connect/i.test(message)) return undefined;
  const { engine, url } = target(values, io);
  return new CliError(`cannot reach ${engine} at ${redacted(url)}: ${message.replace(/^tencent-webhooks: /, "")}`, EXIT.unreachable);
}

/** A URL without its password, for messages. */
export function redacted(url: string): string {
  return url.replace(/\/\/([^:@/]*):[^@/]*@/, "//$1:***@");
}
