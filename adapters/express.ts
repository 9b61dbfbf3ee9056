import type { RequestHandler } from "express";
import { connectMiddleware } from "./support/read-body.js";
import type { WebhookReceiver } from "../src/types.js";

export interface ExpressMiddlewareOptions {
  /** Handle only this path (relative to where it is mounted); others go to `next()`. Default: every request that reaches it. */
  path?: string | undefined;
}

/**
 * Express 5 (and 4) middleware: `app.use("/tencent", expressMiddleware(webhooks))`. Express's
 * `req`/`res` are node's, so this is the node adapter, typed for Express (its refusals name
 * Express's fixes). Mount it before any body parser; after one, it uses `req.rawBody` when kept,
 * else the parsed `req.body` — refused with a 500 if parsing rounded a 64-bit ID.
 */
export function expressMiddleware(dispatcher: WebhookReceiver, options: ExpressMiddlewareOptions = {}): RequestHandler {
  return connectMiddleware(dispatcher, options.path, "express");
}
