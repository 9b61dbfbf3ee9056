/**
 * "A newer version of the package": a copy of the repository (schemas/, scripts/, src/, …;
 * node_modules linked) with command files edited and `npm run generate` run there, imported with
 * tsx. Its dispatchers validate with the regenerated validators while the repository's own stay
 * as they are: what a worker running an upgraded package sees when it replays a dead letter.
 */
import { execFile } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { promisify } from "node:util";
import { tsImport } from "tsx/esm/api";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const TSX = join(ROOT, "node_modules/tsx/dist/cli.mjs");

export interface SchemaEdit {
  /** A command file, relative to the repository. */
  file: string;
  from: string;
  to: string;
}

export interface Upgraded {
  package: typeof import("../../src/index.js");
  remove(): void;
}

export async function upgradedPackage(edits: readonly SchemaEdit[]): Promise<Upgraded> {
  const copy = mkdtempSync(join(tmpdir(), "tencent-webhooks-upgraded-"));
  try {
    for (const path of ["schemas", "scripts", "src", "docs", ".changeset", "README.md", "CHANGELOG.md", "package.json", "tsconfig.json"]) {
      cpSync(join(ROOT, path), join(copy, path), { recursive: true });
    }
    symlinkSync(join(ROOT, "node_modules"), join(copy, "node_modules"), "dir");
    for (const { file, from, to } of edits) {
      const text = readFileSync(join(copy, file), "utf8");
      if (!text.includes(from)) throw new Error(`upgradedPackage: ${file} no longer contains ${JSON.stringify(from)}`);
      writeFileSync(join(copy, file), text.replace(from, to));
    }
    await promisify(execFile)(process.execPath, [TSX, "scripts/generate.ts"], { cwd: copy, env: { ...process.env, NODE_OPTIONS: "" }, timeout: 170_000 });
    const loaded = (await tsImport(pathToFileURL(join(copy, "src/index.ts")).href, import.meta.url)) as Upgraded["package"];
    return { package: loaded, remove: () => rmSync(copy, { recursive: true, force: true }) };
  } catch (error) {
    rmSync(copy, { recursive: true, force: true });
    throw error;
  }
}
