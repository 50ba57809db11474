import type { RetrospectiveGatheringHighlight } from '@app/contracts/read-models';
import { safeHttpUrl } from './html';
import { aside, empty, group, h3, h4, list, meta, p, span, type Block, type Inline } from './report-blocks';
import type { DoetankStory, ReportEdition } from './report-edition';
import { formatDate, formatNumber, monthLabel } from './report-format';
import { REPORT_TEXT, type ReportLanguage } from './report-text';
import { PUBLICATION_TEXT } from './report-text-publication';

/**
 * The publication's own sections (the year in brief, the highlight, the Doetanks' stories, the gatherings'
 * reports, the look ahead, the colophon) as blocks of the section model: every sentence is a template of the
 * report's texts filled with values from the edition, which come from events. Pure.
 */

export type Ctx = { edition: ReportEdition; lang: ReportLanguage };

const n = (value: number, lang: ReportLanguage) => formatNumber(value, lang);
const place = (g: Pick<RetrospectiveGatheringHighlight, 'venue' | 'city'>) =>
  g.city ? `${g.venue}, ${g.city}` : g.venue;

/** "mei 2012" / "May 2012" of a `YYYY-MM` key. */
export const monthYear = (month: string, lang: ReportLanguage): string =>
  `${REPORT_TEXT[lang].monthsLong[Number(month.slice(5, 7)) - 1] ?? monthLabel(month, lang)} ${month.slice(0, 4)}`;

/** The statement a year in progress carries on its cover, or null for a year that is over. */
export const inProgressNote = ({ edition, lang }: Ctx): string | null =>
  edition.inProgress
    ? PUBLICATION_TEXT[lang].inProgress(
        edition.report.year,
        edition.recordedUntil === null ? null : monthYear(edition.recordedUntil, lang),
      )
    : null;

export const briefSentences = ({ edition, lang }: Ctx): Block => {
  const t = PUBLICATION_TEXT[lang].brief;
  const { report } = edition;
  const stopped = edition.doetanks.filter((d) => d.stop && d.stop.at >= `${report.year}`).length;
  const concluded = edition.doetanks.filter(
    (d) => d.conclusion && d.conclusion.at >= `${report.year}`,
  ).length;
  return list(
    [
      t.members(
        n(report.members.totalAtYearEnd, lang),
        n(report.members.joined, lang),
        report.year,
        edition.inProgress,
      ),
      t.doetanks(n(edition.doetanks.length, lang), n(concluded, lang), n(stopped, lang)),
      t.gatherings(n(report.gatherings.held, lang), n(report.gatherings.attendance, lang)),
    ],
    'brief',
  );
};

/** A link from a member or a coordinator: followed only when http(s). */
const linked = (text: Inline, url: string | undefined): Inline => ({ href: safeHttpUrl(url), text });

const programmeList = (edition: ReportEdition, gatheringId: string, lang: ReportLanguage): Block[] => {
  const items = edition.programmes[gatheringId] ?? [];
  if (items.length === 0) return [];
  return [
    h4(PUBLICATION_TEXT[lang].highlight.programme),
    list(
      items.map((item) =>
        item.speaker ? [item.title, ' ', span(`— ${item.speaker}`, 'speaker')] : item.title,
      ),
      'programme',
      true,
    ),
  ];
};

/** A gathering's report: its text, quotes with the speakers' roles, links to media with their makers, guests. */
const gatheringReport = (edition: ReportEdition, gatheringId: string, lang: ReportLanguage): Block[] => {
  const report = edition.gatheringReports[gatheringId];
  if (!report) return [];
  const t = PUBLICATION_TEXT[lang].gatheringReport;
  return [
    group('gathering-report', [
      ...report.summary.split(/\n{2,}/).map((paragraph) => p(paragraph)),
      ...(report.guests === undefined ? [] : [aside(t.guests(n(report.guests, lang)))]),
      ...report.quotes.map((quote): Block => ({
        kind: 'quote',
        cls: 'quote',
        text: `“${quote.text}”`,
        by: quote.role ? [quote.speaker, ', ', span(quote.role, 'role')] : quote.speaker,
      })),
      ...(report.links.length === 0
        ? []
        : [
            h4(t.media),
            list(
              report.links.map((link) =>
                link.maker
                  ? [linked(link.title, link.url), ' ', meta(t.madeBy(link.maker))]
                  : linked(link.title, link.url),
              ),
              'media',
            ),
          ]),
    ]),
  ];
};

