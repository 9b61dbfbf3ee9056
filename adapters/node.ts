import { connectMiddleware, type NodeMiddleware } from "./support/read-body.js";
import type { WebhookReceiver } from "../src/types.js";

export type { NodeMiddleware } from "./support/read-body.js";

export interface NodeMiddlewareOptions {
  /** Handle only this exact path (query aside); others go to `next()`, or get a 404 without one. Default: every request. */
  path?: string | undefined;
}

/**
 * For `http.createServer(handler)` and Connect-style stacks (`(req, res, next)`: Connect, Express, Polka).
 * A body that has not ended `bodyTimeoutMs` after the request reached it gets a 408 and the connection is closed.
 */
export function nodeMiddleware(dispatcher: WebhookReceiver, options: NodeMiddlewareOptions = {}): NodeMiddleware {
  return connectMiddleware(dispatcher, options.path, "node");
}
