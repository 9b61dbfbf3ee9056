/**
 * Every refusal and failure reaches `onError`; when none is registered, the logger gets one line
 * (reason, command, status, message), at most a few per reason a minute — never the token or the body.
 */
import type { Rejection } from "../errors.js";
import type { ErrorHandler, Logger, WebhookErrorEvent } from "../types.js";
import { describeSchemaErrors, type SchemaError } from "./validate.js";

/** What is known about a callback so far, for the `onError` report if it fails. */
export type Report = Omit<WebhookErrorEvent, "reason" | "status" | "message" | "error">;

const PER_MINUTE = 5;

export class ErrorReporter {
  readonly #handlers: ErrorHandler[];
  readonly #logger: Logger;
  readonly #protocol: string;
  readonly #counts = new Map<string, { minute: number; count: number; suppressed: number }>();

  readonly #now: () => number;

  constructor(handlers: ErrorHandler[], logger: Logger, protocol: string, now: () => number = Date.now) {
    this.#now = now;
    this.#handlers = handlers;
    this.#logger = logger;
    this.#protocol = protocol;
  }

  /** Calls every onError handler; their own failures go to the logger, never thrown. */
  async emit(rejection: Rejection, report: Report): Promise<void> {
    const event: WebhookErrorEvent = {
      ...report,
      reason: rejection.data!.reason,
      status: rejection.output.statusCode,
      message: rejection.message,
      error: rejection,
    };
    if (this.#handlers.length === 0) return this.#log(event);
    await Promise.all(
      this.#handlers.map(async (handler) => {
        try {
          await handler(event);
        } catch (cause) {
          this.#logger.error(`tencent-webhooks: an onError handler threw: ${describe(cause)}`);
        }
      }),
    );
  }

  /** A line for a duplicate (answered 200, handled once). */
  duplicate(command: string, dedupeKey: string): void {
    if (this.#allowed("duplicate"))
      this.#logger.warn(`tencent-webhooks: duplicate ${this.#protocol} callback ${command} (${dedupeKey}) answered 200, not handled again`);
  }

  /**
   * A quarantined callback nobody listens to (`onInvalid`): one line each, never rate-limited, with
   * the body as a JSON string (one line, exactly recoverable) unless a queue's dead letter keeps it.
   */
  quarantined(command: string, schemaErrors: readonly SchemaError[], rawBody: string | undefined): void {
    const kept = rawBody === undefined ? "kept in the dead-letter set (queue.replay(id) after an upgrade)" : `body ${JSON.stringify(rawBody)}`;
    this.#logger.warn(
      `tencent-webhooks: ${this.#protocol} ${command} quarantined (schema_invalid: ${describeSchemaErrors(schemaErrors)}; register onInvalid to handle it) — ${kept}`,
    );
  }

  /** An accepted callback no handler listens to: once per command name. */
  unheard(command: string): void {
    this.#logger.warn(
      `tencent-webhooks: no handler for ${this.#protocol} ${command}: answered 200 and dropped (register on(${JSON.stringify(command)}, …) or onAny() to handle it, or to silence this line)`,
    );
  }

  #log(event: WebhookErrorEvent): void {
    // Health checkers and scanners GET the route all day: a 405 reaches onError, never the default log.
    if (event.reason === "method_not_allowed" || !this.#allowed(event.reason)) return;
    const command = event.command ?? event.request.query.callbackcommand ?? "callback";
    const attempt = event.attempt === undefined ? "" : ` attempt ${event.attempt}${event.final ? " (final)" : ""}`;
    const cause = event.cause === undefined ? "" : `: ${describe(event.cause)}`;
    const line = `tencent-webhooks: ${this.#protocol} ${command} refused ${event.status} ${event.reason}${attempt} — ${event.message}${cause} (register onError to handle this)`;
    (event.status >= 500 ? this.#logger.error : this.#logger.warn).call(this.#logger, line);
  }

  #allowed(reason: string): boolean {
    const minute = Math.floor(this.#now() / 60_000);
    const entry = this.#counts.get(reason) ?? { minute, count: 0, suppressed: 0 };
    if (entry.minute !== minute) {
      if (entry.suppressed > 0) this.#logger.warn(`tencent-webhooks: ${entry.suppressed} more ${reason} refusal(s) not logged`);
      entry.minute = minute;
      entry.count = 0;
      entry.suppressed = 0;
    }
    this.#counts.set(reason, entry);
    if (entry.count >= PER_MINUTE) {
      entry.suppressed++;
      return false;
    }
    entry.count++;
    return true;
  }
}

function describe(cause: unknown): string {
  return cause instanceof Error ? `${cause.name}: ${cause.message}` : String(cause);
}
