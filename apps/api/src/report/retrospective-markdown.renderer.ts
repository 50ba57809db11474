import { blocksMarkdown, escapeMarkdown, inlineMarkdown } from './report-blocks.markdown';
import { reportDocument } from './report-document';
import type { ReportEdition } from './report-edition';
import type { ReportTemplate } from './report-template';
import type { ReportLanguage } from './report-text';

export { escapeMarkdown };

/**
 * The annual report as Markdown: the same section model as the HTML page (`report-document.ts`), so the same
 * sections in the same order, with tables where the page has charts and cards. Pure; every text from members is
 * escaped.
 */
export const renderRetrospectiveMarkdown = (
  edition: ReportEdition,
  lang: ReportLanguage = 'nl',
  options: { template?: ReportTemplate } = {},
): string => {
  const doc = reportDocument(edition, lang, options.template);
  const out: string[] = [
    `# Slimmernetwerk · ${escapeMarkdown(doc.title)}`,
    '',
    `_${escapeMarkdown(doc.kicker)}_`,
    '',
    escapeMarkdown(doc.lede),
    '',
  ];
  if (doc.inProgressNote !== null) out.push(`**${escapeMarkdown(doc.inProgressNote)}**`, '');
  out.push(
    `**${escapeMarkdown(doc.contentsTitle)}**`,
    '',
    ...[...doc.sections, doc.colophon].map((s, i) => `${i + 1}. ${escapeMarkdown(s.title)}`),
    '',
  );
  for (const section of doc.sections) {
    out.push(`## ${escapeMarkdown(section.title)}`, '');
    if (section.intro !== null) out.push(escapeMarkdown(section.intro), '');
    out.push(...blocksMarkdown(section.blocks));
  }
  out.push('---', '', `## ${escapeMarkdown(doc.colophon.title)}`, '');
  out.push(...doc.colophon.lines.map((line) => `- ${inlineMarkdown(line.text)}`), '');
  return out.join('\n');
};
