/** The shared body reading under the adapters, on real node and Web streams. */
import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { readNodeRequest, readNodeStream, readWebStream } from "../../adapters/support/read-body.js";

const KB = Buffer.alloc(1024, "x");

/** A source of `count` 1 KiB chunks arriving one per tick, as from a socket, counting those pulled. */
function chunks(count: number) {
  const pulled = { count: 0 };
  async function* generate() {
    for (let i = 0; i < count; i++) {
      await new Promise((resolve) => setImmediate(resolve));
      pulled.count++;
      yield KB;
    }
  }
  return { pulled, generate };
}

describe("readNodeStream", () => {
  it("reads a body of exactly the limit whole", async () => {
    const read = await readNodeStream(Readable.from([KB, KB]), 2048);
    expect(read).toEqual({ body: Buffer.concat([KB, KB]), overLimit: false });
  });

  it("stops once past the limit, long before the end of a big body", async () => {
    const { pulled, generate } = chunks(2048); // 2 MiB
    const read = await readNodeStream(Readable.from(generate(), { objectMode: false }), 4096);
    expect(read.overLimit).toBe(true);
    expect(Buffer.byteLength(read.body as Buffer)).toBe(5 * 1024);
    // Answered long before the end; the rest then flows into the void (kept nowhere) until the adapter closes.
    expect(pulled.count).toBeLessThan(64);
  });

  it("restarts a stream that someone paused, and accepts string chunks", async () => {
    const stream = Readable.from(["{", '"a":1}'], { objectMode: false });
    stream.pause();
    expect(await readNodeStream(stream, 100)).toEqual({ body: Buffer.from('{"a":1}'), overLimit: false });
  });

  it("rejects as a client's 400 when the stream dies mid-body", async () => {
    const stream = new Readable({ read() {} });
    stream.push("{");
    setImmediate(() => stream.destroy(new Error("socket hang up")));
    await expect(readNodeStream(stream, 100)).rejects.toMatchObject({ status: 400, code: "ECONNABORTED" });
  });
});

describe("readWebStream", () => {
  it("reads a body whole, or nothing for no body", async () => {
    const request = new Request("http://127.0.0.1/", { method: "POST", body: '{"a":1}' });
    // Web APIs only (it runs on workerd and Deno): a plain Uint8Array, never a Buffer.
    const read = await readWebStream(request.body, 100);
    expect(read).toEqual({ body: new TextEncoder().encode('{"a":1}'), overLimit: false });
    expect(Buffer.isBuffer(read.body)).toBe(false);
    expect(await readWebStream(null, 100)).toEqual({ body: undefined, overLimit: false });
  });

  it("stops once past the limit", async () => {
    const { pulled, generate } = chunks(2048);
    const read = await readWebStream(Readable.toWeb(Readable.from(generate(), { objectMode: false })), 4096);
    expect(read.overLimit).toBe(true);
    expect(pulled.count).toBeLessThan(64);
  });
});

describe("readNodeRequest", () => {
  /** A request stream that a body parser already read to its end. */
  async function consumed(): Promise<Readable> {
    const stream = Readable.from([KB]);
    for await (const _ of stream);
    return stream;
  }

  it("prefers the raw body a parser kept, then a string/Buffer body, then the parsed object", async () => {
    const req = await consumed();
    expect(await readNodeRequest(req, { body: { a: 1 }, rawBody: '{"a":1}' }, 100)).toEqual({ body: '{"a":1}', overLimit: false });
    expect(await readNodeRequest(req, { body: Buffer.from("{}") }, 100)).toEqual({ body: Buffer.from("{}"), overLimit: false });
    expect(await readNodeRequest(req, { body: { a: 1 } }, 100)).toEqual({ body: { a: 1 }, overLimit: false });
    expect(await readNodeRequest(req, { body: true }, 100)).toEqual({ body: "true", overLimit: false });
    expect(await readNodeRequest(req, {}, 100)).toEqual({ body: undefined, overLimit: false });
  });
});
