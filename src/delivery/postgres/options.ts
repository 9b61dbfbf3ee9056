/** `postgresQueue()`'s options: the shared BullMQ ones (../bullmq/options.ts) plus the PostgreSQL connection. */
import { fail, positiveInteger, queueSettings, type BullmqQueueOptions, type QueueSettings } from "../bullmq/options.js";

/** A `pg.Pool`, typed by what the queue uses: neither `pg` nor `@types/pg` is needed to compile against it. */
export interface PgPoolLike {
  connect(): Promise<unknown>;
  query(text: string, values?: unknown[]): Promise<unknown>;
  end(): Promise<void>;
}

/** Where the queue's PostgreSQL is: a connection string, or a `pg.Pool` of yours (one of the two). */
export type PostgresConnectionOption =
  | {
      /** `postgres://user:password@host:5432/db`: the queue opens its own pools (needs the `pg` package). */
      connectionString: string;
      pool?: never;
      /** Connections in the receiver's pool. Default 10. */
      poolSize?: number;
    }
  | {
      connectionString?: never;
      /**
       * A `pg.Pool` of yours (never closed by the queue). Its connections must have `search_path`
       * set to `bullmq` (BullMQ's schema): `new pg.Pool({ …, options: "-c search_path=bullmq" })`.
       * Workers share it: size it for `2 + concurrency` per worker on top of the receiver's use.
       */
      pool: PgPoolLike;
      poolSize?: never;
    };

export type PostgresQueueOptions = BullmqQueueOptions & PostgresConnectionOption;

/** The options checked, defaults filled in. */
export interface Settings extends QueueSettings {
  connectionString: string | undefined;
  pool: PgPoolLike | undefined;
  poolSize: number;
}

/** BullMQ's PostgreSQL schema: its tables, its deduplication keys (our claims) among them. */
export const SCHEMA = "bullmq";

/** Checks `options` (throwing a TypeError for the first bad one) and fills in the defaults. */
export function settingsOf(options: PostgresQueueOptions): Settings {
  if (options === null || typeof options !== "object") fail("postgresQueue(options) needs an options object");
  const { connectionString, pool } = options;
  const isPool = pool !== null && typeof pool === "object" && typeof pool.connect === "function" && typeof pool.query === "function";
  if (
    (connectionString === undefined) === (pool === undefined) ||
    (connectionString !== undefined && (typeof connectionString !== "string" || connectionString === ""))
  ) {
    fail("postgresQueue() needs either { connectionString: 'postgres://…' } or { pool } (a pg.Pool), not both");
  }
  if (pool !== undefined && !isPool) fail("postgresQueue({ pool }) needs a pg.Pool");
  const poolSize = positiveInteger("poolSize", options.poolSize, 10);
  return { ...queueSettings(options, "PostgreSQL", "postgresQueue"), connectionString, pool, poolSize };
}
