/**
 * Opening ioredis clients from `redisQueue({ connection })`: a URL or ioredis options (one Redis),
 * a list of node URLs (a Redis Cluster), or an ioredis client of yours (`Redis` or `Cluster`),
 * which is never used itself nor closed: each of our connections is its `duplicate()` with the
 * options that connection needs.
 */
import { Cluster, Redis, type ClusterOptions, type RedisOptions } from "ioredis";

/** What `connection` may be. */
export type RedisConnection = string | RedisOptions | Redis | Cluster | readonly string[];

/** One of our clients: to a single Redis, or to a Cluster. */
export type RedisClient = Redis | Cluster;

/** True when `connection` leads to a Redis Cluster (its keys then need one hash tag). */
export function isClusterConnection(connection: RedisConnection): boolean {
  return Array.isArray(connection) || (isClient(connection) && connection.isCluster);
}

/** A new client to what `connection` names, with `overrides` on each node's connection. */
export function openClient(connection: RedisConnection, overrides: RedisOptions): RedisClient {
  if (typeof connection === "string") return new Redis(connection, overrides);
  if (Array.isArray(connection)) return new Cluster([...connection], clusterOptions({}, overrides));
  if (isClient(connection)) {
    if (connection.isCluster) {
      const cluster = connection as Cluster;
      return cluster.duplicate(undefined, clusterOptions(cluster.options, overrides));
    }
    return (connection as Redis).duplicate(overrides);
  }
  return new Redis({ ...(connection as RedisOptions), ...overrides });
}

/** The retry strategy the caller configured, if any (ours reconnects every <= 1 s otherwise). */
export function ownRetryStrategy(connection: RedisConnection): RedisOptions["retryStrategy"] | undefined {
  if (typeof connection !== "object" || Array.isArray(connection)) return undefined;
  if (isClient(connection)) return connection.isCluster ? undefined : (connection as Redis).options.retryStrategy;
  return (connection as RedisOptions).retryStrategy;
}

/**
 * Cluster options: the node overrides go to every node's connection (`redisOptions`); the
 * offline queue is the cluster's own too (a command while no node is reachable).
 */
function clusterOptions(base: ClusterOptions, overrides: RedisOptions): ClusterOptions {
  const { retryStrategy, ...node } = overrides;
  return {
    ...base,
    ...(overrides.enableOfflineQueue === undefined ? {} : { enableOfflineQueue: overrides.enableOfflineQueue }),
    ...(retryStrategy ? { clusterRetryStrategy: retryStrategy } : {}),
    redisOptions: { ...base.redisOptions, ...node },
  };
}

function isClient(connection: RedisConnection): connection is Redis | Cluster {
  return typeof connection === "object" && !Array.isArray(connection) && typeof (connection as Redis).duplicate === "function" && "isCluster" in connection;
}
