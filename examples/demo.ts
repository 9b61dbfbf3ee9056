/**
 * `npm run demo`: starts the Express example on a free port on 127.0.0.1, sends it every known
 * command with the CLI (signed), then a wrong SdkAppid and a bad signature, and prints what the
 * app received and answered. Exits 0 only when everything went as expected; stops by itself.
 */
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { registry } from "../schemas/index.js";
import { main as cli } from "../src/cli/main.js";
import type { AnyWebhookEvent, WebhookErrorEvent } from "../src/index.js";
import { createServer } from "node:http";
import { nodeMiddleware } from "../adapters/node.js";
import { memoryQueue } from "../src/index.js";
import { CALLBACK_PATH, CSS_PATH, TRTC_PATH, exampleConfig, type StartOptions } from "./config.js";
import { listen } from "./serve.js";
import { createWebhooks } from "./webhooks.js";
import { start as startExpress } from "./express/server.js";
import type { RunningExample } from "./serve.js";

const SDK_APP_ID = "1400000000";
const TOKEN = "demo-callback-token";
const TRTC_KEY = "demokey123654";
const CSS_KEY = "demo-css-key";
const OWNER_ACCOUNT = "144115216631667826";
const WIDTH = 118;

export interface DemoOptions {
  out?: (line: string) => void;
  /** The app under test; tests swap in a misconfigured one to prove the checks bite. */
  start?: (options: StartOptions) => Promise<RunningExample>;
}

interface Sent {
  code: number;
  stdout: string;
  stderr: string;
  reply: { status: number; body: string } | undefined;
  events: AnyWebhookEvent[];
  errors: WebhookErrorEvent[];
  log: string[];
}

