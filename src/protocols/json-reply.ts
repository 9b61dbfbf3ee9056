/** What TRTC and CSS share: the reply shape `{"code":0}` / `{"code":<status>,"message":"…"}` (both retry on non-200), key lists, the event number on the wire. */
import { jsonResponse, reject, type Rejection, type WebhookResponse } from "../errors.js";

const OK = JSON.stringify({ code: 0 });

export function codeOk(): WebhookResponse {
  return jsonResponse(200, OK);
}

export function codeFail(rejection: Rejection): WebhookResponse {
  const status = rejection.output.statusCode;
  return jsonResponse(status, JSON.stringify({ code: status, message: rejection.message }), rejection);
}

/** A key option: one string or a list (rotation), none empty. */
export function keyList(value: unknown, name: string): string[] {
  const list = typeof value === "string" ? [value] : Array.isArray(value) ? value : [];
  if (list.length === 0 || list.some((key) => typeof key !== "string" || key.length === 0)) {
    throw new TypeError(`tencent-webhooks: \`${name}\` must be the console's callback key (a non-empty string) or a list of them`);
  }
  return [...list] as string[];
}

/** The event's number on the wire (a safe integer, or a digit string for one), else undefined. */
export function eventCode(value: unknown): number | undefined {
  const code = typeof value === "string" && /^\d{1,9}$/.test(value) ? Number(value) : value;
  return typeof code === "number" && Number.isSafeInteger(code) ? code : undefined;
}

/** The event's number on the wire, as its catalogue name when known (else the number as text). */
export function eventName(value: unknown, field: string, find: (code: number) => { command: string } | undefined): string {
  const code = eventCode(value);
  if (code === undefined) throw reject("command_missing", `${field} is missing or not an integer`);
  return find(code)?.command ?? String(code);
}
