import { Boom } from "@hapi/boom";

/** Why a callback was refused or failed. Stable strings: safe to switch on and to log. */
export type RejectionReason =
  | "method_not_allowed"
  | "unsupported_media_type"
  | "body_too_large"
  | "body_timeout"
  | "body_unreadable"
  | "invalid_json"
  | "invalid_body"
  | "precision_lost"
  | "raw_body_required"
  | "sdk_app_id_missing"
  | "sdk_app_id_mismatch"
  | "signature_missing"
  | "signature_invalid"
  | "signature_expired"
  | "command_missing"
  | "command_mismatch"
  | "unknown_command"
  | "schema_invalid"
  | "decision_invalid"
  | "handler_failed"
  | "handler_timeout"
  | "queue_unavailable";

const STATUS: Record<RejectionReason, number> = {
  method_not_allowed: 405,
  unsupported_media_type: 415,
  body_too_large: 413,
  body_timeout: 408,
  body_unreadable: 500,
  invalid_json: 400,
  invalid_body: 400,
  precision_lost: 500,
  raw_body_required: 500,
  sdk_app_id_missing: 403,
  sdk_app_id_mismatch: 403,
  signature_missing: 401,
  signature_invalid: 401,
  signature_expired: 401,
  command_missing: 400,
  command_mismatch: 400,
  unknown_command: 400,
  schema_invalid: 400,
  decision_invalid: 500,
  handler_failed: 500,
  handler_timeout: 504,
  queue_unavailable: 503,
};

export interface RejectionData {
  reason: RejectionReason;
}

/** A refusal as a value: a Boom error carrying its HTTP status, a safe message and the reason. */
export type Rejection = Boom<RejectionData>;

export function reject(reason: RejectionReason, message: string): Rejection {
  return new Boom<RejectionData>(message, { statusCode: STATUS[reason], data: { reason } });
}

export function isRejection(value: unknown): value is Rejection {
  return value instanceof Boom && typeof (value.data as RejectionData | null)?.reason === "string";
}

export interface WebhookResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

export const JSON_HEADERS: Readonly<Record<string, string>> = Object.freeze({
  "content-type": "application/json; charset=utf-8",
});

/** A JSON reply with the package's headers (`allow: POST` on a 405). */
export function jsonResponse(status: number, body: string, rejection?: Rejection): WebhookResponse {
  const headers: Record<string, string> = { ...JSON_HEADERS };
  if (rejection?.data?.reason === "method_not_allowed") headers.allow = "POST";
  return { status, headers, body };
}
