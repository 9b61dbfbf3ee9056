import type { RequestHandler } from "express";
import type { Dispatcher } from "../src/types.js";
import { nodeMiddleware } from "./node.js";

export interface ExpressMiddlewareOptions {
  /** Handle only this path (relative to where it is mounted); others go to `next()`. Default: every request that reaches it. */
  path?: string | undefined;
}

/**
 * Express 5 (and 4) middleware: `app.use("/tencent", expressMiddleware(webhooks))`. Express's
 * `req`/`res` are node's, so this is the node adapter, typed for Express. Mount it before any
 * body parser; after one, it uses `req.rawBody` when kept, else the parsed `req.body`.
 */
export function expressMiddleware(dispatcher: Dispatcher, options: ExpressMiddlewareOptions = {}): RequestHandler {
  return nodeMiddleware(dispatcher, options);
}
