import type {
  DoetankDocument,
  DoetankResultView,
  DoetankStage,
  GatheringDocument,
  MemberDocument,
  NetworkYearDocument,
  Retrospective,
} from '@app/contracts/read-models';

/**
 * The report as a publication: the retrospective of the year (every figure), with what a reader of an annual
 * report expects beside the figures, each taken from a read model built from the events: a story per Doetank
 * active in the year, the funnel per cohort (the year a Doetank was proposed), the programme of each gathering
 * held, a look ahead at the next network year, and the position of the event log the report stands on. Built by a
 * pure function ({@link buildReportEdition}) from what the report query read, so it can be tested without stores.
 */
export interface ReportEdition {
  report: Retrospective;
  /** Whether the records do not yet cover the whole year (see {@link yearInProgress}). */
  inProgress: boolean;
  /** The last month of the year with any recorded activity (`YYYY-MM`), null when the year has none. */
  recordedUntil: string | null;
  /** Doetanks active in the year: proposed before its end and not closed before its start. */
  doetanks: DoetankStory[];
  /** True when more Doetanks were active than {@link REPORT_DOETANK_LIMIT}: the stories shown are the first ones. */
  doetanksCut: boolean;
  /** Per proposal year (oldest first), where the Doetanks of that cohort stood at the end of the year. */
  cohorts: CohortRow[];
  /** The programme of each gathering held in the year (by gathering id), as recorded. */
  programmes: Record<string, { title: string; speaker?: string; doetankTitle?: string }[]>;
  /** The report of each gathering held in the year that has one (by gathering id). */
  gatheringReports: Record<string, NonNullable<GatheringDocument['report']>>;
  /** The next network year: its themes (with the Doetanks proposed under them) and partners, as recorded so far. */
  next: {
    year: number;
    themes: Retrospective['themes'];
    partners: Retrospective['partners'];
    doetanks: { id: string; title: string; themeTitle: string; stage: DoetankStage }[];
  };
  /** What the coordinators recorded for the year's report (foreword, programme, network results, community). */
  editorial: ReportEditorial;
  /** The event log's position up to which every read model of the report is complete. */
  position: number;
}

/** The editorial records the report tells, from the network-years read model. */
export interface ReportEditorial {
  foreword?: NonNullable<NetworkYearDocument['foreword']>;
  /** The programme the network is part of: the latest announced up to the year's end (with its year). */
  programme?: NetworkYearDocument['programmes'][number] & { year: number };
  /** Results of the network as a whole published in the year. */
  results: NetworkYearDocument['results'];
  /** Counts of communities around the network made in the year, by date. */
  communitySizes: NetworkYearDocument['communitySizes'];
  /** True when the records say the year is a reconstruction with invented detail. */
  reconstruction: boolean;
}

export interface DoetankStory {
  id: string;
  title: string;
  problemStatement: string;
  /** Where it stood at the end of the year (or now, for a year in progress). */
  stage: DoetankStage;
  themeTitle?: string;
  client?: string;
  /** The coach's name; null when the reader may not see names or the coach was forgotten. */
  coachName: string | null;
  /** The coach's organisation (not personal data), shown when the name is not. */
  coachOrganisation?: string;
  memberCount: number;
  /** The organisations of its members at the end of the year, each once, in order of joining. */
  memberOrganisations: string[];
  /** Results shared in the year, in order. */
  results: DoetankResultView[];
  /** Lessons recorded in the year, in order. */
  lessons: string[];
  proposedAt: string;
  startedAt?: string;
  /** The conclusion, when it was concluded in or before the year. */
  conclusion?: { text: string; at: string };
  /** The reason, when it was stopped in or before the year. */
  stop?: { reason: string; at: string };
}

export interface CohortRow {
  cohort: number;
  proposed: number;
  started: number;
  concluded: number;
  stopped: number;
  /** Started and neither concluded nor stopped at the end of the year. */
  running: number;
}

/** At most this many Doetank stories in one report; the cohort figures count every one. */
export const REPORT_DOETANK_LIMIT = 60;

export interface ReportEditionInput {
  report: Retrospective;
  nextReport: Retrospective;
  /** Every Doetank proposed before the end of the year (more may be given; they are left out). */
  doetanks: readonly DoetankDocument[];
  /** The gatherings held in the year, and the Doetanks they mention are looked up among `doetanks`. */
  gatherings: readonly GatheringDocument[];
  /** Coaches and members of those Doetanks, by id (absent ones are shown as unknown). */
  members: ReadonlyMap<string, Pick<MemberDocument, 'name' | 'organisation'>>;
  /** Whether names of members (coaches) may be shown to this reader. */
  names: boolean;
  position: number;
  /** Doetanks proposed under the next year's themes (any proposal date). */
  nextYearDoetanks: readonly DoetankDocument[];
  /** The editorial records of the network years up to this one (absent: none recorded). */
  networkYears?: readonly NetworkYearDocument[];
}

/** The year's editorial part: its own records, and the programme announced in it or before it. */
export const editorialOf = (year: number, networkYears: readonly NetworkYearDocument[]): ReportEditorial => {
  const own = networkYears.find((doc) => doc.year === year);
  const programme = [...networkYears]
    .filter((doc) => doc.year <= year)
    .flatMap((doc) => doc.programmes.map((p) => ({ ...p, year: doc.year })))
    .sort((a, b) => a.announcedOn.localeCompare(b.announcedOn))
    .pop();
  return {
    ...(own?.foreword !== undefined && { foreword: own.foreword }),
    ...(programme !== undefined && { programme }),
    results: own?.results ?? [],
    communitySizes: own?.communitySizes ?? [],
    reconstruction: programme?.reconstruction === true,
  };
};

