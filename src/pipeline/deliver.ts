/**
 * A queue worker's side: one queued callback through the same command, schema and handlers as
 * inline. A failure reaches `onError` with the attempt and whether it was the last, then rejects
 * so that the queue retries (or dead-letters) it.
 */
import type { DeliveryAttempt, QueuedCallback } from "../delivery/contract.js";
import { isRejection } from "../errors.js";
import { parseJsonObject } from "../json/parse.js";
import { parseQuery } from "./query.js";
import { prepare, runAll } from "./accept.js";
import type { Engine } from "./engine.js";
import type { Report } from "./report.js";

export async function deliverJob(engine: Engine, job: QueuedCallback, attempt: DeliveryAttempt): Promise<void> {
  const query = parseQuery(job.url).record;
  const report: Report = {
    request: { method: job.method, url: job.url, query, headers: job.headers, rawBody: job.rawBody, rawBodyExact: true },
    attempt: attempt.attempt,
    final: attempt.final,
    dedupeKey: job.dedupeKey,
  };
  try {
    const payload = parseJsonObject(job.rawBody);
    // The receiver authenticated it; the facts it established travel with the job.
    const identity = {
      commandHint: job.command,
      sdkAppId: job.sdkAppId,
      keyIndex: job.keyIndex,
      product: job.product,
      clientIp: query.clientip || undefined,
      optPlatform: query.optplatform || undefined,
    };
    const { event } = await prepare(engine, payload, report, identity, attempt.attempt);
    const run = await runAll(engine, event, report, engine.options.handlerTimeoutMs);
    if (run.failure) throw new Error(`${run.failure.message} (attempt ${attempt.attempt})`);
  } catch (error) {
    if (isRejection(error)) {
      // Not a handler failure (the schema changed since it was queued?): reported once, then retried.
      await engine.reporter.emit(error, report);
      throw new Error(error.message);
    }
    throw error;
  }
}
