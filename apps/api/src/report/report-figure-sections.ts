import {
  RETROSPECTIVE_HEADLINE_FIGURES,
  type Retrospective,
  type RetrospectiveHeadlineFigure,
} from '@app/contracts/read-models';
import { GATHERING_KINDS } from '@app/contracts/vocabulary';
import { barChart, columnChart, groupedColumnChart, lineChart, type ChartDatum } from './report-charts';
import { empty, h3, list, meta, span, trendClass, type Block, type Table } from './report-blocks';
import { gatheringGroups, gatheringSeries } from './report-data';
import { formatDate, formatNumber, trendLabel } from './report-format';
import { organisations, type Ctx } from './report-sections';
import { REPORT_TEXT } from './report-text';
import { PUBLICATION_TEXT } from './report-text-publication';

/**
 * The figures' parts of the report as blocks of the section model: the lead figures, the tables, and each chart
 * with the table that stands for it in Markdown (the same data, from `report-data.ts`). Pure.
 */

/** A chart of labelled values; the Markdown shows the same values as a table. */
export const valueChart = (
  { lang }: Ctx,
  chart: {
    kind: 'column' | 'bar' | 'line';
    id: string;
    title: string;
    /** Above the chart, when it says more than the chart's title. */
    caption?: string;
    description: string;
    data: ChartDatum[];
    height?: number;
    /** The table's first column (what each label is). */
    labelColumn: string;
  },
): Block => {
  const format = (value: number) => formatNumber(value, lang);
  const draw = { column: columnChart, bar: barChart, line: lineChart }[chart.kind];
  return {
    kind: 'chart',
    caption: chart.caption ?? chart.title,
    svg: () => draw({ ...chart, format }),
    table: {
      columns: [{ label: chart.labelColumn }, { label: PUBLICATION_TEXT[lang].count, num: true }],
      rows: chart.data.map((d) => {
        const more = d.note ?? d.detail;
        return { cells: [d.label, more ? [format(d.value), ' ', meta(more)] : format(d.value)] };
      }),
    },
  };
};

/** Per kind of gathering: attendance and first-time attendees. */
export const gatheringsChart = ({ edition, lang }: Ctx): Block => {
  const text = REPORT_TEXT[lang];
  const format = (value: number) => formatNumber(value, lang);
  const groups = gatheringGroups(edition.report, lang);
  const series = gatheringSeries(lang);
  return {
    kind: 'chart',
    caption: text.charts.gatherings.title,
    svg: () =>
      groupedColumnChart({
        id: 'chart-gatherings',
        title: text.charts.gatherings.title,
        description: text.charts.gatherings.description,
        format,
        groups,
        series,
      }),
    table: {
      columns: [
        { label: text.tables.gatherings.kind },
        { label: text.figures.gatheringsHeld, num: true },
        ...series.map((label) => ({ label, num: true })),
      ],
      rows: groups.map((g, i) => ({
        cells: [
          g.label,
          format(edition.report.gatherings.byKind[GATHERING_KINDS[i]].held),
          ...g.values.map(format),
        ],
      })),
    },
  };
};

/** The few figures that lead, as cards; a year in progress says "so far" and compares with nothing. */
export const cards = ({ edition, lang }: Ctx, figures: readonly RetrospectiveHeadlineFigure[]): Block => {
  const { report } = edition;
  const text = REPORT_TEXT[lang];
  return {
    kind: 'cards',
    columns: [text.allFigures.figure, String(report.year), text.allFigures.change],
    cards: figures.map((figure) => {
      const { current, previous } = report.trend[figure];
      const against = edition.inProgress
        ? text.trend.wholeYear(report.year - 1)
        : text.trend.against(report.year - 1);
      return {
        figure,
        label: text.figures[figure],
        value: formatNumber(current, lang),
        trend: trendLabel(figure, report.trend[figure], lang, { inProgress: edition.inProgress }),
        against: previous === null ? null : `${against}: ${formatNumber(previous, lang)}`,
      };
    }),
  };
};

export const allFiguresTable = ({ edition, lang }: Ctx): Block => {
  const { report } = edition;
  const text = REPORT_TEXT[lang];
  const hasPrevious = report.previousYear !== null;
  const table: Table = {
    cls: 'figures',
    caption: edition.inProgress ? text.allFigures.captionSoFar : text.allFigures.caption,
    columns: [
      { label: text.allFigures.figure },
      { label: String(report.year), num: true },
      ...(hasPrevious
        ? [
            { label: String(report.year - 1), num: true },
            { label: text.allFigures.change, num: true },
          ]
        : []),
    ],
    rows: RETROSPECTIVE_HEADLINE_FIGURES.map((name) => {
      const trend = report.trend[name];
      const label = trendLabel(name, trend, lang, { inProgress: edition.inProgress });
      return {
        data: { figure: name },
        head: text.figures[name],
        cells: [
          formatNumber(trend.current, lang),
          ...(hasPrevious
            ? [
                trend.previous === null ? '–' : formatNumber(trend.previous, lang),
                { text: span(label.text, 'pct'), cls: `trend-cell ${trendClass(label.good)}` },
              ]
            : []),
        ],
      };
    }),
  };
  return { kind: 'table', table };
};

export const gatheringsTable = ({ edition, lang }: Ctx): Block => {
  const { report } = edition;
  const text = REPORT_TEXT[lang];
  const t = text.tables.gatherings;
  if (report.gatherings.list.length === 0) return empty(text.empty.gatherings);
  return {
    kind: 'table',
    table: {
      cls: 'gatherings',
      caption: t.caption,
      columns: [
        { label: t.date, cls: 'date' },
        { label: t.title },
        { label: text.charts.gatherings.attendance, num: true },
        { label: text.charts.gatherings.firstTimers, num: true },
      ],
      rows: report.gatherings.list.map((g) => ({
        cells: [
          formatDate(g.date, lang, 'short'),
          [
            span(g.title, 'cell-title'),
            ' ',
            meta(`${text.gatheringKinds[g.kind]} · ${g.city ? `${g.venue}, ${g.city}` : g.venue}`),
          ],
          formatNumber(g.attendance, lang),
          formatNumber(g.firstTimers, lang),
        ],
      })),
    },
  };
};

export const partners = (report: Retrospective, lang: Ctx['lang']): Block[] => {
  const text = REPORT_TEXT[lang];
  return [
    h3(text.partners.partners),
    report.partners.length === 0 ? empty(text.empty.partners) : organisations(report.partners),
    h3(text.partners.supporters),
    report.supporters.length === 0
      ? empty(text.empty.supporters)
      : list(
          report.supporters.map((s) =>
            s.affiliation ? [s.name, ' ', span(`(${s.affiliation})`, 'affiliation')] : s.name,
          ),
          'supporters',
        ),
  ];
};
