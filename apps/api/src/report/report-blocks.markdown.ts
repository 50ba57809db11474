import { cellOf, type Block, type Inline, type Table } from './report-blocks';

/** The section model as Markdown: tables where the page has charts and cards, every text escaped. */

/**
 * Text from members in Markdown: characters that would start inline markup (emphasis, code, links, table cells)
 * are escaped, as is a list or heading marker at the start; `<`, `>` and `&` become entities so no renderer turns
 * a title into raw HTML. Line breaks would break a table row or a list item: they become spaces. Link brackets are
 * escaped, so parentheses need not be.
 */
export const escapeMarkdown = (text: string): string =>
  text
    .replace(/\r?\n|\r/g, ' ')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/([\\`*_[\]|~])/g, '\\$1')
    // At the start of a line a hyphen, plus or hash before a space (or repeated: a rule) would begin a list, a
    // heading or a rule, and so would "1." before a space; "+12" or "1.767" would not.
    .replace(/^([-+#])(?=\s|$|\1)/, '\\$1')
    .replace(/^(\d+)\.(?=\s|$)/, '$1\\.');

/** A link target inside `(...)`: http(s) only, with the characters that would end it encoded. */
const markdownUrl = (href: string): string =>
  href.replace(/[()\s<>]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);

export const inlineMarkdown = (text: Inline): string => {
  if (typeof text === 'string') return escapeMarkdown(text);
  if (Array.isArray(text)) return text.map(inlineMarkdown).join('');
  const part = text as Exclude<Inline, string | readonly Inline[]>;
  if ('strong' in part) return `**${inlineMarkdown(part.strong)}**`;
  if ('href' in part)
    return part.href === undefined
      ? inlineMarkdown(part.text)
      : `[${inlineMarkdown(part.text)}](${markdownUrl(part.href)})`;
  if ('span' in part) return part.aside ? `(${inlineMarkdown(part.span)})` : inlineMarkdown(part.span);
  // A line break within a paragraph (a signature's name and role) reads as a comma on one line.
  return ', ';
};

export const markdownTable = (
  header: readonly string[],
  rows: readonly (readonly string[])[],
  alignRight: readonly number[] = [],
): string =>
  [
    `| ${header.join(' | ')} |`,
    `| ${header.map((_, i) => (alignRight.includes(i) ? '---:' : '---')).join(' | ')} |`,
    ...rows.map((row) => `| ${row.join(' | ')} |`),
  ].join('\n');

const tableMarkdown = (table: Table): string[] => [
  ...(table.caption === undefined ? [] : [`**${escapeMarkdown(table.caption)}**`, '']),
  markdownTable(
    table.columns.map((column) => escapeMarkdown(column.label) || ' '),
    table.rows.map((row) => [
      ...(row.head === undefined ? [] : [inlineMarkdown(row.head)]),
      ...row.cells.map((cell) => inlineMarkdown(cellOf(cell).text)),
    ]),
    table.columns.flatMap((column, i) => (column.num ? [i] : [])),
  ),
  '',
];

export const blockMarkdown = (block: Block): string[] => {
  switch (block.kind) {
    case 'p':
      return [inlineMarkdown(block.text), ''];
    case 'heading':
      return [`${'#'.repeat(block.level)} ${inlineMarkdown(block.text)}`, ''];
    case 'list':
      return [
        ...block.items.map((item, i) => `${block.ordered ? `${i + 1}.` : '-'} ${inlineMarkdown(item)}`),
        '',
      ];
    case 'quote':
      return [
        `> ${inlineMarkdown(block.text)}`,
        ...(block.by === undefined ? [] : ['>', `> — ${inlineMarkdown(block.by)}`]),
        '',
      ];
    case 'facts':
      return [
        ...block.entries.map(
          (entry) => `- **${escapeMarkdown(entry.term)}:** ${inlineMarkdown(entry.value)}`,
        ),
        '',
      ];
    case 'table':
      return tableMarkdown(block.table);
    case 'chart':
      return tableMarkdown({ ...block.table, caption: block.caption });
    case 'cards':
      return [
        markdownTable(
          block.columns.map(escapeMarkdown),
          block.cards.map((card) => [
            escapeMarkdown(card.label),
            escapeMarkdown(card.value),
            escapeMarkdown(card.against === null ? card.trend.text : `${card.trend.text} (${card.against})`),
          ]),
          [1, 2],
        ),
        '',
      ];
    case 'group':
      return blocksMarkdown(block.blocks);
  }
};

export const blocksMarkdown = (blocks: readonly Block[]): string[] => blocks.flatMap(blockMarkdown);