export async function runDemo({ out = console.log, start = startExpress }: DemoOptions = {}): Promise<number> {
  const problems: string[] = [];
  const expect = (ok: boolean, problem: string) => {
    if (!ok) {
      problems.push(problem);
      out(`        UNEXPECTED  ${problem}`);
    }
  };

  const log: string[] = [];
  const running = await start({
    host: "127.0.0.1",
    port: 0,
    sdkAppId: SDK_APP_ID,
    token: TOKEN,
    trtcKey: TRTC_KEY,
    cssKey: CSS_KEY,
    log: (line) => log.push(line),
  });
  const events: AnyWebhookEvent[] = [];
  const errors: WebhookErrorEvent[] = [];
  running.webhooks.onAny((event) => void events.push(event));
  running.webhooks.onError((error) => void errors.push(error));

  /** One CLI run, and what the app logged, received and answered meanwhile. */
  const send = async (command: string, extra: { sdkAppId?: string; token?: string } = {}): Promise<Sent> => {
    const before = { log: log.length, events: events.length, errors: errors.length };
    let stdout = "";
    let stderr = "";
    let reply: Sent["reply"];
    const code = await cli(["send", command, "--url", running.url, "--sdk-app-id", extra.sdkAppId ?? SDK_APP_ID, "--token", extra.token ?? TOKEN], {
      stdout: (text) => void (stdout += text),
      stderr: (text) => void (stderr += text),
      env: {}, // the user's own TENCENT_CALLBACK_TOKEN must not leak into the demo
      fetch: async (input, init) => {
        const response = await fetch(input, init);
        reply = { status: response.status, body: await response.clone().text() };
        return response;
      },
    });
    return {
      code,
      stdout,
      stderr,
      reply,
      events: events.slice(before.events),
      errors: errors.slice(before.errors),
      log: log.slice(before.log),
    };
  };

  try {
    out("tencent-webhooks demo: the Express example receives every known callback from the CLI, signed as Tencent signs them");
    out("");
    out(`app  ${running.url}   SdkAppid ${SDK_APP_ID}, callback token "${TOKEN}"`);
    out(`cli  tencent-webhooks send <command> --url ${running.url} --sdk-app-id ${SDK_APP_ID} --token ${TOKEN}`);

    const commands = [...registry.values()];
    let accepted = 0;
    for (const [index, { command, kind }] of commands.entries()) {
      const sent = await send(command);
      out("");
      out(`[${String(index + 1).padStart(2)}/${commands.length}] ${command} (${kind})  ->  ${replyText(sent)}`);
      if (index === 0) show("request", requestLine(sent.stdout), true);
      showReceived(sent);
      const event = sent.events[0];
      expect(sent.code === 0, `${command}: the CLI exited ${sent.code}, expected 0 (${sent.stderr.trim()})`);
      expect(sent.events.length === 1 && event?.command === command, `${command}: the app's onAny did not see it exactly once`);
      expect(sent.errors.length === 0, `${command}: onError ran (${sent.errors.map((error) => error.reason).join(", ")})`);
      if (command === "Live.CallbackAfterDestroyRoom") {
        const owner = (event?.payload.RoomInfo as { Owner_Account?: unknown } | undefined)?.Owner_Account;
        expect(owner === OWNER_ACCOUNT, `Owner_Account arrived as ${typeof owner} ${String(owner)}, expected the string "${OWNER_ACCOUNT}"`);
        expect(
          sent.log.some((line) => line.includes(`"${OWNER_ACCOUNT}"`)),
          `the app did not log Owner_Account "${OWNER_ACCOUNT}"`,
        );
      }
      if (sent.code === 0 && event?.command === command) accepted++;
    }

    out("");
    out("Two requests the app must refuse (Tencent does not retry, so onError is the only record of them):");
    const refusals = [
      { title: "wrong SdkAppid", flags: "--sdk-app-id 1400000001", extra: { sdkAppId: "1400000001" }, status: 403, reason: "sdk_app_id_mismatch" },
      { title: "bad signature", flags: "--token not-the-token", extra: { token: "not-the-token" }, status: 401, reason: "signature_invalid" },
    ] as const;
    let refused = 0;
    for (const { title, flags, extra, status, reason } of refusals) {
      out("");
      out(`[${title}] Live.CallbackAfterDestroyRoom with ${flags}`);
      const sent = await send("Live.CallbackAfterDestroyRoom", extra);
      show("request", requestLine(sent.stdout), true);
      showReceived(sent);
      show("reply", replyText(sent));
      show("cli", `${sent.stderr.trim()} (exit ${sent.code})`);
      const reasons = sent.errors.map((error) => `${error.status} ${error.reason}`);
      expect(sent.code === 1, `${title}: the CLI exited ${sent.code}, expected 1`);
      expect(sent.reply?.status === status, `${title}: HTTP ${sent.reply?.status ?? "none"}, expected ${status}`);
      expect(reasons.join() === `${status} ${reason}`, `${title}: onError saw [${reasons.join(", ")}], expected ${status} ${reason}`);
      expect(sent.events.length === 0, `${title}: handlers ran for a refused request`);
      if (sent.code === 1 && reasons.join() === `${status} ${reason}`) refused++;
    }

    out("");
    out("The other two protocols, each at its own URL with its own key (TRTC signs the raw bytes; CSS signs t in the body):");
    for (const [protocol, event, path, key] of [
      ["trtc", "StopAudio", TRTC_PATH, TRTC_KEY],
      ["css", "PushBegin", CSS_PATH, CSS_KEY],
    ] as const) {
      const before = log.length;
      const url = running.url.replace(CALLBACK_PATH, path);
      const app = protocol === "trtc" ? ["--sdk-app-id", SDK_APP_ID] : []; // CSS bodies carry their own appid
      const run = await runCli(["send", "--protocol", protocol, event, "--url", url, ...app, "--key", key]);
      out("");
      out(`[${protocol}] ${event}  ->  ${run.reply ? `${run.reply.status} ${run.reply.body}` : "no reply"}`);
      for (const line of log.slice(before)) show("app log", line);
      expect(run.code === 0 && run.reply?.status === 200, `${protocol} ${event}: the CLI exited ${run.code} (${run.stderr.trim()})`);
      expect(
        log.slice(before).some((line) => line.startsWith(`${protocol} ${event}`)),
        `${protocol} ${event}: the typed handler did not run`,
      );
    }

    out("");
    out(
      "Queued mode (memoryQueue, one process): 200 only once the job is written; a resent callback is answered 200 and not handled again; a worker runs the handlers, retrying a failure:",
    );
    const queued = await runQueued(out, expect);
    out("");
    out(
      `${accepted} of ${commands.length} callbacks accepted; ${refused} of ${refusals.length} bad requests refused with the right reason; queued mode ${queued ? "handled the callback once" : "FAILED"}.`,
    );
    out(
      problems.length === 0
        ? `OK: Owner_Account arrived as the exact string "${OWNER_ACCOUNT}".`
        : `FAILED: ${problems.length} unexpected result(s), listed above.`,
    );
    return problems.length === 0 ? 0 : 1;
  } finally {
    await running.close();
  }

  function show(label: string, text: string, full = false) {
    out(`        ${label.padEnd(8)}${full ? text : truncate(text)}`);
  }

  /** The typed event the handlers got, and what the example app logged. */
  function showReceived(sent: Sent) {
    for (const event of sent.events) show("event", JSON.stringify(event.payload));
    for (const line of sent.log) show("app log", line);
  }
}

