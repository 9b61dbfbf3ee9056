/** The memory queue's dead-letter operations: a page, one by id, replay and remove, one or all that match. */
import type { FailedCallback, FailedFilter, FailedQuery, WebhookQueue } from "../contract.js";
import { filterOf, matches, pageOf } from "../dead-letter-query.js";
import type { Jobs } from "./jobs.js";

type DeadLetterOperations = Pick<WebhookQueue, "failed" | "failedJob" | "replay" | "replayAll" | "remove" | "removeAll">;

export function memoryDeadLetters(jobs: Jobs): DeadLetterOperations {
  const open = () => {
    if (jobs.closed) throw new Error("tencent-webhooks: this memoryQueue is closed");
  };
  const matching = (filter: FailedFilter): FailedCallback[] => jobs.failed().filter((failed) => matches(filter, failed));
  return {
    async failed(query?: FailedQuery): Promise<FailedCallback[]> {
      const { offset, limit, filter } = pageOf(query);
      return matching(filter).slice(offset, offset + limit);
    },
    async failedJob(id: string): Promise<FailedCallback | undefined> {
      return jobs.failed().find((failed) => failed.id === id);
    },
    async replay(id: string): Promise<void> {
      open();
      jobs.replay(id);
    },
    async replayAll(filter?: FailedFilter): Promise<number> {
      open();
      // Oldest failure first: replayed jobs keep the order they first failed in.
      const chosen = matching(filterOf(filter)).reverse();
      for (const failed of chosen) jobs.replay(failed.id);
      return chosen.length;
    },
    async remove(id: string): Promise<void> {
      jobs.remove(id);
    },
    async removeAll(filter?: FailedFilter): Promise<number> {
      const chosen = matching(filterOf(filter));
      for (const failed of chosen) jobs.remove(failed.id);
      return chosen.length;
    },
  };
}
