import type { Retrospective } from '@app/contracts/read-models';
import { html, trustedHtml, type SafeHtml } from './html';
import { blocksHtml, inlineHtml } from './report-blocks.html';
import { reportDocument, type DocumentSection } from './report-document';
import type { ReportEdition } from './report-edition';
import type { ReportTemplate } from './report-template';
import { REPORT_TEXT, type ReportLanguage, type ReportText } from './report-text';
import { REPORT_STYLES } from './report.styles';

export interface HtmlReportOptions {
  /**
   * Links to the other language, the Markdown and the JSON, relative to `/retrospectives/<year>/report`. Off for a
   * file written by the CLI, where those links lead nowhere.
   */
  navigation?: boolean;
  /** Sections, lead figures and cover words (REPORT_TEMPLATE_FILE); the default shows everything. */
  template?: ReportTemplate;
}

/**
 * The annual report as one printable HTML page: a cover with its contents, then the sections of the report's
 * section model in order (`report-document.ts`) and the colophon. Charts are inline SVG. Pure: the same edition
 * and language give the same bytes. Every text from members (titles, names, lessons) is escaped; links are kept
 * only when http(s).
 */
export const renderRetrospectiveHtml = (
  edition: ReportEdition,
  lang: ReportLanguage = 'nl',
  options: HtmlReportOptions = {},
): string => {
  const { report } = edition;
  const text = REPORT_TEXT[lang];
  const doc = reportDocument(edition, lang, options.template);
  const page = html`<!doctype html>
    <html lang="${lang}">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>${doc.title} · Slimmernetwerk</title>
        <style>
          ${trustedHtml(REPORT_STYLES)}
        </style>
      </head>
      <body>
        <main
          class="report"
          data-year="${report.year}"
          data-lang="${lang}"
          data-in-progress="${String(edition.inProgress)}"
        >
          <header class="cover">
            ${options.navigation === false ? '' : navigation(report, lang, text)}
            <p class="kicker">${doc.kicker}</p>
            <h1>${doc.title}</h1>
            <p class="lede">${doc.lede}</p>
            ${doc.inProgressNote === null ? '' : html`<p class="in-progress" role="note">${doc.inProgressNote}</p>`}
            <nav class="contents" aria-labelledby="inhoud-title">
              <h2 id="inhoud-title">${doc.contentsTitle}</h2>
              <ol>
                ${[...doc.sections, doc.colophon].map(
                  (entry) =>
                    html`<li>
                      <a href="#${entry.id}">${entry.title}</a
                      ><span class="page-ref" data-page-of="${entry.id}"></span>
                    </li>`,
                )}
              </ol>
            </nav>
          </header>
          ${doc.sections.map(section)}
          <footer class="colophon" id="${doc.colophon.id}">
            <h2>${doc.colophon.title}</h2>
            <ul class="colophon-lines">
              ${doc.colophon.lines.map((line) => html`<li data-line="${line.line}">${inlineHtml(line.text)}</li>`)}
            </ul>
          </footer>
        </main>
      </body>
    </html> `;
  return page.markup;
};

const navigation = (report: Retrospective, lang: ReportLanguage, text: ReportText): SafeHtml => {
  const other: ReportLanguage = lang === 'nl' ? 'en' : 'nl';
  return html`<nav class="tools" aria-label="${lang === 'nl' ? 'Andere vormen' : 'Other formats'}">
    <a href="../../" class="home">${text.nav.home}</a
    ><a href="?lang=${other}" hreflang="${other}" lang="${other}">${text.nav.otherLanguage}</a
    ><a href="?format=md&amp;lang=${lang}">${text.nav.markdown}</a
    ><a href="../${report.year}">${text.nav.json}</a>
  </nav>`;
};

const section = (s: DocumentSection): SafeHtml =>
  html`<section
    class="section${s.pageStart ? ' page-start' : ''}"
    id="${s.id}"
    aria-labelledby="${s.id}-title"
  >
    <h2 id="${s.id}-title">${s.title}</h2>
    ${s.intro === null ? '' : html`<p class="section-intro">${s.intro}</p>`} ${blocksHtml(s.blocks)}
  </section>`;
