/**
 * What every part of the benchmark shares: the app, the token, the seed bodies, the signed
 * query, and a helper to run a part in its own node process (with the same TypeScript loader).
 */
import { fork, type ChildProcess } from "node:child_process";
import { createHmac } from "node:crypto";
import { fileURLToPath } from "node:url";
import { registry } from "../schemas/index.js";
import { signedQuery, type KnownCommand } from "../src/index.js";
import { APP_ID, CALLBACK_PATH, TOKEN, tencentQuery } from "../test/support/fixtures.js";

export { APP_ID, CALLBACK_PATH, TOKEN };

/** The body every bare route and the adapter answer with. */
export const OK = { ActionStatus: "OK", ErrorInfo: "", ErrorCode: 0 } as const;
export const OK_BODY = JSON.stringify(OK);

/** The frameworks of the HTTP benchmark (bench/servers.ts serves each). */
export const FRAMEWORKS = ["express", "fastify", "koa", "node"] as const;
export type Framework = (typeof FRAMEWORKS)[number];
/** The peer row: @octokit/webhooks' `createNodeMiddleware` (the "bare" side) against our node adapter, both on node:http. */
export const PEER = "octokit";
/** The path octokit's middleware answers on. */
export const OCTOKIT_PATH = "/api/github/webhooks";

/** What bench/servers.ts tells the parent. */
export type ServerMessage =
  | { type: "ready"; bare: number; adapter: number; library: "build" | "source" }
  | { type: "cpu"; micros: number; handled: number; failed: number };

/** The modes of the queue benchmark (bench/queue.ts, bench/queue-server.ts). */
export const QUEUE_VARIANTS = ["inline", "memory", "redis", "cluster"] as const;
export type QueueVariant = (typeof QUEUE_VARIANTS)[number];

export type QueueServerMessage =
  | { type: "ready"; ports: Record<QueueVariant, number>; library: "build" | "source" }
  | { type: "ready-worker"; library: "build" | "source" }
  | {
      type: "stats";
      micros: number;
      /** Handler runs per variant (the worker process reports its runs as "redis"). */
      handled: Record<QueueVariant, number>;
      /** Jobs each queued variant's queue acknowledged (inline: 0). */
      enqueued: Record<QueueVariant, number>;
      /** onError calls and handler runs that saw an inexact Owner_Account. */
      failed: number;
      /** memoryQueue: jobs not yet done (waiting, delayed, running); redis: the same from BullMQ. */
      pending: Partial<Record<QueueVariant, number>>;
      /** Jobs in the dead-letter set. */
      dead: number;
    };

/** The three commands the package started from: Live and Room destroy-room, and the room-quota alarm. */
export const SEED_COMMANDS = [
  "Live.CallbackAfterDestroyRoom",
  "Room.CallbackAfterDestroyRoom",
  "Live.CallbackAfterCreateRoomReachingThreshold",
] as const satisfies readonly KnownCommand[];

/** The `002_…` sample: the one the design's targets name. It always carries a bare 64-bit `Owner_Account`. */
export const MAIN_COMMAND = "Live.CallbackAfterDestroyRoom" satisfies KnownCommand;

export function sampleOf(command: KnownCommand): string {
  return registry.get(command)!.sample;
}

const BIG = "144115216631667826";

/**
 * The registry sample, and the same callback with / without a 64-bit integer literal. A sample
 * that has one loses it as a short id string (no run of 16 digits left, so the fast path runs);
 * one that has none gains it the way real traffic does: an account id sent as a bare number.
 */
export function seedBodies(command: KnownCommand): { big: string; small: string } {
  const sample = sampleOf(command);
  if (sample.includes(BIG)) return { big: sample, small: sample.replace(BIG, '"user_1441152166"') };
  const big = sample.replace(/"Operator_Account":\s*"[^"]*"/, `"Operator_Account": ${BIG}`);
  if (big === sample) throw new Error(`${command}: no Operator_Account to turn into a 64-bit literal`);
  return { big, small: sample };
}

/**
 * The path and query Tencent sends, signed with TOKEN at `nowMs`. A signature is valid for the
 * dispatcher's default 60 s window, so callers sign again for every run rather than widening it.
 */
export function signedPath(command: string, nowMs = Date.now()): string {
  return `${CALLBACK_PATH}${tencentQuery({ command, sign: signedQuery(TOKEN, nowMs) })}`;
}

