/**
 * Hostile HTTP that only a real server can show, on every adapter (127.0.0.1, port 0):
 *  - a 50 MB body: 413 while it is still arriving; the core is handed no more than the limit plus
 *    one chunk, the client is nowhere near done sending when the answer comes, the server serves on;
 *  - a body trickled one byte at a time that never ends: the server's request timeout ends it
 *    (408 or a closed socket), no handler runs, and other callbacks are served meanwhile;
 *  - a body trickled slowly that does end in time: an ordinary 200.
 *
 * The adapters do not time body reads themselves: the trickle is bounded by node:http's
 * `requestTimeout` (default 300 s, checked every `connectionsCheckingInterval`, default 30 s),
 * set short here. SECURITY.md tells deployments to keep it (or a proxy's) short.
 */
import http from "node:http";
import type { Socket } from "node:net";
import express from "express";
import Fastify from "fastify";
import Koa from "koa";
import { afterAll, describe, expect, it } from "vitest";
import { expressMiddleware } from "../../adapters/express.js";
import { fastifyWebhooks } from "../../adapters/fastify.js";
import { fetchHandler } from "../../adapters/fetch.js";
import { koaMiddleware } from "../../adapters/koa.js";
import { nodeMiddleware } from "../../adapters/node.js";
import type { Dispatcher, WebhookRequest } from "../../src/types.js";
import { CALLBACK_PATH, recordingDispatcher, sampleOf, tencentQuery } from "../support/fixtures.js";
import { ADAPTERS, closeAllServers, fetchBridge, listen, listenFastify, send, startAdapter, type AdapterName, type RunningServer } from "../support/servers.js";

const ROOM = "Room.CallbackAfterDestroyRoom";
const PATH = `${CALLBACK_PATH}${tencentQuery({ command: ROOM })}`;
const LIMIT = 1024 * 1024;
const FIFTY_MB = 50 * 1024 * 1024;
const EXPECTED_413 = JSON.stringify({ ActionStatus: "FAIL", ErrorInfo: `Body exceeds ${LIMIT} bytes`, ErrorCode: 413 });
const REQUEST_TIMEOUT_MS = 800;

afterAll(closeAllServers);

/** Records the size of every body the adapter hands to the core. */
function watchBodies(dispatcher: Dispatcher): number[] {
  const sizes: number[] = [];
  const handle = dispatcher.handle.bind(dispatcher);
  dispatcher.handle = (request: WebhookRequest) => {
    const { body } = request;
    sizes.push(typeof body === "string" ? Buffer.byteLength(body) : body instanceof Uint8Array ? body.byteLength : 0);
    return handle(request);
  };
  return sizes;
}

interface StreamedAnswer {
  status: number;
  body: string;
  /** Bytes the client had written when the answer's head arrived. */
  sentAtAnswer: number;
}

/** Streams up to `total` bytes (honouring backpressure) and stops once the server answers or hangs up. */
function streamBigBody(origin: string, total: number): Promise<StreamedAnswer> {
  return new Promise((resolve, reject) => {
    const chunk = Buffer.alloc(256 * 1024, "x");
    let sent = 0;
    let stopped = false;
    const request = http.request(`${origin}${PATH}`, {
      method: "POST",
      agent: false,
      headers: { "content-type": "application/json", "content-length": String(total) },
    });
    request.on("response", (res) => {
      stopped = true;
      const sentAtAnswer = sent;
      const chunks: Buffer[] = [];
      res.on("data", (data: Buffer) => chunks.push(data));
      res.on("end", () => {
        request.destroy();
        resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString(), sentAtAnswer });
      });
    });
    request.on("error", (error: NodeJS.ErrnoException) => {
      // Writing into a socket the server closed after answering; the answer decides.
      if (!stopped && error.code !== "EPIPE" && error.code !== "ECONNRESET") reject(error);
    });
    const pump = () => {
      while (!stopped && sent < total) {
        const piece = total - sent >= chunk.length ? chunk : chunk.subarray(0, total - sent);
        sent += piece.length;
        if (!request.write(piece)) {
          request.once("drain", pump);
          return;
        }
      }
      if (!stopped) request.end();
    };
    pump();
    setTimeout(() => reject(new Error("no answer to the 50 MB body within 20 s")), 20_000).unref();
  });
}

/** The adapter on a node:http server with a short request timeout (Fastify through serverFactory). */
async function startWithRequestTimeout(name: AdapterName, dispatcher: Dispatcher): Promise<RunningServer> {
  const options: http.ServerOptions = { requestTimeout: REQUEST_TIMEOUT_MS, connectionsCheckingInterval: 50 };
  switch (name) {
    case "express": {
      const app = express();
      app.use(CALLBACK_PATH, expressMiddleware(dispatcher));
      return listen(http.createServer(options, app));
    }
    case "fastify": {
      const app = Fastify({
        requestTimeout: REQUEST_TIMEOUT_MS,
        serverFactory: (handler) => http.createServer(options, handler),
      });
      await app.register(fastifyWebhooks, { dispatcher, path: CALLBACK_PATH });
      return listenFastify(app);
    }
    case "koa": {
      const app = new Koa();
      app.use(koaMiddleware(dispatcher, { path: CALLBACK_PATH }));
      return listen(http.createServer(options, app.callback()));
    }
    case "node":
      return listen(http.createServer(options, nodeMiddleware(dispatcher, { path: CALLBACK_PATH })));
    case "fetch":
      return listen(http.createServer(options, fetchBridge(fetchHandler(dispatcher))));
  }
}

