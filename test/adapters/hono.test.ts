import { spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import { readFileSync } from "node:fs";
import { request as httpRequest, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import ts from "typescript";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { registry } from "../../schemas/index.js";
import { signedQuery } from "../../src/index.js";
import { APP_ID, HANDLER_PATH, MAX_BODY_BYTES, MIDDLEWARE_PATH, NOW_MS, PARSED_PATH, TOKEN, createHonoApp } from "./fixtures/hono-app.js";

/**
 * `@hono/node-server`, loaded by name: its type declarations import hono/ws, which needs the DOM
 * lib that this repo's tsconfig (skipLibCheck off) leaves out. At run time it is the real package.
 */
interface HonoNodeServer {
  createAdaptorServer(options: { fetch: (request: Request) => Response | Promise<Response> }): Server;
}
const NODE_SERVER: string = "@hono/node-server";
const loadNodeServer = () => import(NODE_SERVER) as Promise<HonoNodeServer>;

const COMMAND = "Live.CallbackAfterDestroyRoom";
const SAMPLE = registry.get(COMMAND)!.sample;
const BUN = fileURLToPath(new URL("../../node_modules/.bin/bun", import.meta.url));
const BUN_SERVER = fileURLToPath(new URL("./fixtures/hono-bun-server.ts", import.meta.url));

/** A running server: where it listens, what its handlers logged, how to stop it. */
interface Running {
  origin: string;
  log: string[];
  /** Resolves with the next log line matching `pattern` (one already logged counts). */
  logged(pattern: RegExp, from: number): Promise<string>;
  stop(): Promise<void>;
}

function query({ sdkAppId = APP_ID, sign = signedQuery(TOKEN, NOW_MS) } = {}): string {
  return `?${new URLSearchParams({ SdkAppid: sdkAppId, CallbackCommand: COMMAND, contenttype: "json", ClientIP: "203.0.113.7", OptPlatform: "RESTAPI", ...sign })}`;
}

function waitForLine(log: string[], wake: Set<() => void>) {
  return (pattern: RegExp, from: number) =>
    new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => {
        wake.delete(check);
        reject(new Error(`no log line matching ${pattern}; got ${JSON.stringify(log.slice(from))}`));
      }, 5_000);
      const check = () => {
        const line = log.slice(from).find((entry) => pattern.test(entry));
        if (line === undefined) return;
        clearTimeout(timer);
        wake.delete(check);
        resolve(line);
      };
      wake.add(check);
      check();
    });
}

