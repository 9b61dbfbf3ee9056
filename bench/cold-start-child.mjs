// One cold start, in a fresh node process (bench/cold-start.ts spawns it; plain JavaScript, so the
// built package runs under plain `node`, no TypeScript loader in the way):
//
//   ours     import the main entry, createDispatcher({ sdkAppId, token }), on(command), then the
//            first handle() of the signed seed sample; the handler must have seen it and the answer be 200
//   octokit  import @octokit/webhooks, new Webhooks({ secret }), on("issues.opened"), then the
//            first verifyAndReceive() of a signed payload of the same size; the handler must have run
//
// Everything the measured span needs (entry file, URL, body, signature) arrives in the
// BENCH_COLD_START environment variable, read before the clock starts. Prints one JSON line:
// milliseconds for import, create (+ on) and the first call, the process CPU time over that span
// (steadier than wall time on a shared machine), and performance.now() at the end (time since the
// process started, node's own boot included).
import { pathToFileURL } from "node:url";

const which = process.argv[2];
const input = JSON.parse(process.env.BENCH_COLD_START ?? "{}");

async function ours() {
  const body = Buffer.from(input.body);
  const headers = {
    host: "127.0.0.1:8080",
    "content-type": "application/json",
    "content-length": String(body.length),
    "user-agent": "Tencent-Callback",
    connection: "keep-alive",
  };
  let seen = 0;
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const { createDispatcher } = await import(pathToFileURL(input.entry).href);
  const t1 = performance.now();
  const dispatcher = createDispatcher({ sdkAppId: input.appId, token: input.token });
  dispatcher.on(input.command, (event) => {
    if (event.payload.RoomInfo?.Owner_Account === input.expectOwner) seen++;
  });
  const t2 = performance.now();
  const reply = await dispatcher.handle({ method: "POST", url: input.url, headers, body });
  const t3 = performance.now();
  const cpu = process.cpuUsage(c0);
  if (reply.status !== 200 || seen !== 1) throw new Error(`ours: answered ${reply.status}, handler saw ${seen}: ${reply.body}`);
  return [t0, t1, t2, t3, cpu];
}

async function octokit() {
  let seen = 0;
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const { Webhooks } = await import("@octokit/webhooks");
  const t1 = performance.now();
  const webhooks = new Webhooks({ secret: input.secret });
  webhooks.on("issues.opened", () => {
    seen++;
  });
  const t2 = performance.now();
  await webhooks.verifyAndReceive({ id: "1", name: input.name, payload: input.payload, signature: input.signature });
  const t3 = performance.now();
  const cpu = process.cpuUsage(c0);
  if (seen !== 1) throw new Error(`octokit: handler ran ${seen} times`);
  return [t0, t1, t2, t3, cpu];
}

const [t0, t1, t2, t3, cpu] = which === "ours" ? await ours() : which === "octokit" ? await octokit() : [];
if (t0 === undefined) throw new Error(`usage: cold-start-child.mjs ours|octokit (got ${which})`);
process.stdout.write(
  `${JSON.stringify({ which, importMs: t1 - t0, createMs: t2 - t1, firstMs: t3 - t2, totalMs: t3 - t0, cpuMs: (cpu.user + cpu.system) / 1000, sinceStartMs: t3 })}\n`,
);
