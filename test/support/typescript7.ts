/**
 * TypeScript 7 from the registry, installed once into node_modules/.cache/typescript7 (never a
 * devDependency: its `tsc` bin would replace TypeScript 5.9's in node_modules/.bin). The install
 * goes to a fresh folder renamed into place, so two test files asking at once, or an interrupted
 * run, never see half an install.
 */
import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, rename, rm } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";

export const TYPESCRIPT7_VERSION = "7.0.2";
const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const CACHE = join(ROOT, "node_modules/.cache");
const PREFIX = join(CACHE, "typescript7");
const tscIn = (prefix: string) => join(prefix, "node_modules/typescript/bin/tsc");
const run = promisify(execFile);

/** The path of TypeScript 7's `tsc` (a Node script), installed when missing or at another version. */
export async function typescript7(): Promise<string> {
  if (await isVersion(tscIn(PREFIX))) return tscIn(PREFIX);
  await mkdir(CACHE, { recursive: true });
  const staging = await mkdtemp(join(CACHE, "typescript7.installing-"));
  try {
    const spec = `typescript@${TYPESCRIPT7_VERSION}`;
    await run("npm", ["install", "--prefix", staging, "--no-audit", "--no-fund", "--no-save", spec], { cwd: staging });
    if (!(await isVersion(tscIn(staging)))) throw new Error(`npm installed ${spec} into ${staging} but its tsc is not version ${TYPESCRIPT7_VERSION}`);
    await rm(PREFIX, { recursive: true, force: true });
    // Another run may have put it in place first: fine when that one is right.
    await rename(staging, PREFIX).catch(async (error: unknown) => {
      if (!(await isVersion(tscIn(PREFIX)))) throw error;
    });
    return tscIn(PREFIX);
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}

async function isVersion(tsc: string): Promise<boolean> {
  if (!existsSync(tsc)) return false;
  const { stdout } = await run(process.execPath, [tsc, "--version"], { encoding: "utf8" }).catch(() => ({ stdout: "" }));
  return stdout.trim() === `Version ${TYPESCRIPT7_VERSION}`;
}