const endOf = (year: number) => `${year + 1}-01-01T00:00:00.000Z`;
const startOf = (year: number) => `${year}-01-01T00:00:00.000Z`;
const before = (at: string | undefined, limit: string): at is string => at !== undefined && at < limit;

/** The Doetank's stage at a moment, from its recorded business times. */
export const stageAt = (doetank: DoetankDocument, limit: string): DoetankStage =>
  before(doetank.stoppedAt, limit)
    ? 'stopped'
    : before(doetank.concludedAt, limit)
      ? 'concluded'
      : before(doetank.startedAt, limit)
        ? 'started'
        : 'proposed';

/**
 * The records cover the whole year when something was recorded in its December or in a later year; otherwise the
 * year is shown as one in progress ("so far"), whatever the clock says: an imported history that stops in
 * November is not a year whose last month was quiet.
 */
export const yearInProgress = (report: Retrospective, nextReport: Retrospective): boolean =>
  (report.activityPerMonth[11]?.events ?? 0) === 0 &&
  nextReport.activityPerMonth.every((month) => month.events === 0);

export const buildReportEdition = (input: ReportEditionInput): ReportEdition => {
  const { report, nextReport } = input;
  const year = report.year;
  const end = endOf(year);
  const start = startOf(year);
  const themeTitles = new Map<string, string>();
  for (const theme of [...report.themes, ...nextReport.themes]) themeTitles.set(theme.themeId, theme.title);

  const proposedByEnd = input.doetanks
    .filter((d) => d.proposedAt < end)
    .sort((a, b) => a.proposedAt.localeCompare(b.proposedAt) || a.id.localeCompare(b.id));
  const closedBefore = (d: DoetankDocument) => before(d.concludedAt, start) || before(d.stoppedAt, start);
  const active = proposedByEnd.filter((d) => !closedBefore(d));

  const inYear = (at: string) => at >= start && at < end;
  const stories = active.slice(0, REPORT_DOETANK_LIMIT).map((d): DoetankStory => {
    const coach = d.coachId === undefined ? undefined : input.members.get(d.coachId);
    const organisations = [
      ...new Set(
        d.memberIds
          .map((id) => input.members.get(id)?.organisation)
          .filter((o): o is string => o !== undefined),
      ),
    ];
    return {
      id: d.id,
      title: d.title,
      problemStatement: d.problemStatement,
      stage: stageAt(d, end),
      ...(d.themeId !== undefined &&
        themeTitles.has(d.themeId) && { themeTitle: themeTitles.get(d.themeId)! }),
      ...(d.client && { client: d.client.organisation }),
      coachName: input.names ? (coach?.name ?? null) : null,
      ...(coach && { coachOrganisation: coach.organisation }),
      memberCount: d.memberIds.length,
      memberOrganisations: organisations,
      results: d.results.filter((r) => inYear(r.sharedAt)),
      lessons: d.lessons.filter((l) => inYear(l.recordedAt)).map((l) => l.lesson),
      proposedAt: d.proposedAt,
      ...(before(d.startedAt, end) && { startedAt: d.startedAt }),
      ...(before(d.concludedAt, end) &&
        d.conclusion !== undefined && { conclusion: { text: d.conclusion, at: d.concludedAt } }),
      ...(before(d.stoppedAt, end) &&
        d.stopReason !== undefined && { stop: { reason: d.stopReason, at: d.stoppedAt } }),
    };
  });

  const cohorts = new Map<number, CohortRow>();
  for (const d of proposedByEnd) {
    const cohort = new Date(d.proposedAt).getUTCFullYear();
    let row = cohorts.get(cohort);
    if (!row)
      cohorts.set(cohort, (row = { cohort, proposed: 0, started: 0, concluded: 0, stopped: 0, running: 0 }));
    row.proposed += 1;
    if (before(d.startedAt, end)) row.started += 1;
    const stage = stageAt(d, end);
    if (stage === 'concluded') row.concluded += 1;
    if (stage === 'stopped') row.stopped += 1;
    if (stage === 'started') row.running += 1;
  }

  const titles = new Map(input.doetanks.map((d) => [d.id, d.title]));
  const programmes: ReportEdition['programmes'] = {};
  const gatheringReports: ReportEdition['gatheringReports'] = {};
  for (const g of input.gatherings) {
    if (g.report) gatheringReports[g.id] = g.report;
    programmes[g.id] = g.programme.map((item) => ({
      title: item.title,
      ...(item.speaker !== undefined && { speaker: item.speaker }),
      ...(item.doetankId !== undefined &&
        titles.has(item.doetankId) && { doetankTitle: titles.get(item.doetankId)! }),
    }));
  }

  const lastMonth = [...report.activityPerMonth].reverse().find((m) => m.events > 0);
  return {
    report,
    inProgress: yearInProgress(report, nextReport),
    recordedUntil: lastMonth?.month ?? null,
    doetanks: stories,
    doetanksCut: active.length > stories.length,
    cohorts: [...cohorts.values()].sort((a, b) => a.cohort - b.cohort),
    programmes,
    gatheringReports,
    next: {
      year: year + 1,
      themes: nextReport.themes,
      partners: nextReport.partners,
      // Proposed under a theme of next year before this year ended: what this year handed on.
      doetanks: input.nextYearDoetanks
        .filter((d) => d.proposedAt < end && d.themeId !== undefined && themeTitles.has(d.themeId))
        .map((d) => ({
          id: d.id,
          title: d.title,
          themeTitle: themeTitles.get(d.themeId!)!,
          stage: stageAt(d, end),
        })),
    },
    editorial: editorialOf(year, input.networkYears ?? []),
    position: input.position,
  };
};
