import type { Readable } from "node:stream";
import type { Dispatcher, WebhookRequest, WebhookResponse } from "../../src/types.js";

/**
 * A request body as read for the core. Reading stops as soon as the limit is passed: `body`
 * then holds only the first bytes, already more than the limit, so the core answers its own
 * 413 (in its own order of checks) and nothing past limit + one chunk is ever buffered.
 */
export interface ReadBody {
  body: WebhookRequest["body"];
  overLimit: boolean;
}

const EMPTY: ReadBody = { body: undefined, overLimit: false };

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

/** Reads a node stream (an `IncomingMessage`) as raw bytes, stopping past `limit`. */
export function readNodeStream(stream: Readable, limit: number): Promise<ReadBody> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer | string) => {
      const bytes = typeof chunk === "string" ? Buffer.from(chunk) : chunk;
      chunks.push(bytes);
      size += bytes.length;
      if (size <= limit) return;
      stopListening();
      // Keep the rest flowing into the void so the client can finish sending and read the
      // 413; the adapter answers with `connection: close`, which ends this after the reply.
      stream.resume();
      resolve({ body: Buffer.concat(chunks, size), overLimit: true });
    };
    const onEnd = () => {
      stopListening();
      resolve({ body: Buffer.concat(chunks, size), overLimit: false });
    };
    const onError = (cause?: unknown) => {
      stopListening();
      reject(new RequestAbortedError({ cause }));
    };
    const onClose = () => onError();
    const stopListening = () => {
      stream.off("data", onData).off("end", onEnd).off("error", onError).off("close", onClose);
    };
    stream.on("data", onData).on("end", onEnd).on("error", onError).on("close", onClose);
    stream.resume(); // a 'data' listener alone does not restart a stream someone paused
  });
}

/** Reads a Web `ReadableStream` (a fetch `Request` body) as raw bytes, stopping past `limit`. */
export async function readWebStream(stream: Request["body"], limit: number): Promise<ReadBody> {
  if (!stream) return EMPTY;
  const reader = stream.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return { body: Buffer.concat(chunks, size), overLimit: false };
      chunks.push(value);
      size += value.byteLength;
      if (size > limit) return { body: Buffer.concat(chunks, size), overLimit: true };
    }
  } finally {
    // Not cancel(): on node bridges that destroys the socket before the 413 can be sent.
    reader.releaseLock();
  }
}

/**
 * The body of a node request (`IncomingMessage`), however it arrives. `parsedBy` is where a body parser that ran
 * first leaves its work (`req`, Koa's `ctx.request`): the raw bytes it kept (`rawBody`, or a
 * `body` that is still a string / Buffer, as from `express.raw()`), else the stream itself, else —
 * the stream already consumed — its parsed object (the core then warns about precision).
 */
export async function readNodeRequest(req: Readable, parsedBy: object, limit: number): Promise<ReadBody> {
  const parsed = "body" in parsedBy ? parsedBy.body : undefined;
  const raw = "rawBody" in parsedBy && parsedBy.rawBody !== undefined ? parsedBy.rawBody : parsed;
  if (typeof raw === "string" || raw instanceof Uint8Array) return { body: raw, overLimit: false };
  // Only a stream that ended was consumed: one that nobody read still holds the body.
  if (req.readableEnded) return { body: asCoreBody(parsed), overLimit: false };
  // Destroyed before its end: the client is gone (and reading would wait forever).
  if (req.destroyed) throw new RequestAbortedError();
  return readNodeStream(req, limit);
}

/** A parser's output as the core takes it; a parsed scalar (`true`, `5`) as its text. */
function asCoreBody(parsed: unknown): WebhookRequest["body"] {
  return parsed === undefined || typeof parsed === "object" ? parsed : String(parsed);
}

/**
 * The core's answer to a request whose body was read. Past the limit the rest of the body is
 * still on the wire: the connection closes after the reply rather than reading it all.
 */
export async function handleRead(
  dispatcher: Pick<Dispatcher, "handle">,
  request: Omit<WebhookRequest, "body">,
  read: ReadBody,
): Promise<WebhookResponse> {
  const response = await dispatcher.handle({ ...request, body: read.body });
  return read.overLimit ? { ...response, headers: { ...response.headers, connection: "close" } } : response;
}
