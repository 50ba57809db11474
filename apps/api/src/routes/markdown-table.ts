/**
 * A Markdown table padded the way prettier writes it (every column as wide as its widest cell), so the generated
 * documentation needs no formatting after `npm run docs:routes`.
 */
export function markdownTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((cell, column) =>
    Math.max(3, [...cell].length, ...rows.map((row) => [...row[column]].length)),
  );
  const line = (cells: readonly string[]) =>
    `| ${cells.map((cell, column) => cell + ' '.repeat(widths[column] - [...cell].length)).join(' | ')} |`;
  return [line(header), line(widths.map((width) => '-'.repeat(width))), ...rows.map(line)].join('\n');
}