interface TrickleResult {
  status: number | undefined;
  closedAfterMs: number;
  bytesSent: number;
}

/** Announces `announced` bytes and sends `text` one piece every `everyMs`; never ends unless the text covers it. */
function trickle(origin: string, text: string, announced: number, everyMs: number, pieceSize = 1): Promise<TrickleResult> {
  return new Promise((resolve) => {
    const started = performance.now();
    let status: number | undefined;
    let sent = 0;
    const request = http.request(`${origin}${PATH}`, {
      method: "POST",
      agent: false,
      headers: { "content-type": "application/json", "content-length": String(announced) },
    });
    request.on("response", (res) => {
      status = res.statusCode;
      res.resume();
    });
    request.on("error", () => {});
    request.on("socket", (socket: Socket) => {
      socket.on("close", () => {
        clearInterval(timer);
        resolve({ status, closedAfterMs: performance.now() - started, bytesSent: sent });
      });
    });
    request.flushHeaders();
    const timer = setInterval(() => {
      if (sent >= text.length) return;
      const piece = text.slice(sent, sent + pieceSize);
      sent += piece.length;
      request.write(piece);
      if (sent >= announced) request.end();
    }, everyMs);
  });
}

describe.each(ADAPTERS)("hostile HTTP: %s", (adapter) => {
  it("a 50 MB body: 413 long before it is all sent, never buffered past the limit, and the server serves on", { timeout: 30_000 }, async () => {
    const { dispatcher, recorded } = recordingDispatcher();
    const sizes = watchBodies(dispatcher);
    const server = await startAdapter(adapter, dispatcher);
    try {
      const answer = await streamBigBody(server.origin, FIFTY_MB);
      expect(answer.status).toBe(413);
      expect(answer.body).toBe(EXPECTED_413);
      expect(answer.sentAtAnswer).toBeLessThan(FIFTY_MB / 2);
      expect(sizes).toHaveLength(1);
      expect(sizes[0]).toBeGreaterThan(LIMIT);
      expect(sizes[0]).toBeLessThanOrEqual(LIMIT + 256 * 1024); // the limit plus at most one chunk
      expect({ ...recorded, errors: [] }).toEqual({ on: [], any: [], errors: [], invalid: [] });
      expect(recorded.errors.map((error) => [error.reason, error.request.rawBody])).toEqual([["body_too_large", undefined]]);
      const next = await send(server.origin, { path: PATH, body: sampleOf(ROOM) });
      expect(next.status).toBe(200);
    } finally {
      await server.close();
    }
  });

  it("a body trickled a byte at a time that never ends: the request timeout closes it, nothing runs, others are served meanwhile", {
    timeout: 15_000,
  }, async () => {
    const { dispatcher, recorded } = recordingDispatcher();
    const server = await startWithRequestTimeout(adapter, dispatcher);
    try {
      const body = sampleOf(ROOM);
      const slow = trickle(server.origin, body.slice(0, 40), body.length, 40);
      // While it trickles, a normal callback on another connection is answered at once.
      await new Promise((resolve) => setTimeout(resolve, 150));
      const other = await send(server.origin, { path: PATH, body });
      expect(other.status).toBe(200);
      const result = await slow;
      expect(result.status === undefined || result.status === 408, `status ${String(result.status)}`).toBe(true);
      expect(result.closedAfterMs).toBeGreaterThanOrEqual(REQUEST_TIMEOUT_MS - 50);
      expect(result.closedAfterMs).toBeLessThan(REQUEST_TIMEOUT_MS + 3000);
      expect(result.bytesSent).toBeLessThan(body.length);
      expect(recorded.on).toHaveLength(1); // the other callback only
      expect(recorded.errors).toEqual([]);
    } finally {
      await server.close();
    }
  });

  it("a body trickled slowly that ends within the timeout is an ordinary 200", { timeout: 15_000 }, async () => {
    const { dispatcher, recorded } = recordingDispatcher();
    const server = await startWithRequestTimeout(adapter, dispatcher);
    try {
      const body = sampleOf(ROOM);
      const result = await trickle(server.origin, body, body.length, 20, Math.ceil(body.length / 12));
      expect(result.status).toBe(200);
      expect(recorded.on).toHaveLength(1);
    } finally {
      await server.close();
    }
  });
});

describe("hostile bodies straight into handle()", () => {
  it("a 50 MB string or byte body is refused by size before any parsing", async () => {
    const { dispatcher, recorded } = recordingDispatcher();
    for (const body of ["x".repeat(FIFTY_MB), new Uint8Array(FIFTY_MB)]) {
      const started = performance.now();
      const response = await dispatcher.handle({ method: "POST", url: PATH, headers: { "content-type": "application/json" }, body });
      expect(response.status).toBe(413);
      expect(performance.now() - started).toBeLessThan(500);
    }
    expect({ ...recorded, errors: [] }).toEqual({ on: [], any: [], errors: [], invalid: [] });
    expect(recorded.errors.map((error) => [error.reason, error.request.rawBody])).toEqual([
      ["body_too_large", undefined],
      ["body_too_large", undefined],
    ]);
  });
});
