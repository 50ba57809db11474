/**
 * Markup that is already safe to insert: produced by {@link html} or {@link trustedHtml}. Everything else that
 * goes into a template is text and gets escaped, so a title like `<script>` can never become markup.
 */
export class SafeHtml {
  constructor(readonly markup: string) {}

  toString(): string {
    return this.markup;
  }
}

export type HtmlValue = SafeHtml | string | number | null | undefined | false | readonly HtmlValue[];

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Text for HTML and SVG (XML): element content and quoted attribute values alike. */
export const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => ESCAPES[c]);

const render = (value: HtmlValue): string => {
  if (value instanceof SafeHtml) return value.markup;
  if (value === null || value === undefined || value === false) return '';
  if (Array.isArray(value)) return value.map(render).join('');
  return escapeHtml(String(value));
};

/**
 * A tagged template that escapes every interpolated value unless it is {@link SafeHtml}; arrays are joined and
 * `null`, `undefined` and `false` print nothing. The same auto-escaping a template engine gives, type-checked.
 */
export const html = (strings: TemplateStringsArray, ...values: HtmlValue[]): SafeHtml =>
  new SafeHtml(
    strings.reduce((out, text, i) => out + text + (i < values.length ? render(values[i]) : ''), ''),
  );

/** Markup written by this code (never user text), inserted as is. */
export const trustedHtml = (markup: string): SafeHtml => new SafeHtml(markup);

/**
 * A link target a reader may follow: http(s) only. Links come from members (a result's link), so `javascript:`
 * and other schemes are shown as text, never as a link.
 */
export const safeHttpUrl = (link: string | undefined): string | undefined => {
  if (!link) return undefined;
  try {
    const url = new URL(link);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
  } catch {
    return undefined;
  }
};
