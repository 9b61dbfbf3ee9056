import type { WebhookReceiver, HeaderValue, WebhookRequest, WebhookResponse } from "../src/types.js";

type Maybe<T> = T | null | undefined;
type StringMap<T = string> = Record<string, T | undefined>;

/**
 * Tencent Cloud SCF, API Gateway trigger, integration request ("event-triggered" function):
 * https://www.tencentcloud.com/document/product/583/12513 and
 * https://www.tencentcloud.com/document/product/583/31439 (trigger event message structures).
 */
export interface ScfApiGatewayEvent {
  httpMethod: string;
  /** The request path, e.g. `/tencent/callback` (`requestContext.path` is the API's rule). */
  path: string;
  headers?: Maybe<StringMap>;
  /** Every query parameter, decoded; a repeated key as an array. */
  queryString?: Maybe<StringMap<string | string[]>>;
  /** Only the parameters the API declares. */
  queryStringParameters?: Maybe<StringMap>;
  pathParameters?: Maybe<StringMap>;
  headerParameters?: Maybe<StringMap>;
  stageVariables?: Maybe<StringMap>;
  body?: Maybe<string>;
  isBase64Encoded?: boolean;
  requestContext?: {
    serviceId?: string;
    path?: string;
    httpMethod?: string;
    requestId?: string;
    identity?: Record<string, unknown>;
    sourceIp?: string;
    stage?: string;
    [key: string]: unknown;
  };
}

/**
 * AWS API Gateway REST API proxy integration (and HTTP API payload format 1.0):
 * https://docs.aws.amazon.com/apigateway/latest/developerguide/set-up-lambda-proxy-integrations.html
 */
export interface ApiGatewayProxyEventV1 {
  version?: "1.0";
  resource?: string;
  httpMethod: string;
  path: string;
  headers?: Maybe<StringMap>;
  /** Every header, a repeated one with all its values; wins over `headers`. */
  multiValueHeaders?: Maybe<StringMap<string[]>>;
  queryStringParameters?: Maybe<StringMap>;
  /** Every query parameter with all its values (decoded); wins over `queryStringParameters`. */
  multiValueQueryStringParameters?: Maybe<StringMap<string[]>>;
  pathParameters?: Maybe<StringMap>;
  stageVariables?: Maybe<StringMap>;
  body?: Maybe<string>;
  isBase64Encoded?: boolean;
  // `object`, not a record: @types/aws-lambda's request contexts are interfaces (no index signature).
  requestContext?: object;
}

/**
 * AWS API Gateway HTTP API payload format 2.0, and Lambda function URLs:
 * https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-develop-integrations-lambda.html,
 * https://docs.aws.amazon.com/lambda/latest/dg/urls-invocation.html
 */
export interface ApiGatewayProxyEventV2 {
  /** "2.0" (typed `string`, as @types/aws-lambda types it). */
  version: string;
  routeKey?: string;
  rawPath: string;
  /** The query exactly as sent (without `?`). */
  rawQueryString?: string;
  /** Cookie headers, split out of `headers`. */
  cookies?: Maybe<string[]>;
  /** Lower-case names; a repeated header joined with commas. */
  headers?: Maybe<StringMap>;
  /** Repeated keys joined with commas: ambiguous, so `rawQueryString` is used instead. */
  queryStringParameters?: Maybe<StringMap>;
  pathParameters?: Maybe<StringMap>;
  stageVariables?: Maybe<StringMap>;
  body?: Maybe<string>;
  isBase64Encoded?: boolean;
  requestContext: {
    http: { method: string; path?: string; protocol?: string; sourceIp?: string; userAgent?: string };
  };
}

export type ServerlessEvent = ScfApiGatewayEvent | ApiGatewayProxyEventV1 | ApiGatewayProxyEventV2;

/** What API Gateway (SCF or AWS) and function URLs take back: never base64 (the core's replies are JSON text). */
export interface ServerlessResponse {
  statusCode: number;
  headers: Record<string, string>;
  body: string;
  isBase64Encoded: false;
}

export type ServerlessHandler = (event: ServerlessEvent, context?: unknown) => Promise<ServerlessResponse>;

type Shape = "scf" | "v1" | "v2";

/**
 * One handler for Tencent Cloud SCF (API Gateway trigger) and AWS Lambda (API Gateway REST,
 * HTTP API 1.0 / 2.0, function URLs): `export const main_handler = serverlessHandler(webhooks)`.
 * It resolves only once the core has answered, i.e. after the handlers (or the durable queue
 * write) finished: nothing is left running when the platform freezes the function.
 */
