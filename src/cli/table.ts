/** Plain-text tables for terminals: a header row, columns padded to their widest cell. */
export function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => (row[column] ?? "").length)));
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, column) => (column === cells.length - 1 ? cell : cell.padEnd(widths[column]!)))
      .join("  ")
      .trimEnd();
  return `${[line(header), ...rows.map(line)].join("\n")}\n`;
}

/** One line of at most `width` characters: newlines folded, an ellipsis where it was cut. */
export function oneLine(text: string, width: number): string {
  const flat = text.replace(/\s*\n\s*/g, " ");
  return flat.length <= width ? flat : `${flat.slice(0, width - 1)}…`;
}
