/**
 * The receiver side's PostgreSQL pool, and what the parts of the queue share through it: the
 * one-time setup (BullMQ's migrations), more pools for workers, where
 * connection errors go, the deadline a receiver's work runs against, and whether it is closed.
 */
import { runMigrations, type PgPool } from "bullmq";
import { withinDeadline } from "../bullmq/deadline.js";
import type { Engine } from "../bullmq/engine.js";
import { SCHEMA, type Settings } from "./options.js";
import { connectionErrors } from "../bullmq/connection-errors.js";

export interface Connection extends Pick<Engine, "report" | "bounded"> {
  readonly settings: Settings;
  closed: boolean;
  /** Resolves with the receiver's pool once the schema is ready; a failed setup is tried again on the next call. */
  ready(): Promise<PgPool>;
  /** A pool of `size` connections for a worker (with `connectionString`; else the user's pool), and how to give it back. */
  openPool(size: number): Promise<{ pool: PgPool; close(): Promise<void> }>;
  /** Ends the receiver's pool if the queue opened it. */
  end(): Promise<void>;
}

export function receiverConnection(settings: Settings): Connection {
  const { name, enqueueTimeoutMs, connectionString, poolSize } = settings;
  const { report } = connectionErrors("PostgreSQL", name, settings.onConnectionError);

  // `pg` is loaded only here, when a queue is made from a connection string: the queue entry does
  // not need it for Redis users. The schema is pinned per connection (BullMQ's SQL is unqualified).
  const newPool = async (max: number): Promise<PgPool> => {
    const { default: pg } = await import("pg");
    const pool = new pg.Pool({ connectionString, max, connectionTimeoutMillis: enqueueTimeoutMs, options: `-c search_path=${SCHEMA}` });
    pool.on("error", report); // An idle connection dropped: the pool replaces it.
    return pool as unknown as PgPool; // A pg.Pool is one; @types/pg's overloads do not say so.
  };
  const userPool = settings.pool as PgPool | undefined;
  const receiverPool = userPool ? Promise.resolve(userPool) : newPool(poolSize);
  receiverPool.catch(() => undefined);

  let setup: Promise<PgPool> | undefined;
  const ready = (): Promise<PgPool> => {
    setup ??= receiverPool.then(prepare).catch((error: unknown) => {
      setup = undefined; // PostgreSQL may be back next time.
      report(error);
      throw error;
    });
    return setup;
  };

  const shared: Connection = {
    settings,
    closed: false,
    report,
    ready,
    async openPool(size) {
      if (userPool) return { pool: userPool, close: async () => undefined };
      const pool = await newPool(size);
      return { pool, close: () => pool.end() };
    },
    async end() {
      if (!userPool) await (await receiverPool).end();
    },
    async bounded<T>(what: string, work: (live: () => boolean) => Promise<T>): Promise<T> {
      if (shared.closed) throw new Error(`tencent-webhooks: postgresQueue "${name}" is closed`);
      return withinDeadline("PostgreSQL", enqueueTimeoutMs, what, work);
    },
  };
  return shared;
}

/** Checks the search_path, then BullMQ's migrations (idempotent, serialized by BullMQ's advisory lock). */
async function prepare(pool: PgPool): Promise<PgPool> {
  const client = await pool.connect();
  try {
    const { rows } = await client.query<{ path: string }>("SELECT current_setting('search_path') AS path");
    if (rows[0]?.path.split(",")[0]?.trim().replace(/"/g, "") !== SCHEMA) {
      // BullMQ's SQL is unqualified: on another search_path its tables would not be found.
      throw new TypeError(
        `tencent-webhooks: postgresQueue({ pool }) needs a pool whose connections use search_path=${SCHEMA} (options: "-c search_path=${SCHEMA}")`,
      );
    }
    await runMigrations(client, SCHEMA);
  } finally {
    client.release();
  }
  return pool;
}
