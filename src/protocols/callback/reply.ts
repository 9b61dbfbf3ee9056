import { jsonResponse, type Rejection, type WebhookResponse } from "../../errors.js";

/** The callback protocol's reply body: `ErrorCode` 0 means OK; a refusal uses its HTTP status as the code. */
export interface TencentReply {
  ActionStatus: "OK" | "FAIL";
  ErrorInfo: string;
  ErrorCode: number;
}

const OK_BODY = JSON.stringify({ ActionStatus: "OK", ErrorInfo: "", ErrorCode: 0 } satisfies TencentReply);

export function okReply(): WebhookResponse {
  return jsonResponse(200, OK_BODY);
}

/** Messages are ours, never a stack or a secret. */
export function failReply(rejection: Rejection): WebhookResponse {
  const status = rejection.output.statusCode;
  const reply: TencentReply = { ActionStatus: "FAIL", ErrorInfo: rejection.message, ErrorCode: status };
  return jsonResponse(status, JSON.stringify(reply), rejection);
}
