// Types only: the built file needs no `hono` at run time (it is an optional peer dependency).
import type { Context, Handler, MiddlewareHandler } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { bodyConsumed, CONSUMED, handleRead, readWebStream } from "./support/read-body.js";
import type { WebhookReceiver } from "../src/types.js";

export interface HonoMiddlewareOptions {
  /** Handle only this exact path (`c.req.path`); others go to `next()`. Default: every request that reaches it. */
  path?: string | undefined;
}

/**
 * Hono middleware (any runtime Hono runs on: Node via @hono/node-server, Bun, Deno):
 * `app.use(honoMiddleware(webhooks, { path: "/tencent/callback" }))`. Mount it before anything
 * that reads the body (a validator, `c.req.json()`): it streams the raw bytes itself.
 */
export function honoMiddleware(dispatcher: WebhookReceiver, options: HonoMiddlewareOptions = {}): MiddlewareHandler {
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
export function honoHandler(dispatcher: WebhookReceiver): Handler {
  return (c) => respond(dispatcher, c);
}

async function respond(dispatcher: WebhookReceiver, c: Context): Promise<Response> {
  const request = c.req.raw;
  // Hono keeps no raw bytes once c.req.json() (or a validator) parsed the body, and the parsed
  // object may have rounded 64-bit IDs: the core refuses it (500 body_unreadable) in the protocol's shape.
  const read = bodyConsumed(request) ? CONSUMED : await readWebStream(request.body, dispatcher.options.maxBodyBytes, dispatcher.options.bodyTimeoutMs);
  const reply = await handleRead(dispatcher, { method: request.method, url: request.url, headers: request.headers, source: "hono" }, read);
  // The core's statuses always come with a body (the protocol's JSON reply).
  return c.body(reply.body, reply.status as ContentfulStatusCode, reply.headers);
}
