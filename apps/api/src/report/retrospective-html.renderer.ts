import {
  RETROSPECTIVE_HEADLINE_FIGURES,
  type Retrospective,
  type RetrospectiveHeadlineFigure,
} from '@app/contracts/read-models';
import { html, safeHttpUrl, trustedHtml, type SafeHtml } from './html';
import { barChart, columnChart, groupedColumnChart, lineChart, type ChartOptions } from './report-charts';
import {
  activityData,
  funnelData,
  gatheringGroups,
  gatheringSeries,
  KEY_FIGURES,
  LESSONS_SHOWN,
  memberGrowthData,
  resultKindData,
  roleData,
  sectorData,
  themeData,
} from './report-data';
import { formatChange, formatDate, formatNumber, trendLabel } from './report-format';
import { REPORT_TEXT, type ReportLanguage, type ReportText } from './report-text';
import { REPORT_STYLES } from './report.styles';

export interface HtmlReportOptions {
  /**
   * Links to the other language, the Markdown and the JSON, relative to `/retrospectives/<year>/report`. Off for a
   * file written by the CLI, where those links lead nowhere.
   */
  navigation?: boolean;
}

/**
 * The annual retrospective as one printable HTML page (A4, a page per section), with its charts drawn as inline
 * SVG. Pure: the same report and language give the same bytes. Every text from members (titles, names, lessons)
 * is escaped; links are kept only when they are http(s).
 */
