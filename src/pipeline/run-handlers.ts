import { reject, type Rejection } from "../errors.js";
import type { AnyWebhookEvent } from "../types.js";
import { isThenable, settlesWithin } from "./settles-within.js";

export type AnyCallback = (event: AnyWebhookEvent) => unknown;

export interface HandlerRun {
  failure?: Rejection;
  /** What the first failing handler threw (a queue's dead letter keeps it). */
  cause?: unknown;
  /** The first handlers' return values (the command's own handlers): a "before" command's decisions. */
  results: unknown[];
}

/**
 * Runs every handler; one that throws does not stop the others. Sync handlers cost no timer and
 * no promise: the run is returned as it is.
 * A handler still running at the timeout is not cut off: a later failure still reaches onError
 * through `onFailure`.
 */
export function runHandlers<E extends { command: string } = AnyWebhookEvent>(
  handlers: readonly ((event: E) => unknown)[],
  commandHandlers: number,
  timeoutMs: number,
  event: E,
  onFailure: (rejection: Rejection, cause: unknown) => Promise<void>,
): HandlerRun | Promise<HandlerRun> {
  let failed = false;
  let firstCause: unknown;
  let answered = false;
  const results: unknown[] = [];
  const reports: Promise<void>[] = [];
  const pending: Promise<unknown>[] = [];
  const fail = (cause: unknown) => {
    if (!answered && !failed) {
      failed = true;
      firstCause = cause;
    }
    reports.push(onFailure(reject("handler_failed", `A handler for ${event.command} failed`), cause));
  };
  for (let index = 0; index < handlers.length; index++) {
    try {
      const result = handlers[index]!(event);
      if (isThenable(result)) pending.push(Promise.resolve(result).then((value) => void (results[index] = value), fail));
      else results[index] = result;
    } catch (cause) {
      fail(cause);
    }
  }
  // Every handler returned a plain value and none threw: nothing to wait for, no promise made.
  if (pending.length === 0 && reports.length === 0) return { results: results.slice(0, commandHandlers) };
  return settle();

  async function settle(): Promise<HandlerRun> {
    const inTime = pending.length === 0 || (await settlesWithin(Promise.all(pending), timeoutMs));
    answered = true;
    let failure: Rejection | undefined;
    if (!inTime) {
      failure = reject("handler_timeout", `Handlers did not finish within ${timeoutMs} ms`);
      reports.push(onFailure(failure, undefined));
    } else if (failed) {
      failure = reject("handler_failed", `A handler for ${event.command} failed`);
    }
    if (reports.length > 0) await settlesWithin(Promise.all(reports), timeoutMs);
    return failure ? { failure, cause: firstCause, results } : { results: results.slice(0, commandHandlers) };
  }
}
