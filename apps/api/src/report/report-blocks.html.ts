import { escapeHtml, html, trustedHtml, type SafeHtml } from './html';
import {
  cellOf,
  trendClass,
  type Block,
  type Card,
  type Cell,
  type Inline,
  type Table,
} from './report-blocks';

/** The section model as markup for the page (and the PDF): every text is escaped by the `html` tag. */

/** `data-*` attributes: the names are this code's, the values are escaped. */
const dataAttributes = (data: Record<string, string> | undefined): SafeHtml =>
  trustedHtml(
    Object.entries(data ?? {})
      .map(([name, value]) => ` data-${name}="${escapeHtml(value)}"`)
      .join(''),
  );

const classes = (...names: (string | undefined | false)[]): string => names.filter(Boolean).join(' ');

export const inlineHtml = (text: Inline): SafeHtml => {
  if (typeof text === 'string') return html`${text}`;
  if (Array.isArray(text)) return html`${text.map(inlineHtml)}`;
  const part = text as Exclude<Inline, string | readonly Inline[]>;
  if ('strong' in part) return html`<strong>${inlineHtml(part.strong)}</strong>`;
  if ('href' in part)
    return part.href === undefined
      ? inlineHtml(part.text)
      : html`<a href="${part.href}">${inlineHtml(part.text)}</a>`;
  if ('span' in part) return html`<span class="${part.cls}">${inlineHtml(part.span)}</span>`;
  return html`<br />`;
};

const tableHtml = (table: Table): SafeHtml => {
  const columnClass = (i: number, extra?: string) =>
    classes(table.columns[i]?.num && 'num', table.columns[i]?.cls, extra);
  const cellHtml = (cell: Inline | Cell, i: number) => {
    const { text, cls } = cellOf(cell);
    const name = columnClass(i, cls);
    return name ? html`<td class="${name}">${inlineHtml(text)}</td>` : html`<td>${inlineHtml(text)}</td>`;
  };
  return html`<table${table.cls ? html` class="${table.cls}"` : ''}>
    ${
      table.caption === undefined
        ? ''
        : html`<caption>
            ${table.caption}
          </caption>`
    }
    <thead>
      <tr>
        ${table.columns.map((column, i) =>
          columnClass(i)
            ? html`<th scope="col" class="${columnClass(i)}">${column.label}</th>`
            : html`<th scope="col">${column.label}</th>`,
        )}
      </tr>
    </thead>
    <tbody>
      ${table.rows.map((row) => {
        const offset = row.head === undefined ? 0 : 1;
        return html`<tr${dataAttributes(row.data)}>
          ${row.head === undefined ? '' : html`<th scope="row">${inlineHtml(row.head)}</th>`}
          ${row.cells.map((cell, i) => cellHtml(cell, i + offset))}
        </tr>`;
      })}
    </tbody>
  </table>`;
};

const ARROWS = { up: '▲', down: '▼', flat: '■', none: '' } as const;

const cardHtml = (card: Card): SafeHtml =>
  html`<div class="card" data-figure="${card.figure}">
    <p class="card-label">${card.label}</p>
    <p class="card-value">${card.value}</p>
    <p class="trend ${trendClass(card.trend.good)}" data-trend="${card.trend.direction}">
      ${ARROWS[card.trend.direction] ? html`<span aria-hidden="true">${ARROWS[card.trend.direction]}</span> ` : ''}<span
        class="trend-value"
        >${card.trend.text}</span
      >${card.against === null ? '' : html`<span class="against">${card.against}</span>`}
    </p>
  </div>`;

export const blockHtml = (block: Block): SafeHtml => {
  switch (block.kind) {
    case 'p':
      return block.cls
        ? html`<p class="${block.cls}">${inlineHtml(block.text)}</p>`
        : html`<p>${inlineHtml(block.text)}</p>`;
    case 'heading':
      return block.level === 3
        ? html`<h3>${inlineHtml(block.text)}</h3>`
        : html`<h4>${inlineHtml(block.text)}</h4>`;
    case 'list': {
      const items = block.items.map((item) => html`<li>${inlineHtml(item)}</li>`);
      const cls = block.cls ? html` class="${block.cls}"` : '';
      return block.ordered ? html`<ol${cls}>${items}</ol>` : html`<ul${cls}>${items}</ul>`;
    }
    case 'quote':
      return html`<blockquote class="${block.cls}">
        <p>${inlineHtml(block.text)}</p>
        ${block.by === undefined ? '' : html`<footer>${inlineHtml(block.by)}</footer>`}
      </blockquote>`;
    case 'facts':
      return html`<dl class="facts">
        ${block.entries.map(
          (entry) =>
            html`<dt>${entry.term}</dt>
              <dd>${inlineHtml(entry.value)}</dd>`,
        )}
      </dl>`;
    case 'table':
      return tableHtml(block.table);
    case 'chart':
      return html`<figure>
        <figcaption>${block.caption}</figcaption>
        ${block.svg()}
      </figure>`;
    case 'cards':
      return html`<div class="cards">${block.cards.map(cardHtml)}</div>`;
    case 'group': {
      const attributes = html` class="${block.cls}"${block.id === undefined ? '' : html` id="${block.id}"`}${dataAttributes(block.data)}`;
      const inner = block.blocks.map(blockHtml);
      return block.tag === 'article'
        ? html`<article${attributes}>${inner}</article>`
        : html`<div${attributes}>${inner}</div>`;
    }
  }
};

export const blocksHtml = (blocks: readonly Block[]): SafeHtml => html`${blocks.map(blockHtml)}`;