async function startNode(): Promise<Running> {
  const log: string[] = [];
  const wake = new Set<() => void>();
  const { app } = createHonoApp((line) => {
    log.push(line);
    for (const check of [...wake]) check();
  });
  const { createAdaptorServer } = await loadNodeServer();
  const server = createAdaptorServer({ fetch: app.fetch });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    log,
    logged: waitForLine(log, wake),
    stop: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** The same app under Bun: `bun` runs the TypeScript sources directly. */
async function startBun(): Promise<Running> {
  const log: string[] = [];
  const wake = new Set<() => void>();
  const child: ChildProcessWithoutNullStreams = spawn(BUN, [BUN_SERVER], { stdio: ["pipe", "pipe", "pipe"], env: { ...process.env, NODE_OPTIONS: "" } });
  let stderr = "";
  child.stderr.on("data", (chunk: Buffer) => void (stderr += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  createInterface({ input: child.stdout }).on("line", (line) => {
    log.push(line);
    for (const check of [...wake]) check();
  });
  const logged = waitForLine(log, wake);
  const stop = async () => {
    child.kill("SIGTERM");
    setTimeout(() => child.kill("SIGKILL"), 3_000).unref();
    await exited;
  };
  try {
    const banner = await Promise.race([
      // Printed by Bun.serve under Bun itself, with its version.
      logged(/^listening [1-9]\d* \(bun \d+\.\d+\.\d+\)$/, 0),
      exited.then((code) => Promise.reject(new Error(`bun exited ${code} before listening: ${stderr}`))),
    ]);
    return { origin: `http://127.0.0.1:${banner.split(" ")[1]}`, log, logged, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

async function post(origin: string, path: string, body: string, headers: Record<string, string> = { "content-type": "application/json" }) {
  const response = await fetch(`${origin}${path}`, { method: "POST", headers, body });
  return { status: response.status, headers: response.headers, text: await response.text() };
}

const runtimes = [
  ["node (@hono/node-server)", startNode],
  ["bun", startBun],
] as const;

describe.each(runtimes)("hono on %s", (_runtime, start) => {
  let server: Running;
  beforeAll(async () => {
    server = await start();
  }, 15_000);
  afterAll(() => server?.stop());

  it("accepts a signed sample callback; the exact Owner_Account reaches the handler", async () => {
    const from = server.log.length;
    const reply = await post(server.origin, `${MIDDLEWARE_PATH}${query()}`, SAMPLE);
    expect(reply.status).toBe(200);
    expect(reply.headers.get("content-type")).toBe("application/json; charset=utf-8");
    expect(JSON.parse(reply.text)).toEqual({ ActionStatus: "OK", ErrorInfo: "", ErrorCode: 0 });
    expect(await server.logged(/^owner /, from)).toBe('owner "144115216631667826" string');
  });

  it("serves a route through honoHandler", async () => {
    const from = server.log.length;
    const reply = await post(server.origin, `${HANDLER_PATH}${query()}`, SAMPLE);
    expect(reply.status).toBe(200);
    expect(await server.logged(/^owner /, from)).toBe('owner "144115216631667826" string');
  });

  it("refuses another app's SdkAppid with 403", async () => {
    const reply = await post(server.origin, `${MIDDLEWARE_PATH}${query({ sdkAppId: "1400000001" })}`, SAMPLE);
    expect(reply.status).toBe(403);
    expect(JSON.parse(reply.text)).toEqual({ ActionStatus: "FAIL", ErrorInfo: "SdkAppid does not match this app", ErrorCode: 403 });
  });

  it("refuses a bad signature with 401", async () => {
    const sign = signedQuery("not-the-token", NOW_MS);
    const reply = await post(server.origin, `${MIDDLEWARE_PATH}${query({ sign })}`, SAMPLE);
    expect(reply.status).toBe(401);
    expect(JSON.parse(reply.text)).toMatchObject({ ActionStatus: "FAIL", ErrorInfo: "Signature is invalid", ErrorCode: 401 });
  });

  it("passes other paths to next()", async () => {
    const reply = await post(server.origin, `/elsewhere${query()}`, SAMPLE);
    expect(reply.status).toBe(404);
    expect(reply.text).toBe("next: POST /elsewhere");
  });

  it("answers the core's 405 for another method on its path", async () => {
    const response = await fetch(`${server.origin}${MIDDLEWARE_PATH}${query()}`);
    expect(response.status).toBe(405);
    expect(response.headers.get("allow")).toBe("POST");
    await response.text();
  });

  it("explains a body another middleware already read (c.req.json()) with a Tencent-shaped 500", async () => {
    const from = server.log.length;
    const reply = await post(server.origin, `${PARSED_PATH}${query()}`, SAMPLE);
    expect(reply.status).toBe(500);
    expect(reply.headers.get("content-type")).toBe("application/json; charset=utf-8");
    const body = JSON.parse(reply.text) as { ActionStatus: string; ErrorInfo: string; ErrorCode: number };
    expect(body.ActionStatus).toBe("FAIL");
    expect(body.ErrorCode).toBe(500);
    expect(body.ErrorInfo).toContain("already read by another middleware");
    expect(body.ErrorInfo).toContain("mount the Tencent webhook before anything that reads the body");
    // No handler ran on a body that was not there, and the refusal reached onError (Tencent does not retry).
    expect(server.log.slice(from)).toEqual(["rejected 500 body_unreadable"]);
  });

  it("answers 413 for a body over maxBodyBytes", async () => {
    const body = `{"CallbackCommand":"${COMMAND}","pad":"${"x".repeat(MAX_BODY_BYTES * 4)}"}`;
    const reply = await post(server.origin, `${MIDDLEWARE_PATH}${query()}`, body);
    expect(reply.status).toBe(413);
    expect(JSON.parse(reply.text)).toEqual({ ActionStatus: "FAIL", ErrorInfo: `Body exceeds ${MAX_BODY_BYTES} bytes`, ErrorCode: 413 });
  });

  it("answers 413 while the body is still streaming (it is never buffered to its end)", async () => {
    const url = new URL(`${MIDDLEWARE_PATH}${query()}`, server.origin);
    const status = await new Promise<number>((resolve, reject) => {
      const req = httpRequest(url, { method: "POST", headers: { "content-type": "application/json", "transfer-encoding": "chunked" } });
      req.on("response", (response) => {
        resolve(response.statusCode ?? 0);
        response.resume();
        req.destroy();
      });
      req.on("error", reject);
      // More than the limit, and then nothing: the body never ends.
      req.write(`{"pad":"${"x".repeat(MAX_BODY_BYTES + 100)}`);
    });
    expect(status).toBe(413);
  });
});

describe("adapters/hono.ts", () => {
  it("imports hono only as types: its JavaScript needs no hono at run time", () => {
    const source = readFileSync(new URL("../../adapters/hono.ts", import.meta.url), "utf8");
    const { outputText } = ts.transpileModule(source, {
      compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022, verbatimModuleSyntax: true },
    });
    expect(outputText).not.toMatch(/from\s+["']hono/);
    expect(outputText).not.toMatch(/import\(\s*["']hono/);
  });
});
