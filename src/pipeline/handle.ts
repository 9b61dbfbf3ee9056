/**
 * One HTTP request, the same for every protocol: method → content type → size → body text →
 * authenticate → parse → (protocol's body checks) → accept. Never throws: a refusal becomes the
 * protocol's reply and reaches `onError` (or the logger).
 */
import { isRejection, reject, type WebhookResponse } from "../errors.js";
import { parseJsonObject } from "../json/parse.js";
import type { ReceivedRequest, WebhookRequest } from "../types.js";
import { accept } from "./accept.js";
import { bodyText } from "./body-text.js";
import { checkContentType } from "./content-type.js";
import type { Engine } from "./engine.js";
import { normalizeHeaders } from "./headers.js";
import { parseQuery } from "./query.js";
import type { Report } from "./report.js";
import { isThenable, settlesWithin } from "./settles-within.js";

const BODY_ERRORS = {
  timeout: () => reject("body_timeout", "The body did not arrive in time"),
  consumed: () =>
    reject(
      "body_unreadable",
      "The request body was already read by another middleware (c.req.json(), a validator, a body parser): mount the Tencent webhook before anything that reads the body",
    ),
} as const;

export async function handleRequest(engine: Engine, request: WebhookRequest): Promise<WebhookResponse> {
  let report: Report | undefined;
  try {
    const method = typeof request.method === "string" ? request.method.toUpperCase() : "";
    const headers = normalizeHeaders(request.headers);
    const url = typeof request.url === "string" ? request.url : "";
    const query = parseQuery(url);
    // 405/413/415 reach onError too, without a body: one that is not read, or too large to keep.
    const received: ReceivedRequest = { method, url, query: query.record, headers, rawBody: undefined, rawBodyExact: false };
    report = { request: received };
    if (method !== "POST") throw reject("method_not_allowed", "Only POST is accepted");
    checkContentType(headers["content-type"]);
    if (overLimit(request.body, engine.options.maxBodyBytes)) {
      throw reject("body_too_large", `Body exceeds ${engine.options.maxBodyBytes} bytes`);
    }
    const body = bodyText(request);
    received.rawBody = body.reportText;
    received.rawBodyExact = body.exact;
    if (request.bodyError) throw BODY_ERRORS[request.bodyError]();

    const { protocol, settings, options } = engine;
    const now = options.now();
    // Protocols answer synchronously where they can (node:crypto): await only a real promise.
    const authenticated = protocol.authenticate({ method, url, headers, query, raw: body.raw }, settings, now);
    const identity = isThenable(authenticated) ? await authenticated : authenticated;
    const payload = parseJsonObject(body.text());
    if (protocol.authenticatePayload) await protocol.authenticatePayload(payload, identity, settings, now);
    return await accept(engine, payload, report, identity);
  } catch (error) {
    return refuse(engine, error, report);
  }
}

/** Anything that is not a Rejection is a bug of ours: answer 500 rather than crash or hang. */
export async function refuse(engine: Engine, error: unknown, report: Report | undefined): Promise<WebhookResponse> {
  const rejection = isRejection(error) ? error : reject("handler_failed", "Internal error");
  engine.telemetry?.note({ reason: rejection.data!.reason, command: report?.command });
  if (report) {
    await settlesWithin(engine.reporter.emit(rejection, isRejection(error) ? report : { ...report, cause: error }), engine.options.handlerTimeoutMs);
  }
  return engine.protocol.refuse(rejection);
}

/** A string's UTF-8 size is between its length and three times it: only the band between needs counting. */
function overLimit(body: WebhookRequest["body"], limit: number): boolean {
  if (body instanceof Uint8Array) return body.byteLength > limit;
  if (typeof body !== "string" || body.length * 3 <= limit) return false;
  return body.length > limit || utf8Length(body) > limit;
}

function utf8Length(text: string): number {
  let bytes = text.length;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) continue;
    if (code < 0x800) bytes += 1;
    else if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      bytes += 2;
      i++;
    } else bytes += 2;
  }
  return bytes;
}
