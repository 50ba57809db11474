import {
  RETROSPECTIVE_ACTIVITY_KINDS,
  RETROSPECTIVE_HEADLINE_FIGURES,
  type Retrospective,
  type RetrospectiveGathering,
  type RetrospectiveGatheringFigures,
  type RetrospectiveHeadlines,
  type RetrospectiveTrend,
  type RetrospectiveYearDocument,
  type RetrospectiveYearListsDocument,
} from '@app/contracts/read-models';
import {
  GATHERING_KINDS,
  MEMBER_ROLES,
  RESULT_KINDS,
  SECTORS,
  type GatheringKind,
} from '@app/contracts/vocabulary';
import {
  copyOf,
  emptyGatheringFigures,
  emptyRetrospectiveYear,
  monthKey,
  recordOf,
  withListsOf,
} from './retrospective-year';

const sum = (values: Iterable<number>): number => {
  let total = 0;
  for (const value of values) total += value ?? 0;
  return total;
};

/** The year documents up to and including `year`, and that year's own document (empty if none was written). */
interface History {
  year: number;
  upTo: readonly RetrospectiveYearDocument[];
  doc: RetrospectiveYearDocument;
}

const historyOf = (year: number, docs: readonly RetrospectiveYearDocument[]): History => {
  const upTo = docs.filter((doc) => doc.year <= year);
  return { year, upTo, doc: upTo.find((doc) => doc.year === year) ?? emptyRetrospectiveYear(year) };
};

/** First-time attendees to add to (negative: take off) the gatherings of `year`, per gathering and per kind. */
const firstTimerCorrections = ({ year, upTo }: History) => {
  const byGathering = new Map<string, number>();
  const byKind = recordOf<GatheringKind, number>(GATHERING_KINDS, () => 0);
  for (const doc of upTo) {
    for (const correction of doc.gatherings.firstTimerCorrections ?? []) {
      if (correction.year !== year) continue;
      byGathering.set(
        correction.gatheringId,
        (byGathering.get(correction.gatheringId) ?? 0) + correction.count,
      );
      byKind[correction.kind] += correction.count;
    }
  }
  return { byGathering, byKind };
};

const gatheringsOf = (history: History) => {
  const corrections = firstTimerCorrections(history);
  const byKind = recordOf<GatheringKind, RetrospectiveGatheringFigures>(
    GATHERING_KINDS,
    emptyGatheringFigures,
  );
  for (const kind of GATHERING_KINDS) {
    const stored = history.doc.gatherings.byKind[kind] ?? emptyGatheringFigures();
    byKind[kind] = { ...stored, firstTimeAttendees: stored.firstTimeAttendees + corrections.byKind[kind] };
  }
  const total = (field: keyof RetrospectiveGatheringFigures) =>
    sum(GATHERING_KINDS.map((kind) => byKind[kind][field]));
  const list: RetrospectiveGathering[] = history.doc.gatherings.list.map((gathering) => ({
    ...gathering,
    firstTimers: gathering.firstTimers + (corrections.byGathering.get(gathering.gatheringId) ?? 0),
  }));
  return {
    held: total('held'),
    attendance: total('attendance'),
    firstTimeAttendees: total('firstTimeAttendees'),
    cancelled: total('cancelled'),
    registrations: total('registrations'),
    registrationsCancelled: total('registrationsCancelled'),
    byKind,
    list,
  };
};

const membersOf = ({ upTo, doc }: History) => {
  const bySector = recordOf(SECTORS, () => ({ joined: 0, totalAtYearEnd: 0 }));
  for (const sector of SECTORS) {
    bySector[sector] = {
      joined: doc.members.joinedBySector[sector] ?? 0,
      totalAtYearEnd: sum(upTo.map((d) => d.members.netBySector[sector] ?? 0)),
    };
  }
  const byRole = recordOf(MEMBER_ROLES, () => ({ joined: 0, totalAtYearEnd: 0 }));
  for (const role of MEMBER_ROLES) {
    byRole[role] = {
      joined: doc.members.joinedByRole[role] ?? 0,
      totalAtYearEnd: sum(upTo.map((d) => d.members.netByRole[role] ?? 0)),
    };
  }
  return {
    joined: doc.members.joined,
    left: doc.members.left,
    forgotten: doc.members.forgotten,
    totalAtYearEnd: sum(upTo.map((d) => sum(d.members.netPerMonth))),
    bySector,
    byRole,
  };
};

const doetanksOf = ({ upTo, doc }: History) => ({
  proposed: doc.doetanks.proposed,
  started: doc.doetanks.started,
  concluded: doc.doetanks.concluded,
  stopped: doc.doetanks.stopped,
  activeAtYearEnd: sum(upTo.map((d) => d.doetanks.activeDelta)),
});