export function unsignedPath(command: string): string {
  return `${CALLBACK_PATH}${tencentQuery({ command })}`;
}

/** Headers as node hands them to a request listener for such a callback. */
export function nodeHeaders(body: string): Record<string, string> {
  return {
    host: "127.0.0.1:8080",
    "content-type": "application/json",
    "content-length": String(Buffer.byteLength(body)),
    "user-agent": "Tencent-Callback",
    connection: "keep-alive",
  };
}

/** The peer's delivery: a GitHub `issues.opened` payload padded to `size` bytes, signed as GitHub signs it. */
export const OCTOKIT_SECRET = "It's a Secret to Everybody";
export function octokitDelivery(size: number): { name: "issues"; payload: string; signature: string } {
  const payload = (pad: string) =>
    JSON.stringify({
      action: "opened",
      issue: { number: 1347, title: "Found a bug", state: "open", locked: false, body: pad, user: { login: "octocat", id: 1, type: "User" } },
      repository: { id: 1296269, name: "Hello-World", full_name: "octocat/Hello-World", private: false },
      sender: { login: "octocat", id: 1, type: "User", site_admin: false },
    });
  const text = payload("x".repeat(Math.max(0, size - payload("").length)));
  return { name: "issues", payload: text, signature: `sha256=${createHmac("sha256", OCTOKIT_SECRET).update(text).digest("hex")}` };
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** A child node process running one part of the benchmark, talking over IPC. */
export interface Child<M> {
  process: ChildProcess;
  /** The next message the child sends (rejects if it exits first). */
  next(): Promise<M>;
  send(message: unknown): void;
  /** Resolves with the exit code once the child has exited. */
  exited: Promise<number | null>;
}

/**
 * Forks `bench/<entry>` with this process's loader flags (tsx) plus `nodeFlags`: every part
 * runs in its own process, so no part's heap, JIT state or event loop colours another's.
 */
export function startChild<M>(entry: string, nodeFlags: string[] = [], args: string[] = []): Child<M> {
  const file = fileURLToPath(new URL(entry, import.meta.url));
  const child = fork(file, args, { execArgv: [...process.execArgv, ...nodeFlags], stdio: ["ignore", "inherit", "inherit", "ipc"] });
  const queue: M[] = [];
  const waiting: { resolve(message: M): void; reject(error: Error): void }[] = [];
  let gone: Error | undefined;
  child.on("message", (message: M) => {
    const waiter = waiting.shift();
    if (waiter) waiter.resolve(message);
    else queue.push(message);
  });
  const exited = new Promise<number | null>((resolve) => {
    child.on("exit", (code) => {
      gone = new Error(`bench/${entry} exited (code ${code}) before answering`);
      for (const waiter of waiting.splice(0)) waiter.reject(gone);
      resolve(code);
    });
  });
  return {
    process: child,
    next: () => {
      const message = queue.shift();
      if (message !== undefined) return Promise.resolve(message);
      if (gone) return Promise.reject(gone);
      return new Promise<M>((resolve, reject) => waiting.push({ resolve, reject }));
    },
    send: (message) => {
      if (child.connected) child.send(message as never);
    },
    exited,
  };
}

/** Sends a child's result to the parent (or prints it when the part was started on its own). */
export function report(message: unknown): Promise<void> {
  if (!process.send) {
    console.log(JSON.stringify(message, null, 2));
    return Promise.resolve();
  }
  return new Promise((resolve, reject) => process.send!(message, undefined, {}, (error) => (error ? reject(error) : resolve())));
}

export const fmt = {
  int: (n: number) => Math.round(n).toLocaleString("en-US"),
  ratio: (n: number) => `${n.toFixed(2)}x`,
  ms: (n: number) => (n >= 10 ? n.toFixed(0) : n.toFixed(1)),
  us: (n: number) => n.toFixed(1),
  mib: (bytes: number) => (bytes / 1024 / 1024).toFixed(1),
};

/** A Markdown table with right-aligned columns but the first. */
export function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((cell, i) => Math.max(cell.length, ...rows.map((row) => (row[i] ?? "").length)));
  const line = (cells: readonly string[]) => `| ${cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join(" | ")} |`;
  const rule = `|${widths.map((w, i) => (i === 0 ? `:${"-".repeat(w + 1)}` : `${"-".repeat(w + 1)}:`)).join("|")}|`;
  return [line(header), rule, ...rows.map(line)].join("\n");
}
