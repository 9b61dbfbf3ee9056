import type { IncomingMessage, ServerResponse } from "node:http";
import { handleRead, readNodeRequest } from "./support/read-body.js";
import type { Dispatcher } from "../src/types.js";

export interface NodeMiddlewareOptions {
  /** Handle only this exact path (query aside); others go to `next()`, or get a 404 without one. Default: every request. */
  path?: string | undefined;
}

export type NodeMiddleware = (req: IncomingMessage, res: ServerResponse, next?: (error?: unknown) => void) => void;

/** For `http.createServer(handler)` and Connect-style stacks (`(req, res, next)`: Connect, Express, Polka). */
export function nodeMiddleware(dispatcher: Dispatcher, options: NodeMiddlewareOptions = {}): NodeMiddleware {
  const { path } = options;
  return (req, res, next) => {
    if (path !== undefined && pathnameOf(req.url) !== path) {
      if (next) next();
      else res.writeHead(404).end();
      return;
    }
    // A body that cannot be read means the client went away: nothing is left to answer.
    respond(dispatcher, req, res).catch((error: unknown) => (next ? next(error) : res.destroy()));
  };
}

async function respond(dispatcher: Dispatcher, req: IncomingMessage & { originalUrl?: string }, res: ServerResponse) {
  const read = await readNodeRequest(req, req, dispatcher.options.maxBodyBytes);
  // Connect-style routers rewrite `url` below their mount point; `originalUrl` is what was sent.
  const url = req.originalUrl ?? req.url ?? "";
  const reply = await handleRead(dispatcher, { method: req.method ?? "", url, headers: req.headers }, read);
  res.writeHead(reply.status, reply.headers).end(reply.body);
}

function pathnameOf(url = ""): string {
  const query = url.indexOf("?");
  return query === -1 ? url : url.slice(0, query);
}
