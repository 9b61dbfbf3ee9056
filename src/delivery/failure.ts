/**
 * What `deliver()` rejects with: why the job failed, whether a retry could help, and the real
 * error (`cause`) so that the dead letter keeps the handler's own message and stack.
 */
import type { DeadLetterReason } from "./contract.js";
import type { SchemaError } from "../pipeline/validate.js";

export class DeliveryFailure extends Error {
  override readonly name = "DeliveryFailure";
  constructor(
    message: string,
    readonly reason: DeadLetterReason,
    /** False: straight to the dead-letter set (a schema failure does not heal by retrying). */
    readonly retry: boolean,
    options: { cause?: unknown; schemaErrors?: SchemaError[] } = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.schemaErrors = options.schemaErrors;
  }
  readonly schemaErrors: SchemaError[] | undefined;
}

/**
 * What an engine needs to know of a failed attempt, read by shape (another copy of the package,
 * or a custom runner, makes its own class): anything else is a handler failure, retried.
 */
export function failureOf(error: unknown): { reason: DeadLetterReason; retry: boolean; schemaErrors?: SchemaError[] | undefined } {
  const candidate = error as Partial<DeliveryFailure> | null;
  if (error instanceof Error && candidate?.name === "DeliveryFailure" && (candidate.reason === "schema_invalid" || candidate.reason === "handler_failed")) {
    return { reason: candidate.reason, retry: candidate.retry !== false, schemaErrors: candidate.schemaErrors };
  }
  return { reason: "handler_failed", retry: true };
}
