/**
 * `bodyTimeoutMs` on every adapter, over real sockets (127.0.0.1, port 0): the adapters time the
 * body read themselves, whatever node:http's own `requestTimeout` is.
 *  - headers sent, then nothing (or a body trickled that never ends): the core's 408 FAIL with
 *    `connection: close` about `bodyTimeoutMs` after the headers, the socket closed right after,
 *    `onError` told (`body_timeout`), no handler run;
 *  - a body trickled in pieces that ends within the limit: an ordinary 200;
 *  - while one client stalls, another request on a fresh connection is answered 200 at once.
 */
import net from "node:net";
import { afterAll, describe, expect, it } from "vitest";
import { CALLBACK_PATH, recordingDispatcher, sampleOf, tencentQuery } from "../support/fixtures.js";
import { ADAPTERS, closeAllServers, send, startAdapter } from "../support/servers.js";

const COMMAND = "Live.CallbackAfterDestroyRoom";
const PATH = `${CALLBACK_PATH}${tencentQuery({ command: COMMAND })}`;
const SAMPLE = sampleOf(COMMAND);
const BODY_TIMEOUT_MS = 300;
/** How late past the timeout the 408 and the close may come on a loaded CI machine. */
const SLACK_MS = 1_500;

afterAll(closeAllServers);

interface RawAnswer {
  status: number;
  headers: Record<string, string>;
  body: string;
  /** Milliseconds from the end of the request head to the answer's head. */
  answeredAfter: number;
}

/**
 * A raw client on its own socket: writes the request head, then whatever the test writes, and
 * parses the answer itself (node's client would end or time out the body on its own).
 */
function rawClient(port: number, head: Record<string, string>) {
  const socket = net.connect(port, "127.0.0.1");
  socket.on("error", () => {}); // writing into a socket the server closed after its answer
  let headSentAt = 0;
  let received = Buffer.alloc(0);
  const connected = new Promise<void>((resolve) => socket.once("connect", resolve));
  const closed = new Promise<number>((resolve) => socket.once("close", () => resolve(performance.now() - headSentAt)));
  const answer = new Promise<RawAnswer>((resolve, reject) => {
    socket.on("data", (data: Buffer) => {
      received = Buffer.concat([received, data]);
      const parsed = parseAnswer(received);
      if (parsed) resolve({ ...parsed, answeredAfter: performance.now() - headSentAt });
    });
    socket.once("close", () => reject(new Error(`closed without a complete answer: ${JSON.stringify(received.toString())}`)));
  });
  answer.catch(() => {});
  return {
    async sendHead() {
      await connected;
      const lines = [`POST ${PATH} HTTP/1.1`, "host: 127.0.0.1", ...Object.entries(head).map(([key, value]) => `${key}: ${value}`)];
      socket.write(`${lines.join("\r\n")}\r\n\r\n`);
      headSentAt = performance.now();
    },
    write: (data: string) => {
      if (!socket.destroyed) socket.write(data);
    },
    answer,
    closed,
    destroy: () => socket.destroy(),
  };
}