/** The best-attended gathering told from its events: when, where, how many, its programme, what it announced. */
export const highlightSection = ({ edition, lang }: Ctx): Block[] => {
  const t = PUBLICATION_TEXT[lang].highlight;
  const best = edition.report.highlights.bestAttendedGathering;
  if (!best) return [empty(t.none)];
  const { next } = edition;
  const announced =
    next.partners.length + next.themes.length === 0
      ? []
      : [
          group('announced', [
            h4(t.announced(next.year)),
            ...next.partners.map((partner) => p(t.partner(partner.organisation))),
            ...(next.themes.length === 0
              ? []
              : [
                  p(t.themes(next.themes.length)),
                  list(
                    next.themes.map((theme) => theme.title),
                    'themes',
                  ),
                ]),
          ]),
        ];
  return [
    group('highlight-box best-attended', [
      p(REPORT_TEXT[lang].gatheringKinds[best.kind], 'highlight-label'),
      p({ strong: best.title }, 'highlight-title'),
      p(t.held(formatDate(best.date, lang), place(best), n(best.attendance, lang)), 'highlight-meta'),
    ]),
    ...gatheringReport(edition, best.gatheringId, lang),
    ...programmeList(edition, best.gatheringId, lang),
    ...announced,
  ];
};

const outcome = (d: DoetankStory, lang: ReportLanguage, inProgress: boolean): Block[] => {
  const t = PUBLICATION_TEXT[lang].story;
  if (d.conclusion)
    return [
      p(
        [{ strong: `${t.concluded(formatDate(d.conclusion.at, lang))}:` }, ' ', d.conclusion.text],
        'outcome concluded',
      ),
    ];
  if (d.stop)
    return [
      p([{ strong: `${t.stopped(formatDate(d.stop.at, lang))}:` }, ' ', d.stop.reason], 'outcome stopped'),
    ];
  if (d.stage === 'started') return [p(inProgress ? t.stillRunning : t.running, 'outcome running')];
  return [];
};

const story = (d: DoetankStory, lang: ReportLanguage, inProgress: boolean): Block => {
  const t = PUBLICATION_TEXT[lang].story;
  const coach = d.coachName ?? (d.coachOrganisation ? t.coachFrom(d.coachOrganisation) : null);
  const members = t.members(d.memberCount, n(d.memberCount, lang));
  const dates = [
    t.proposed(formatDate(d.proposedAt, lang, 'short')),
    ...(d.startedAt ? [t.started(formatDate(d.startedAt, lang, 'short'))] : []),
  ].join(' · ');
  return group(
    'story',
    [
      h3([d.title, ' ', span(PUBLICATION_TEXT[lang].stages[d.stage], `stage stage-${d.stage}`, true)]),
      p(dates, 'story-dates'),
      p(d.problemStatement, 'problem'),
      {
        kind: 'facts',
        entries: [
          { term: t.theme, value: d.themeTitle ?? '–' },
          ...(d.client ? [{ term: t.client, value: d.client }] : []),
          ...(coach ? [{ term: t.coach, value: coach }] : []),
          {
            term: REPORT_TEXT[lang].sections.members,
            value:
              d.memberOrganisations.length === 0
                ? members
                : [members, ' ', span(`(${d.memberOrganisations.join(', ')})`, 'orgs')],
          },
        ],
      },
      ...(d.results.length === 0
        ? [aside(t.noResults)]
        : [
            h4(t.results),
            list(
              d.results.map((r) => [
                linked(r.title, r.link),
                ' ',
                meta(`${REPORT_TEXT[lang].resultKinds[r.kind]} · ${formatDate(r.sharedAt, lang, 'short')}`),
              ]),
              'story-results',
            ),
          ]),
      ...(d.lessons.length === 0
        ? []
        : [
            h4(t.lessons),
            ...d.lessons.map((lesson): Block => ({ kind: 'quote', cls: 'lesson', text: lesson })),
          ]),
      ...outcome(d, lang, inProgress),
    ],
    { tag: 'article', id: `doetank-${d.id}`, data: { stage: d.stage } },
  );
};

