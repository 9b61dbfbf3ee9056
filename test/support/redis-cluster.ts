/**
 * A real Redis Cluster for the queue tests: six `redis-server` processes on 127.0.0.1 (free ports,
 * one temp dir), joined by `redis-cli --cluster create … --cluster-replicas 1 --cluster-yes` into
 * three masters, each with a replica. `cluster-node-timeout` is small (default 1000 ms), so a
 * killed master's replica is promoted within a few seconds. Called at the top level of a test
 * file, it stops every server (and removes the dir) in `afterAll`; a watchdog kills them if the
 * test process dies first. Without redis-server / redis-cli the suite is skipped with one line
 * (a failure under REQUIRE_SERVERS=1), as for a single Redis (server-process.ts).
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import net from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll } from "vitest";
import { redisClusterMissing, redisServerPath } from "./redis.js";
import { freePort, serverAvailable, watchdog } from "./server-process.js";

export interface ClusterNode {
  port: number;
  /** `redis://127.0.0.1:<port>` */
  url: string;
  readonly running: boolean;
}

export interface RedisCluster {
  /** Every node, masters and replicas, as created. */
  nodes: ClusterNode[];
  /** `{ host, port }` of every node: ioredis `new Cluster(startupNodes)`. */
  startupNodes: Array<{ host: string; port: number }>;
  /** The node that serves `key`'s slot as master now (asked of a live node). */
  masterOf(key: string): Promise<ClusterNode>;
  /** SIGKILLs one node (a crash: its replica takes over after `cluster-node-timeout`). */
  kill(node: ClusterNode): Promise<void>;
  /** Resolves once every live node reports `cluster_state:ok` and `key`'s slot has a live master. */
  waitHealthy(key?: string, timeoutMs?: number): Promise<void>;
  /** Runs one redis-cli command against a live node and returns its output. */
  cli(...args: string[]): string;
}

export function redisCliPath(): string | undefined {
  const found = spawnSync("sh", ["-c", "command -v redis-cli"], { encoding: "utf8" });
  const file = found.stdout.trim();
  return found.status === 0 && file !== "" ? file : undefined;
}

/** Starts the cluster for `suite`, or returns undefined when redis-server / redis-cli are missing (the suite is skipped). */
export async function redisClusterForSuite(suite: string, options: { nodeTimeoutMs?: number } = {}): Promise<RedisCluster | undefined> {
  return serverAvailable(suite, redisClusterMissing()) ? startRedisCluster(options) : undefined;
}

