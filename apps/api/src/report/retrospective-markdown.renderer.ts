import { RETROSPECTIVE_HEADLINE_FIGURES, type Retrospective } from '@app/contracts/read-models';
import { GATHERING_KINDS } from '@app/contracts/vocabulary';
import { safeHttpUrl } from './html';
import type { ChartDatum } from './report-charts';
import {
  activityData,
  funnelData,
  gatheringGroups,
  gatheringSeries,
  LESSONS_SHOWN,
  type MemberMixDatum,
  resultKindData,
  roleData,
  sectorData,
  themeData,
} from './report-data';
import { formatChange, formatDate, formatNumber, monthLabel, trendLabel } from './report-format';
import { monthYear } from './report-sections';
import { REPORT_TEXT, type ReportLanguage } from './report-text';
import { PUBLICATION_TEXT } from './report-text-publication';

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
    // At the start of a line a hyphen, plus, hash or "1." would begin a list or a heading.
    .replace(/^([-+#])/, '\\$1')
    .replace(/^(\d+)\./, '$1\\.');

/** A link target inside `(...)`: http(s) only, with the characters that would end it encoded. */
const markdownUrl = (href: string): string =>
  href.replace(/[()\s<>]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);

const table = (
  header: readonly string[],
  rows: readonly (readonly string[])[],
  alignRight: number[] = [],
) => {
  const align = header.map((_, i) => (alignRight.includes(i) ? '---:' : '---'));
  return [
    `| ${header.join(' | ')} |`,
    `| ${align.join(' | ')} |`,
    ...rows.map((row) => `| ${row.join(' | ')} |`),
  ].join('\n');
};

/**
 * The annual retrospective as Markdown: the same sections and figures as the HTML page, with tables where the page
 * has charts. Pure; every text from members is escaped.
 */
export const renderRetrospectiveMarkdown = (
  report: Retrospective,
  lang: ReportLanguage = 'nl',
  options: { inProgress?: boolean; recordedUntil?: string | null } = {},
): string => {
  const { inProgress = false } = options;
  const text = REPORT_TEXT[lang];
  const n = (value: number) => formatNumber(value, lang);
  const chartTable = (label: string, data: readonly ChartDatum[]) =>
    table(
      [label, '#'],
      data.map((d) => [escapeMarkdown(d.label), n(d.value)]),
      [1],
    );
  const mixTable = (data: readonly MemberMixDatum[]) =>
    table(
      [text.tables.members.group, text.tables.members.total, text.tables.members.joined],
      data.map((d) => [d.label, n(d.value), n(d.joined)]),
      [1, 2],
    );
  const out: string[] = [];
  const hasPrevious = report.previousYear !== null;

  out.push(`# Slimmernetwerk · ${text.title(report.year)}`, '', `_${text.lede(report.year)}_`, '');
  if (inProgress) {
    const until = options.recordedUntil ? monthYear(options.recordedUntil, lang) : null;
    out.push(`**${PUBLICATION_TEXT[lang].inProgress(report.year, until)}**`, '');
  }

  out.push(`## ${text.sections.headlines}`, '');
  out.push(
    table(
      [
        text.allFigures.figure,
        String(report.year),
        ...(hasPrevious ? [String(report.year - 1), text.allFigures.change] : []),
      ],
      RETROSPECTIVE_HEADLINE_FIGURES.map((figure) => {
        const trend = report.trend[figure];
        return [
          text.figures[figure],
          n(trend.current),
          ...(hasPrevious
            ? [
                trend.previous === null ? '–' : n(trend.previous),
                inProgress
                  ? trendLabel(figure, trend, lang, { inProgress }).text
                  : `${trend.change === null ? '' : formatChange(trend.change, lang)} (${trendLabel(figure, trend, lang).text})`,
              ]
            : []),
        ];
      }),
      hasPrevious ? [1, 2, 3] : [1],
    ),
    '',
  );

  out.push(
    `## ${text.sections.members}`,
    '',
    text.intro.members(n(report.members.joined), n(report.members.totalAtYearEnd), report.year),
    '',
    `### ${text.charts.memberGrowth.title}`,
    '',
    table(
      [text.tables.monthly.month, text.tables.monthly.change, text.tables.monthly.total],
      report.memberGrowthPerMonth.map((m) => [
        monthLabel(m.month, lang),
        formatChange(m.change, lang),
        n(m.total),
      ]),
      [1, 2],
    ),
    '',
    `### ${text.charts.sectors.title(report.year)}`,
    '',
    mixTable(sectorData(report, lang)),
    '',
    `### ${text.charts.roles.title(report.year)}`,
    '',
    mixTable(roleData(report, lang)),
    '',
  );

  out.push(
    `## ${text.sections.doetanks}`,
    '',
    text.intro.doetanks(
      n(report.doetanks.proposed),
      n(report.doetanks.started),
      n(report.doetanks.concluded),
    ),
    '',
    `### ${text.charts.funnel.title}`,
    '',
    chartTable(text.sections.doetanks, funnelData(report, lang)),
    '',
    `### ${text.charts.themes.title(report.year)}`,
    '',
    report.themes.length === 0 ? text.empty.themes : chartTable(text.sections.doetanks, themeData(report)),
    '',
    `### ${text.charts.results.title}`,
    '',
    chartTable(text.tables.results.kind, resultKindData(report, lang)),
    '',
  );

  const series = gatheringSeries(lang);
  out.push(
    `## ${text.sections.gatherings}`,
    '',
    text.intro.gatherings(
      n(report.gatherings.held),
      n(report.gatherings.attendance),
      n(report.gatherings.firstTimeAttendees),
    ),
    '',
    table(
      [text.tables.gatherings.kind, text.figures.gatheringsHeld, ...series],
      gatheringGroups(report, lang).map((g, i) => [
        g.label,
        n(report.gatherings.byKind[GATHERING_KINDS[i]].held),
        ...g.values.map(n),
      ]),
      [1, 2, 3],
    ),
    '',
  );
  if (report.gatherings.list.length === 0) {
    out.push(text.empty.gatherings, '');
  } else {
    const t = text.tables.gatherings;
    out.push(
      `### ${t.caption}`,
      '',
      table(
        [t.date, t.title, t.kind, t.venue, ...series],
        report.gatherings.list.map((g) => [
          formatDate(g.date, lang),
          escapeMarkdown(g.title),
          text.gatheringKinds[g.kind],
          escapeMarkdown(g.city ? `${g.venue}, ${g.city}` : g.venue),
          n(g.attendance),
          n(g.firstTimers),
        ]),
        [4, 5],
      ),
      '',
    );
  }

  out.push(
    `## ${text.sections.activity}`,
    '',
    text.intro.activity(n(report.trend.events.current), n(report.discussions.started)),
    '',
    table(
      [text.tables.monthly.month, text.tables.monthly.events, ''],
      activityData(report, lang).map((d) => [d.label, n(d.value), escapeMarkdown(d.detail ?? '')]),
      [1],
    ),
    '',
    text.partners.discussions(n(report.discussions.started), n(report.discussions.closed)),
    '',
  );

  out.push(`## ${text.sections.highlights}`, '');
  const best = report.highlights.bestAttendedGathering;
  if (best) {
    out.push(
      `**${text.highlights.bestAttended}:** ${escapeMarkdown(best.title)} (${text.gatheringKinds[best.kind]}, ` +
        `${formatDate(best.date, lang)}, ${escapeMarkdown(best.city ? `${best.venue}, ${best.city}` : best.venue)}): ` +
        `${text.highlights.bestAttendedText(n(best.attendance))}`,
      '',
    );
  }
  out.push(`### ${text.highlights.results}`, '');
  if (report.highlights.results.length === 0) {
    out.push(text.empty.results, '');
  } else {
    for (const result of report.highlights.results) {
      const href = safeHttpUrl(result.link);
      const title = escapeMarkdown(result.title);
      out.push(
        `- ${href ? `[${title}](${markdownUrl(href)})` : title} (${text.resultKinds[result.kind]}, ` +
          `${escapeMarkdown(result.doetankTitle ?? text.highlights.unknownDoetank)}, ${formatDate(result.sharedAt, lang)})`,
      );
    }
    if (report.results.total > report.highlights.results.length)
      out.push('', text.highlights.shownOf(n(report.highlights.results.length), n(report.results.total)));
    out.push('');
  }
  out.push(`### ${text.highlights.lessons}`, '');
  const lessons = report.highlights.lessons.slice(0, LESSONS_SHOWN);
  if (lessons.length === 0) {
    out.push(text.empty.lessons, '');
  } else {
    for (const lesson of lessons) {
      out.push(
        `> ${escapeMarkdown(lesson.excerpt)}`,
        '>',
        `> — ${text.highlights.fromDoetank} _${escapeMarkdown(lesson.doetankTitle ?? text.highlights.unknownDoetank)}_, ${formatDate(lesson.recordedAt, lang)}`,
        '',
      );
    }
    if (report.lessons > lessons.length)
      out.push(text.highlights.shownOf(n(lessons.length), n(report.lessons)), '');
  }

  out.push(`## ${text.sections.partners}`, '', `### ${text.partners.partners}`, '');
  if (report.partners.length === 0) out.push(text.empty.partners);
  for (const p of report.partners)
    out.push(
      `- **${escapeMarkdown(p.organisation)}**${p.description ? ` – ${escapeMarkdown(p.description)}` : ''}`,
    );
  out.push('', `### ${text.partners.supporters}`, '');
  if (report.supporters.length === 0) out.push(text.empty.supporters);
  for (const s of report.supporters)
    out.push(`- ${escapeMarkdown(s.name)}${s.affiliation ? ` (${escapeMarkdown(s.affiliation)})` : ''}`);
  out.push('', '---', '', `_${text.footer(report.year, hasPrevious)}_`, '');
  if (report.seal !== undefined) out.push(`_${escapeMarkdown(text.seal(report.seal))}_`, '');
  return out.join('\n');
};
