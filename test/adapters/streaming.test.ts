/**
 * Bodies over the limit are refused while they stream in, and the connection is left sane:
 * `connection: close` after the 413, the server keeps serving. Same for a client that hangs up.
 */
import http from "node:http";
import { afterAll, describe, expect, it } from "vitest";
import { CALLBACK_PATH, recordingDispatcher, sampleOf, tencentQuery } from "../support/fixtures.js";
import { ADAPTERS, closeAllServers, send, startAdapter, type RunningServer } from "../support/servers.js";

const ROOM = "Room.CallbackAfterDestroyRoom";
const LIMIT = 1024 * 1024;
const TWO_MB = 2 * LIMIT;
const PATH = `${CALLBACK_PATH}${tencentQuery({ command: ROOM })}`;
const EXPECTED_413 = JSON.stringify({ ActionStatus: "FAIL", ErrorInfo: `Body exceeds ${LIMIT} bytes`, ErrorCode: 413 });

afterAll(closeAllServers);

interface Partial413 {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
  socketClosed: Promise<void>;
}

/**
 * Announces (or chunks) a 2 MB body but sends only a little more than the limit and never
 * ends it: an answer can only come from a server that stopped reading at the limit.
 */
function sendPartOfABigBody(server: RunningServer, framing: "content-length" | "chunked"): Promise<Partial413> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = { "content-type": "application/json" };
    if (framing === "content-length") headers["content-length"] = String(TWO_MB);
    // A keep-alive client: a `connection: close` in the answer is then the server's own choice.
    const agent = new http.Agent({ keepAlive: true });
    const request = http.request(`${server.origin}${PATH}`, { method: "POST", headers, agent }, (res) => {
      const socketClosed = new Promise<void>((closed) => res.socket.once("close", () => closed())).finally(() => agent.destroy());
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString(), socketClosed }));
    });
    request.on("error", (error: NodeJS.ErrnoException) => {
      // Writing into a socket the server closed after its answer is expected; anything else is not.
      if (error.code !== "EPIPE" && error.code !== "ECONNRESET") reject(error);
    });
    const chunk = Buffer.alloc(64 * 1024, "x");
    for (let sent = 0; sent <= LIMIT; sent += chunk.length) request.write(chunk);
    setTimeout(() => {
      request.destroy();
      reject(new Error("no answer while the body was incomplete: the server waits for all of it"));
    }, 5000).unref();
  });
}

describe.each(ADAPTERS)("streamed body limits: %s", (adapter) => {
  it.each(["content-length", "chunked"] as const)("answers 413 before a %s body ends, then closes the connection", async (framing) => {
    const { dispatcher, recorded } = recordingDispatcher();
    const server = await startAdapter(adapter, dispatcher);
    const answer = await sendPartOfABigBody(server, framing);
    expect(answer.status).toBe(413);
    expect(answer.body).toBe(EXPECTED_413);
    expect(answer.headers.connection).toBe("close");
    await answer.socketClosed;
    expect({ ...recorded, errors: [] }).toEqual({ on: [], any: [], errors: [], invalid: [] });
    // Reported, without the body: the part that arrived is not what Tencent would have sent.
    expect(recorded.errors.map((error) => [error.reason, error.request.rawBody])).toEqual([["body_too_large", undefined]]);
    // The server is still fine: the next callback on a new connection is served.
    const next = await send(server.origin, { path: PATH, body: sampleOf(ROOM) });
    expect(next.status).toBe(200);
    await server.close();
  });

  it("a client sending the whole 2 MB on a keep-alive agent gets the 413, and the agent recovers", async () => {
    const { dispatcher } = recordingDispatcher();
    const server = await startAdapter(adapter, dispatcher);
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    try {
      const big = await send(server.origin, { path: PATH, body: Buffer.alloc(TWO_MB, "x"), agent }).catch((error: NodeJS.ErrnoException) => error);
      if (big instanceof Error) {
        // node:http may report the server's close while it still writes instead of the answer.
        expect(big.code).toMatch(/^(EPIPE|ECONNRESET)$/);
      } else {
        expect(big.status).toBe(413);
        expect(big.body).toBe(EXPECTED_413);
      }
      const next = await send(server.origin, { path: PATH, body: sampleOf(ROOM), agent });
      expect(next.status).toBe(200);
    } finally {
      agent.destroy();
      await server.close();
    }
  });

  it("global fetch sending the whole 2 MB reads the 413", async () => {
    const { dispatcher } = recordingDispatcher();
    const server = await startAdapter(adapter, dispatcher);
    const response = await fetch(`${server.origin}${PATH}`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: Buffer.alloc(TWO_MB, "x"),
    });
    expect(response.status).toBe(413);
    expect(await response.text()).toBe(EXPECTED_413);
    await server.close();
  });

  it("a client hanging up mid-body reaches no handler and leaves the server serving", async () => {
    const { dispatcher, recorded } = recordingDispatcher();
    const server = await startAdapter(adapter, dispatcher);
    const request = http.request(`${server.origin}${PATH}`, {
      method: "POST",
      headers: { "content-type": "application/json", "content-length": "1000" },
      agent: false,
    });
    request.on("error", () => {}); // we destroy it ourselves
    request.write(sampleOf(ROOM).slice(0, 20));
    await new Promise((resolve) => setTimeout(resolve, 50));
    request.destroy();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(recorded).toEqual({ on: [], any: [], errors: [], invalid: [] });
    const next = await send(server.origin, { path: PATH, body: sampleOf(ROOM) });
    expect(next.status).toBe(200);
    await server.close();
  });
});
