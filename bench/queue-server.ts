/**
 * The processes of the queue benchmark (bench/queue.ts forks them; the load generator runs in the
 * parent, redis-server is a process of its own):
 *
 *   `queue-server.ts server <redis-url>`  three node:http servers with `nodeMiddleware`, 127.0.0.1, port 0:
 *       inline  createDispatcher({ sdkAppId, token }), the handler runs before the 200
 *       memory  createDispatcher({ sdkAppId, token, queue: memoryQueue() }), drained by a worker in this
 *               process (`queue.work(dispatcher, { concurrency })`: memoryQueue is one process only)
 *       redis   createDispatcher({ sdkAppId, token, queue: redisQueue({ connection }) }): the receiver
 *               only; its jobs run in the worker process below
 *       cluster the same on a Redis Cluster (`connection`: the node URLs)
 *   `queue-server.ts worker <redis-url> <concurrency> <cluster-urls>`  the workers: for each of
 *       Redis and the cluster its own redisQueue and dispatcher, `queue.work(dispatcher, { concurrency })`,
 *       as README's receiver / worker split
 *
 * Both answer `{ type: "stats" }` with their CPU time and how many callbacks each variant's handler
 * has run (each handler also checks the 64-bit Owner_Account arrived exact), and stop on
 * `{ type: "stop" }` or when the parent goes away.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import type { Dispatcher, QueuedCallback, WebhookQueue } from "../src/index.js";
import { loadLibrary, loadQueueEntry } from "./library.js";
import { APP_ID, CALLBACK_PATH, MAIN_COMMAND, TOKEN, type QueueServerMessage, type QueueVariant } from "./common.js";

const OWNER = "144115216631667826";
const [mode = "", redisUrl = "", concurrencyArg = "8", clusterArg = ""] = process.argv.slice(2);
const clusterUrls = clusterArg.split(",").filter(Boolean);
const library = await loadLibrary();
const { createDispatcher, memoryQueue } = library.core;
const { nodeMiddleware } = library.node;
const { redisQueue } = await loadQueueEntry();

const handled: Record<QueueVariant, number> = { inline: 0, memory: 0, redis: 0, cluster: 0 };
const enqueued: Record<QueueVariant, number> = { inline: 0, memory: 0, redis: 0, cluster: 0 };

/**
 * The queue as given, but counting acknowledged writes: autocannon stops waiting for the replies
 * in flight when its time is up, so its 200s undercount the jobs written by up to one per connection.
 */
function counting<Q extends WebhookQueue>(queue: Q, variant: QueueVariant): Q {
  const claimAndEnqueue = queue.claimAndEnqueue?.bind(queue);
  return {
    ...queue,
    enqueue: (job: QueuedCallback) =>
      queue.enqueue(job).then(() => {
        enqueued[variant]++;
      }),
    ...(claimAndEnqueue && {
      claimAndEnqueue: (job: QueuedCallback, ttlSeconds: number) =>
        claimAndEnqueue(job, ttlSeconds).then((written) => {
          if (written) enqueued[variant]++;
          return written;
        }),
    }),
  };
}
let failed = 0;

function withHandler(dispatcher: Dispatcher, variant: QueueVariant): Dispatcher {
  dispatcher.on(MAIN_COMMAND, (event) => {
    if (event.payload.RoomInfo?.Owner_Account === OWNER) handled[variant]++;
    else failed++;
  });
  dispatcher.onError(() => {
    failed++;
  });
  return dispatcher;
}

async function listen(handler: http.RequestListener): Promise<{ server: http.Server; port: number }> {
  const server = http.createServer(handler);
  await new Promise<void>((resolve, reject) => server.once("error", reject).listen(0, "127.0.0.1", () => resolve()));
  return { server, port: (server.address() as AddressInfo).port };
}

const send = (message: QueueServerMessage) => process.send?.(message);
const cpuMicros = () => {
  const usage = process.cpuUsage();
  return usage.user + usage.system;
};

