/** What the queue tests share: a fake JobRunner that records every delivery, jobs, polling, child processes, a keep-alive POST. */
import { spawn, type ChildProcess } from "node:child_process";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { fileURLToPath } from "node:url";
import { nodeMiddleware } from "../../adapters/node.js";
import type { DeliveryAttempt, JobRunner, QueuedCallback, QueueWorker, WebhookQueue } from "../../src/delivery/contract.js";
import type { Dispatcher } from "../../src/index.js";

export interface Delivery {
  key: string;
  attempt: number;
  final: boolean;
  jobId: string;
  job: QueuedCallback;
}

/**
 * A runner whose behaviour is chosen per dedupe key: `failUntil(key, n)` makes attempts 1..n-1
 * reject (attempt n succeeds); `alwaysFail(key)` rejects every attempt. `delayMs` holds each
 * delivery that long (to see concurrency). Every call is recorded, in order.
 */
export class FakeRunner implements JobRunner {
  readonly deliveries: Delivery[] = [];
  readonly #succeedAt = new Map<string, number>();
  running = 0;
  maxRunning = 0;

  constructor(readonly delayMs = 0) {}

  failUntil(key: string, attempt: number): this {
    this.#succeedAt.set(key, attempt);
    return this;
  }

  alwaysFail(key: string): this {
    this.#succeedAt.set(key, Number.POSITIVE_INFINITY);
    return this;
  }

  succeed(key: string): this {
    this.#succeedAt.delete(key);
    return this;
  }

  of(key: string): Delivery[] {
    return this.deliveries.filter((delivery) => delivery.key === key);
  }

  async deliver(job: QueuedCallback, attempt: DeliveryAttempt): Promise<void> {
    this.deliveries.push({ key: job.dedupeKey, ...attempt, job });
    this.running++;
    this.maxRunning = Math.max(this.maxRunning, this.running);
    try {
      if (this.delayMs > 0) await new Promise((resolve) => setTimeout(resolve, this.delayMs));
      const succeedAt = this.#succeedAt.get(job.dedupeKey) ?? 1;
      if (attempt.attempt < succeedAt) throw new Error(`fake failure ${job.dedupeKey} attempt ${attempt.attempt}`);
    } finally {
      this.running--;
    }
  }
}

let sequence = 0;

/** A job as a receiver writes it; the raw body keeps a 64-bit integer and non-ASCII text. */
export function makeJob(key = `Live.CallbackAfterDestroyRoom:k${++sequence}`): QueuedCallback {
  return {
    protocol: "callback",
    command: "Live.CallbackAfterDestroyRoom",
    dedupeKey: key,
    rawBody: `{"CallbackCommand":"Live.CallbackAfterDestroyRoom","RoomId":"r-${sequence}","Owner_Account":144115212345678901,"Note":"直播 ✓"}`,
    method: "POST",
    url: "/tencent/callback?SdkAppid=1400000000&CallbackCommand=Live.CallbackAfterDestroyRoom",
    headers: { "content-type": "application/json" },
    receivedAt: 1_700_000_000_000,
  };
}

/** Polls `check` until it returns true (or a value other than false/undefined); fails after `timeoutMs`. */
export async function waitFor<T>(check: () => T | Promise<T>, timeoutMs = 10_000, what = "condition"): Promise<Exclude<T, false | undefined>> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== false && value !== undefined) return value as Exclude<T, false | undefined>;
    if (Date.now() > until) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export interface Fixture {
  child: ChildProcess;
  /** The first IPC message of `type` (e.g. "ready", "stats"). */
  next<T = Record<string, unknown>>(type: string, timeoutMs?: number): Promise<T>;
  /** The last lines it wrote to stderr (for failure messages). */
  stderr(): string;
  /** Asks it to stop ({ type: "stop" }) and returns its stats message; SIGKILL if it does not answer in time. */
  stop<T = Record<string, unknown>>(timeoutMs?: number): Promise<T>;
  readonly exited: Promise<number | null>;
}

