import {
  RETROSPECTIVE_COLLECTIONS,
  type RetrospectiveActivityKind,
  type RetrospectiveAttendanceDocument,
  type RetrospectiveDoetankRef,
  type RetrospectiveGatheringFigures,
  type RetrospectiveGatheringRef,
  type RetrospectiveMemberRef,
  type RetrospectiveYearDocument,
} from '@app/contracts/read-models';
import { themeYear } from '@app/contracts/streams';
import type { GatheringKind } from '@app/contracts/vocabulary';
import type { DocumentRef, RelatedDocuments } from '../projection';
import {
  ACTIVITY_KIND,
  NO_REFS,
  doetankRef,
  gatheringRef,
  memberRef,
  required,
  timeOf,
  yearFromId,
  yearRef,
  type DocumentKind,
  type EventTime,
  type Handled,
  type HandledType,
} from './retrospective.events';
import { firstTimersAt, firstTimersRelated } from './retrospective.first-time';
import {
  NO_CHANGE,
  bump,
  bumpAt,
  shift,
  updated,
  updatedWhere,
  type Frozen,
  type Patch,
} from './retrospective.patch';
import { emptyYearBase } from './retrospective-year';

/**
 * `retrospectives/year-<YYYY>`: the figures of a year (counts, and deltas from which the report sums totals over
 * the years). Its lists (`gatherings.list`, `gatherings.bestAttended`, `partners.list`, `supporters.list`,
 * `highlights`) are never changed here: they change in the year's lists document (retrospective.lists.ts), and stay
 * as they are in this one (empty, or held inline by a document written before lists had their own document).
 */

type Year = Frozen<RetrospectiveYearDocument>;

/** The parts of the figures an event may change. The position and the month's activity are the evolve's own. */
type FiguresPart = Exclude<
  keyof RetrospectiveYearDocument,
  'id' | 'year' | 'lastEventPosition' | 'activity' | 'highlights'
>;
type FiguresPatch = Patch<RetrospectiveYearDocument, FiguresPart>;

interface FiguresContext {
  /** The year of the document (the event's business year, or the year it is about). */
  year: number;
  time: EventTime;
  /** Whether the event happened in the document's year: what happened counts there only (activity, joins, ...). */
  inYear: boolean;
  related: RelatedDocuments;
}

/** How an event `E` changes the figures of a year: the parts it changes, new; every other part is shared. */
type FiguresHandler<E extends Handled = Handled> = (
  doc: Year,
  event: E,
  context: FiguresContext,
) => FiguresPatch;

const activityOnly: FiguresHandler = () => NO_CHANGE;

type Gatherings = Year['gatherings'];
type Figures = Frozen<RetrospectiveGatheringFigures>;

/** The gatherings part with the figures of one gathering kind changed. */
export const withFigures = (
  gatherings: Gatherings,
  kind: GatheringKind,
  change: (f: Figures) => Figures,
): Gatherings => ({
  ...gatherings,
  byKind: updated(gatherings.byKind, kind, change),
});

const memberGone: FiguresHandler<Handled<'MemberLeft' | 'MemberForgotten'>> = (
  doc,
  event,
  { time, related },
) => {
  const m = doc.members;
  const counted =
    event.type === 'MemberLeft' ? { ...m, left: m.left + 1 } : { ...m, forgotten: m.forgotten + 1 };
  const before = required<RetrospectiveMemberRef>(related, memberRef(event.data.memberId), event);
  // Forgetting a member who already left changes nothing in the totals.
  if (before.status !== 'active') return { members: counted };
  return {
    members: {
      ...counted,
      netBySector: bump(m.netBySector, before.sector, -1),
      netByRole: bump(m.netByRole, before.role, -1),
      netPerMonth: bumpAt(m.netPerMonth, time.month, -1),
    },
  };
};

const doetankClosed: FiguresHandler<Handled<'DoetankConcluded' | 'DoetankStopped'>> = (
  doc,
  event,
  { related },
) => {
  const before = required<RetrospectiveDoetankRef>(related, doetankRef(event.data.doetankId), event);
  const d = doc.doetanks;
  let closed: Year['doetanks'];
  // As the decider's evolve: a conclusion of a Doetank that is not running, a stop of one that is over, change nothing.
  if (event.type === 'DoetankConcluded') {
    if (before.status !== 'started') return NO_CHANGE;
    closed = { ...d, concluded: d.concluded + 1 };
  } else {
    if (before.status !== 'proposed' && before.status !== 'started') return NO_CHANGE;
    closed = { ...d, stopped: d.stopped + 1 };
  }
  return { doetanks: before.status === 'started' ? { ...closed, activeDelta: d.activeDelta - 1 } : closed };
};

