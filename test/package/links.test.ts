/**
 * The Markdown that ships in the npm tarball is self-contained: every relative link in it (README,
 * CHANGELOG, SECURITY, docs/) resolves to a file the tarball contains. The file list is npm's own:
 * `npm pack --dry-run --json` (what `npm publish` would pack; `--ignore-scripts` skips the build,
 * which adds only dist/, where no link points). Links to what is not shipped (examples/, bench/,
 * CONTRIBUTING.md) are repository URLs (package.json `repository`).
 */
import { execFile } from "node:child_process";
import { readFileSync } from "node:fs";
import { dirname, join, normalize } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { beforeAll, describe, expect, it } from "vitest";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
let shipped: Set<string>;

beforeAll(async () => {
  const { stdout } = await promisify(execFile)("npm", ["pack", "--dry-run", "--json", "--ignore-scripts"], { cwd: ROOT, encoding: "utf8" });
  const [pack] = JSON.parse(stdout) as { files: { path: string }[] }[];
  shipped = new Set(pack!.files.map((file) => file.path));
}, 120_000);

/** Every `[text](target)` and `<a href>` link of a Markdown text, code spans and fenced blocks left out. */
function links(markdown: string): string[] {
  const prose = markdown.replace(/```[\s\S]*?```/g, "").replace(/`[^`\n]*`/g, "");
  return [...prose.matchAll(/\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g), ...prose.matchAll(/href="([^"]+)"/g)].map((match) => match[1]!);
}

describe("the tarball's Markdown", () => {
  it("ships README, CHANGELOG and docs/", () => {
    for (const file of ["README.md", "CHANGELOG.md", "docs/frameworks.md", "docs/serverless.md"]) expect(shipped.has(file), file).toBe(true);
    expect([...shipped].some((file) => file.startsWith("examples/"))).toBe(false);
  });

  it("has no relative link to a file the tarball lacks", () => {
    const dead: string[] = [];
    const markdown = [...shipped].filter((file) => file.endsWith(".md"));
    expect(markdown.length).toBeGreaterThan(4);
    for (const file of markdown) {
      for (const target of links(readFileSync(join(ROOT, file), "utf8"))) {
        if (/^[a-z]+:/i.test(target) || target.startsWith("#")) continue;
        const path = normalize(join(dirname(file), decodeURIComponent(target.split("#")[0]!))).replace(/\/$/, "");
        if (!shipped.has(path) && ![...shipped].some((shippedFile) => shippedFile.startsWith(`${path}/`))) dead.push(`${file}: ${target}`);
      }
    }
    expect(dead).toEqual([]);
  });

  it("the link check can fail: a link to examples/ would be dead", () => {
    expect(links("see [the example](examples/nestjs) and `[not](a-link)`")).toEqual(["examples/nestjs"]);
    expect(shipped.has("examples/nestjs")).toBe(false);
  });
});
