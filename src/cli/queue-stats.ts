/** `queue stats`: the queue's health (reachable, workers, backlog, oldest waiting job) and counts. */
import type { WebhookQueue } from "../delivery/contract.js";
import { EXIT, type CliIo } from "./io.js";

export async function queueStats(queue: WebhookQueue & { name?: string }, json: boolean, io: CliIo): Promise<number> {
  const health = await queue.health();
  if (json) io.stdout(`${JSON.stringify({ name: queue.name, ...health }, null, 2)}\n`);
  else {
    const rows: Array<[string, string]> = [
      ["queue", `${queue.name ?? ""} (${health.kind})`],
      ["reachable", health.reachable ? "yes" : `no: ${health.error ?? "unknown error"}`],
      ["workers", String(health.workers)],
      ["waiting", String(health.waiting)],
      ["oldest waiting", health.waiting === 0 ? "-" : `${Math.round(health.oldestWaitingMs / 1000)} s`],
      ["delayed (retrying)", String(health.delayed)],
      ["active", String(health.active)],
      ["failed (dead letters)", String(health.failed)],
    ];
    const width = Math.max(...rows.map(([label]) => label.length));
    io.stdout(`${rows.map(([label, value]) => `${label.padEnd(width)}  ${value}`).join("\n")}\n`);
  }
  return health.reachable ? EXIT.ok : EXIT.unreachable;
}