const gatheringCounted =
  (
    field: 'registrations' | 'registrationsCancelled' | 'cancelled',
  ): FiguresHandler<Handled<'ParticipantRegistered' | 'RegistrationCancelled' | 'GatheringCancelled'>> =>
  (doc, event, { related }) => {
    const { kind } = required<RetrospectiveGatheringRef>(
      related,
      gatheringRef(event.data.gatheringId),
      event,
    );
    return { gatherings: withFigures(doc.gatherings, kind, (f) => ({ ...f, [field]: f[field] + 1 })) };
  };

/**
 * Counts a gathering held, with its first-time attendees. A first attendance it takes over (an earlier gathering
 * recorded after a later one) is given back by the gathering that had counted it: directly when that one is in
 * this year's document, else as a correction for its (later) year that the assembly applies.
 */
const gatheringHeld: FiguresHandler<Handled<'GatheringHeld'>> = (doc, event, { year, time, related }) => {
  const gathering = required<RetrospectiveGatheringRef>(related, gatheringRef(event.data.gatheringId), event);
  const { attendees, count, withdrawn } = firstTimersAt(event, time.at, related);
  let { byKind, firstTimerCorrections } = doc.gatherings;
  for (const first of withdrawn) {
    if (first.firstGatheringYear === year) {
      byKind = updated(byKind, first.firstGatheringKind, (f) => ({
        ...f,
        firstTimeAttendees: f.firstTimeAttendees - 1,
      }));
    } else {
      firstTimerCorrections = corrected(firstTimerCorrections, first);
    }
  }
  byKind = updated(byKind, gathering.kind, (f) => ({
    ...f,
    held: f.held + 1,
    attendance: f.attendance + attendees.length,
    firstTimeAttendees: f.firstTimeAttendees + count,
  }));
  return { gatherings: { ...doc.gatherings, byKind, firstTimerCorrections } };
};

/** The corrections with one first-time attendee more taken off the gathering of `first`. */
const corrected = (
  corrections: Gatherings['firstTimerCorrections'],
  first: RetrospectiveAttendanceDocument,
): Gatherings['firstTimerCorrections'] => {
  const { firstGatheringYear: year, firstGatheringId: gatheringId, firstGatheringKind: kind } = first;
  const next = updatedWhere(
    corrections,
    (c) => c.year === year && c.gatheringId === gatheringId,
    (c) => ({ ...c, count: c.count - 1 }),
  );
  return next !== corrections ? next : [...corrections, { year, gatheringId, kind, count: -1 }];
};

/**
 * Every handled event type with what it changes in a year's figures. A mapped type over the handled types: an event
 * type added to ACTIVITY_KIND does not compile until it has its handler here.
 */
const FIGURES: { readonly [T in HandledType]: FiguresHandler<Handled<T>> } = {
  MemberJoined: ({ members: m }, { data: { sector, role } }, { time }) => ({
    members: {
      ...m,
      joined: m.joined + 1,
      joinedBySector: bump(m.joinedBySector, sector),
      joinedByRole: bump(m.joinedByRole, role),
      netBySector: bump(m.netBySector, sector),
      netByRole: bump(m.netByRole, role),
      netPerMonth: bumpAt(m.netPerMonth, time.month),
    },
  }),
  MemberAffiliationChanged: ({ members: m }, event, { related }) => {
    const before = required<RetrospectiveMemberRef>(related, memberRef(event.data.memberId), event);
    if (before.status !== 'active') return NO_CHANGE;
    const { sector, role } = event.data;
    return {
      members: {
        ...m,
        netBySector: shift(m.netBySector, before.sector, sector),
        netByRole: shift(m.netByRole, before.role, role),
      },
    };
  },
  MemberLeft: memberGone,
  MemberForgotten: memberGone,

  DoetankProposed: (doc, { data: { themeId } }, { year, inYear }) => {
    const inThemeYear = themeId !== undefined && themeYear(themeId) === year;
    return {
      ...(inYear && { doetanks: { ...doc.doetanks, proposed: doc.doetanks.proposed + 1 } }),
      ...(inThemeYear && { doetanksPerTheme: countedForTheme(doc.doetanksPerTheme, themeId) }),
    };
  },
  ProblemStatementSharpened: activityOnly,
  CoachAssigned: activityOnly,
  ClientSecured: activityOnly,
  DoetankStarted: (doc, event, { related }) => {
    const before = required<RetrospectiveDoetankRef>(related, doetankRef(event.data.doetankId), event);
    // As the decider's evolve: a start of a Doetank that is not proposed changes nothing.
    if (before.status !== 'proposed') return NO_CHANGE;
    const d = doc.doetanks;
    return { doetanks: { ...d, started: d.started + 1, activeDelta: d.activeDelta + 1 } };
  },
  MemberJoinedDoetank: activityOnly,
  MemberLeftDoetank: activityOnly,
  ResultShared: (doc, { data: { kind } }) => ({ results: bump(doc.results, kind) }),
  LessonRecorded: (doc) => ({ lessons: doc.lessons + 1 }),
  DoetankConcluded: doetankClosed,
  DoetankStopped: doetankClosed,

  GatheringScheduled: activityOnly,
  ParticipantRegistered: gatheringCounted('registrations'),
  RegistrationCancelled: gatheringCounted('registrationsCancelled'),
  ProgrammeItemAdded: activityOnly,
  GatheringHeld: gatheringHeld,
  GatheringCancelled: gatheringCounted('cancelled'),

  // Facts about a network year count in its document, whenever recorded; their activity in the business year's.
  YearThemesDefined: (_doc, { data }, { year }) =>
    // The list of the network year as last defined; counts per theme live beside it and survive a redefinition.
    data.year === year
      ? { themes: data.themes.map(({ themeId, title }) => ({ themeId, title })) }
      : NO_CHANGE,
  StrategicPartnerAppointed: ({ partners: p }, { data }, { year }) =>
    data.year === year ? { partners: { ...p, count: p.count + 1 } } : NO_CHANGE,
  SupporterAdded: ({ supporters: s }, { data }, { year }) =>
    data.year === year ? { supporters: { ...s, count: s.count + 1 } } : NO_CHANGE,

  DiscussionStarted: ({ discussions: d }) => ({ discussions: { ...d, started: d.started + 1 } }),
  DiscussionClosed: ({ discussions: d }) => ({ discussions: { ...d, closed: d.closed + 1 } }),
};

