// After `npm run build`: every published entry loads as ESM and as CommonJS (through the
// package's own name, i.e. its `exports` map), and the built core answers the seed sample.
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const exportsOf = {
  "tencent-webhooks": "createDispatcher",
  "tencent-webhooks/express": "expressMiddleware",
  "tencent-webhooks/fastify": "fastifyWebhooks",
  "tencent-webhooks/koa": "koaMiddleware",
  "tencent-webhooks/node": "nodeMiddleware",
  "tencent-webhooks/fetch": "fetchHandler",
  "tencent-webhooks/hono": "honoMiddleware",
  "tencent-webhooks/serverless": "serverlessHandler",
  "tencent-webhooks/queue": "redisQueue",
  "tencent-webhooks/testing": "signedRequest",
  "tencent-webhooks/nestjs": "TencentWebhooksModule",
};
const entries = Object.keys(exportsOf);

for (const entry of entries) {
  const esm = await import(entry);
  const cjs = require(entry);
  for (const [kind, module] of [
    ["esm", esm],
    ["cjs", cjs],
  ]) {
    if (typeof module[exportsOf[entry]] !== "function") throw new Error(`${entry} (${kind}) lacks ${exportsOf[entry]}`);
  }
}
const schema = require("tencent-webhooks/schemas/Live.CallbackAfterDestroyRoom.json");
if (schema.$id !== "Live.CallbackAfterDestroyRoom") throw new Error("JSON schema export is broken");

// The main entry never loads an optional integration: an inline Koa user installs no Redis client.
const mainFile = await import("node:fs").then((fs) => fs.readFileSync(new URL("../dist/index.js", import.meta.url), "utf8"));
for (const optional of [
  "bullmq",
  "ioredis",
  "@opentelemetry/api",
  "express",
  "fastify",
  "koa",
  "hono",
  "@nestjs/common",
  "@nestjs/core",
  'ajv"',
  "new Function",
]) {
  if (mainFile.includes(optional === "new Function" ? optional : `from "${optional.replace('"', "")}`)) throw new Error(`dist/index.js loads ${optional}`);
}

const { createDispatcher, definitionFor } = require("tencent-webhooks");
const { samples } = require("tencent-webhooks/testing");
const webhooks = createDispatcher({ sdkAppId: 1400000000 });
let owner;
webhooks.on("Live.CallbackAfterDestroyRoom", (event) => {
  owner = event.payload.RoomInfo.Owner_Account;
});
const response = await webhooks.handle({
  method: "POST",
  url: "/cb?SdkAppid=1400000000&CallbackCommand=Live.CallbackAfterDestroyRoom",
  body: samples.callback["Live.CallbackAfterDestroyRoom"],
});
if (response.status !== 200 || owner !== "144115216631667826") throw new Error(`built core answered ${response.status}, owner ${owner}`);
// The main entry's registry carries no schemas or samples (those are the cold start's biggest cost).
const fs = await import("node:fs");
const loadedByMain = new Set(["index.js"]);
for (const file of loadedByMain) {
  const text = fs.readFileSync(new URL(`../dist/${file}`, import.meta.url), "utf8");
  for (const [, chunk] of text.matchAll(/^(?:import|export) [^;]*?from "\.\/([^"]+)"/gms)) loadedByMain.add(chunk);
  if (text.includes("defineCommand({")) throw new Error(`dist/${file}, which the main entry loads, carries the command files (schemas, samples)`);
}
if ("sample" in definitionFor("Live.CallbackAfterDestroyRoom")) throw new Error("the main entry's registry carries samples");
// The bundled boom's errors are boom errors to the user's own copy (SECURITY.md: test with isBoom).
let refusal;
webhooks.onError((event) => {
  refusal = event.error;
});
await webhooks.handle({ method: "POST", url: "/cb?SdkAppid=1&CallbackCommand=Live.CallbackAfterDestroyRoom", body: "{}" });
if (!require("@hapi/boom").isBoom(refusal, 403)) throw new Error("onError's error is not a boom error to @hapi/boom's isBoom()");
console.log(`dist OK: ${entries.length} entries as ESM and CJS, JSON schemas, seed sample → 200 with Owner_Account ${owner}`);
