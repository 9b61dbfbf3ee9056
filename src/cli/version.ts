/** `--version`: the version in the package's own package.json, found from this module's location. */
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { CliError } from "./io.js";

const PACKAGE = "tencent-webhooks";

/** src/cli/ in a checkout, dist/ when built: package.json is a level or two up. */
export function packageVersion(from: string = moduleDirectory()): string {
  let dir = from;
  for (let level = 0; level < 4; level++) {
    const version = versionIn(join(dir, "package.json"));
    if (version !== undefined) return version;
    const parent = dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  throw new CliError(`cannot find ${PACKAGE}'s package.json above ${from} to read the version`);
}

function versionIn(path: string): string | undefined {
  try {
    const manifest = JSON.parse(readFileSync(path, "utf8")) as { name?: unknown; version?: unknown };
    return manifest.name === PACKAGE && typeof manifest.version === "string" ? manifest.version : undefined;
  } catch {
    return undefined;
  }
}

function moduleDirectory(): string {
  // The CommonJS build has __filename (and no import.meta); ESM, the source and dist/cli.js, import.meta.url.
  return typeof __filename === "string" ? dirname(__filename) : dirname(fileURLToPath(import.meta.url));
}