export const cohortTable = ({ edition, lang }: Ctx): Block[] => {
  const t = PUBLICATION_TEXT[lang].cohorts;
  const f = REPORT_TEXT[lang].funnel;
  if (edition.cohorts.length === 0) return [];
  return [
    {
      kind: 'table',
      table: {
        cls: 'cohorts',
        caption: t.caption(edition.report.year, edition.inProgress),
        columns: [
          { label: t.cohort },
          ...[f.proposed, f.started, f.concluded, f.stopped, t.running].map((label) => ({
            label,
            num: true,
          })),
        ],
        rows: edition.cohorts.map((row) => ({
          data: { cohort: String(row.cohort) },
          head: t.proposedIn(row.cohort),
          cells: [row.proposed, row.started, row.concluded, row.stopped, row.running].map((v) => n(v, lang)),
        })),
      },
    },
  ];
};

export const doetankStories = ({ edition, lang }: Ctx): Block[] => [
  group(
    'stories',
    edition.doetanks.map((d) => story(d, lang, edition.inProgress)),
  ),
  ...(edition.doetanksCut
    ? [
        aside(
          PUBLICATION_TEXT[lang].story.cut(
            n(edition.doetanks.length, lang),
            n(edition.report.doetanks.proposed, lang),
          ),
        ),
      ]
    : []),
];

/** Programmes and reports of the gatherings held, except the highlight's (told above). */
export const gatheringProgrammes = ({ edition, lang }: Ctx): Block[] => {
  const best = edition.report.highlights.bestAttendedGathering?.gatheringId;
  return edition.report.gatherings.list
    .filter(
      (g) =>
        g.gatheringId !== best &&
        ((edition.programmes[g.gatheringId]?.length ?? 0) > 0 ||
          edition.gatheringReports[g.gatheringId] !== undefined),
    )
    .map((g) =>
      group('gathering-programme', [
        h3(g.title),
        p(`${formatDate(g.date, lang)} · ${place(g)}`, 'cell-meta'),
        ...gatheringReport(edition, g.gatheringId, lang),
        ...programmeList(edition, g.gatheringId, lang),
      ]),
    );
};

/** Organisations with what they do: the year's partners, or next year's. */
export const organisations = (partners: readonly { organisation: string; description?: string }[]): Block =>
  list(
    partners.map((partner) => [
      { strong: partner.organisation },
      partner.description ? ` – ${partner.description}` : '',
    ]),
    'partners',
  );

export const lookAhead = ({ edition, lang }: Ctx): Block[] => {
  const t = PUBLICATION_TEXT[lang].ahead;
  const { next } = edition;
  if (next.themes.length + next.partners.length === 0) return [empty(t.none(next.year))];
  return [
    p(t.intro(next.year), 'section-intro'),
    ...(next.partners.length === 0 ? [] : [h3(t.partner), organisations(next.partners)]),
    ...(next.themes.length === 0
      ? []
      : [
          h3(t.themes),
          list(
            next.themes.map((theme) => theme.title),
            'themes',
          ),
        ]),
    h3(t.doetanks),
    next.doetanks.length === 0
      ? empty(t.noDoetanks)
      : list(
          next.doetanks.map((d) => [
            { strong: d.title },
            ' ',
            meta(`${d.themeTitle} · ${PUBLICATION_TEXT[lang].stages[d.stage]}`),
          ]),
          'next-doetanks',
        ),
  ];
};

/** A line of the colophon; `line` names it on the page (`data-line`). */
export interface ColophonLine {
  line: string;
  text: Inline;
}

/**
 * The colophon's own lines: the source, business time, and (when a name is held back) the names. Others (the
 * reconstruction, the seal of the log) are lines of their own beside these.
 */
export const colophonLines = ({ edition, lang }: Ctx): ColophonLine[] => {
  const t = PUBLICATION_TEXT[lang].colophon;
  return [
    { line: 'source', text: t.source(n(edition.position, lang)) },
    { line: 'business-time', text: t.businessTime },
    ...(edition.doetanks.some((d) => d.coachName === null && d.coachOrganisation)
      ? [{ line: 'names', text: t.names }]
      : []),
  ];
};
