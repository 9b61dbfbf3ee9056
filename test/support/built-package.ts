/**
 * The package as a consumer installs it, built once per source state and shared by the test files
 * that type-check consumer projects against it: tsup (ESM, CJS and the `.d.ts` / `.d.cts`
 * declarations, tsup.config.ts as is) into
 * node_modules/.cache/built-package/<hash>/node_modules/tencent-webhooks, next to its package.json.
 * <hash> covers every build input, so an unchanged tree reuses the last build; a lock folder keeps
 * two test files from building at once.
 *
 * Consumer projects live in folders beside that node_modules/: `tencent-webhooks` resolves to the
 * build, and the frameworks' packages and types (express, fastify, @nestjs/*, @types/aws-lambda,
 * …) to the repository's node_modules further up, as a consumer's own dependencies would.
 */
import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { cp, mkdir, mkdtemp, readdir, readFile, rename, rm, stat, writeFile } from "node:fs/promises";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";

export const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const CACHE = join(ROOT, "node_modules/.cache/built-package");
const INPUTS = ["src", "adapters", "schemas", "scripts/bundle", "package.json", "tsup.config.ts", "tsconfig.build.json", "tsconfig.json"];
const run = promisify(execFile);

/** SHA-256 over the path and content of every build input. */
async function inputsHash(): Promise<string> {
  const hash = createHash("sha256");
  const add = async (path: string): Promise<void> => {
    const info = await stat(path).catch(() => undefined);
    if (!info) return;
    if (info.isDirectory()) {
      for (const name of (await readdir(path)).sort()) await add(join(path, name));
    } else {
      hash
        .update(relative(ROOT, path))
        .update("\0")
        .update(await readFile(path))
        .update("\0");
    }
  };
  for (const input of INPUTS) await add(join(ROOT, input));
  return hash.digest("hex").slice(0, 16);
}

/** tsup with the project's config into `dist`, declarations included. */
async function build(dist: string): Promise<void> {
  const script = `import { build } from "tsup";\nawait build({ outDir: ${JSON.stringify(dist)}, silent: true });`;
  await run(process.execPath, ["--input-type=module", "-e", script], { cwd: ROOT, maxBuffer: 16 * 1024 * 1024 }).catch((error: { stderr?: string }) => {
    throw new Error(`tsup failed:\n${error.stderr ?? String(error)}`);
  });
  for (const entry of ["index.d.ts", "index.d.cts", "express.d.cts"]) {
    if (!existsSync(join(dist, entry))) throw new Error(`tsup built no ${entry} in ${dist}`);
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The folder whose node_modules/tencent-webhooks is the built package (package.json, dist/,
 * schemas/json/), building it when this source state has no build yet.
 */
export async function builtPackage(): Promise<string> {
  const hash = await inputsHash();
  const home = join(CACHE, hash);
  const ready = () => existsSync(join(home, "node_modules/tencent-webhooks/dist/index.d.ts"));
  if (ready()) return home;
  await mkdir(CACHE, { recursive: true });
  const lock = join(CACHE, `${hash}.lock`);
  for (;;) {
    try {
      await mkdir(lock);
      break;
    } catch {
      // Another test file is building it: wait, unless its lock is older than any build takes.
      if (ready()) return home;
      const age = Date.now() - ((await stat(lock).catch(() => undefined))?.mtimeMs ?? Date.now());
      if (age > 180_000) await rm(lock, { recursive: true, force: true });
      await sleep(250);
    }
  }
  try {
    if (ready()) return home;
    await removeOldBuilds(hash);
    const staging = await mkdtemp(join(CACHE, `${hash}.building-`));
    const pkg = join(staging, "node_modules/tencent-webhooks");
    await mkdir(pkg, { recursive: true });
    await build(join(pkg, "dist"));
    await cp(join(ROOT, "package.json"), join(pkg, "package.json"));
    await cp(join(ROOT, "schemas/json"), join(pkg, "schemas/json"), { recursive: true });
    await rm(home, { recursive: true, force: true });
    await rename(staging, home);
    return home;
  } finally {
    await rm(lock, { recursive: true, force: true });
  }
}

/** Builds of other source states, and builds that died, once they are an hour old. */
async function removeOldBuilds(current: string): Promise<void> {
  for (const name of await readdir(CACHE)) {
    if (name === current || name.endsWith(".lock")) continue;
    const info = await stat(join(CACHE, name)).catch(() => undefined);
    if (info && Date.now() - info.mtimeMs > 3_600_000) await rm(join(CACHE, name), { recursive: true, force: true });
  }
}

export interface Diagnostic {
  file: string;
  line: number;
  column: number;
  code: string;
  message: string;
}

/**
 * Writes a consumer project (its files, a package.json, a tsconfig.json) into a folder beside the
 * built package and returns the folder. `type` is the consumer's package.json `type`.
 */
export async function consumerProject(
  name: string,
  files: Record<string, string>,
  compilerOptions: Record<string, unknown>,
  type: "module" | "commonjs" = "module",
): Promise<string> {
  const dir = join(await builtPackage(), name);
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  await writeFile(join(dir, "package.json"), `${JSON.stringify({ name, private: true, type }, null, 2)}\n`);
  await writeFile(join(dir, "tsconfig.json"), `${JSON.stringify({ compilerOptions, include: Object.keys(files) }, null, 2)}\n`);
  for (const [file, text] of Object.entries(files)) {
    await mkdir(join(dir, file, ".."), { recursive: true });
    await writeFile(join(dir, file), text);
  }
  return dir;
}

/** The TypeScript 5.9 of the repository (a devDependency). */
export const TYPESCRIPT5 = join(ROOT, "node_modules/typescript/bin/tsc");

/**
 * Runs `tsc -p <dir> --noEmit` (the Node script `tsc`: TypeScript 5.9's or 7's) and returns its
 * diagnostics, file paths relative to `dir`. A compiler that prints something it cannot parse
 * yields one diagnostic with the whole output, never an empty list.
 */
export async function typeCheck(tsc: string, dir: string, extraArgs: string[] = []): Promise<Diagnostic[]> {
  const output = await run(process.execPath, [tsc, "-p", dir, "--noEmit", "--pretty", "false", ...extraArgs], {
    cwd: dir,
    encoding: "utf8",
    maxBuffer: 16 * 1024 * 1024,
  }).then(
    ({ stdout }) => stdout,
    (error: { stdout?: string; stderr?: string; message: string }) => `${error.stdout ?? ""}${error.stderr ?? ""}` || error.message,
  );
  const diagnostics: Diagnostic[] = [];
  let unparsed = "";
  for (const line of output.split("\n")) {
    const match = /^(.+?)\((\d+),(\d+)\): error (TS\d+): (.*)$/.exec(line);
    if (match) diagnostics.push({ file: match[1]!, line: Number(match[2]), column: Number(match[3]), code: match[4]!, message: match[5]! });
    else if (line.startsWith(" ") && diagnostics.length > 0) diagnostics.at(-1)!.message += `\n${line}`;
    else if (line.trim()) unparsed += `${line}\n`;
  }
  if (unparsed) diagnostics.push({ file: "", line: 0, column: 0, code: "output", message: unparsed.trim() });
  return diagnostics;
}
