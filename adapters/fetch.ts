import { handleRead, readWebStream } from "./support/read-body.js";
import type { Dispatcher } from "../src/types.js";

export type FetchHandler = (request: Request) => Promise<Response>;

/**
 * For Web-standard runtimes and routers (Deno, Bun, Hono, Next.js route
 * handlers): `(request: Request) => Promise<Response>`. Route to it by path yourself.
 */
export function fetchHandler(dispatcher: Dispatcher): FetchHandler {
  return async (request) => {
    const read = await readWebStream(request.body, dispatcher.options.maxBodyBytes);
    const { method, url, headers } = request;
    const reply = await handleRead(dispatcher, { method, url, headers }, read);
    return new Response(reply.body, { status: reply.status, headers: reply.headers });
  };
}
