import type { IncomingMessage, ServerResponse } from "node:http";
import type { Readable } from "node:stream";
import type { WebhookReceiver, WebhookRequest, WebhookResponse } from "../../src/types.js";

/**
 * A request body as read for the core. Reading stops as soon as the limit is passed: `body`
 * then holds only the first bytes, already more than the limit, so the core answers its own
 * 413 (in its own order of checks) and nothing past limit + one chunk is ever buffered.
 * `bodyError` is set when the body could not be read whole: it did not end within the
 * dispatcher's `bodyTimeoutMs` (`body` then holds what had arrived), or something mounted
 * before us had already consumed it. The core answers both (408 / 500), never the adapter.
 */
export interface ReadBody {
  body: WebhookRequest["body"];
  overLimit: boolean;
  bodyError?: "timeout" | "consumed";
}

/** The adapter that built the request: the core's refusals name the fix for that framework. */
export type BodySource = "express" | "koa" | "fastify" | "node" | "fetch" | "hono";

const EMPTY: ReadBody = { body: undefined, overLimit: false };
/** A body something read before the adapter: the core answers 500 `body_unreadable`. */
export const CONSUMED: ReadBody = { body: undefined, overLimit: false, bodyError: "consumed" };

/** A fetch `Request` whose body was already read (`await req.json()`) or is being read. */
export function bodyConsumed(request: Request): boolean {
  return request.bodyUsed || request.body?.locked === true;
}

/**
 * The client went away mid-body. Shaped as body parsers report it (status 400, exposed), so
 * Express, Koa and Fastify treat it as the client's doing, not as a server fault to log.
 */
export class RequestAbortedError extends Error {
  readonly status = 400;
  readonly statusCode = 400;
  readonly expose = true;
  readonly code = "ECONNABORTED";
  constructor(options?: { cause: unknown }) {
    super("The request was aborted before its body ended", options);
    this.name = "RequestAbortedError";
  }
}

/**
 * Reads a node stream (an `IncomingMessage`) as raw bytes, stopping past `limit`, or when it has
 * not ended `timeoutMs` after the read began (a client that sent its headers and then stalls, or
 * trickles): the answer is then the core's 408, and the adapter closes the connection after it.
 */
export function readNodeStream(stream: Readable, limit: number, timeoutMs?: number): Promise<ReadBody> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let done = false;
    const finish = () => {
      done = true;
      clearTimeout(timer);
    };
    /** Stop reading, but keep what still arrives flowing into the void (kept nowhere) until the connection closes. */
    const settle = (read: ReadBody) => {
      finish();
      stream.off("data", onData);
      stream.resume();
      resolve(read);
    };
    const onData = (chunk: Buffer | string) => {
      const bytes = typeof chunk === "string" ? Buffer.from(chunk) : chunk;
      chunks.push(bytes);
      size += bytes.length;
      // Past the limit: the client can finish sending and read the 413; the adapter answers
      // with `connection: close`, which ends this after the reply.
      if (size > limit) settle({ body: Buffer.concat(chunks, size), overLimit: true });
    };
    // The listeners stay on the request once it is settled (it is thrown away after the reply): removing
    // them costs more than the request itself (Readable reschedules its flowing state on each `off`).
    const onEnd = () => {
      if (done) return;
      finish();
      resolve({ body: chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, size), overLimit: false });
    };
    const onError = (cause?: unknown) => {
      if (done) return;
      finish();
      reject(new RequestAbortedError({ cause }));
    };
    const timer =
      timeoutMs === undefined ? undefined : setTimeout(() => settle({ body: Buffer.concat(chunks, size), overLimit: false, bodyError: "timeout" }), timeoutMs);
    stream.on("data", onData).on("end", onEnd).on("error", onError).on("close", onError);
    stream.resume(); // a 'data' listener alone does not restart a stream someone paused
  });
}

/**
 * Reads a Web `ReadableStream` (a fetch `Request` body) as raw bytes, stopping past `limit` or
 * `timeoutMs` after the read began. Web APIs only (no `Buffer`): it runs on workerd and Deno too.
 * A stream someone else holds (locked: what `await request.json()` leaves) reads as `consumed`.
 */
