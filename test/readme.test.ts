import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { registry } from "../schemas/index.js";
import { README, commandsTable, payloadTypeName, readmeWithTable } from "../scripts/readme-commands.js";

const readme = readFileSync(README, "utf8");
const indexSource = readFileSync(new URL("../src/index.ts", import.meta.url), "utf8");

describe("README", () => {
  it("lists exactly the registry's commands (run `npm run docs:commands` when this fails)", () => {
    expect(readmeWithTable(readme)).toBe(readme);
    for (const command of registry.keys()) expect(commandsTable()).toContain(`| \`${command}\``);
  });

  it("names payload types that the package really exports", () => {
    for (const command of registry.keys()) {
      expect(indexSource, `src/index.ts should export ${payloadTypeName(command)}`).toContain(payloadTypeName(command));
    }
  });

  it("shows the two set-up commands", () => {
    expect(readme).toContain("npm ci && npm run demo");
    expect(readme).toContain("npm test");
  });
});
