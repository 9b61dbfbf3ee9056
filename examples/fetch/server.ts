/**
 * Web fetch (Request -> Response): the handler below runs as is on Deno (`Deno.serve(handler)`),
 * Bun (`Bun.serve({ fetch: handler })`) or any fetch-style router. Node has no
 * built-in fetch server, so `start()` bridges node:http to it for `npx tsx examples/fetch/server.ts`
 * (env: SDK_APP_ID, TENCENT_CALLBACK_TOKEN, PORT, HOST).
 * In your app: `import { fetchHandler } from "tencent-webhooks/fetch"`; this repo imports the
 * source by relative path so the example runs without a build.
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { Readable } from "node:stream";
import { fetchHandler } from "../../adapters/fetch.js";
import { exampleConfig, type StartOptions } from "../config.js";
import { listen, runIfMain, type RunningExample } from "../serve.js";
import { createWebhooks } from "../webhooks.js";

export function createHandler(options: StartOptions = {}) {
  const config = exampleConfig(options);
  const webhooks = createWebhooks(config, options.log ?? console.log);
  const handleWebhook = fetchHandler(webhooks);
  const handler = (request: Request): Promise<Response> | Response =>
    new URL(request.url).pathname === config.path ? handleWebhook(request) : new Response("Not Found", { status: 404 });
  return { config, webhooks, handler };
}

export async function start(options: StartOptions = {}): Promise<RunningExample> {
  const { config, webhooks, handler } = createHandler(options);
  const server = createServer((req, res) => void bridge(req, res, handler));
  return listen(server, config, webhooks);
}

/** node:http -> Request, Response -> node:http. The body streams, so the handler's size limit holds. */
async function bridge(req: IncomingMessage, res: ServerResponse, handler: (request: Request) => Promise<Response> | Response) {
  try {
    const headers = new Headers();
    for (const [name, value] of Object.entries(req.headers)) {
      for (const item of Array.isArray(value) ? value : value === undefined ? [] : [value]) headers.append(name, item);
    }
    const hasBody = req.method !== "GET" && req.method !== "HEAD";
    const request = new Request(new URL(req.url ?? "/", `http://${req.headers.host ?? "localhost"}`), {
      method: req.method ?? "GET",
      headers,
      ...(hasBody ? { body: Readable.toWeb(req) as ReadableStream<Uint8Array>, duplex: "half" } : {}),
    });
    const response = await handler(request);
    res.writeHead(response.status, Object.fromEntries(response.headers));
    res.end(Buffer.from(await response.arrayBuffer()));
  } catch (error) {
    console.error("fetch example: bridge failed", error);
    if (!res.headersSent) res.writeHead(500);
    res.end();
  }
}

runIfMain(import.meta.url, "fetch", start);
