import { bodyConsumed, CONSUMED, handleRead, readWebStream } from "./support/read-body.js";
import type { WebhookReceiver } from "../src/types.js";

export type FetchHandler = (request: Request) => Promise<Response>;

/**
 * For Web-standard runtimes and routers (Deno, Bun, Hono, Next.js route
 * handlers): `(request: Request) => Promise<Response>`. Route to it by path yourself, and pass
 * the `Request` before anything reads its body: one already read (`await request.json()`) gets
 * a Tencent-shaped 500, and a body that has not ended within `bodyTimeoutMs` a 408.
 */
export function fetchHandler(dispatcher: WebhookReceiver): FetchHandler {
  return async (request) => {
    const { maxBodyBytes, bodyTimeoutMs } = dispatcher.options;
    // A used body reads as empty, and a locked one throws: neither is what Tencent sent.
    const read = bodyConsumed(request) ? CONSUMED : await readWebStream(request.body, maxBodyBytes, bodyTimeoutMs);
    const { method, url, headers } = request;
    const reply = await handleRead(dispatcher, { method, url, headers, source: "fetch" }, read);
    return new Response(reply.body, { status: reply.status, headers: reply.headers });
  };
}
