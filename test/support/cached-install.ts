/**
 * Packages a test needs at versions the devDependencies cannot hold (TypeScript 7, whose `tsc` bin
 * would replace 5.9's in node_modules/.bin; Nest 11 next to the Nest 12 devDependencies), installed
 * from the registry once into node_modules/.cache/<folder> and reused while the versions match.
 * The install goes to a fresh folder renamed into place, so two test files asking at once, or an
 * interrupted run, never see half an install.
 */
import { execFile } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { mkdir, mkdtemp, rename, rm } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";

const CACHE = fileURLToPath(new URL("../../node_modules/.cache/", import.meta.url));
const run = promisify(execFile);

function installed(prefix: string, packages: Record<string, string>): boolean {
  return Object.entries(packages).every(([name, version]) => {
    const manifest = join(prefix, "node_modules", name, "package.json");
    return existsSync(manifest) && (JSON.parse(readFileSync(manifest, "utf8")) as { version: string }).version === version;
  });
}

/** The install prefix (its node_modules/ holds `packages`, name → exact version, and their dependencies). */
export async function cachedInstall(folder: string, packages: Record<string, string>): Promise<string> {
  const prefix = join(CACHE, folder);
  if (installed(prefix, packages)) return prefix;
  await mkdir(CACHE, { recursive: true });
  const staging = await mkdtemp(join(CACHE, `${folder}.installing-`));
  try {
    const specs = Object.entries(packages).map(([name, version]) => `${name}@${version}`);
    await run("npm", ["install", "--prefix", staging, "--no-audit", "--no-fund", "--no-save", ...specs], { cwd: staging, maxBuffer: 16 * 1024 * 1024 });
    if (!installed(staging, packages)) throw new Error(`npm installed ${specs.join(" ")} into ${staging}, but not at those versions`);
    await rm(prefix, { recursive: true, force: true });
    // Another run may have put it in place first: fine when that one is right.
    await rename(staging, prefix).catch((error: unknown) => {
      if (!installed(prefix, packages)) throw error;
    });
    return prefix;
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}