const countedForTheme = (perTheme: Year['doetanksPerTheme'], themeId: string): Year['doetanksPerTheme'] => {
  const next = updatedWhere(
    perTheme,
    (entry) => entry.themeId === themeId,
    (entry) => ({ ...entry, doetanks: entry.doetanks + 1 }),
  );
  return next !== perTheme ? next : [...perTheme, { themeId, doetanks: 1 }];
};

/** The activity of the year with one event more in `month`. */
const counted = (
  activity: Year['activity'],
  month: number,
  kind: RetrospectiveActivityKind,
): Year['activity'] => {
  const { events, byKind } = activity[month];
  return activity.with(month, { events: events + 1, byKind: bump(byKind, kind) });
};

export const yearFigures: DocumentKind<Year> = {
  collection: RETROSPECTIVE_COLLECTIONS.years,

  /** The event's business year, and the year it is about when that differs. */
  targets(event, { year }) {
    const years = new Set([year]);
    switch (event.type) {
      case 'DoetankProposed': {
        const themeYearOf = event.data.themeId === undefined ? undefined : themeYear(event.data.themeId);
        if (themeYearOf !== undefined) years.add(themeYearOf);
        break;
      }
      case 'YearThemesDefined':
      case 'StrategicPartnerAppointed':
      case 'SupporterAdded':
        years.add(event.data.year);
        break;
      default:
        break;
    }
    return [...years].map(yearRef);
  },

  related(event): readonly DocumentRef[] {
    switch (event.type) {
      case 'MemberAffiliationChanged':
      case 'MemberLeft':
      case 'MemberForgotten':
        return [memberRef(event.data.memberId)];
      case 'DoetankStarted':
      case 'DoetankConcluded':
      case 'DoetankStopped':
        return [doetankRef(event.data.doetankId)];
      case 'ParticipantRegistered':
      case 'RegistrationCancelled':
      case 'GatheringCancelled':
        return [gatheringRef(event.data.gatheringId)];
      case 'GatheringHeld':
        return [gatheringRef(event.data.gatheringId), ...firstTimersRelated(event)];
      default:
        return NO_REFS;
    }
  },

  /**
   * The figures after the event: a new top-level document with the parts its handler changed and the month's
   * activity (in the event's own year), sharing every other part with the document before it (or with the shared,
   * frozen empty year).
   */
  evolve(document, event, id, related) {
    const year = yearFromId(id);
    const base = document ?? emptyYearBase(year);
    const time = timeOf(event);
    const inYear = time.year === year;
    const handler = FIGURES[event.type] as FiguresHandler; // the table pairs each type with its handler
    const patch = handler(base, event, { year, time, inYear, related });
    return {
      ...base,
      ...patch,
      lastEventPosition: event.position,
      activity: inYear ? counted(base.activity, time.month, ACTIVITY_KIND[event.type]) : base.activity,
    };
  },
};
