import {
  RETROSPECTIVE_HEADLINE_FIGURES,
  type Retrospective,
  type RetrospectiveHeadlineFigure,
} from '@app/contracts/read-models';
import { html, trustedHtml, type SafeHtml } from './html';
import { barChart, columnChart, groupedColumnChart, lineChart } from './report-charts';
import {
  activityData,
  funnelData,
  gatheringGroups,
  gatheringSeries,
  memberGrowthData,
  resultKindData,
  roleData,
  sectorData,
  themeData,
} from './report-data';
import type { ReportEdition } from './report-edition';
import { DEFAULT_REPORT_TEMPLATE, type ReportSection, type ReportTemplate } from './report-template';
import { formatDate, formatNumber, trendLabel } from './report-format';
import {
  briefSentences,
  cohortTable,
  colophon,
  doetankStories,
  gatheringProgrammes,
  highlightSection,
  inProgressNote,
  lookAhead,
} from './report-sections';
import {
  EDITORIAL_TEXT,
  communitySizesPart,
  forewordSection,
  networkResultsPart,
  programmePart,
  reconstructionLine,
} from './report-editorial-sections';
import { REPORT_TEXT, type ReportLanguage, type ReportText } from './report-text';
import { PUBLICATION_TEXT } from './report-text-publication';
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
 * The annual report as one printable HTML page: a cover with its contents, then the sections in order (the year
 * in brief, the highlight of the year, the Doetanks, the gatherings, the community, partners and supporters, the
 * look ahead, all figures) and the colophon. Charts are inline SVG. Pure: the same edition and language give the
 * same bytes. Every text from members (titles, names, lessons) is escaped; links are kept only when http(s).
 */
