/** `health()`: whether the server answers, the workers connected to the queue, the backlog and its oldest job's age. */
import type { QueueHealth, WebhookQueue } from "../contract.js";
import { countJobs } from "./counts.js";
import type { Engine } from "./engine.js";

export async function queueHealth(kind: WebhookQueue["kind"], engine: Engine): Promise<QueueHealth> {
  try {
    const counts = await countJobs(engine);
    const { workers, oldest } = await engine.bounded("the health read", async () => {
      const queue = await engine.queue();
      // BullMQ names every worker's connection: CLIENT LIST counts them across processes.
      const workers = await queue.getWorkersCount().catch(() => 0);
      const [job] = await queue.getJobs(["wait"], 0, 0, true);
      return { workers, oldest: job?.timestamp };
    });
    const oldestWaitingMs = oldest === undefined ? 0 : Math.max(0, Date.now() - oldest);
    return { kind, reachable: true, workers, ...counts, oldestWaitingMs };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { kind, reachable: false, error: message, workers: 0, waiting: 0, delayed: 0, active: 0, failed: 0, oldestWaitingMs: 0 };
  }
}
