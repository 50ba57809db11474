import {
  activityData,
  funnelData,
  memberGrowthData,
  resultKindData,
  roleData,
  sectorData,
  themeData,
} from './report-data';
import type { Block } from './report-blocks';
import type { ReportEdition } from './report-edition';
import {
  communitySizesPart,
  forewordSection,
  networkResultsPart,
  programmePart,
  reconstructionLine,
} from './report-editorial-sections';
import {
  allFiguresTable,
  cards,
  gatheringsChart,
  gatheringsTable,
  partners,
  valueChart,
} from './report-figure-sections';
import { formatNumber } from './report-format';
import {
  briefSentences,
  cohortTable,
  colophonLines,
  doetankStories,
  gatheringProgrammes,
  highlightSection,
  inProgressNote,
  lookAhead,
  type ColophonLine,
  type Ctx,
} from './report-sections';
import { DEFAULT_REPORT_TEMPLATE, type ReportSection, type ReportTemplate } from './report-template';
import { REPORT_TEXT, type ReportLanguage } from './report-text';
import { PUBLICATION_TEXT } from './report-text-publication';

/**
 * The report as one section model, for every format: the cover's words, the sections in the template's order
 * (each with its title, intro and blocks), and the colophon's lines. The HTML page, its PDF and the Markdown are
 * written from this, so they carry the same sections in the same order. Pure.
 */
export interface ReportDocument {
  year: number;
  lang: ReportLanguage;
  inProgress: boolean;
  kicker: string;
  title: string;
  lede: string;
  /** The statement of a year in progress, on the cover. */
  inProgressNote: string | null;
  contentsTitle: string;
  sections: DocumentSection[];
  colophon: { id: string; title: string; lines: ColophonLine[] };
}

export interface DocumentSection {
  key: ReportSection;
  /** The anchor on the page (and the PDF's named destination). */
  id: string;
  title: string;
  intro: string | null;
  /** Starts a new printed page; the others follow on the page before. */
  pageStart: boolean;
  blocks: Block[];
}

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
const PAGE_STARTS: ReadonlySet<ReportSection> = new Set([
  'doetanks',
  'gatherings',
  'community',
  'organisation',
  'figures',
]);

type SectionContent = Pick<DocumentSection, 'title' | 'blocks'> & { intro?: string };