/** Starts the cluster (redis-server and redis-cli must be installed: see redisClusterForSuite). */
export async function startRedisCluster(options: { nodeTimeoutMs?: number } = {}): Promise<RedisCluster> {
  const server = redisServerPath();
  const cliBinary = redisCliPath();
  if (!server || !cliBinary) throw new Error("redis-server / redis-cli are not installed (apt-get install -y redis-server)");
  const nodeTimeout = options.nodeTimeoutMs ?? 1000;
  const dir = mkdtempSync(path.join(tmpdir(), "tencent-webhooks-redis-cluster-"));
  const ports = await freePorts(6);
  const children = new Map<number, ChildProcess>();
  const exits = new Map<number, Promise<void>>();
  const dismissals: Array<() => void> = [];

  const launch = (port: number) => {
    const child = spawn(
      server,
      [
        "--port",
        String(port),
        "--bind",
        "127.0.0.1",
        "--cluster-enabled",
        "yes",
        "--cluster-config-file",
        `nodes-${port}.conf`,
        "--cluster-node-timeout",
        String(nodeTimeout),
        // A replica syncs at once (no 5 s wait for others to join a diskless transfer), and may
        // always be promoted, however long it was cut off: the test kills its master on purpose.
        "--repl-diskless-sync-delay",
        "0",
        "--cluster-replica-validity-factor",
        "0",
        "--save",
        "",
        "--appendonly",
        "no",
        "--dir",
        dir,
        "--dbfilename",
        `dump-${port}.rdb`,
        "--daemonize",
        "no",
        "--protected-mode",
        "no",
        "--loglevel",
        "warning",
      ],
      { stdio: ["ignore", "ignore", "ignore"] },
    );
    children.set(port, child);
    dismissals.push(watchdog(child));
    exits.set(
      port,
      new Promise<void>((resolve) =>
        child.once("exit", () => {
          children.delete(port);
          resolve();
        }),
      ),
    );
  };
  for (const port of ports) launch(port);

  const stopAll = async () => {
    for (const dismiss of dismissals) dismiss();
    for (const child of children.values()) child.kill("SIGKILL");
    await Promise.all(exits.values());
  };
  const onExit = () => {
    for (const child of children.values()) child.kill("SIGKILL");
  };
  process.once("exit", onExit);
  afterAll(async () => {
    process.off("exit", onExit);
    await stopAll();
    rmSync(dir, { recursive: true, force: true });
  });

  for (const port of ports) {
    if (!(await waitForPing(port, 5000))) {
      await stopAll();
      throw new Error(`redis-server (cluster node) did not start on port ${port}`);
    }
  }

  const nodes: ClusterNode[] = ports.map((port) => ({
    port,
    url: `redis://127.0.0.1:${port}`,
    get running() {
      return children.has(port);
    },
  }));
  const live = () => nodes.find((node) => node.running);
  /** Whether the master a replica's `INFO replication` names is one of ours still running. */
  const masterRunning = (replication: string) => {
    const port = Number(/master_port:(\d+)/.exec(replication)?.[1]);
    return nodes.some((node) => node.port === port && node.running);
  };
  const cli = (...args: string[]): string => {
    const node = live();
    if (!node) throw new Error("no cluster node is running");
    const result = spawnSync(cliBinary, ["-h", "127.0.0.1", "-p", String(node.port), ...args], { encoding: "utf8", timeout: 10_000 });
    if (result.status !== 0) throw new Error(`redis-cli ${args.join(" ")}: ${result.stderr || result.stdout}`);
    return result.stdout;
  };
  const create = spawnSync(cliBinary, ["--cluster", "create", ...ports.map((port) => `127.0.0.1:${port}`), "--cluster-replicas", "1", "--cluster-yes"], {
    encoding: "utf8",
    timeout: 30_000,
  });
  if (create.status !== 0) {
    await stopAll();
    throw new Error(`redis-cli --cluster create failed: ${create.stdout}\n${create.stderr}`);
  }

  const masterOf = async (key: string): Promise<ClusterNode> => {
    const slot = Number(cli("CLUSTER", "KEYSLOT", key).trim());
    const shards = cli("CLUSTER", "NODES");
    for (const line of shards.trim().split("\n")) {
      const [, address = "", flags = "", , , , , state = "", ...slots] = line.split(" ");
      if (!flags.includes("master") || flags.includes("fail") || state !== "connected") continue;
      const port = Number(address.split("@")[0]!.split(":")[1]);
      for (const range of slots) {
        const [from, to = from] = range.split("-").map(Number) as [number, number?];
        if (slot >= from && slot <= (to ?? from)) {
          const node = nodes.find((candidate) => candidate.port === port);
          if (node) return node;
        }
      }
    }
    throw new Error(`no live master serves slot ${slot} (${key})`);
  };

  const cluster: RedisCluster = {
    nodes,
    startupNodes: ports.map((port) => ({ host: "127.0.0.1", port })),
    masterOf,
    cli,
    async kill(node) {
      children.get(node.port)?.kill("SIGKILL");
      await exits.get(node.port);
    },
    async waitHealthy(key = "{tencent-webhooks}", timeoutMs = 20_000) {
      const until = Date.now() + timeoutMs;
      let last = "";
      while (Date.now() < until) {
        try {
          const running = nodes.filter((node) => node.running);
          const ok = running.every((node) => {
            const info = nodeInfo(cliBinary, node.port, "CLUSTER", "INFO");
            const replication = nodeInfo(cliBinary, node.port, "INFO", "replication");
            // A replica counts once its link to its master is up (a promoted one has none to wait for).
            return (
              info.includes("cluster_state:ok") &&
              (!replication.includes("role:slave") || replication.includes("master_link_status:up") || !masterRunning(replication))
            );
          });
          if (ok && (await masterOf(key)).running) return;
        } catch (error) {
          last = String(error);
        }
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      throw new Error(`the Redis Cluster did not become healthy within ${timeoutMs} ms ${last}`);
    },
  };
  await cluster.waitHealthy();
  return cluster;
}

function nodeInfo(cli: string, port: number, ...command: string[]): string {
  return spawnSync(cli, ["-h", "127.0.0.1", "-p", String(port), ...command], { encoding: "utf8", timeout: 5000 }).stdout ?? "";
}

/** `count` distinct free ports; a cluster node also listens on port + 10000 (its bus), so that one must be free too. */
async function freePorts(count: number): Promise<number[]> {
  const ports: number[] = [];
  while (ports.length < count) {
    const port = await freePort();
    if (port > 55_000 || ports.includes(port)) continue;
    if (await isFree(port + 10_000)) ports.push(port);
  }
  return ports;
}

function isFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = net.createServer();
    probe.once("error", () => resolve(false));
    probe.listen(port, "127.0.0.1", () => probe.close(() => resolve(true)));
  });
}

async function waitForPing(port: number, timeoutMs: number): Promise<boolean> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    const pong = await new Promise<boolean>((resolve) => {
      const socket = net.connect(port, "127.0.0.1");
      socket.setTimeout(500, () => socket.destroy());
      socket.once("error", () => resolve(false));
      socket.once("close", () => resolve(false));
      socket.once("connect", () => socket.write("PING\r\n"));
      socket.once("data", (chunk: Buffer) => {
        socket.destroy();
        resolve(chunk.toString().startsWith("+PONG"));
      });
    });
    if (pong) return true;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  return false;
}