function parseAnswer(received: Buffer): Omit<RawAnswer, "answeredAfter"> | undefined {
  const end = received.indexOf("\r\n\r\n");
  if (end === -1) return undefined;
  const [statusLine = "", ...lines] = received.subarray(0, end).toString("latin1").split("\r\n");
  const headers: Record<string, string> = {};
  for (const line of lines) {
    const colon = line.indexOf(":");
    headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  const status = Number(statusLine.split(" ")[1]);
  const rest = received.subarray(end + 4);
  if (headers["transfer-encoding"] === "chunked") {
    const body = dechunk(rest);
    return body === undefined ? undefined : { status, headers, body };
  }
  const length = Number(headers["content-length"] ?? 0);
  if (rest.length < length) return undefined;
  return { status, headers, body: rest.subarray(0, length).toString("utf8") };
}

/** A chunked body, once its last chunk has arrived. */
function dechunk(data: Buffer): string | undefined {
  const parts: Buffer[] = [];
  let offset = 0;
  for (;;) {
    const lineEnd = data.indexOf("\r\n", offset);
    if (lineEnd === -1) return undefined;
    const size = Number.parseInt(data.subarray(offset, lineEnd).toString("latin1"), 16);
    if (size === 0) return Buffer.concat(parts).toString("utf8");
    if (data.length < lineEnd + 2 + size + 2) return undefined;
    parts.push(data.subarray(lineEnd + 2, lineEnd + 2 + size));
    offset = lineEnd + 2 + size + 2;
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function setup() {
  return recordingDispatcher({ bodyTimeoutMs: BODY_TIMEOUT_MS });
}

describe.each(ADAPTERS)("%s: bodyTimeoutMs", (name) => {
  it("headers, then silence: 408 FAIL with connection: close about bodyTimeoutMs later, then the socket closes", async () => {
    const { dispatcher, recorded } = setup();
    const server = await startAdapter(name, dispatcher);
    const client = rawClient(server.port, { "content-type": "application/json", "content-length": String(Buffer.byteLength(SAMPLE)) });
    await client.sendHead();
    const answer = await client.answer;
    expect(answer.status).toBe(408);
    expect(answer.headers.connection).toBe("close");
    expect(JSON.parse(answer.body)).toMatchObject({ ActionStatus: "FAIL", ErrorInfo: expect.any(String), ErrorCode: 408 });
    expect(answer.answeredAfter).toBeGreaterThanOrEqual(BODY_TIMEOUT_MS - 20);
    expect(answer.answeredAfter).toBeLessThan(BODY_TIMEOUT_MS + SLACK_MS);
    // The server closes it: the client never has to.
    expect(await client.closed).toBeLessThan(BODY_TIMEOUT_MS + SLACK_MS);
    expect(recorded.on).toEqual([]);
    expect(recorded.errors.map((error) => [error.reason, error.status])).toEqual([["body_timeout", 408]]);
    await server.close();
  });

  it("a chunked body trickled that never ends: 408 once bodyTimeoutMs has passed since the headers (a deadline, not an idle timer)", async () => {
    const { dispatcher, recorded } = setup();
    const server = await startAdapter(name, dispatcher);
    const client = rawClient(server.port, { "content-type": "application/json", "transfer-encoding": "chunked" });
    await client.sendHead();
    let sent = "";
    const trickle = setInterval(() => {
      const piece = SAMPLE.slice(sent.length, sent.length + 4);
      sent += piece;
      client.write(`${piece.length.toString(16)}\r\n${piece}\r\n`);
    }, 40);
    try {
      const answer = await client.answer;
      expect(answer.status).toBe(408);
      expect(answer.headers.connection).toBe("close");
      expect(answer.answeredAfter).toBeLessThan(BODY_TIMEOUT_MS + SLACK_MS);
      expect(await client.closed).toBeLessThan(BODY_TIMEOUT_MS + SLACK_MS);
    } finally {
      clearInterval(trickle);
    }
    expect(recorded.on).toEqual([]);
    expect(recorded.errors).toHaveLength(1);
    expect(recorded.errors[0]!.reason).toBe("body_timeout");
    // What had arrived by then is in the report, for the log.
    expect(SAMPLE.startsWith(recorded.errors[0]!.request.rawBody ?? "")).toBe(true);
    expect(recorded.errors[0]!.request.rawBody!.length).toBeGreaterThan(0);
    await server.close();
  });

  it("a body trickled in pieces that ends within the limit: 200, the handler sees it whole", async () => {
    const { dispatcher, recorded } = setup();
    const server = await startAdapter(name, dispatcher);
    const body = Buffer.from(SAMPLE);
    const client = rawClient(server.port, { "content-type": "application/json", "content-length": String(body.length) });
    await client.sendHead();
    const pieces = 5;
    const size = Math.ceil(body.length / pieces);
    for (let i = 0; i < pieces; i++) {
      await sleep(30); // 150 ms in all: half the timeout
      client.write(body.subarray(i * size, (i + 1) * size).toString("latin1"));
    }
    const answer = await client.answer;
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.body)).toEqual({ ActionStatus: "OK", ErrorInfo: "", ErrorCode: 0 });
    expect(answer.headers.connection).not.toBe("close");
    expect(recorded.on).toHaveLength(1);
    expect((recorded.on[0]!.payload.RoomInfo as Record<string, unknown>).Owner_Account).toBe("144115216631667826");
    expect(recorded.errors).toEqual([]);
    client.destroy();
    await server.close();
  });

  it("while a client stalls, another request on a fresh connection gets its 200 at once", async () => {
    const { dispatcher, recorded } = setup();
    const server = await startAdapter(name, dispatcher);
    const stalled = rawClient(server.port, { "content-type": "application/json", "content-length": "100" });
    await stalled.sendHead();
    let stalledAnswered = false;
    const stalledAnswer = stalled.answer.then((answer) => {
      stalledAnswered = true;
      return answer;
    });
    const other = await send(server.origin, { path: PATH, body: SAMPLE });
    expect(other.status).toBe(200);
    expect(stalledAnswered).toBe(false);
    expect(recorded.on).toHaveLength(1);
    expect((await stalledAnswer).status).toBe(408);
    await stalled.closed;
    // And the server serves on once the stalled connection is gone.
    expect((await send(server.origin, { path: PATH, body: SAMPLE })).status).toBe(200);
    expect(recorded.on).toHaveLength(2);
    expect(recorded.errors.map((error) => error.reason)).toEqual(["body_timeout"]);
    await server.close();
  });
});
