#!/usr/bin/env node
// Runs the built CLI when installed from npm; from a source checkout, falls back to the TS source via tsx.
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";

const built = new URL("../dist/cli.js", import.meta.url);
if (existsSync(fileURLToPath(built))) {
  const { main } = await import(built.href);
  process.exitCode = await main(process.argv.slice(2));
} else {
  const { register } = await import("tsx/esm/api");
  register();
  const { main } = await import(new URL("../src/cli.ts", import.meta.url).href);
  process.exitCode = await main(process.argv.slice(2));
}
