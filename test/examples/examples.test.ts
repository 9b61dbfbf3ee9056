import { spawn } from "node:child_process";
import { createInterface } from "node:readline";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { registry } from "../../schemas/index.js";
import { main } from "../../src/cli/main.js";
import { exampleConfig } from "../../examples/config.js";
import type { RunningExample } from "../../examples/serve.js";
import { start as express } from "../../examples/express/server.js";
import { start as fastify } from "../../examples/fastify/server.js";
import { start as fetchExample } from "../../examples/fetch/server.js";
import { start as hono } from "../../examples/hono/server.js";
import { start as koa } from "../../examples/koa/server.js";
import { start as node } from "../../examples/node/server.js";
import { APP_ID, TOKEN } from "../support/fixtures.js";

/** What `--payload -` reads. */
let stdin = "";

const EXAMPLES = { express, fastify, koa, node, fetch: fetchExample, hono };

/** The CLI in-process, exactly as a user runs `tencent-webhooks send`. */
async function send(url: string, command: string, ...extra: string[]) {
  let stdout = "";
  let stderr = "";
  const code = await main(["send", command, "--url", url, "--sdk-app-id", APP_ID, "--token", TOKEN, ...extra], {
    stdout: (text) => void (stdout += text),
    stderr: (text) => void (stderr += text),
    env: {},
    readStdin: () => Promise.resolve(stdin),
  });
  return { code, stdout, stderr };
}

describe.each(Object.entries(EXAMPLES))("examples/%s", (_name, start) => {
  const log: string[] = [];
  let app: RunningExample;

  beforeAll(async () => {
    app = await start({ host: "127.0.0.1", port: 0, sdkAppId: APP_ID, token: TOKEN, log: (line) => log.push(line) });
  });
  afterAll(() => app.close());

  const logged = async (action: () => Promise<{ code: number }>) => {
    const from = log.length;
    const { code } = await action();
    return { code, lines: log.slice(from) };
  };

  it("listens on 127.0.0.1 with a real port", () => {
    expect(app.url).toMatch(/^http:\/\/127\.0\.0\.1:[1-9]\d*\/tencent\/callback$/);
  });

  it("accepts a signed send and logs the typed event with the exact Owner_Account", async () => {
    const { code, lines } = await logged(() => send(app.url, "Live.CallbackAfterDestroyRoom"));
    expect(code).toBe(0);
    expect(lines).toEqual([
      'live room tandy-test-rest destroyed (DestroyByUser); Owner_Account "144115216631667826" (string)',
      "Live.CallbackAfterDestroyRoom accepted (SdkAppid 1400000000, ClientIP 127.0.0.1, OptPlatform RESTAPI)",
    ]);
  });

  it("logs numbers for the threshold counts", async () => {
    const { code, lines } = await logged(() => send(app.url, "Live.CallbackAfterCreateRoomReachingThreshold"));
    expect(code).toBe(0);
    expect(lines[0]).toBe("room quota warning: 400 of 500 rooms created (80%)");
  });

  it("accepts every known command", async () => {
    for (const command of registry.keys()) {
      const { code, lines } = await logged(() => send(app.url, command));
      expect(code, command).toBe(0);
      expect(lines.at(-1), command).toMatch(new RegExp(`^${command.replace(".", "\\.")} accepted `));
    }
  });

  it('answers a "before" callback with the handler\'s decision', async () => {
    const gift = (count: number) =>
      `{"CallbackCommand":"Live.CallbackBeforeSendGift","RoomId":"r","GiftWater":{"From_Account":"fan","GiftId":"rocket","Count":${count},"Coins":1000}}`;
    stdin = gift(50);
    const allowed = await send(app.url, "Live.CallbackBeforeSendGift", "--payload", "-");
    expect(allowed.code).toBe(0);
    expect(allowed.stdout).toContain("decision: allow");
    expect(log.at(-2)).toBe("gift rocket x50 (50000 coins) from fan: allowed");

    stdin = gift(51);
    const blocked = await send(app.url, "Live.CallbackBeforeSendGift", "--payload", "-");
    expect(blocked.code).toBe(0); // a block is a good reply: ActionStatus OK, ErrorCode non-zero
    expect(blocked.stdout).toContain('{"ActionStatus":"OK","ErrorInfo":"gift over the limit","ErrorCode":102100}');
    expect(blocked.stdout).toContain("decision: block (ErrorCode 102100: gift over the limit)");
    expect(log.at(-2)).toBe("gift rocket x51 (51000 coins) from fan: blocked");
  });

  it("refuses a bad signature and logs why", async () => {
    const { code, lines } = await logged(() => send(app.url, "Live.CallbackAfterDestroyRoom", "--token", "not-the-token"));
    expect(code).toBe(1);
    expect(lines).toEqual(["Live.CallbackAfterDestroyRoom REJECTED 401 signature_invalid: Signature is invalid"]);
  });

  it("refuses another app's SdkAppid and logs why", async () => {
    const { code, lines } = await logged(() => send(app.url, "Room.CallbackAfterDestroyRoom", "--sdk-app-id", "1400000001"));
    expect(code).toBe(1);
    expect(lines).toEqual(["Room.CallbackAfterDestroyRoom REJECTED 403 sdk_app_id_mismatch: SdkAppid does not match this app"]);
  });

  it("serves the webhook on its path only", async () => {
    const { code, lines } = await logged(() => send(app.url.replace("/tencent/callback", "/elsewhere"), "Live.CallbackAfterDestroyRoom"));
    expect(code).toBe(1);
    expect(lines).toEqual([]);
  });
});

