/** Shared by the CLI tests: the in-process runner, a one-line-error check, temp files, a real server. */
import { mkdtemp, writeFile } from "node:fs/promises";
import { createServer, type RequestListener, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect } from "vitest";
import { main, type CliIo } from "../../src/cli/main.js";
import { NOW_MS } from "../support/fixtures.js";

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the CLI in-process with captured output, no environment and a fixed clock. */
export async function cli(argv: string[], io: Partial<CliIo> = {}): Promise<CliRun> {
  let stdout = "";
  let stderr = "";
  const code = await main(argv, {
    stdout: (text) => void (stdout += text),
    stderr: (text) => void (stderr += text),
    env: {},
    now: () => NOW_MS,
    readStdin: () => Promise.reject(new Error("stdin not expected")),
    ...io,
  });
  return { code, stdout, stderr };
}

/** One line, no stack frames: what a user sees on a failure. */
export function expectOneLineError(stderr: string): void {
  expect(stderr).toMatch(/^tencent-webhooks: [^\n]+\n$/);
  expect(stderr).not.toMatch(/\n\s+at /);
}

export async function tempFile(name: string, content: string | Uint8Array): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), "tencent-webhooks-cli-"));
  const path = join(dir, name);
  await writeFile(path, content);
  return path;
}

export interface Captured {
  url: URL;
  method: string;
  headers: Headers;
  body: string;
}

/** A fetch that records what it was asked to send and answers `reply` (default TRTC/CSS `{"code":0}`). */
export function fakeFetch(reply: () => Response = () => Response.json({ code: 0 })) {
  const sent: Captured[] = [];
  const fetch = (async (input: Parameters<typeof globalThis.fetch>[0], init?: RequestInit) => {
    const request = new Request(input, init);
    sent.push({ url: new URL(request.url), method: request.method, headers: request.headers, body: await request.text() });
    return reply();
  }) as typeof globalThis.fetch;
  return { fetch, sent };
}

/** A node:http server on 127.0.0.1, a free port. */
export async function listen(handler: RequestListener): Promise<{ server: Server; base: string; close: () => Promise<void> }> {
  const server = createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const close = () => {
    server.closeAllConnections();
    return new Promise<void>((resolve) => server.close(() => resolve()));
  };
  return { server, base, close };
}