async function server(): Promise<void> {
  const memory = memoryQueue();
  const redis = redisQueue({ connection: redisUrl });
  const cluster = redisQueue({ connection: clusterUrls });
  const inlineDispatcher = withHandler(createDispatcher({ sdkAppId: APP_ID, token: TOKEN }), "inline");
  const memoryDispatcher = withHandler(createDispatcher({ sdkAppId: APP_ID, token: TOKEN, queue: counting(memory, "memory") }), "memory");
  const redisDispatcher = withHandler(createDispatcher({ sdkAppId: APP_ID, token: TOKEN, queue: counting(redis, "redis") }), "redis");
  const clusterDispatcher = withHandler(createDispatcher({ sdkAppId: APP_ID, token: TOKEN, queue: counting(cluster, "cluster") }), "cluster");
  const memoryWorker = memory.work(memoryDispatcher, { concurrency: Number(concurrencyArg) });
  const servers = {
    inline: await listen(nodeMiddleware(inlineDispatcher, { path: CALLBACK_PATH })),
    memory: await listen(nodeMiddleware(memoryDispatcher, { path: CALLBACK_PATH })),
    redis: await listen(nodeMiddleware(redisDispatcher, { path: CALLBACK_PATH })),
    cluster: await listen(nodeMiddleware(clusterDispatcher, { path: CALLBACK_PATH })),
  };
  const stop = async () => {
    for (const { server } of Object.values(servers)) {
      server.closeAllConnections();
      server.close();
    }
    await memoryWorker.close();
    await Promise.allSettled([memory.close(), redis.close(), cluster.close()]);
    process.exit(0);
  };
  process.on("message", (message: { type: string }) => {
    if (message.type === "stats") {
      void Promise.all([redis.counts(), cluster.counts()]).then(
        ([counts, clusterCounts]) => {
          const m = memory.counts();
          send({
            type: "stats",
            micros: cpuMicros(),
            handled: { ...handled },
            enqueued: { ...enqueued },
            failed,
            pending: {
              memory: m.waiting + m.delayed + m.running,
              redis: counts.waiting + counts.delayed + counts.active,
              cluster: clusterCounts.waiting + clusterCounts.delayed + clusterCounts.active,
            },
            dead: m.failed + counts.failed + clusterCounts.failed,
          });
        },
        (error: unknown) => {
          console.error("queue-server: redis counts failed", error);
          process.exit(1);
        },
      );
    } else if (message.type === "stop") {
      process.disconnect();
    }
  });
  process.on("disconnect", () => void stop());
  send({
    type: "ready",
    ports: { inline: servers.inline.port, memory: servers.memory.port, redis: servers.redis.port, cluster: servers.cluster.port },
    library: library.kind,
  });
}

async function worker(): Promise<void> {
  const engines = [
    { variant: "redis" as const, queue: redisQueue({ connection: redisUrl }) },
    { variant: "cluster" as const, queue: redisQueue({ connection: clusterUrls }) },
  ];
  const running = engines.map(({ variant, queue }) =>
    queue.work(withHandler(createDispatcher({ sdkAppId: APP_ID, token: TOKEN, queue }), variant), { concurrency: Number(concurrencyArg) }),
  );
  process.on("message", (message: { type: string }) => {
    if (message.type === "stats")
      send({ type: "stats", micros: cpuMicros(), handled: { ...handled }, enqueued: { ...enqueued }, failed, pending: {}, dead: 0 });
    else if (message.type === "stop") process.disconnect();
  });
  process.on("disconnect", () => {
    void Promise.allSettled(running.map((one) => one.close()))
      .then(() => Promise.allSettled(engines.map(({ queue }) => queue.close())))
      .finally(() => process.exit(0));
  });
  send({ type: "ready-worker", library: library.kind });
}

if (mode === "server") await server();
else if (mode === "worker") await worker();
else throw new Error("usage: queue-server.ts server|worker <redis-url> <concurrency> <cluster-node-urls,…>");
