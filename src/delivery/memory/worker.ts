/**
 * The memory queue's workers: each `work(runner, { concurrency })` takes waiting jobs from
 * {@link Jobs}, up to its concurrency, delivers a private copy of each and reports the outcome.
 */
import type { JobRunner, QueueWorker, WorkOptions } from "../contract.js";
import type { Entry, Jobs } from "./jobs.js";
import { fail, positiveInteger } from "./option-checks.js";

interface Worker {
  runner: JobRunner;
  concurrency: number;
  active: number;
  closing: boolean;
  inFlight: Set<Promise<void>>;
}

export interface Workers {
  /** Starts waiting jobs on the workers that have room for them. */
  pump(): void;
  /** Workers started and not closed. */
  count(): number;
  /** Starts a worker; its `close()` stops it taking jobs and waits for the ones it is running. */
  work(runner: JobRunner, options?: WorkOptions): QueueWorker;
  /** Stops every worker taking jobs (at once); resolves once the jobs they were running are over. */
  close(): Promise<void>;
}

export function memoryWorkers(jobs: Jobs): Workers {
  const workers = new Set<Worker>();

  function pump(): void {
    if (jobs.closed) return;
    for (const worker of workers) {
      while (!worker.closing && worker.active < worker.concurrency && jobs.hasWaiting()) {
        run(worker, jobs.take()!);
      }
      if (!jobs.hasWaiting()) break;
    }
  }

  function run(worker: Worker, entry: Entry): void {
    const attempt = entry.attemptsMade + 1;
    const final = attempt >= jobs.attempts;
    worker.active++;
    const delivery = Promise.resolve()
      .then(() => worker.runner.deliver(structuredClone(entry.job), { attempt, final, jobId: entry.id }))
      .then(
        () => jobs.succeeded(entry),
        (error: unknown) => jobs.attemptFailed(entry, attempt, error),
      )
      .finally(() => {
        jobs.stopped();
        worker.active--;
        worker.inFlight.delete(delivery);
        pump();
        jobs.settleIdle();
      });
    worker.inFlight.add(delivery);
  }

  return {
    pump,
    count: () => workers.size,

    work(runner: JobRunner, options: WorkOptions = {}): QueueWorker {
      if (typeof runner?.deliver !== "function") fail("work(runner) needs a runner with deliver(job, attempt) (a dispatcher)");
      if (jobs.closed) fail("this memoryQueue is closed");
      const worker: Worker = {
        runner,
        concurrency: positiveInteger("concurrency", options.concurrency, 1),
        active: 0,
        closing: false,
        inFlight: new Set(),
      };
      workers.add(worker);
      pump();
      let closing: Promise<void> | undefined;
      return {
        close() {
          closing ??= (async () => {
            worker.closing = true;
            workers.delete(worker);
            while (worker.inFlight.size > 0) await Promise.allSettled([...worker.inFlight]);
          })();
          return closing;
        },
      };
    },

    async close(): Promise<void> {
      const inFlight = [...workers].flatMap((worker) => [...worker.inFlight]);
      for (const worker of workers) worker.closing = true;
      workers.clear();
      while (inFlight.length > 0) await Promise.allSettled(inFlight.splice(0));
    },
  };
}
