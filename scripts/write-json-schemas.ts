/**
 * Writes `schemas/json/<command>.json` from the TS schemas, so that non-TS consumers
 * (`import schema from "tencent-webhooks/schemas/Live.CallbackAfterDestroyRoom.json"`) get the
 * same contract. `test/schemas.test.ts` fails when a copy is stale: run `npm run schemas:json`.
 */
import { mkdirSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { registry } from "../schemas/index.js";

const dir = fileURLToPath(new URL("../schemas/json/", import.meta.url));
mkdirSync(dir, { recursive: true });
for (const file of readdirSync(dir)) rmSync(new URL(file, `file://${dir}`));
for (const { command, schema } of registry.values()) {
  const json = { $schema: "http://json-schema.org/draft-07/schema#", ...schema };
  writeFileSync(`${dir}${command}.json`, `${JSON.stringify(json, null, 2)}\n`);
}
console.log(`wrote ${registry.size} schemas to schemas/json/`);
