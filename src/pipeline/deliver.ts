/**
 * A queue worker's side: one queued callback through the same command, schema and handlers as
 * inline. A failure reaches `onError` with the attempt and whether it was the last, then rejects
 * with a DeliveryFailure so that the queue retries it — or dead-letters it at once when its
 * payload still fails the schema (it was quarantined, or the schema changed since): `onInvalid`
 * runs here, and `queue.replay(id)` after an upgrade of the package delivers it.
 */
import type { DeliveryAttempt, QueuedCallback } from "../delivery/contract.js";
import { DeliveryFailure } from "../delivery/failure.js";
import { isRejection } from "../errors.js";
import { parseJsonObject } from "../json/parse.js";
import { parseQuery } from "./query.js";
import { runAll } from "./accept.js";
import type { Engine } from "./engine.js";
import { prepare } from "./prepare.js";
import { runInvalid, schemaRejection } from "./quarantine.js";
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
    const { event, schemaErrors } = await prepare(engine, payload, report, identity, attempt.attempt);
    const { handlerTimeoutMs } = engine.options;
    if (schemaErrors) {
      await runInvalid(engine, event, schemaErrors, report, handlerTimeoutMs, true);
      throw new DeliveryFailure(schemaRejection(event.command, schemaErrors).message, "schema_invalid", false, { schemaErrors });
    }
    const run = await runAll(engine, event, report, handlerTimeoutMs);
    if (run.failure) throw new DeliveryFailure(`${run.failure.message} (attempt ${attempt.attempt})`, "handler_failed", true, { cause: run.cause });
  } catch (error) {
    if (isRejection(error)) {
      // Not a handler failure (a command this dispatcher refuses?): reported once, then retried.
      await engine.reporter.emit(error, report);
      throw new Error(error.message);
    }
    throw error;
  }
}