export async function readWebStream(stream: Request["body"], limit: number, timeoutMs?: number): Promise<ReadBody> {
  if (!stream) return EMPTY;
  if (stream.locked) return CONSUMED;
  const reader = stream.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  let expired = false;
  let wake: ((result: "timeout") => void) | undefined;
  const timer =
    timeoutMs === undefined
      ? undefined
      : setTimeout(() => {
          expired = true;
          wake?.("timeout");
        }, timeoutMs);
  try {
    for (;;) {
      const next = reader.read();
      // One waiter per read, replaced by the next: no reactions pile up on a shared deadline promise.
      const result = expired
        ? "timeout"
        : await new Promise<Awaited<typeof next> | "timeout">((resolve, reject) => {
            wake = resolve;
            next.then(resolve, reject);
          });
      if (result === "timeout") {
        next.catch(() => {}); // rejected by releaseLock() below, or by the stream erroring later
        return { body: concatBytes(chunks, size), overLimit: false, bodyError: "timeout" };
      }
      if (result.done) return { body: concatBytes(chunks, size), overLimit: false };
      chunks.push(result.value);
      size += result.value.byteLength;
      if (size > limit) return { body: concatBytes(chunks, size), overLimit: true };
    }
  } finally {
    clearTimeout(timer);
    wake = undefined;
    // Not cancel(): on node bridges that destroys the socket before the 413 / 408 can be sent.
    reader.releaseLock();
  }
}

function concatBytes(chunks: readonly Uint8Array[], size: number): Uint8Array {
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

/**
 * The body of a node request (`IncomingMessage`), however it arrives. `parsedBy` is where a body parser that ran
 * first leaves its work (`req`, Koa's `ctx.request`): the raw bytes it kept (`rawBody`, or a
 * `body` that is still a string / Buffer, as from `express.raw()`), else the stream itself, else —
 * the stream already consumed — its parsed object (the core then checks it lost no precision).
 */
export async function readNodeRequest(req: Readable, parsedBy: object, limit: number, timeoutMs?: number): Promise<ReadBody> {
  const parsed = "body" in parsedBy ? parsedBy.body : undefined;
  const raw = "rawBody" in parsedBy && parsedBy.rawBody !== undefined ? parsedBy.rawBody : parsed;
  if (typeof raw === "string" || raw instanceof Uint8Array) return { body: raw, overLimit: false };
  // Only a stream that ended was consumed: one that nobody read still holds the body.
  if (req.readableEnded) return { body: asCoreBody(parsed), overLimit: false };
  // Destroyed before its end: the client is gone (and reading would wait forever).
  if (req.destroyed) throw new RequestAbortedError();
  return readNodeStream(req, limit, timeoutMs);
}

/** A parser's output as the core takes it; a parsed scalar (`true`, `5`) as its text. */
function asCoreBody(parsed: unknown): WebhookRequest["body"] {
  return parsed === undefined || typeof parsed === "object" ? parsed : String(parsed);
}

/**
 * The core's answer to a request whose body was read. Past the limit, or past the body timeout,
 * the rest of the body is still on the wire (or never comes): the connection closes after the
 * reply rather than waiting for it, so the next request gets a fresh one.
 */
export async function handleRead(
  dispatcher: Pick<WebhookReceiver, "handle">,
  request: Omit<WebhookRequest, "body" | "bodyError">,
  read: ReadBody,
): Promise<WebhookResponse> {
  const response = await dispatcher.handle({ ...request, body: read.body, ...(read.bodyError ? { bodyError: read.bodyError } : {}) });
  const close = read.overLimit || read.bodyError === "timeout";
  return close ? { ...response, headers: { ...response.headers, connection: "close" } } : response;
}

export type NodeMiddleware = (req: IncomingMessage, res: ServerResponse, next?: (error?: unknown) => void) => void;

/**
 * The middleware of the node-request adapters (node:http, Connect, Express): only `path` (query
 * aside) when given, others go to `next()` or get a 404 without one. `source` is the adapter's name.
 */
export function connectMiddleware(dispatcher: WebhookReceiver, path: string | undefined, source: BodySource): NodeMiddleware {
  return (req, res, next) => {
    if (path !== undefined && pathnameOf(req.url) !== path) {
      if (next) next();
      else res.writeHead(404).end();
      return;
    }
    // A body that cannot be read means the client went away: nothing is left to answer.
    respondToNode(dispatcher, req, res, source).catch((error: unknown) => (next ? next(error) : res.destroy()));
  };
}

async function respondToNode(dispatcher: WebhookReceiver, req: IncomingMessage & { originalUrl?: string }, res: ServerResponse, source: BodySource) {
  const { maxBodyBytes, bodyTimeoutMs } = dispatcher.options;
  const read = await readNodeRequest(req, req, maxBodyBytes, bodyTimeoutMs);
  // Connect-style routers rewrite `url` below their mount point; `originalUrl` is what was sent.
  const url = req.originalUrl ?? req.url ?? "";
  const reply = await handleRead(dispatcher, { method: req.method ?? "", url, headers: req.headers, source }, read);
  res.writeHead(reply.status, reply.headers).end(reply.body);
}

function pathnameOf(url = ""): string {
  const query = url.indexOf("?");
  return query === -1 ? url : url.slice(0, query);
}