export function serverlessHandler(dispatcher: WebhookReceiver): ServerlessHandler {
  return async (event) => {
    const shape = shapeOf(event);
    const reply = await dispatcher.handle(toRequest(event, shape, dispatcher.options.maxBodyBytes));
    return toResponse(reply, shape);
  };
}

/** Which platform sent the event; anything else (a timer, a queue trigger) is a wiring mistake. */
function shapeOf(event: unknown): Shape {
  if (typeof event === "object" && event !== null) {
    const e = event as Partial<Record<string, unknown>> & { requestContext?: Partial<Record<string, unknown>> | null };
    const http = e.requestContext?.http as { method?: unknown } | undefined;
    if (e.version === "2.0" || (typeof e.rawPath === "string" && typeof http?.method === "string")) return "v2";
    if (typeof e.httpMethod === "string") {
      // SCF's event has `queryString` and a `serviceId`; AWS's has `multiValueHeaders` / `apiId`.
      const scf = "queryString" in e || typeof e.requestContext?.serviceId === "string";
      return scf ? "scf" : "v1";
    }
  }
  throw new TypeError("serverlessHandler: not an HTTP event (expected an SCF API Gateway trigger, an AWS API Gateway proxy or a function URL event)");
}

function toRequest(event: ServerlessEvent, shape: Shape, limit: number): WebhookRequest {
  if (shape === "v2") {
    const e = event as ApiGatewayProxyEventV2;
    const headers: Record<string, HeaderValue> = lowerCased(e.headers);
    if (e.cookies && e.cookies.length > 0) headers.cookie = e.cookies.join("; ");
    const raw = e.rawQueryString ?? encodeQuery(e.queryStringParameters);
    return { method: e.requestContext.http.method, url: withQuery(e.rawPath, raw.replace(/^\?/, "")), headers, body: bodyOf(e, limit) };
  }
  if (shape === "v1") {
    const e = event as ApiGatewayProxyEventV1;
    const headers = { ...lowerCased(e.headers), ...lowerCased(e.multiValueHeaders) };
    const query = encodeQuery(e.multiValueQueryStringParameters ?? e.queryStringParameters);
    return { method: e.httpMethod, url: withQuery(e.path, query), headers, body: bodyOf(e, limit) };
  }
  const e = event as ScfApiGatewayEvent;
  const query = encodeQuery(e.queryString ?? e.queryStringParameters);
  return { method: e.httpMethod, url: withQuery(e.path, query), headers: lowerCased(e.headers), body: bodyOf(e, limit) };
}

function toResponse(reply: WebhookResponse, shape: Shape): ServerlessResponse {
  const { status: statusCode, headers, body } = reply;
  // The same four fields everywhere; SCF's documentation lists isBase64Encoded first.
  return shape === "scf" ? { isBase64Encoded: false, statusCode, headers, body } : { statusCode, headers, body, isBase64Encoded: false };
}

function withQuery(path: Maybe<string>, query: string): string {
  const base = typeof path === "string" && path !== "" ? path : "/";
  return query === "" ? base : `${base}?${query}`;
}

/**
 * Decoded parameters back into a query string, every value of a repeated key kept (the core
 * refuses a key given twice with different values). URLSearchParams encodes exactly what the
 * core's URLSearchParams decodes back.
 */
function encodeQuery(params: Maybe<StringMap<string | string[]>>): string {
  if (!params) return "";
  const search = new URLSearchParams();
  for (const key of Object.keys(params)) {
    const value = params[key];
    if (value === undefined || value === null) continue;
    for (const item of Array.isArray(value) ? value : [value]) search.append(key, String(item));
  }
  return search.toString();
}

/** Header names lower-cased, so that `Content-Type` in `headers` and `content-type` in `multiValueHeaders` are one header. */
function lowerCased(headers: Maybe<StringMap<string | string[]>>): Record<string, HeaderValue> {
  const record: Record<string, HeaderValue> = {};
  if (!headers) return record;
  for (const key of Object.keys(headers)) {
    const value = headers[key];
    if (value !== undefined && value !== null) record[key.toLowerCase()] = value;
  }
  return record;
}

/**
 * The body as the core takes it: text as sent, base64 as bytes. Past the limit only the first
 * limit + 1 bytes are decoded: enough for the core's 413, without allocating the rest.
 */
function bodyOf(event: { body?: Maybe<string>; isBase64Encoded?: boolean }, limit: number): WebhookRequest["body"] {
  const { body } = event;
  if (body === undefined || body === null) return undefined;
  if (typeof body !== "string" || event.isBase64Encoded !== true) return body;
  const prefixChars = Math.ceil((limit + 1) / 3) * 4;
  if (body.length > prefixChars) {
    const head = Buffer.from(body.slice(0, prefixChars), "base64");
    if (head.byteLength > limit) return head;
  }
  return Buffer.from(body, "base64");
}
