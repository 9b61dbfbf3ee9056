/** `failed({ offset, limit, command, reason })` and the bulk filters, the same on every engine. */
import type { DeadLetterReason, FailedCallback, FailedFilter, FailedQuery } from "./contract.js";
import { DeliveryFailure, failureOf } from "./failure.js";

export interface Page {
  offset: number;
  limit: number;
  filter: FailedFilter;
}

const REASONS: readonly DeadLetterReason[] = ["handler_failed", "schema_invalid"];

/** Checks a page query (a TypeError for a bad value) and fills in the defaults: offset 0, limit 100. */
export function pageOf(query: FailedQuery = {}): Page {
  if (query === null || typeof query !== "object") throw new TypeError("tencent-webhooks: failed(query) needs { offset?, limit?, command?, reason? }");
  const offset = query.offset ?? 0;
  if (!Number.isSafeInteger(offset) || offset < 0) throw new TypeError(`tencent-webhooks: \`offset\` must be an integer >= 0, got ${JSON.stringify(offset)}`);
  const limit = query.limit ?? 100;
  if (!Number.isSafeInteger(limit) || limit < 1 || limit > 1000)
    throw new TypeError(`tencent-webhooks: \`limit\` must be an integer from 1 to 1000, got ${JSON.stringify(limit)}`);
  return { offset, limit, filter: filterOf(query) };
}

export function filterOf(filter: FailedFilter = {}): FailedFilter {
  if (filter === null || typeof filter !== "object") throw new TypeError("tencent-webhooks: the filter must be { command?, reason? }");
  const { command, reason } = filter;
  if (command !== undefined && (typeof command !== "string" || command === "")) throw new TypeError("tencent-webhooks: `command` must be a non-empty string");
  if (reason !== undefined && !REASONS.includes(reason)) {
    throw new TypeError(`tencent-webhooks: \`reason\` must be ${REASONS.map((name) => JSON.stringify(name)).join(" or ")}, got ${JSON.stringify(reason)}`);
  }
  return { command, reason };
}

export function matches(filter: FailedFilter, failed: Pick<FailedCallback, "job" | "reason">): boolean {
  return (filter.command === undefined || failed.job.command === filter.command) && (filter.reason === undefined || failed.reason === filter.reason);
}

/**
 * What a dead letter records of the error its last attempt rejected with: the handler's own
 * error (a {@link DeliveryFailure}'s `cause`), its message and stack, and why it failed.
 */
export function failureRecord(error: unknown): Pick<FailedCallback, "error" | "stack" | "reason" | "schemaErrors"> {
  // failureOf() reads a DeliveryFailure by its shape (another copy of the package has its own class).
  const { reason, schemaErrors } = failureOf(error);
  const real =
    (error instanceof DeliveryFailure || (error as { name?: unknown } | null)?.name === "DeliveryFailure" ? (error as Error).cause : undefined) ?? error;
  return {
    error: messageOf(real),
    stack: real instanceof Error && typeof real.stack === "string" ? real.stack : undefined,
    reason,
    schemaErrors,
  };
}

function messageOf(error: unknown): string {
  if (error instanceof Error) return error.message;
  try {
    return String(error);
  } catch {
    return "unknown error";
  }
}
