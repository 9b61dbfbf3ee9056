/**
 * The durable queues' types: what each factory accepts (a pg.Pool typed by @types/pg without a
 * cast; a connection string or a pool, never both or neither) and that each queue fits the
 * dispatcher's `queue` option. Checked by `tsc --noEmit` (part of `npm test`); nothing connects.
 */
import pg from "pg";
import { describe, expectTypeOf, it } from "vitest";
import { createDispatcher } from "../../src/index.js";
import { postgresQueue, redisQueue, type BullmqQueueCounts, type PostgresQueue, type RedisQueue, type WebhookQueue } from "../../src/delivery/queue.js";

// Never called: the types are what is tested.
function typesOnly(): void {
  const fromUrl = postgresQueue({ connectionString: "postgres://127.0.0.1/db", poolSize: 4, attempts: 3 });
  const fromPool = postgresQueue({ pool: new pg.Pool({ options: "-c search_path=bullmq" }), name: "orders" });
  expectTypeOf(fromUrl).toEqualTypeOf<PostgresQueue>();
  expectTypeOf(fromPool.kind).toEqualTypeOf<"postgres">();
  expectTypeOf(fromPool.counts()).toEqualTypeOf<Promise<BullmqQueueCounts>>();
  expectTypeOf(redisQueue({ connection: "redis://127.0.0.1" }).kind).toEqualTypeOf<"redis">();
  expectTypeOf<PostgresQueue>().toMatchTypeOf<WebhookQueue>();
  expectTypeOf<RedisQueue>().toMatchTypeOf<WebhookQueue>();
  createDispatcher({ sdkAppId: 1400000000, queue: fromUrl });

  // @ts-expect-error: a connection string or a pool, not both
  postgresQueue({ connectionString: "postgres://127.0.0.1/db", pool: new pg.Pool() });
  // @ts-expect-error: one of the two is needed
  postgresQueue({ name: "orders" });
  // @ts-expect-error: poolSize sizes the queue's own pool, not yours
  postgresQueue({ pool: new pg.Pool(), poolSize: 4 });
}

describe("queue types", () => {
  it("postgresQueue and redisQueue: options and results (tsc checks them)", () => {
    expectTypeOf(typesOnly).toBeFunction();
  });
});
