// Types only: the built file needs no `hono` at run time (it is an optional peer dependency).
import type { Context, Handler, MiddlewareHandler } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { handleRead, readWebStream, type ReadBody } from "./support/read-body.js";
import type { Dispatcher, WebhookResponse } from "../src/types.js";

export interface HonoMiddlewareOptions {
  /** Handle only this exact path (`c.req.path`); others go to `next()`. Default: every request that reaches it. */
  path?: string | undefined;
}

/**
 * Hono middleware (any runtime Hono runs on: Node via @hono/node-server, Bun, Deno):
 * `app.use(honoMiddleware(webhooks, { path: "/tencent/callback" }))`. Mount it before anything
 * that reads the body (a validator, `c.req.json()`): it streams the raw bytes itself.
 */
export function honoMiddleware(dispatcher: Dispatcher, options: HonoMiddlewareOptions = {}): MiddlewareHandler {
  const { path } = options;
  return async (c, next) => {
    if (path !== undefined && c.req.path !== path) {
      await next();
      return;
    }
    return respond(dispatcher, c);
  };
}

/** A Hono route handler: `app.post("/tencent/callback", honoHandler(webhooks))`. */
export function honoHandler(dispatcher: Dispatcher): Handler {
  return (c) => respond(dispatcher, c);
}

async function respond(dispatcher: Dispatcher, c: Context): Promise<Response> {
  const request = c.req.raw;
  // A consumed body reads as empty: answering from it would treat a real callback as bodiless.
  const reply: WebhookResponse =
    request.bodyUsed || request.body?.locked
      ? bodyAlreadyRead()
      : await handleRead(dispatcher, { method: request.method, url: request.url, headers: request.headers }, await readBody(dispatcher, request));
  // The core's statuses always come with a body (a Tencent-shaped JSON reply).
  return c.body(reply.body, reply.status as ContentfulStatusCode, reply.headers);
}

/** `readWebStream`, with the dispatcher's body-read timeout once the core has one (`bodyTimeoutMs`). */
type ReadWebStream = (stream: Request["body"], limit: number, timeoutMs?: number) => Promise<ReadBody>;
const readStream: ReadWebStream = readWebStream;

function readBody(dispatcher: Dispatcher, request: Request): Promise<ReadBody> {
  const { maxBodyBytes } = dispatcher.options;
  const timeoutMs = (dispatcher.options as { bodyTimeoutMs?: unknown }).bodyTimeoutMs;
  return typeof timeoutMs === "number" ? readStream(request.body, maxBodyBytes, timeoutMs) : readStream(request.body, maxBodyBytes);
}

/**
 * Hono keeps no raw bytes once `c.req.json()` (or a validator) has parsed the body, and the
 * parsed object may already have rounded 64-bit IDs: refuse rather than guess, and say why.
 */
const BODY_ALREADY_READ_INFO =
  "The request body was already read by another middleware (c.req.json(), a validator, a body parser): mount the Tencent webhook before anything that reads the body";

function bodyAlreadyRead(): WebhookResponse {
  return {
    status: 500,
    headers: { "content-type": "application/json; charset=utf-8" },
    body: JSON.stringify({ ActionStatus: "FAIL", ErrorInfo: BODY_ALREADY_READ_INFO, ErrorCode: 500 }),
  };
}
