#!/usr/bin/env node
// Installed from npm (src/ is not published) this runs the built dist/cli.js only. In a source
// checkout it runs src/cli/main.ts through tsx, so that a dist/ left over from an earlier build can
// never shadow the current source; without tsx (dev dependencies omitted) it uses dist/.
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";

// A reader that stops early (`tencent-webhooks list --json | head`) closes the pipe: stop quietly,
// as Unix tools do, instead of dying on an unhandled EPIPE with a stack trace.
for (const stream of [process.stdout, process.stderr]) {
  stream.on("error", (error) => {
    if (error.code !== "EPIPE") throw error;
    process.exit(process.exitCode ?? 0);
  });
}

const source = new URL("../src/cli/main.ts", import.meta.url);
const built = new URL("../dist/cli.js", import.meta.url);

const tsx = existsSync(fileURLToPath(source)) ? await import("tsx/esm/api").catch(() => undefined) : undefined;
let main;
if (tsx) {
  tsx.register();
  ({ main } = await import(source.href));
} else if (existsSync(fileURLToPath(built))) {
  ({ main } = await import(built.href));
}

if (main) {
  process.exitCode = await main(process.argv.slice(2));
} else {
  console.error("tencent-webhooks: neither dist/cli.js nor tsx is available; run `npm ci` or `npm run build` first");
  process.exitCode = 1;
}
