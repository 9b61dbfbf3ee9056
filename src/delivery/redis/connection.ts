/**
 * The receiver side's Redis connection, and what the parts of the queue share through it: how
 * another connection is opened, where connection errors go, the deadline a receiver's work runs
 * against, and whether the queue is closed.
 */
import type { RedisOptions } from "ioredis";
import { openClient, ownRetryStrategy, type RedisClient } from "./clients.js";
import { withinDeadline, settleWithin } from "../bullmq/deadline.js";
import type { Engine } from "../bullmq/engine.js";
import type { Settings } from "./options.js";
import { connectionErrors } from "../bullmq/connection-errors.js";

export interface Connection extends Pick<Engine, "report" | "bounded"> {
  readonly settings: Settings;
  /** The receiver's client: fails fast, never queues or resends a command. */
  readonly client: RedisClient;
  /** Set by the queue's `close()`: no receiver work starts after it. */
  closed: boolean;
  /** Another client to the same Redis (or Cluster), with `overrides`. */
  open(overrides: RedisOptions): RedisClient;
  /** Resolves once the receiver's client is connected. */
  connected(): Promise<void>;
}

/** Opens the receiver's connection (at once). */
export function receiverConnection(settings: Settings): Connection {
  const { connection, name, enqueueTimeoutMs } = settings;
  const errors = connectionErrors("Redis", name, settings.onConnectionError);
  const { report } = errors;

  const open = (overrides: RedisOptions): RedisClient => openClient(connection, overrides);

  // The receiver side: fail fast, never queue or resend a command, reconnect every <= 1 s.
  const client = open({
    enableOfflineQueue: false,
    autoResendUnfulfilledCommands: false,
    maxRetriesPerRequest: 0,
    commandTimeout: enqueueTimeoutMs,
    retryStrategy: ownRetryStrategy(connection) ?? ((times: number) => Math.min(times * 100, 1000)),
  });
  client.on("error", report);
  // The default warning is once per outage: connected again, the next error warns again.
  client.on("ready", errors.reconnected);

  // One pending promise per outage (not a listener per request), cleared once connected.
  let connecting: Promise<void> | undefined;
  const connected = (): Promise<void> => {
    if (client.status === "ready") return Promise.resolve();
    connecting ??= new Promise<void>((resolve) => {
      client.once("ready", () => {
        connecting = undefined;
        resolve();
      });
    });
    return connecting;
  };

  const shared: Connection = {
    settings,
    client,
    closed: false,
    report,
    open,
    connected,
    async bounded<T>(what: string, work: (live: () => boolean) => Promise<T>): Promise<T> {
      if (shared.closed) throw new Error(`tencent-webhooks: redisQueue "${name}" is closed`);
      return withinDeadline("Redis", enqueueTimeoutMs, what, work);
    },
  };
  return shared;
}

/** Closes a client: QUIT if connected (at most 1 s), then disconnect. */
export async function quit(client: RedisClient): Promise<void> {
  if (client.status === "end") return;
  if (client.status === "ready") {
    try {
      await settleWithin(client.quit(), 1000);
    } catch {
      // Fall through to disconnect().
    }
  }
  client.disconnect();
}

/** ioredis refused the command before sending it (no connection, no offline queue). */
export function notSent(error: unknown): boolean {
  return error instanceof Error && error.message.includes("enableOfflineQueue options is false");
}