/** Runs test/queue/fixtures/<name>.ts with `node --import tsx`, an IPC channel and `env`. */
export function startFixture(name: string, env: Record<string, string>): Fixture {
  const file = fileURLToPath(new URL(`./fixtures/${name}.ts`, import.meta.url));
  const child = spawn(process.execPath, ["--import", "tsx", file], {
    env: { ...process.env, ...env },
    stdio: ["ignore", "ignore", "pipe", "ipc"],
  });
  let errorText = "";
  child.stderr!.on("data", (chunk: Buffer) => {
    errorText = (errorText + chunk.toString()).slice(-4000);
  });
  const messages: Array<Record<string, unknown>> = [];
  const waiters: Array<() => void> = [];
  child.on("message", (message: Record<string, unknown>) => {
    messages.push(message);
    for (const wake of waiters.splice(0)) wake();
  });
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  const next = async <T>(type: string, timeoutMs = 20_000): Promise<T> => {
    const until = Date.now() + timeoutMs;
    for (;;) {
      const found = messages.find((message) => message.type === type);
      if (found) return found as T;
      if (child.exitCode !== null || child.signalCode !== null)
        throw new Error(`fixture ${name} exited (${child.exitCode ?? child.signalCode}) before "${type}": ${errorText}`);
      const left = until - Date.now();
      if (left <= 0) throw new Error(`fixture ${name}: no "${type}" message within ${timeoutMs} ms: ${errorText}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, Math.min(left, 200));
        waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  };
  return {
    child,
    next,
    stderr: () => errorText,
    exited,
    async stop<T>(timeoutMs = 15_000): Promise<T> {
      if (child.connected) child.send({ type: "stop" });
      try {
        return await next<T>("stats", timeoutMs);
      } finally {
        const timer = setTimeout(() => child.kill("SIGKILL"), 2000);
        await exited;
        clearTimeout(timer);
      }
    },
  };
}

export interface Reply {
  status: number;
  body: string;
}

/** One POST over `agent` (keep-alive), the body as JSON text. */
export function post(port: number, path: string, body: string, agent: http.Agent): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const request = http.request(
      { host: "127.0.0.1", port, method: "POST", path, agent, headers: { "content-type": "application/json", "content-length": Buffer.byteLength(body) } },
      (response) => {
        let text = "";
        response.setEncoding("utf8");
        response.on("data", (chunk: string) => (text += chunk));
        response.on("end", () => resolve({ status: response.statusCode ?? 0, body: text }));
        response.on("error", reject);
      },
    );
    request.setTimeout(15_000, () => request.destroy(new Error("request timed out")));
    request.on("error", reject);
    request.end(body);
  });
}

/** Resolves once a BullMQ queue has nothing waiting, backing off or running. */
export async function settled(queue: { counts(): Promise<{ waiting: number; delayed: number; active: number }> }, timeoutMs = 15_000): Promise<void> {
  await waitFor(
    async () => {
      const counts = await queue.counts();
      return counts.waiting + counts.delayed + counts.active === 0;
    },
    timeoutMs,
    "the queue to settle",
  );
}

/**
 * A receiver over real HTTP (node:http + nodeMiddleware, 127.0.0.1, port 0) in queued mode, with
 * `worker` draining `queue` in this process; `close()` stops all of them.
 */
export async function serveQueued(dispatcher: Dispatcher, queue: WebhookQueue, worker: QueueWorker, lanes: number) {
  const server = http.createServer(nodeMiddleware(dispatcher));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  const agent = new http.Agent({ keepAlive: true, maxSockets: lanes });
  return {
    port,
    agent,
    async close() {
      agent.destroy();
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      await worker.close();
      await queue.close();
    },
  };
}

export interface Sent extends Reply {
  i: number;
  sentAt: number;
  answeredAt: number;
}

/** `lanes` loops sending request 0, 1, 2, … with `send(i)` until `stop()`; every answer and client error is kept. */
export function traffic(lanes: number, send: (i: number) => Promise<Reply>) {
  const sent: Sent[] = [];
  const clientErrors: unknown[] = [];
  let next = 0;
  let flowing = true;
  const running = Promise.all(
    Array.from({ length: lanes }, async () => {
      while (flowing) {
        const i = next++;
        const sentAt = performance.now();
        try {
          const reply = await send(i);
          sent.push({ i, sentAt, answeredAt: performance.now(), ...reply });
        } catch (error) {
          clientErrors.push(error);
        }
      }
    }),
  );
  return {
    sent,
    clientErrors,
    okCount: () => sent.filter((reply) => reply.status === 200).length,
    async stop() {
      flowing = false;
      await running;
    },
  };
}