/** One CLI run, its output and the HTTP reply it got. */
async function runCli(args: string[]): Promise<{ code: number; stdout: string; stderr: string; reply: { status: number; body: string } | undefined }> {
  let stdout = "";
  let stderr = "";
  let reply: { status: number; body: string } | undefined;
  const code = await cli(args, {
    stdout: (text) => void (stdout += text),
    stderr: (text) => void (stderr += text),
    env: {},
    fetch: async (input, init) => {
      const response = await fetch(input, init);
      reply = { status: response.status, body: await response.clone().text() };
      return response;
    },
  });
  return { code, stdout, stderr, reply };
}

/** The node example with a memoryQueue: the same callback sent twice, a handler that fails once, a worker. */
async function runQueued(out: (line: string) => void, expect: (ok: boolean, problem: string) => void): Promise<boolean> {
  const queue = memoryQueue({ backoff: { delayMs: 50 } });
  const log: string[] = [];
  const config = exampleConfig({ host: "127.0.0.1", port: 0, sdkAppId: SDK_APP_ID, token: TOKEN });
  const webhooks = createWebhooks(config, (line) => log.push(line), { queue });
  const attempts: number[] = [];
  webhooks.on("Live.CallbackAfterDestroyRoom", (event) => {
    attempts.push(event.attempt);
    if (event.attempt === 1) throw new Error("the database is restarting (demo: the first attempt fails)");
  });
  const duplicates: string[] = [];
  webhooks.onDuplicate((duplicate) => void duplicates.push(duplicate.dedupeKey));
  const running = await listen(createServer(nodeMiddleware(webhooks, { path: config.path })), config, webhooks);
  try {
    const args = ["send", "Live.CallbackAfterDestroyRoom", "--url", running.url, "--sdk-app-id", SDK_APP_ID, "--token", TOKEN];
    const first = await runCli(args);
    const second = await runCli(args);
    out(`        sent    Live.CallbackAfterDestroyRoom twice  ->  ${first.reply?.status} then ${second.reply?.status} (duplicate: ${duplicates.length})`);
    const worker = queue.work(webhooks, { concurrency: 2 });
    await new Promise((done) => setTimeout(done, 200));
    await queue.idle();
    await worker.close();
    for (const line of log.filter((line) => !line.startsWith("no TENCENT"))) out(`        app log ${line}`);
    out(`        worker  handler attempts ${JSON.stringify(attempts)}; dead letter ${(await queue.failed()).length}`);
    const ok = first.reply?.status === 200 && second.reply?.status === 200 && duplicates.length === 1 && attempts.join() === "1,2";
    expect(ok, `queued mode: replies ${first.reply?.status}/${second.reply?.status}, duplicates ${duplicates.length}, attempts ${attempts.join()}`);
    return ok;
  } finally {
    await running.close();
    await queue.close();
  }
}

function replyText(sent: Sent): string {
  return sent.reply ? `${sent.reply.status} ${sent.reply.body}` : "no reply";
}

/** The CLI's "POST <url>" line, shortened to the path and query. */
function requestLine(stdout: string): string {
  const url = /^POST (\S+)/m.exec(stdout)?.[1];
  if (url === undefined) return "(not sent)";
  const { pathname, search } = new URL(url);
  return `POST ${pathname}${search}`;
}

function truncate(text: string): string {
  return text.length <= WIDTH ? text : `${text.slice(0, WIDTH - 1)}…`;
}

if (process.argv[1] !== undefined && pathToFileURL(resolve(process.argv[1])).href === import.meta.url) {
  // A watchdog: the demo must end by itself even if something hangs.
  const watchdog = setTimeout(() => {
    console.error("demo: still running after 30 s; giving up");
    process.exit(1);
  }, 30_000).unref();
  runDemo().then(
    (code) => {
      clearTimeout(watchdog);
      process.exitCode = code;
    },
    (error: unknown) => {
      console.error(`demo failed: ${error instanceof Error ? error.message : String(error)}`);
      process.exitCode = 1;
    },
  );
}