export const renderRetrospectiveHtml = (
  report: Retrospective,
  lang: ReportLanguage = 'nl',
  options: HtmlReportOptions = {},
): string => {
  const text = REPORT_TEXT[lang];
  const n = (value: number) => formatNumber(value, lang);
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
        <main class="report" data-year="${report.year}" data-lang="${lang}">
          <header class="cover">
            ${options.navigation === false ? '' : navigation(report, lang, text)}
            <p class="kicker">Slimmernetwerk</p>
            <h1>${text.title(report.year)}</h1>
            <p class="lede">${text.lede(report.year)}</p>
          </header>
          ${headlinesSection(report, lang, text)}
          ${section(
            'members',
            text.sections.members,
            text.intro.members(n(report.members.joined), n(report.members.totalAtYearEnd), report.year),
            [
              figure(lineChart, {
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
              figure(barChart, {
                id: 'chart-sectors',
                title: text.charts.sectors.title(report.year),
                description: text.charts.sectors.description,
                format: n,
                data: sectorData(report, lang),
              }),
              figure(barChart, {
                id: 'chart-roles',
                title: text.charts.roles.title(report.year),
                description: text.charts.roles.description,
                format: n,
                data: roleData(report, lang),
              }),
            ],
          )}
          ${section(
            'doetanks',
            text.sections.doetanks,
            text.intro.doetanks(
              n(report.doetanks.proposed),
              n(report.doetanks.started),
              n(report.doetanks.concluded),
            ),
            [
              figure(columnChart, {
                id: 'chart-funnel',
                title: text.charts.funnel.title,
                description: text.charts.funnel.description(report.year),
                format: n,
                data: funnelData(report, lang),
                height: 220,
              }),
              report.themes.length === 0
                ? html`<h3>${text.charts.themes.title(report.year)}</h3>
                    <p class="empty">${text.empty.themes}</p>`
                : figure(barChart, {
                    id: 'chart-themes',
                    title: text.charts.themes.title(report.year),
                    description: text.charts.themes.description,
                    format: n,
                    data: themeData(report),
                  }),
              figure(barChart, {
                id: 'chart-results',
                title: text.charts.results.title,
                description: text.charts.results.description(n(report.results.total)),
                format: n,
                data: resultKindData(report, lang),
              }),
            ],
          )}
          ${section(
            'gatherings',
            text.sections.gatherings,
            text.intro.gatherings(
              n(report.gatherings.held),
              n(report.gatherings.attendance),
              n(report.gatherings.firstTimeAttendees),
            ),
            [
              figure(groupedColumnChart, {
                id: 'chart-gatherings',
                title: text.charts.gatherings.title,
                description: text.charts.gatherings.description,
                format: n,
                groups: gatheringGroups(report, lang),
                series: gatheringSeries(lang),
              }),
              gatheringsTable(report, lang, text),
            ],
          )}
          ${section(
            'activity',
            text.sections.activity,
            text.intro.activity(n(report.trend.events.current), n(report.discussions.started)),
            [
              figure(columnChart, {
                id: 'chart-activity',
                title: text.charts.activity.title,
                description: text.charts.activity.description(report.year),
                format: n,
                data: activityData(report, lang),
                height: 220,
              }),
              html`<p class="aside">
                ${text.partners.discussions(n(report.discussions.started), n(report.discussions.closed))}
              </p>`,
            ],
          )}
          ${section('highlights', text.sections.highlights, null, highlights(report, lang, text))}
          ${section('partners', text.sections.partners, null, partners(report, text))}
          <footer class="colophon">
            ${text.footer(report.year, report.previousYear !== null)}
            ${report.seal === undefined ? '' : html`<p class="seal">${text.seal(report.seal)}</p>`}
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

const SECTION_IDS = {
  members: 'leden',
  doetanks: 'doetanks',
  gatherings: 'bijeenkomsten',
  activity: 'activiteit',
  highlights: 'hoogtepunten',
  partners: 'partners',
} as const;

const section = (
  key: keyof typeof SECTION_IDS,
  title: string,
  intro: string | null,
  body: SafeHtml[],
): SafeHtml =>
  html`<section class="section" id="${SECTION_IDS[key]}" aria-labelledby="${SECTION_IDS[key]}-title">
    <h2 id="${SECTION_IDS[key]}-title">${title}</h2>
    ${intro === null ? '' : html`<p class="section-intro">${intro}</p>`} ${body}
  </section>`;

/** A chart in a figure captioned with the chart's own title. */
const figure = <Options extends ChartOptions>(
  chart: (options: Options) => SafeHtml,
  options: Options,
): SafeHtml =>
  html`<figure>
    <figcaption>${options.title}</figcaption>
    ${chart(options)}
  </figure>`;

const trendClass = (good: boolean | null) => (good === null ? 'neutral' : good ? 'good' : 'bad');
const ARROWS = { up: '▲', down: '▼', flat: '■', none: '' } as const;

const trendMarkup = (
  report: Retrospective,
  figureName: RetrospectiveHeadlineFigure,
  lang: ReportLanguage,
): SafeHtml => {
  const label = trendLabel(figureName, report.trend[figureName], lang);
  const text = REPORT_TEXT[lang];
  const previous = report.trend[figureName].previous;
  return html`<p class="trend ${trendClass(label.good)}" data-trend="${label.direction}">
    ${ARROWS[label.direction] ? html`<span aria-hidden="true">${ARROWS[label.direction]}</span> ` : ''}<span
      class="trend-value"
      >${label.text}</span
    >${previous === null ? '' : html`<span class="against">${text.trend.against(report.year - 1)}: ${formatNumber(previous, lang)}</span>`}
  </p>`;
};

const headlinesSection = (report: Retrospective, lang: ReportLanguage, text: ReportText): SafeHtml => {
  const cards = KEY_FIGURES.map(
    (name) =>
      html`<div class="card" data-figure="${name}">
        <p class="card-label">${text.figures[name]}</p>
        <p class="card-value">${formatNumber(report.trend[name].current, lang)}</p>
        ${trendMarkup(report, name, lang)}
      </div>`,
  );
  const hasPrevious = report.previousYear !== null;
  const rows = RETROSPECTIVE_HEADLINE_FIGURES.map((name) => {
    const trend = report.trend[name];
    const label = trendLabel(name, trend, lang);
    return html`<tr data-figure="${name}">
      <th scope="row">${text.figures[name]}</th>
      <td class="num">${formatNumber(trend.current, lang)}</td>
      ${
        hasPrevious
          ? html`<td class="num">${trend.previous === null ? '–' : formatNumber(trend.previous, lang)}</td>
              <td class="num trend-cell ${trendClass(label.good)}">
                ${trend.change === null ? '' : formatChange(trend.change, lang)}
                <span class="pct">${label.text}</span>
              </td>`
          : ''
      }
    </tr>`;
  });
  return html`<section class="section first" id="kerncijfers" aria-labelledby="kerncijfers-title">
    <h2 id="kerncijfers-title">${text.sections.headlines}</h2>
    <div class="cards">${cards}</div>
    <table class="figures">
      <caption>
        ${text.allFigures.caption}
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
    </table>
  </section>`;
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

const highlights = (report: Retrospective, lang: ReportLanguage, text: ReportText): SafeHtml[] => {
  const best = report.highlights.bestAttendedGathering;
  const parts: SafeHtml[] = [];
  if (best) {
    parts.push(
      html`<div class="highlight-box best-attended">
        <p class="highlight-label">${text.highlights.bestAttended}</p>
        <p class="highlight-title">${best.title}</p>
        <p class="highlight-meta">
          ${text.gatheringKinds[best.kind]} · ${formatDate(best.date, lang)} ·
          ${best.venue}${best.city ? html`, ${best.city}` : ''}
        </p>
        <p class="highlight-figure">
          ${text.highlights.bestAttendedText(formatNumber(best.attendance, lang))}
        </p>
      </div>`,
    );
  }

  const results = report.highlights.results;
  const t = text.tables.results;
  parts.push(html`<h3>${text.highlights.results}</h3>`);
  if (results.length === 0) {
    parts.push(html`<p class="empty">${text.empty.results}</p>`);
  } else {
    const rows = results.map((result) => {
      const href = safeHttpUrl(result.link);
      return html`<tr>
        <td>
          <span class="cell-title">${href ? html`<a href="${href}">${result.title}</a>` : result.title}</span
          ><span class="cell-meta">${text.resultKinds[result.kind]}</span>
        </td>
        <td>${result.doetankTitle ?? text.highlights.unknownDoetank}</td>
        <td class="date">${formatDate(result.sharedAt, lang, 'short')}</td>
      </tr>`;
    });
    parts.push(
      html`<table class="results">
        <caption class="visually-hidden">
          ${t.caption}
        </caption>
        <thead>
          <tr>
            <th scope="col">${t.title}</th>
            <th scope="col">${t.doetank}</th>
            <th scope="col" class="date">${t.sharedOn}</th>
          </tr>
        </thead>
        <tbody>
          ${rows}
        </tbody>
      </table>`,
    );
    if (report.results.total > results.length)
      parts.push(
        html`<p class="aside">
          ${text.highlights.shownOf(formatNumber(results.length, lang), formatNumber(report.results.total, lang))}
        </p>`,
      );
  }

  const lessons = report.highlights.lessons.slice(0, LESSONS_SHOWN);
  parts.push(html`<h3>${text.highlights.lessons}</h3>`);
  if (lessons.length === 0) {
    parts.push(html`<p class="empty">${text.empty.lessons}</p>`);
  } else {
    parts.push(
      html`<div class="lessons">
        ${lessons.map(
          (lesson) =>
            html`<blockquote class="lesson">
              <p>${lesson.excerpt}</p>
              <footer>
                ${text.highlights.fromDoetank}
                <cite>${lesson.doetankTitle ?? text.highlights.unknownDoetank}</cite> ·
                ${formatDate(lesson.recordedAt, lang)}
              </footer>
            </blockquote>`,
        )}
      </div>`,
    );
    if (report.lessons > lessons.length)
      parts.push(
        html`<p class="aside">
          ${text.highlights.shownOf(formatNumber(lessons.length, lang), formatNumber(report.lessons, lang))}
        </p>`,
      );
  }
  return parts;
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
