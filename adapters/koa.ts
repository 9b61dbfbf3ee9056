import type { Middleware } from "koa";
import { handleRead, readNodeRequest } from "./support/read-body.js";
import type { WebhookReceiver } from "../src/types.js";

export interface KoaMiddlewareOptions {
  /** Handle only this exact path (`ctx.path`); others go to `next()`. Default: every request that reaches it. */
  path?: string | undefined;
}

/**
 * Koa 3 (and 2) middleware: `app.use(koaMiddleware(webhooks, { path: "/tencent" }))`. After a body
 * parser (@koa/bodyparser, koa-body), it uses `ctx.request.rawBody` when kept, else `ctx.request.body`
 * (refused with a 500 if parsing rounded a 64-bit ID). A body that has not ended `bodyTimeoutMs`
 * after the request reached it gets a 408 and the connection is closed.
 */
export function koaMiddleware(dispatcher: WebhookReceiver, options: KoaMiddlewareOptions = {}): Middleware {
  const { path } = options;
  return async (ctx, next) => {
    if (path !== undefined && ctx.path !== path) return next();
    const { maxBodyBytes, bodyTimeoutMs } = dispatcher.options;
    const read = await readNodeRequest(ctx.req, ctx.request, maxBodyBytes, bodyTimeoutMs);
    const reply = await handleRead(dispatcher, { method: ctx.method, url: ctx.originalUrl, headers: ctx.headers, source: "koa" }, read);
    ctx.status = reply.status;
    ctx.set(reply.headers); // before the body, or Koa would call a string text/plain
    ctx.body = reply.body;
  };
}