/** Each section's title, intro and blocks: built only for the sections the template shows. */
const SECTIONS: Record<ReportSection, (ctx: Ctx, template: ReportTemplate) => SectionContent> = {
  foreword: (ctx) => ({ title: PUBLICATION_TEXT[ctx.lang].editorial.foreword, blocks: forewordSection(ctx) }),
  brief: (ctx, template) => ({
    title: PUBLICATION_TEXT[ctx.lang].sections.brief,
    blocks: [briefSentences(ctx), cards(ctx, template.leadFigures)],
  }),
  highlight: (ctx) => ({
    title: PUBLICATION_TEXT[ctx.lang].sections.highlight,
    blocks: [...highlightSection(ctx), ...networkResultsPart(ctx)],
  }),
  doetanks: (ctx) => {
    const { report } = ctx.edition;
    const text = REPORT_TEXT[ctx.lang];
    const n = (value: number) => formatNumber(value, ctx.lang);
    return {
      title: PUBLICATION_TEXT[ctx.lang].sections.doetanks,
      intro: text.intro.doetanks(
        n(report.doetanks.proposed),
        n(report.doetanks.started),
        n(report.doetanks.concluded),
      ),
      blocks: [
        ...cohortTable(ctx),
        valueChart(ctx, {
          kind: 'column',
          id: 'chart-funnel',
          title: text.charts.funnel.title,
          caption: PUBLICATION_TEXT[ctx.lang].flowCaption(report.year),
          description: text.charts.funnel.description(report.year),
          data: funnelData(report, ctx.lang),
          height: 200,
          labelColumn: text.charts.funnel.title,
        }),
        ...doetankStories(ctx),
        ...(report.themes.length === 0
          ? []
          : [
              valueChart(ctx, {
                kind: 'bar',
                id: 'chart-themes',
                title: text.charts.themes.title(report.year),
                description: text.charts.themes.description,
                data: themeData(report),
                labelColumn: PUBLICATION_TEXT[ctx.lang].story.theme,
              }),
            ]),
        valueChart(ctx, {
          kind: 'bar',
          id: 'chart-results',
          title: text.charts.results.title,
          description: text.charts.results.description(n(report.results.total)),
          data: resultKindData(report, ctx.lang),
          labelColumn: text.tables.gatherings.kind,
        }),
      ],
    };
  },
  gatherings: (ctx) => {
    const { report } = ctx.edition;
    const n = (value: number) => formatNumber(value, ctx.lang);
    return {
      title: PUBLICATION_TEXT[ctx.lang].sections.gatherings,
      intro: REPORT_TEXT[ctx.lang].intro.gatherings(
        n(report.gatherings.held),
        n(report.gatherings.attendance),
        n(report.gatherings.firstTimeAttendees),
      ),
      blocks: [gatheringsTable(ctx), ...gatheringProgrammes(ctx), gatheringsChart(ctx)],
    };
  },
  community: (ctx) => {
    const { report } = ctx.edition;
    const text = REPORT_TEXT[ctx.lang];
    const n = (value: number) => formatNumber(value, ctx.lang);
    const months = report.memberGrowthPerMonth;
    return {
      title: PUBLICATION_TEXT[ctx.lang].sections.community,
      intro: text.intro.members(n(report.members.joined), n(report.members.totalAtYearEnd), report.year),
      blocks: [
        ...communitySizesPart(ctx),
        valueChart(ctx, {
          kind: 'line',
          id: 'chart-member-growth',
          title: text.charts.memberGrowth.title,
          description: text.charts.memberGrowth.description(
            report.year,
            n(months[0]?.total ?? 0),
            n(months[months.length - 1]?.total ?? 0),
          ),
          data: memberGrowthData(report, ctx.lang),
          labelColumn: text.tables.month,
        }),
        valueChart(ctx, {
          kind: 'bar',
          id: 'chart-sectors',
          title: text.charts.sectors.title(report.year),
          description: text.charts.sectors.description,
          data: sectorData(report, ctx.lang),
          labelColumn: text.tables.group,
        }),
        valueChart(ctx, {
          kind: 'bar',
          id: 'chart-roles',
          title: text.charts.roles.title(report.year),
          description: text.charts.roles.description,
          data: roleData(report, ctx.lang),
          labelColumn: text.tables.group,
        }),
        {
          kind: 'p',
          cls: 'aside',
          text: text.partners.discussions(n(report.discussions.started), n(report.discussions.closed)),
        },
      ],
    };
  },
  organisation: (ctx) => ({
    title: PUBLICATION_TEXT[ctx.lang].sections.organisation,
    blocks: [...programmePart(ctx), ...partners(ctx.edition.report, ctx.lang)],
  }),
  ahead: (ctx) => ({
    title: PUBLICATION_TEXT[ctx.lang].sections.ahead(ctx.edition.report.year + 1),
    blocks: lookAhead(ctx),
  }),
  figures: (ctx) => {
    const { report } = ctx.edition;
    const text = REPORT_TEXT[ctx.lang];
    return {
      title: PUBLICATION_TEXT[ctx.lang].sections.figures,
      blocks: [
        allFiguresTable(ctx),
        valueChart(ctx, {
          kind: 'column',
          id: 'chart-activity',
          title: text.charts.activity.title,
          description: text.charts.activity.description(report.year),
          data: activityData(report, ctx.lang),
          height: 180,
          labelColumn: text.tables.month,
        }),
      ],
    };
  },
};

export const reportDocument = (
  edition: ReportEdition,
  lang: ReportLanguage,
  template: ReportTemplate = DEFAULT_REPORT_TEMPLATE,
): ReportDocument => {
  const ctx: Ctx = { edition, lang };
  const { year } = edition.report;
  const text = REPORT_TEXT[lang];
  const pub = PUBLICATION_TEXT[lang];
  const words = template.texts[lang] ?? {};
  const sections = template.sections
    .map((key): DocumentSection => {
      const content = SECTIONS[key](ctx, template);
      return {
        key,
        id: SECTION_IDS[key],
        title: content.title,
        intro: content.intro ?? null,
        pageStart: PAGE_STARTS.has(key),
        blocks: content.blocks,
      };
    })
    // A section with nothing to say (no foreword recorded) is left out, and so out of the contents.
    .filter((section) => section.blocks.length > 0);
  return {
    year,
    lang,
    inProgress: edition.inProgress,
    kicker: words.kicker ?? `Slimmernetwerk · ${pub.kind}`,
    title: text.title(year),
    lede: words.lede ?? text.lede(year),
    inProgressNote: inProgressNote(ctx),
    contentsTitle: pub.contents,
    sections,
    colophon: {
      id: 'colofon',
      title: pub.sections.colophon,
      lines: [
        ...colophonLines(ctx),
        ...reconstructionLine(ctx),
        // The seal of the event log the figures rest on: a reader can check the report against the record.
        ...(edition.report.seal === undefined
          ? []
          : [{ line: 'seal', text: text.seal(edition.report.seal) }]),
      ],
    },
  };
};
