/**
 * A throw-away Redis Cluster for the queue benchmark: six redis-servers (bench/redis.ts, each in
 * its own temp dir) joined by `redis-cli --cluster create … --cluster-replicas 1 --cluster-yes`
 * into three masters with a replica each, as test/support/redis-cluster.ts does for the tests.
 */
import { spawnSync } from "node:child_process";
import { startRedis, type BenchRedis } from "./redis.js";

export interface BenchCluster {
  nodes: BenchRedis[];
  /** `redis://127.0.0.1:<port>` of every node. */
  urls: string[];
  /** The sum of `used_memory` over every node, bytes. */
  usedMemory(): number;
  stop(): Promise<void>;
}

export async function startRedisCluster(): Promise<BenchCluster> {
  const nodes: BenchRedis[] = [];
  const stop = async () => {
    await Promise.all(nodes.map((node) => node.stop()));
  };
  try {
    for (let i = 0; i < 6; i++) {
      nodes.push(
        await startRedis([
          "--cluster-enabled",
          "yes",
          "--cluster-config-file",
          "nodes.conf",
          "--cluster-node-timeout",
          "2000",
          "--repl-diskless-sync-delay",
          "0",
        ]),
      );
    }
    const created = spawnSync(
      "redis-cli",
      ["--cluster", "create", ...nodes.map((node) => `127.0.0.1:${node.port}`), "--cluster-replicas", "1", "--cluster-yes"],
      { encoding: "utf8", timeout: 30_000 },
    );
    if (created.status !== 0) throw new Error(`redis-cli --cluster create failed: ${created.stdout}${created.stderr}`);
    const until = Date.now() + 20_000;
    const info = (node: BenchRedis, ...command: string[]) =>
      spawnSync("redis-cli", ["-h", "127.0.0.1", "-p", String(node.port), ...command], { encoding: "utf8", timeout: 5000 }).stdout ?? "";
    while (
      !nodes.every((node) => info(node, "CLUSTER", "INFO").includes("cluster_state:ok") && !/master_link_status:down/.test(info(node, "INFO", "replication")))
    ) {
      if (Date.now() > until) throw new Error("the benchmark's Redis Cluster did not become healthy within 20 s");
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  } catch (error) {
    await stop();
    throw error;
  }
  return {
    nodes,
    urls: nodes.map((node) => node.url),
    usedMemory: () => nodes.reduce((sum, node) => sum + node.usedMemory(), 0),
    stop,
  };
}