const resultsOf = ({ doc }: History) => {
  const byKind = recordOf(RESULT_KINDS, () => 0);
  for (const kind of RESULT_KINDS) byKind[kind] = doc.results[kind] ?? 0;
  return { total: sum(Object.values(byKind)), byKind };
};

const eventsOf = ({ doc }: History): number => sum(doc.activity.map((month) => month.events));

const headlinesOf = (history: History): RetrospectiveHeadlines => {
  const members = membersOf(history);
  const doetanks = doetanksOf(history);
  const gatherings = gatheringsOf(history);
  const { doc } = history;
  return {
    year: history.year,
    membersJoined: members.joined,
    membersLeft: members.left,
    membersTotalAtYearEnd: members.totalAtYearEnd,
    doetanksProposed: doetanks.proposed,
    doetanksStarted: doetanks.started,
    doetanksConcluded: doetanks.concluded,
    doetanksStopped: doetanks.stopped,
    doetanksActiveAtYearEnd: doetanks.activeAtYearEnd,
    results: resultsOf(history).total,
    lessons: doc.lessons,
    gatheringsHeld: gatherings.held,
    gatheringAttendance: gatherings.attendance,
    firstTimeAttendees: gatherings.firstTimeAttendees,
    discussionsStarted: doc.discussions.started,
    partners: doc.partners.count,
    supporters: doc.supporters.count,
    events: eventsOf(history),
  };
};

/**
 * The annual retrospective of `year`, from the year documents of the `retrospectives` projection. Pass the
 * documents of every year up to and including `year` (later ones are ignored; a year without a document counts as
 * a year in which nothing happened), and the lists document of `year` (see {@link RetrospectiveYearDocument}; left
 * out, the lists are those of the year document). Totals at a year's end are the sums of the yearly deltas up to
 * it; the year before is the same computation one year earlier, and is null when no document is older than `year`.
 */
export const assembleRetrospective = (
  year: number,
  docs: readonly RetrospectiveYearDocument[],
  lists?: RetrospectiveYearListsDocument | null,
): Retrospective => {
  const figures = historyOf(year, docs);
  const history = { ...figures, doc: withListsOf(figures.doc, lists) };
  const { doc } = history;
  const headlines = headlinesOf(history);
  const previousYear = history.upTo.some((d) => d.year < year)
    ? headlinesOf(historyOf(year - 1, docs))
    : null;

  const trend = recordOf(RETROSPECTIVE_HEADLINE_FIGURES, (): RetrospectiveTrend => ({
    current: 0,
    previous: null,
    change: null,
  }));
  for (const figure of RETROSPECTIVE_HEADLINE_FIGURES) {
    const current = headlines[figure];
    const previous = previousYear === null ? null : previousYear[figure];
    trend[figure] = { current, previous, change: previous === null ? null : current - previous };
  }

  const perTheme = new Map(doc.doetanksPerTheme.map((entry) => [entry.themeId, entry.doetanks]));
  const themes = doc.themes.map(({ themeId, title }) => ({
    themeId,
    title,
    doetanks: perTheme.get(themeId) ?? 0,
  }));
  // Doetanks that name a theme the year's list does not (hold) still count: shown under their id.
  for (const [themeId, doetanks] of perTheme) {
    if (!themes.some((theme) => theme.themeId === themeId))
      themes.push({ themeId, title: themeId, doetanks });
  }

  const monthsBefore = sum(history.upTo.filter((d) => d.year < year).map((d) => sum(d.members.netPerMonth)));
  let running = monthsBefore;
  const memberGrowthPerMonth = doc.members.netPerMonth.map((change, month) => {
    running += change;
    return { month: monthKey(year, month), change, total: running };
  });

  return {
    year,
    members: membersOf(history),
    doetanks: doetanksOf(history),
    results: resultsOf(history),
    lessons: doc.lessons,
    gatherings: gatheringsOf(history),
    discussions: { ...doc.discussions },
    partners: copyOf(doc.partners.list),
    supporters: copyOf(doc.supporters.list),
    themes,
    activityPerMonth: doc.activity.map((activity, month) => {
      const byKind = recordOf(RETROSPECTIVE_ACTIVITY_KINDS, () => 0);
      for (const kind of RETROSPECTIVE_ACTIVITY_KINDS) byKind[kind] = activity.byKind[kind] ?? 0;
      return { month: monthKey(year, month), events: activity.events, byKind };
    }),
    memberGrowthPerMonth,
    previousYear,
    trend,
    highlights: {
      results: copyOf(doc.highlights.results),
      bestAttendedGathering: doc.gatherings.bestAttended === null ? null : { ...doc.gatherings.bestAttended },
      lessons: copyOf(doc.highlights.lessons),
    },
  };
};
