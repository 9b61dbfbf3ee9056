/**
 * Real servers for every adapter on 127.0.0.1, port 0, and a raw HTTP client: what the
 * adapter tests talk to. Nothing here stands in for a framework.
 */
import http, { type IncomingMessage, type RequestListener } from "node:http";
import type { AddressInfo } from "node:net";
import { Readable } from "node:stream";
import express from "express";
import Fastify from "fastify";
import Koa from "koa";
import { expressMiddleware } from "../../adapters/express.js";
import { fastifyWebhooks } from "../../adapters/fastify.js";
import { fetchHandler, type FetchHandler } from "../../adapters/fetch.js";
import { koaMiddleware } from "../../adapters/koa.js";
import { nodeMiddleware } from "../../adapters/node.js";
import type { Dispatcher } from "../../src/types.js";
import { CALLBACK_PATH } from "./fixtures.js";

export const ADAPTERS = ["express", "fastify", "koa", "node", "fetch"] as const;
export type AdapterName = (typeof ADAPTERS)[number];

export interface RunningServer {
  /** `http://127.0.0.1:<port>` */
  origin: string;
  port: number;
  close(): Promise<void>;
}

const running = new Set<RunningServer>();

/** Every adapter mounted the way its quick start says, serving CALLBACK_PATH. */
export async function startAdapter(name: AdapterName, dispatcher: Dispatcher, path = CALLBACK_PATH): Promise<RunningServer> {
  switch (name) {
    case "express": {
      const app = express();
      app.use(path, expressMiddleware(dispatcher));
      return listen(http.createServer(app));
    }
    case "fastify": {
      const app = Fastify();
      await app.register(fastifyWebhooks, { dispatcher, path });
      return listenFastify(app);
    }
    case "koa": {
      const app = new Koa();
      app.use(koaMiddleware(dispatcher, { path }));
      return listen(http.createServer(app.callback()));
    }
    case "node":
      return listen(http.createServer(nodeMiddleware(dispatcher, { path })));
    case "fetch":
      return listen(http.createServer(fetchBridge(fetchHandler(dispatcher))));
  }
}

/** Listens on 127.0.0.1:0; `close()` also drops idle keep-alive sockets so it never waits on a client. */
export async function listen(server: http.Server): Promise<RunningServer> {
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject).listen(0, "127.0.0.1", () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return track(port, async () => {
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    server.closeAllConnections();
    await closed;
  });
}

export async function listenFastify(app: ReturnType<typeof Fastify>): Promise<RunningServer> {
  await app.listen({ port: 0, host: "127.0.0.1" });
  const { port } = app.server.address() as AddressInfo;
  return track(port, async () => {
    app.server.closeAllConnections();
    await app.close();
  });
}

function track(port: number, close: () => Promise<void>): RunningServer {
  const server: RunningServer = {
    origin: `http://127.0.0.1:${port}`,
    port,
    close: async () => {
      if (!running.delete(server)) return;
      await close();
    },
  };
  running.add(server);
  return server;
}

/** For `afterAll`: whatever a failing test left running. */
export async function closeAllServers(): Promise<void> {
  await Promise.all([...running].map((server) => server.close()));
}

/** What a Web-standard runtime does: node request → `Request`, `Response` → node response. */
export function fetchBridge(handler: FetchHandler): RequestListener {
  return (req, res) => {
    respondFromFetch(handler, req, res).catch(() => res.destroy());
  };
}

async function respondFromFetch(handler: FetchHandler, req: IncomingMessage, res: http.ServerResponse) {
  // `new Request` throws for some methods (TRACE, CONNECT): a Web runtime never passes those on either.
  const response = await handler(toWebRequest(req));
  res.writeHead(response.status, Object.fromEntries(response.headers));
  res.end(Buffer.from(await response.arrayBuffer()));
}

function toWebRequest(req: IncomingMessage): Request {
  const headers = new Headers();
  for (const [key, value] of Object.entries(req.headers)) {
    for (const item of Array.isArray(value) ? value : [value ?? ""]) headers.append(key, item);
  }
  const hasBody = req.method !== "GET" && req.method !== "HEAD";
  return new Request(`http://${req.headers.host ?? "127.0.0.1"}${req.url ?? "/"}`, {
    method: req.method ?? "GET",
    headers,
    ...(hasBody ? { body: Readable.toWeb(req), duplex: "half" as const } : {}),
  });
}

export interface ClientRequest {
  method?: string;
  /** Path and query, e.g. `/tencent/callback?SdkAppid=…`. */
  path: string;
  /** `null` sends no Content-Type header at all. */
  contentType?: string | null;
  body?: string | Uint8Array | undefined;
  headers?: Record<string, string>;
  agent?: http.Agent | false;
}

export interface ClientAnswer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** A raw node:http client: exact bytes and headers, nothing added (fetch would add a Content-Type). */
export function send(origin: string, request: ClientRequest): Promise<ClientAnswer> {
  const { method = "POST", path, contentType = "application/json", body, agent = false } = request;
  const headers: Record<string, string> = { ...request.headers };
  if (contentType !== null) headers["content-type"] = contentType;
  if (body !== undefined) headers["content-length"] = String(Buffer.byteLength(body));
  return new Promise((resolve, reject) => {
    const outgoing = http.request(`${origin}${path}`, { method, headers, agent }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString("utf8") }));
      res.on("error", reject);
    });
    outgoing.on("error", reject);
    outgoing.end(body);
  });
}
