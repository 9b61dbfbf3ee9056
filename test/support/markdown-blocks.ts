/**
 * The TypeScript blocks of Markdown files, as files of a consumer project (test/types/docs-blocks.test.ts).
 *
 * Conventions (CONTRIBUTING.md, "TypeScript blocks in the docs"):
 * - every ```ts / ```typescript block is compiled, each as its own module;
 * - a block whose first line is a `// name.ts` comment is written under that name, so another block of
 *   the same Markdown file can import it (`./name.js`);
 * - `<!-- ts-preamble … -->` directly above the fence: TypeScript put before the block, for what a
 *   fragment takes from the text around it (`declare const webhooks: Dispatcher;`);
 * - `<!-- not-compiled: reason -->` directly above the fence: the block is not compiled (rare; say why).
 */

export interface MarkdownBlock {
  /** The Markdown file, relative to the repository. */
  markdown: string;
  /** 1-based line of the opening fence. */
  line: number;
  /** The block's code. */
  code: string;
  /** The hidden preamble's code and the line of its first code line, when there is one. */
  preamble?: { code: string; line: number };
  /** Why the block is not compiled, when it is opted out. */
  notCompiled?: string;
}

interface Fence {
  language: string;
  /** 0-based index of the opening fence's line. */
  index: number;
  /** The lines between the fences, the fence's indentation removed. */
  body: string[];
}

/** Every fenced block of a Markdown text. */
function fences(lines: string[]): Fence[] {
  const found: Fence[] = [];
  for (let index = 0; index < lines.length; index++) {
    const fence = /^(\s*)(`{3,}|~{3,})\s*([\w-]*)/.exec(lines[index]!);
    if (!fence) continue;
    const [, indent, marker, language] = fence as unknown as [string, string, string, string];
    let end = index + 1;
    while (end < lines.length && !lines[end]!.trimStart().startsWith(marker)) end++;
    const body = lines.slice(index + 1, end).map((line) => (line.startsWith(indent) ? line.slice(indent.length) : line));
    found.push({ language, index, body });
    index = end;
  }
  return found;
}

/** The language of every fenced block ("" for none). */
export function fenceLanguages(text: string): string[] {
  return fences(text.split("\n")).map((fence) => fence.language);
}

/** Every ```ts / ```typescript block of a Markdown text, with what the comment above its fence says. */
export function typescriptBlocks(markdown: string, text: string): MarkdownBlock[] {
  const lines = text.split("\n");
  return fences(lines)
    .filter((fence) => fence.language === "ts" || fence.language === "typescript")
    .map((fence) => ({ markdown, line: fence.index + 1, code: fence.body.join("\n"), ...commentAbove(lines, fence.index) }));
}

/** The `<!-- ts-preamble … -->` or `<!-- not-compiled: … -->` comment ending on the line above the fence at `fence`. */
function commentAbove(lines: string[], fence: number): Pick<MarkdownBlock, "preamble" | "notCompiled"> {
  const last = fence - 1;
  if (last < 0 || !lines[last]!.trimEnd().endsWith("-->")) return {};
  let first = last;
  while (first > 0 && !lines[first]!.includes("<!--")) first--;
  const comment = lines.slice(first, last + 1).join("\n");
  const optOut = /^\s*<!--\s*not-compiled:\s*(.*?)\s*-->\s*$/s.exec(comment);
  if (optOut) return { notCompiled: optOut[1]! };
  const preamble = /^\s*<!--\s*ts-preamble\s*\n([\s\S]*?)\n?\s*-->\s*$/.exec(comment);
  if (preamble) return { preamble: { code: preamble[1]!, line: first + 2 } };
  return {};
}

/** A block as a source file: its name, its text, and the Markdown line of each of its lines. */
export interface BlockFile {
  block: MarkdownBlock;
  name: string;
  text: string;
  /** `mdLines[i]` is the Markdown line of the file's line i + 1. */
  mdLines: number[];
}

/** The file a block is compiled as, in a folder per Markdown file (`README/`, `docs/testing/`). */
export function blockFile(block: MarkdownBlock): BlockFile {
  const folder = block.markdown.replace(/\.md$/, "");
  const named = /^\/\/\s*([\w.-]+\.tsx?)\b/.exec(block.code);
  const name = `${folder}/${named ? named[1] : `line-${block.line}.ts`}`;
  const codeLines = block.code.split("\n");
  const preambleLines = block.preamble ? block.preamble.code.split("\n") : [];
  const mdLines = [...preambleLines.map((_, i) => block.preamble!.line + i), ...codeLines.map((_, i) => block.line + 1 + i)];
  // `export {}` makes a block without imports a module too: blocks never share a global scope.
  const text = `${[...preambleLines, ...codeLines].join("\n")}\nexport {};\n`;
  return { block, name, text, mdLines: [...mdLines, block.line + codeLines.length + 1, block.line + codeLines.length + 1] };
}
