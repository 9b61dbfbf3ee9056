import type { Middleware } from "koa";
import { handleRead, readNodeRequest } from "./support/read-body.js";
import type { Dispatcher } from "../src/types.js";

export interface KoaMiddlewareOptions {
  /** Handle only this exact path (`ctx.path`); others go to `next()`. Default: every request that reaches it. */
  path?: string | undefined;
}

/**
 * Koa 3 (and 2) middleware: `app.use(koaMiddleware(webhooks, { path: "/tencent" }))`. After a body
 * parser (koa-bodyparser), it uses `ctx.request.rawBody` when kept, else `ctx.request.body`.
 */
export function koaMiddleware(dispatcher: Dispatcher, options: KoaMiddlewareOptions = {}): Middleware {
  const { path } = options;
  return async (ctx, next) => {
    if (path !== undefined && ctx.path !== path) return next();
    const read = await readNodeRequest(ctx.req, ctx.request, dispatcher.options.maxBodyBytes);
    const reply = await handleRead(dispatcher, { method: ctx.method, url: ctx.originalUrl, headers: ctx.headers }, read);
    ctx.status = reply.status;
    ctx.set(reply.headers); // before the body, or Koa would call a string text/plain
    ctx.body = reply.body;
  };
}
