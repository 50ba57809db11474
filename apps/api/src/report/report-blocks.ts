import type { SafeHtml } from './html';
import type { TrendLabel } from './report-format';

/**
 * The report's section model: what each section says, as blocks of text that know nothing of HTML or Markdown.
 * The sections are built once from the edition (`report-document.ts`); `report-blocks.html.ts` and
 * `report-blocks.markdown.ts` only write them down, so the page, the PDF and the Markdown tell the same things in
 * the same order. Text in a block is plain text (a title from a member stays text): each writer escapes it.
 */

/** Text within a line: plain, strong, a link, or a span the page styles by class. */
export type Inline = string | readonly Inline[] | Strong | Link | Span | LineBreak;

export interface Strong {
  strong: Inline;
}

/** A link; without `href` (not http(s), see `safeHttpUrl`) only its text is shown. */
export interface Link {
  href: string | undefined;
  text: Inline;
}

/** Styled text (`<span class>`); `aside` text is set apart in Markdown as `(…)`. */
export interface Span {
  span: Inline;
  cls: string;
  aside?: boolean;
}

export interface LineBreak {
  br: true;
}

export interface Cell {
  text: Inline;
  cls?: string;
}

export interface Table {
  cls?: string;
  caption?: string;
  /** With `rowHeads`, the first column holds each row's `head`. */
  columns: readonly { label: string; num?: boolean; cls?: string }[];
  rows: readonly { head?: Inline; cells: readonly (Inline | Cell)[]; data?: Record<string, string> }[];
}

/** A lead figure: its value and its change against the year before (or "so far"). */
export interface Card {
  figure: string;
  label: string;
  value: string;
  trend: TrendLabel;
  /** "t.o.v. 2011: 403", or null without a year before. */
  against: string | null;
}

export type Block =
  | { kind: 'p'; text: Inline; cls?: string }
  | { kind: 'heading'; level: 3 | 4; text: Inline }
  | { kind: 'list'; items: readonly Inline[]; cls?: string; ordered?: boolean }
  | { kind: 'quote'; text: Inline; by?: Inline; cls: 'quote' | 'lesson' }
  | { kind: 'facts'; entries: readonly { term: string; value: Inline }[] }
  | { kind: 'table'; table: Table }
  /** A chart on the page; its table in Markdown. */
  | { kind: 'chart'; caption: string; svg: () => SafeHtml; table: Table }
  /** The lead figures: cards on the page, a table in Markdown (with these column labels). */
  | { kind: 'cards'; columns: readonly [string, string, string]; cards: readonly Card[] }
  /** Blocks that belong together (a story, a box): one element on the page, nothing of its own in Markdown. */
  | {
      kind: 'group';
      tag: 'div' | 'article';
      cls: string;
      id?: string;
      data?: Record<string, string>;
      blocks: readonly Block[];
    };

export const p = (text: Inline, cls?: string): Block => ({ kind: 'p', text, ...(cls && { cls }) });
export const h3 = (text: Inline): Block => ({ kind: 'heading', level: 3, text });
export const h4 = (text: Inline): Block => ({ kind: 'heading', level: 4, text });
export const list = (items: readonly Inline[], cls?: string, ordered = false): Block => ({
  kind: 'list',
  items,
  ...(cls && { cls }),
  ...(ordered && { ordered }),
});
export const group = (
  cls: string,
  blocks: readonly Block[],
  more: { tag?: 'div' | 'article'; id?: string; data?: Record<string, string> } = {},
): Block => ({ kind: 'group', tag: more.tag ?? 'div', cls, blocks, ...more });
/** Secondary text: muted on the page, in parentheses in Markdown. */
export const meta = (text: Inline): Span => ({ span: text, cls: 'cell-meta', aside: true });
export const span = (text: Inline, cls: string, aside = false): Span => ({
  span: text,
  cls,
  ...(aside && { aside }),
});
/** A paragraph set apart: when a part has nothing to show, or a note beside it. */
export const aside = (text: Inline): Block => p(text, 'aside');
export const empty = (text: Inline): Block => p(text, 'empty');

/** A table cell as text and class, whether it was given as plain text or with a class. */
export const cellOf = (cell: Inline | Cell): Cell =>
  typeof cell === 'object' && cell !== null && 'text' in cell && !('href' in cell) ? cell : { text: cell };

/** The class a trend is coloured with on the page: good news, bad news, or neither. */
export const trendClass = (good: boolean | null): 'good' | 'bad' | 'neutral' =>
  good === null ? 'neutral' : good ? 'good' : 'bad';