export const renderRetrospectiveHtml = (
  edition: ReportEdition,
  lang: ReportLanguage = 'nl',
  options: HtmlReportOptions = {},
): string => {
  const { report } = edition;
  const text = REPORT_TEXT[lang];
  const pub = PUBLICATION_TEXT[lang];
  const ctx = { edition, lang };
  const n = (value: number) => formatNumber(value, lang);
  const template = options.template ?? DEFAULT_REPORT_TEMPLATE;
  const all: { key: SectionKey; title: string; body: SafeHtml[]; intro?: string }[] = [
    { key: 'foreword', title: EDITORIAL_TEXT[lang].foreword, body: forewordSection(ctx) },
    {
      key: 'brief',
      title: pub.sections.brief,
      body: [briefSentences(ctx), cards(edition, lang, template.leadFigures)],
    },
    {
      key: 'highlight',
      title: pub.sections.highlight,
      body: [...highlightSection(ctx), ...networkResultsPart(ctx)],
    },
    {
      key: 'doetanks',
      title: pub.sections.doetanks,
      intro: text.intro.doetanks(
        n(report.doetanks.proposed),
        n(report.doetanks.started),
        n(report.doetanks.concluded),
      ),
      body: [
        cohortTable(ctx),
        figure(
          columnChart({
            id: 'chart-funnel',
            title: text.charts.funnel.title,
            description: text.charts.funnel.description(report.year),
            format: n,
            data: funnelData(report, lang),
            height: 200,
          }),
          pub.flowCaption(report.year),
        ),
        ...doetankStories(ctx),
        report.themes.length === 0
          ? html``
          : figure(
              barChart({
                id: 'chart-themes',
                title: text.charts.themes.title(report.year),
                description: text.charts.themes.description,
                format: n,
                data: themeData(report),
              }),
              text.charts.themes.title(report.year),
            ),
        figure(
          barChart({
            id: 'chart-results',
            title: text.charts.results.title,
            description: text.charts.results.description(n(report.results.total)),
            format: n,
            data: resultKindData(report, lang),
          }),
          text.charts.results.title,
        ),
      ],
    },
    {
      key: 'gatherings',
      title: pub.sections.gatherings,
      intro: text.intro.gatherings(
        n(report.gatherings.held),
        n(report.gatherings.attendance),
        n(report.gatherings.firstTimeAttendees),
      ),
      body: [
        gatheringsTable(report, lang, text),
        ...gatheringProgrammes(ctx),
        figure(
          groupedColumnChart({
            id: 'chart-gatherings',
            title: text.charts.gatherings.title,
            description: text.charts.gatherings.description,
            format: n,
            groups: gatheringGroups(report, lang),
            series: gatheringSeries(lang),
          }),
          text.charts.gatherings.title,
        ),
      ],
    },
    {
      key: 'community',
      title: pub.sections.community,
      intro: text.intro.members(n(report.members.joined), n(report.members.totalAtYearEnd), report.year),
      body: [
        ...communitySizesPart(ctx),
        figure(
          lineChart({
            id: 'chart-member-growth',
            title: text.charts.memberGrowth.title,
            description: text.charts.memberGrowth.description(
              report.year,
              n(report.memberGrowthPerMonth[0]?.total ?? 0),
              n(report.memberGrowthPerMonth[report.memberGrowthPerMonth.length - 1]?.total ?? 0),
            ),
            format: n,
            data: memberGrowthData(report, lang),
          }),
          text.charts.memberGrowth.title,
        ),
        figure(
          barChart({
            id: 'chart-sectors',
            title: text.charts.sectors.title(report.year),
            description: text.charts.sectors.description,
            format: n,
            data: sectorData(report, lang),
          }),
          text.charts.sectors.title(report.year),
        ),
        figure(
          barChart({
            id: 'chart-roles',
            title: text.charts.roles.title(report.year),
            description: text.charts.roles.description,
            format: n,
            data: roleData(report, lang),
          }),
          text.charts.roles.title(report.year),
        ),
        html`<p class="aside">
          ${text.partners.discussions(n(report.discussions.started), n(report.discussions.closed))}
        </p>`,
      ],
    },
    {
      key: 'organisation',
      title: pub.sections.organisation,
      body: [...programmePart(ctx), ...partners(report, text)],
    },
    { key: 'ahead', title: pub.sections.ahead(report.year + 1), body: lookAhead(ctx) },
    {
      key: 'figures',
      title: pub.sections.figures,
      body: [
        allFiguresTable(edition, lang, text),
        figure(
          columnChart({
            id: 'chart-activity',
            title: text.charts.activity.title,
            description: text.charts.activity.description(report.year),
            format: n,
            data: activityData(report, lang),
            height: 180,
          }),
          text.charts.activity.title,
        ),
      ],
    },
  ];
  // A section with nothing to say (no foreword recorded) is left out, and so out of the contents.
  const sections = template.sections
    .map((key) => all.find((s) => s.key === key)!)
    .filter((s) => s.key !== 'foreword' || s.body.length > 0);
  const words = template.texts[lang] ?? {};
  const page = html`<!doctype html>
    <html lang="${lang}">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>${text.title(report.year)} · Slimmernetwerk</title>
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
            <p class="kicker">${words.kicker ?? `Slimmernetwerk · ${pub.kind}`}</p>
            <h1>${text.title(report.year)}</h1>
            <p class="lede">${words.lede ?? text.lede(report.year)}</p>
            ${inProgressNote(ctx)}
            <nav class="contents" aria-labelledby="inhoud-title">
              <h2 id="inhoud-title">${pub.contents}</h2>
              <ol>
                ${[
                  ...sections.map((s) => ({ id: SECTION_IDS[s.key], title: s.title })),
                  { id: 'colofon', title: pub.sections.colophon },
                ].map(
                  (entry) =>
                    html`<li>
                      <a href="#${entry.id}">${entry.title}</a
                      ><span class="page-ref" data-page-of="${entry.id}"></span>
                    </li>`,
                )}
              </ol>
            </nav>
          </header>
          ${sections.map((s) => section(s.key, s.title, s.intro ?? null, s.body))}
          ${colophon(
            ctx,
            // The seal of the event log the figures rest on: a reader can check the report against the record.
            [
              ...reconstructionLine(ctx),
              ...(edition.report.seal === undefined
                ? []
                : [html`<span class="seal">${text.seal(edition.report.seal)}</span>`]),
            ],
          )}
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

const SECTION_IDS: Record<ReportSection, string> = {
  foreword: 'voorwoord',
  brief: 'kort',
  highlight: 'hoogtepunt',
  doetanks: 'doetanks',
  gatherings: 'bijeenkomsten',
  community: 'gemeenschap',
  organisation: 'partners',
  ahead: 'vooruitblik',
  figures: 'cijfers',
};
type SectionKey = ReportSection;
/** Sections that start a new printed page; the others follow on the page before. */
const PAGE_STARTS: ReadonlySet<SectionKey> = new Set([
  'doetanks',
  'gatherings',
  'community',
  'organisation',
  'figures',
]);

const section = (key: SectionKey, title: string, intro: string | null, body: SafeHtml[]): SafeHtml =>
  html`<section
    class="section${PAGE_STARTS.has(key) ? ' page-start' : ''}"
    id="${SECTION_IDS[key]}"
    aria-labelledby="${SECTION_IDS[key]}-title"
  >
    <h2 id="${SECTION_IDS[key]}-title">${title}</h2>
    ${intro === null ? '' : html`<p class="section-intro">${intro}</p>`} ${body}
  </section>`;

const figure = (chart: SafeHtml, caption: string): SafeHtml =>
  html`<figure>
    <figcaption>${caption}</figcaption>
    ${chart}
  </figure>`;

const trendClass = (good: boolean | null) => (good === null ? 'neutral' : good ? 'good' : 'bad');
const ARROWS = { up: '▲', down: '▼', flat: '■', none: '' } as const;

const trendMarkup = (
  edition: ReportEdition,
  figureName: RetrospectiveHeadlineFigure,
  lang: ReportLanguage,
): SafeHtml => {
  const { report } = edition;
  const label = trendLabel(figureName, report.trend[figureName], lang, { inProgress: edition.inProgress });
  const text = REPORT_TEXT[lang];
  const previous = report.trend[figureName].previous;
  return html`<p class="trend ${trendClass(label.good)}" data-trend="${label.direction}">
    ${ARROWS[label.direction] ? html`<span aria-hidden="true">${ARROWS[label.direction]}</span> ` : ''}<span
      class="trend-value"
      >${label.text}</span
    >${previous === null ? '' : html`<span class="against">${edition.inProgress ? text.trend.wholeYear(report.year - 1) : text.trend.against(report.year - 1)}: ${formatNumber(previous, lang)}</span>`}
  </p>`;
};

/** The few figures that lead, as cards; a year in progress says "so far" and compares with nothing. */
const cards = (
  edition: ReportEdition,
  lang: ReportLanguage,
  figures: readonly RetrospectiveHeadlineFigure[],
): SafeHtml =>
  html`<div class="cards">
    ${figures.map(
      (name) =>
        html`<div class="card" data-figure="${name}">
          <p class="card-label">${REPORT_TEXT[lang].figures[name]}</p>
          <p class="card-value">${formatNumber(edition.report.trend[name].current, lang)}</p>
          ${trendMarkup(edition, name, lang)}
        </div>`,
    )}
  </div>`;

const allFiguresTable = (edition: ReportEdition, lang: ReportLanguage, text: ReportText): SafeHtml => {
  const { report } = edition;
  const hasPrevious = report.previousYear !== null;
  const rows = RETROSPECTIVE_HEADLINE_FIGURES.map((name) => {
    const trend = report.trend[name];
    const label = trendLabel(name, trend, lang, { inProgress: edition.inProgress });
    return html`<tr data-figure="${name}">
      <th scope="row">${text.figures[name]}</th>
      <td class="num">${formatNumber(trend.current, lang)}</td>
      ${
        hasPrevious
          ? html`<td class="num">${trend.previous === null ? '–' : formatNumber(trend.previous, lang)}</td>
              <td class="num trend-cell ${trendClass(label.good)}">
                <span class="pct">${label.text}</span>
              </td>`
          : ''
      }
    </tr>`;
  });
  return html`<table class="figures">
    <caption>
      ${edition.inProgress ? text.allFigures.captionSoFar : text.allFigures.caption}
    </caption>
    <thead>
      <tr>
        <th scope="col">${text.allFigures.figure}</th>
        <th scope="col" class="num">${report.year}</th>
        ${
          hasPrevious
            ? html`<th scope="col" class="num">${report.year - 1}</th>
                <th scope="col" class="num">${text.allFigures.change}</th>`
            : ''
        }
      </tr>
    </thead>
    <tbody>
      ${rows}
    </tbody>
  </table>`;
};

const gatheringsTable = (report: Retrospective, lang: ReportLanguage, text: ReportText): SafeHtml => {
  const t = text.tables.gatherings;
  if (report.gatherings.list.length === 0) return html`<p class="empty">${text.empty.gatherings}</p>`;
  const rows = report.gatherings.list.map(
    (g) =>
      html`<tr>
        <td class="date">${formatDate(g.date, lang, 'short')}</td>
        <td>
          <span class="cell-title">${g.title}</span
          ><span class="cell-meta"
            >${text.gatheringKinds[g.kind]} · ${g.venue}${g.city ? html`, ${g.city}` : ''}</span
          >
        </td>
        <td class="num">${formatNumber(g.attendance, lang)}</td>
        <td class="num">${formatNumber(g.firstTimers, lang)}</td>
      </tr>`,
  );
  return html`<table class="gatherings">
    <caption>
      ${t.caption}
    </caption>
    <thead>
      <tr>
        <th scope="col" class="date">${t.date}</th>
        <th scope="col">${t.title}</th>
        <th scope="col" class="num">${text.charts.gatherings.attendance}</th>
        <th scope="col" class="num">${text.charts.gatherings.firstTimers}</th>
      </tr>
    </thead>
    <tbody>
      ${rows}
    </tbody>
  </table>`;
};

const partners = (report: Retrospective, text: ReportText): SafeHtml[] => [
  html`<h3>${text.partners.partners}</h3>`,
  report.partners.length === 0
    ? html`<p class="empty">${text.empty.partners}</p>`
    : html`<ul class="partners">
        ${report.partners.map(
          (p) =>
            html`<li>
              <strong>${p.organisation}</strong>${p.description ? html` – ${p.description}` : ''}
            </li>`,
        )}
      </ul>`,
  html`<h3>${text.partners.supporters}</h3>`,
  report.supporters.length === 0
    ? html`<p class="empty">${text.empty.supporters}</p>`
    : html`<ul class="supporters">
        ${report.supporters.map(
          (s) =>
            html`<li>
              ${s.name}${s.affiliation ? html` <span class="affiliation">(${s.affiliation})</span>` : ''}
            </li>`,
        )}
      </ul>`,
];
