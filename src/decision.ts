import { JSON_HEADERS, type WebhookResponse } from "./errors.js";

/**
 * What a handler of a "before" callback returns: Tencent goes ahead with the action only when the
 * reply's `ErrorCode` is 0. Build one with `allow()` or `block()`; returning nothing allows.
 */
export interface BeforeDecision {
  readonly action: "allow" | "block";
  /** Non-zero for `block`: sent as `ErrorCode` (Tencent relays some ranges to the client). */
  readonly code: number;
  readonly message: string;
  /** Extra reply fields some commands read (e.g. a rewritten `MsgBody` for `Group.CallbackBeforeSendMsg`). */
  readonly reply: Readonly<Record<string, unknown>>;
}

const RESERVED = new Set(["ActionStatus", "ErrorCode", "ErrorInfo"]);

function extraFields(reply: Record<string, unknown> | undefined): Record<string, unknown> {
  const fields: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(reply ?? {})) {
    if (RESERVED.has(key)) throw new TypeError(`tencent-webhooks: reply field ${key} is set by the decision itself`);
    fields[key] = value;
  }
  return fields;
}

/** Let the action happen (`ErrorCode` 0), optionally with extra reply fields. */
export function allow(reply?: Record<string, unknown>): BeforeDecision {
  return Object.freeze({ action: "allow", code: 0, message: "", reply: extraFields(reply) });
}

/** Stop the action: `code` must be a non-zero integer; `message` becomes `ErrorInfo`. */
export function block(code: number, message = "", reply?: Record<string, unknown>): BeforeDecision {
  if (!Number.isSafeInteger(code) || code === 0) {
    throw new TypeError(`tencent-webhooks: block() needs a non-zero integer code, got ${String(code)}`);
  }
  return Object.freeze({ action: "block", code, message: String(message), reply: extraFields(reply) });
}

export function isDecision(value: unknown): value is BeforeDecision {
  const decision = value as BeforeDecision | null;
  return (
    typeof decision === "object" &&
    decision !== null &&
    (decision.action === "allow" || decision.action === "block") &&
    Number.isSafeInteger(decision.code) &&
    (decision.action === "block") === (decision.code !== 0) &&
    typeof decision.message === "string" &&
    typeof decision.reply === "object"
  );
}

/** Several handlers: the first `block` (in registration order) wins; allowed replies merge in order. */
export function decisionResponse(decisions: readonly unknown[]): WebhookResponse {
  let reply: Record<string, unknown> = {};
  for (const decision of decisions) {
    if (!isDecision(decision)) continue;
    if (decision.action === "block") {
      return respond({ ActionStatus: "OK", ErrorInfo: decision.message, ErrorCode: decision.code, ...decision.reply });
    }
    reply = { ...reply, ...decision.reply };
  }
  return respond({ ActionStatus: "OK", ErrorInfo: "", ErrorCode: 0, ...reply });
}

function respond(body: Record<string, unknown>): WebhookResponse {
  return { status: 200, headers: { ...JSON_HEADERS }, body: JSON.stringify(body) };
}
