import { Boom } from "@hapi/boom";

/** Why a callback was refused or failed. Stable strings: safe to switch on and to log. */
export type RejectionReason =
  | "method_not_allowed"
  | "unsupported_media_type"
  | "body_too_large"
  | "invalid_json"
  | "invalid_body"
  | "sdk_app_id_missing"
  | "sdk_app_id_mismatch"
  | "signature_missing"
  | "signature_invalid"
  | "signature_expired"
  | "command_missing"
  | "command_mismatch"
  | "unknown_command"
  | "schema_invalid"
  | "handler_failed"
  | "handler_timeout";

const STATUS: Record<RejectionReason, number> = {
  method_not_allowed: 405,
  unsupported_media_type: 415,
  body_too_large: 413,
  invalid_json: 400,
  invalid_body: 400,
  sdk_app_id_missing: 403,
  sdk_app_id_mismatch: 403,
  signature_missing: 401,
  signature_invalid: 401,
  signature_expired: 401,
  command_missing: 400,
  command_mismatch: 400,
  unknown_command: 400,
  schema_invalid: 400,
  handler_failed: 500,
  handler_timeout: 504,
};

/**
 * Rejections that are not callbacks at all (wrong method, media type or size) are answered
 * without reaching `onError`: they carry nothing Tencent would have sent.
 */
export const SILENT_REASONS: ReadonlySet<RejectionReason> = new Set([
  "method_not_allowed",
  "unsupported_media_type",
  "body_too_large",
]);

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

/** The Tencent reply body: `ErrorCode` 0 means OK; a refusal uses its HTTP status as the code. */
export interface TencentReply {
  ActionStatus: "OK" | "FAIL";
  ErrorInfo: string;
  ErrorCode: number;
}

export const JSON_HEADERS: Readonly<Record<string, string>> = Object.freeze({
  "content-type": "application/json; charset=utf-8",
});

export interface WebhookResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

const OK_BODY = JSON.stringify({ ActionStatus: "OK", ErrorInfo: "", ErrorCode: 0 } satisfies TencentReply);

export function okResponse(): WebhookResponse {
  return { status: 200, headers: { ...JSON_HEADERS }, body: OK_BODY };
}

/** The one place where a rejection becomes HTTP. Messages are ours, never a stack or a secret. */
export function rejectionResponse(rejection: Rejection): WebhookResponse {
  const status = rejection.output.statusCode;
  const headers: Record<string, string> = { ...JSON_HEADERS };
  if (rejection.data?.reason === "method_not_allowed") headers.allow = "POST";
  const reply: TencentReply = { ActionStatus: "FAIL", ErrorInfo: rejection.message, ErrorCode: status };
  return { status, headers, body: JSON.stringify(reply) };
}
