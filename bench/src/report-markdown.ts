import type { LatencySummary } from './measure';
import { ms } from './format';

// The Markdown of docs/benchmarks.md: tables, paragraphs and sections.

export const mdTable = (header: string[], body: string[][]): string =>
  [
    `| ${header.join(' | ')} |`,
    `| ${header.map(() => '---').join(' | ')} |`,
    ...body.map((cells) => `| ${cells.map((c) => c.replace(/\|/g, '\\|')).join(' | ')} |`),
  ].join('\n');

export const latencyCells = (l: LatencySummary) => [ms(l.p50), ms(l.p95), ms(l.p99), ms(l.max)];

/** A paragraph of prose, wrapped at 110 columns like the rest of the docs. */
export function para(...parts: string[]): string {
  const lines: string[] = [];
  let line = '';
  for (const word of parts.join(' ').split(/\s+/)) {
    if (line && line.length + 1 + word.length > 110) {
      lines.push(line);
      line = word;
    } else {
      line = line ? `${line} ${word}` : word;
    }
  }
  if (line) lines.push(line);
  return lines.join('\n');
}

/** A section: its heading, then each block (a paragraph, a table, a line) after an empty line. */
export const section = (title: string, ...blocks: string[]): string[] => [
  '',
  `## ${title}`,
  ...blocks.flatMap((block) => ['', block]),
];
