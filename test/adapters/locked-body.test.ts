/**
 * The fetch adapter handed a `Request` whose body something else already read (`await
 * request.json()` in a route before ours, a middleware holding a reader): never a raw
 * `TypeError: ReadableStream is locked` or a callback treated as bodiless, but the core's
 * Tencent-shaped 500 (`body_unreadable`), reported to `onError`, no handler run.
 */
import http from "node:http";
import { afterAll, describe, expect, it } from "vitest";
import { fetchHandler, type FetchHandler } from "../../adapters/fetch.js";
import { CALLBACK_PATH, recordingDispatcher, sampleOf, tencentQuery } from "../support/fixtures.js";
import { closeAllServers, fetchBridge, listen, send } from "../support/servers.js";

const COMMAND = "Live.CallbackAfterDestroyRoom";
const PATH = `${CALLBACK_PATH}${tencentQuery({ command: COMMAND })}`;
const SAMPLE = sampleOf(COMMAND);

/** The core's own answer to a body something else consumed: the adapter adds nothing to it. */
async function coreAnswer(): Promise<unknown> {
  const { dispatcher } = recordingDispatcher();
  const reply = await dispatcher.handle({ method: "POST", url: PATH, headers: { "content-type": "application/json" }, bodyError: "consumed" });
  expect(reply.status).toBe(500);
  const body = JSON.parse(reply.body) as { ActionStatus: string; ErrorInfo: string; ErrorCode: number };
  expect(body).toMatchObject({ ActionStatus: "FAIL", ErrorCode: 500 });
  expect(body.ErrorInfo).toMatch(/already read/);
  return body;
}

afterAll(closeAllServers);

function callback(): Request {
  return new Request(`http://127.0.0.1${PATH}`, { method: "POST", headers: { "content-type": "application/json" }, body: SAMPLE });
}

const readers: Record<string, (request: Request) => Promise<unknown>> = {
  "await request.json()": (request) => request.json(),
  "await request.text()": (request) => request.text(),
  "await request.arrayBuffer()": (request) => request.arrayBuffer(),
  "a reader still holding the stream (locked, not used)": async (request) => request.body!.getReader(),
  "a reader that read one chunk and let go (disturbed)": async (request) => {
    const reader = request.body!.getReader();
    await reader.read();
    reader.releaseLock();
  },
};

describe("fetchHandler: a body read before it", () => {
  it.each(Object.entries(readers))("%s: Tencent-shaped 500 body_unreadable, no handler, nothing thrown", async (_, readFirst) => {
    const { dispatcher, recorded } = recordingDispatcher();
    const request = callback();
    await readFirst(request);
    const response = await fetchHandler(dispatcher)(request);
    expect(response.status).toBe(500);
    expect(response.headers.get("content-type")).toBe("application/json; charset=utf-8");
    expect(await response.json()).toEqual(await coreAnswer());
    expect(recorded.on).toEqual([]);
    expect(recorded.errors.map((error) => [error.reason, error.status])).toEqual([["body_unreadable", 500]]);
  });

  it("the same Request, unread: 200 with the exact 64-bit Owner_Account", async () => {
    const { dispatcher, recorded } = recordingDispatcher();
    const response = await fetchHandler(dispatcher)(callback());
    expect(response.status).toBe(200);
    expect((recorded.on[0]!.payload.RoomInfo as Record<string, unknown>).Owner_Account).toBe("144115216631667826");
  });

  it("over a real socket: a route that parses the body before handing the Request on gets the 500, the server serves on", async () => {
    const { dispatcher, recorded } = recordingDispatcher();
    const handler = fetchHandler(dispatcher);
    // What a Next.js route or a Worker does when it reads the body first.
    const route: FetchHandler = async (request) => {
      if (new URL(request.url).searchParams.has("peek")) await request.json();
      return handler(request);
    };
    const server = await listen(http.createServer(fetchBridge(route)));
    const peeked = await send(server.origin, { path: `${PATH}&peek=1`, body: SAMPLE });
    expect(peeked.status).toBe(500);
    expect(JSON.parse(peeked.body)).toEqual(await coreAnswer());
    expect((await send(server.origin, { path: PATH, body: SAMPLE })).status).toBe(200);
    expect(recorded.on).toHaveLength(1);
    expect(recorded.errors.map((error) => error.reason)).toEqual(["body_unreadable"]);
    await server.close();
  });
});