describe("an example after close()", () => {
  it("is gone: send reports it unreachable", async () => {
    const app = await express({ host: "127.0.0.1", port: 0, sdkAppId: APP_ID, token: TOKEN, log: () => {} });
    expect((await send(app.url, "Live.CallbackAfterDestroyRoom")).code).toBe(0);
    await app.close();
    const after = await send(app.url, "Live.CallbackAfterDestroyRoom");
    expect(after.code).toBe(3);
    expect(after.stderr).toContain("connection refused");
  });
});

describe("exampleConfig", () => {
  it("has laptop defaults", () => {
    expect(exampleConfig({}, {})).toEqual({ sdkAppId: "1400000000", token: undefined, host: "127.0.0.1", port: 3000, path: "/tencent/callback" });
  });

  it("reads SDK_APP_ID, TENCENT_CALLBACK_TOKEN, PORT and HOST", () => {
    const env = { SDK_APP_ID: "1400000042", TENCENT_CALLBACK_TOKEN: "t", PORT: "0", HOST: "::1" };
    expect(exampleConfig({}, env)).toMatchObject({ sdkAppId: "1400000042", token: "t", port: 0, host: "::1" });
  });

  it("lets overrides win, including an explicit undefined token", () => {
    const env = { TENCENT_CALLBACK_TOKEN: "from-env", PORT: "not a port" };
    expect(exampleConfig({ token: undefined, port: 0 }, env)).toMatchObject({ token: undefined, port: 0 });
  });

  it("treats an empty token as none", () => {
    expect(exampleConfig({}, { TENCENT_CALLBACK_TOKEN: "" }).token).toBeUndefined();
  });

  it.each([
    [{ PORT: "http" }, "PORT must be a port number"],
    [{ PORT: "70000" }, "PORT must be a port number"],
    [{ SDK_APP_ID: "my-app" }, "SDK_APP_ID must be your numeric SDKAppID"],
  ])("refuses %j with a clear message", (env, message) => {
    expect(() => exampleConfig({}, env)).toThrow(message);
  });
});

/**
 * Each child transforms the package through tsx (the generated validators alone are ~850 kB):
 * a few seconds of CPU each. They run one after the other, not concurrently (five at once on a
 * two-core machine took over 30 s to print a banner); the banner still gets a generous 40 s on a
 * busy machine, and the test 60 s, so that `finally` still stops the process after a failure.
 */
const START_WITHIN_MS = 40_000;

describe("each example started from the command line", { timeout: 60_000 }, () => {
  it.each(Object.keys(EXAMPLES))("%s: prints its URL, serves a send, stops on SIGTERM", async (name) => {
    const file = new URL(`../../examples/${name}/server.ts`, import.meta.url).pathname;
    const child = spawn(process.execPath, ["--import", "tsx", file], {
      env: { ...process.env, NODE_OPTIONS: "", PORT: "0", HOST: "127.0.0.1", SDK_APP_ID: APP_ID, TENCENT_CALLBACK_TOKEN: TOKEN },
      stdio: ["ignore", "pipe", "pipe"],
    });
    const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => void (stderr += chunk.toString()));
    const lines: string[] = [];
    let wake = () => {};
    createInterface({ input: child.stdout }).on("line", (line) => {
      lines.push(line);
      wake();
    });
    /** The first output line matching `pattern`, waiting for it; fails if the process exits first. */
    const nextLine = async (pattern: RegExp): Promise<string> => {
      for (;;) {
        const found = lines.find((line) => pattern.test(line));
        if (found !== undefined) return found;
        let timer: ReturnType<typeof setTimeout> | undefined;
        await Promise.race([
          new Promise<void>((resolve) => (wake = resolve)),
          exited.then((code) => Promise.reject(new Error(`exited ${code} before printing ${pattern}: ${stderr}`))),
          // Fail well inside the test timeout, so that `finally` still stops the process.
          new Promise<never>((_, reject) => {
            timer = setTimeout(
              () => reject(new Error(`no line matching ${pattern} within ${START_WITHIN_MS} ms; got:\n${lines.join("\n")}\nstderr: ${stderr}`)),
              START_WITHIN_MS,
            );
          }),
        ]).finally(() => clearTimeout(timer));
      }
    };
    try {
      const banner = await nextLine(/Tencent callbacks on /);
      expect(banner).toContain("signed only");
      const url = /on (http:\/\/127\.0\.0\.1:\d+\/tencent\/callback)/.exec(banner)![1]!;
      expect((await send(url, "Live.CallbackAfterDestroyRoom")).code).toBe(0);
      await nextLine(/Owner_Account "144115216631667826" \(string\)/);
    } finally {
      child.kill("SIGTERM");
      // Never leave a server behind, even when the graceful stop fails.
      setTimeout(() => child.kill("SIGKILL"), 5_000).unref();
    }
    expect(await exited).toBe(0);
    expect(stderr).toBe("");
  });
});
