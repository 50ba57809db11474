import type { EventOf, NetworkEventType } from '@app/contracts';
import {
  RETROSPECTIVE_COLLECTIONS,
  RETROSPECTIVE_LIST_LIMITS,
  retrospectiveYearId,
  type RetrospectiveActivityKind,
  type RetrospectiveAttendanceDocument,
  type RetrospectiveDoetankRef,
  type RetrospectiveGathering,
  type RetrospectiveGatheringHighlight,
  type RetrospectiveGatheringRef,
  type RetrospectiveMemberRef,
  type RetrospectiveRefDocument,
  type RetrospectiveYearDocument,
  type RetrospectiveYearListsDocument,
} from '@app/contracts/read-models';
import { themeYear } from '@app/contracts/streams';
import {
  refKey,
  type DocumentRef,
  type ProjectedDocument,
  type Projection,
  type ProjectionEvent,
  type RelatedDocuments,
} from '../projection';
import { businessTime } from '../shared/business-time';
import { emptyYearBase, listsOfYear, withListsOf } from './retrospective-year';

const { years: YEARS, yearLists: YEAR_LISTS, attendance: ATTENDANCE, refs: REFS } = RETROSPECTIVE_COLLECTIONS;

/**
 * Every event that is activity in the network, with the part of the network it is about. Not handled: the e-mail
 * claims (bookkeeping of the member streams) and `ThemeAdoptedByDoetank` (the bookkeeping half of a proposal with
 * a theme: the `DoetankProposed` that follows it is what counts).
 */
const ACTIVITY_KIND = {
  MemberJoined: 'member',
  MemberAffiliationChanged: 'member',
  MemberLeft: 'member',
  MemberForgotten: 'member',
  DoetankProposed: 'doetank',
  ProblemStatementSharpened: 'doetank',
  CoachAssigned: 'doetank',
  ClientSecured: 'doetank',
  DoetankStarted: 'doetank',
  MemberJoinedDoetank: 'doetank',
  MemberLeftDoetank: 'doetank',
  ResultShared: 'doetank',
  LessonRecorded: 'doetank',
  DoetankConcluded: 'doetank',
  DoetankStopped: 'doetank',
  GatheringScheduled: 'gathering',
  ParticipantRegistered: 'gathering',
  RegistrationCancelled: 'gathering',
  ProgrammeItemAdded: 'gathering',
  GatheringHeld: 'gathering',
  GatheringCancelled: 'gathering',
  YearThemesDefined: 'network',
  StrategicPartnerAppointed: 'network',
  SupporterAdded: 'network',
  DiscussionStarted: 'discussion',
  DiscussionClosed: 'discussion',
} as const satisfies Partial<Record<NetworkEventType, RetrospectiveActivityKind>>;

type HandledType = keyof typeof ACTIVITY_KIND;
type Handled = ProjectionEvent<EventOf<HandledType>>;

const HANDLES = Object.keys(ACTIVITY_KIND) as HandledType[];

const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

/**
 * The event's business time (`occurredAt` in UTC, `toISOString()` form, so times compare as strings) with its year
 * and month index. An unreadable time fails the event (the runner then stops the projection as unhealthy): counting
 * it in no year, or in a wrong one, would change the figures without anyone noticing.
 */
const timeOf = (event: ProjectionEvent): { at: string; year: number; month: number } => {
  // targets and evolve (for each of its documents) ask for the same event's time: computed once.
  if (event === lastTimed.event) return lastTimed.time;
  const time = computeTimeOf(event);
  lastTimed = { event, time };
  return time;
};
let lastTimed: { event?: ProjectionEvent; time: { at: string; year: number; month: number } } = {
  time: { at: '', year: 0, month: 0 },
};

const computeTimeOf = (event: ProjectionEvent): { at: string; year: number; month: number } => {
  const { occurredAt } = event.metadata;
  const time = businessTime(occurredAt);
  // Date.parse alone is lenient (it reads "sometime in 2012" as a date): require ISO-8601 as well.
  if (!ISO_DATE_TIME.test(occurredAt) || Number.isNaN(Date.parse(occurredAt))) {
    throw new Error(`retrospectives: ${event.type} at position ${event.position} has no valid occurredAt`);
  }
  return { at: time.at, year: time.year, month: Number(time.month.slice(5, 7)) - 1 };
};

const yearRef = (year: number): DocumentRef => ({ collection: YEARS, id: retrospectiveYearId(year) });
const yearListsRef = (year: number): DocumentRef => ({
  collection: YEAR_LISTS,
  id: retrospectiveYearId(year),
});
const attendanceRef = (memberId: string): DocumentRef => ({ collection: ATTENDANCE, id: memberId });
const memberRef = (memberId: string): DocumentRef => ({ collection: REFS, id: `member-${memberId}` });
const doetankRef = (doetankId: string): DocumentRef => ({ collection: REFS, id: `doetank-${doetankId}` });
const gatheringRef = (gatheringId: string): DocumentRef => ({
  collection: REFS,
  id: `gathering-${gatheringId}`,
});

const uniqueAttendees = (event: ProjectionEvent<EventOf<'GatheringHeld'>>): string[] => [
  ...new Set(event.data.attendees),
];

const isHandled = (event: ProjectionEvent): event is Handled =>
  Object.prototype.hasOwnProperty.call(ACTIVITY_KIND, event.type);

/** The year documents an event changes: its business year, and the year it is about when that differs. */
const yearTargets = (event: Handled, year: number): DocumentRef[] => {
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
};

/**
 * The years whose lists an event may change: results, lessons and gatherings go to the lists of their business
 * year, partners and supporters to those of the network year they are about.
 */
const listYears = (event: Handled, year: number): number[] => {
  switch (event.type) {
    case 'ResultShared':
    case 'LessonRecorded':
    case 'GatheringHeld':
      return [year];
    case 'StrategicPartnerAppointed':
    case 'SupporterAdded':
      return [event.data.year];
    default:
      return [];
  }
};

const helperTargets = (event: Handled): DocumentRef[] => {
  switch (event.type) {
    case 'MemberJoined':
    case 'MemberAffiliationChanged':
    case 'MemberLeft':
    case 'MemberForgotten':
      return [memberRef(event.data.memberId)];
    case 'DoetankProposed':
    case 'DoetankStarted':
    case 'DoetankConcluded':
    case 'DoetankStopped':
      return [doetankRef(event.data.doetankId)];
    case 'GatheringScheduled':
      return [gatheringRef(event.data.gatheringId)];
    case 'GatheringHeld':
      return uniqueAttendees(event).map(attendanceRef);
    default:
      return [];
  }
};

const relatedRefs = (event: Handled): DocumentRef[] => {
  switch (event.type) {
    case 'MemberAffiliationChanged':
    case 'MemberLeft':
    case 'MemberForgotten':
      return [memberRef(event.data.memberId)];
    case 'DoetankStarted':
    case 'DoetankConcluded':
    case 'DoetankStopped':
    case 'ResultShared':
    case 'LessonRecorded':
      return [doetankRef(event.data.doetankId)];
    case 'ParticipantRegistered':
    case 'RegistrationCancelled':
    case 'GatheringCancelled':
      return [gatheringRef(event.data.gatheringId)];
    case 'GatheringHeld':
      return [gatheringRef(event.data.gatheringId), ...uniqueAttendees(event).map(attendanceRef)];
    default:
      return [];
  }
};

// --- reading related documents -----------------------------------------------------------------------------------

const relatedDoc = <T>(related: RelatedDocuments, ref: DocumentRef): T | null =>
  (related.get(refKey(ref)) ?? null) as T | null;

/**
 * A helper document that the stream's own earlier events must have written (a member's join before its leave, a
 * gathering's schedule before it is held). Missing, the history or the runner is broken: fail loudly rather than
 * count wrong, so the runner stops the projection as unhealthy.
 */
const required = <T>(related: RelatedDocuments, ref: DocumentRef, event: ProjectionEvent): T => {
  const doc = relatedDoc<T>(related, ref);
  if (doc === null) {
    throw new Error(
      `retrospectives: ${event.type} at position ${event.position} needs ${refKey(ref)}, which is missing`,
    );
  }
  return doc;
};

// --- first attendance ----------------------------------------------------------------------------------------------

/** True when a `GatheringHeld` at `time` of `gatheringId` comes before the member's recorded first attendance. */
const comesBefore = (time: string, gatheringId: string, first: RetrospectiveAttendanceDocument): boolean =>
  time < first.firstAttendedOn || (time === first.firstAttendedOn && gatheringId < first.firstGatheringId);

// --- bounded, order-independent lists ------------------------------------------------------------------------------

/**
 * Inserts in order and keeps the first `limit`. The kept entries are the `limit` smallest of all ever inserted,
 * whatever the order of insertion, so events arriving out of business-time order give the same list.
 */
const insertBounded = <T>(
  list: T[],
  entry: T,
  limit: number,
  compare: (a: T, b: T) => number,
  same: (a: T, b: T) => boolean,
): T[] => {
  // Full, and the entry comes after the last kept one (the usual case when events arrive in order): no change.
  if (list.length >= limit && compare(entry, list[list.length - 1]) > 0) return list;
  if (list.some((existing) => same(existing, entry))) return list;
  const next = [...list, entry].sort(compare);
  return next.slice(0, limit);
};

const byTimeThenId =
  <T>(time: (entry: T) => string, id: (entry: T) => string) =>
  (a: T, b: T): number =>
    time(a) < time(b) ? -1 : time(a) > time(b) ? 1 : id(a) < id(b) ? -1 : id(a) > id(b) ? 1 : 0;

/** Gatherings by date, then id. */
const gatheringOrder = byTimeThenId<{ date: string; gatheringId: string }>(
  (g) => g.date,
  (g) => g.gatheringId,
);

/** More attendees; at equal attendance the earlier gathering (then the smaller id), so arrival order never matters. */
const betterAttended = (
  a: RetrospectiveGatheringHighlight,
  b: RetrospectiveGatheringHighlight | null,
): boolean =>
  b === null || a.attendance > b.attendance || (a.attendance === b.attendance && gatheringOrder(a, b) < 0);

/** The lesson cut to the excerpt length in characters (code points, so no emoji is cut in half). */
const excerpt = (text: string): string => {
  const limit = RETROSPECTIVE_LIST_LIMITS.lessonExcerpt;
  const characters = [...text];
  return characters.length <= limit
    ? text
    : `${characters
        .slice(0, limit - 1)
        .join('')
        .trimEnd()}…`;
};

// --- the year document ---------------------------------------------------------------------------------------------

type YearPart = Exclude<keyof RetrospectiveYearDocument, 'id' | 'year' | 'lastEventPosition' | 'activity'>;

/**
 * The parts of the year document each event type may change (besides its activity month): the evolve below copies
 * them (COPY_PART) before changing them in place, and shares every other part with the input document.
 */
const PARTS_CHANGED: Record<HandledType, readonly YearPart[]> = {
  MemberJoined: ['members'],
  MemberAffiliationChanged: ['members'],
  MemberLeft: ['members'],
  MemberForgotten: ['members'],
  DoetankProposed: ['doetanks', 'doetanksPerTheme'],
  ProblemStatementSharpened: [],
  CoachAssigned: [],
  ClientSecured: [],
  DoetankStarted: ['doetanks'],
  MemberJoinedDoetank: [],
  MemberLeftDoetank: [],
  ResultShared: ['results', 'highlights'],
  LessonRecorded: ['highlights'],
  DoetankConcluded: ['doetanks'],
  DoetankStopped: ['doetanks'],
  GatheringScheduled: [],
  ParticipantRegistered: ['gatherings'],
  RegistrationCancelled: ['gatherings'],
  ProgrammeItemAdded: [],
  GatheringHeld: ['gatherings'],
  GatheringCancelled: ['gatherings'],
  YearThemesDefined: ['themes'],
  StrategicPartnerAppointed: ['partners'],
  SupporterAdded: ['supporters'],
  DiscussionStarted: ['discussions'],
  DiscussionClosed: ['discussions'],
};

type Year = RetrospectiveYearDocument;

/**
 * How deep each part is copied: as deep as the evolve below changes it in place. Lists it adds to or replaces
 * (highlights, the gatherings list, corrections) are replaced whole rather than changed, so their entries are shared.
 */
const COPY_PART: { [P in YearPart]: (part: Year[P]) => Year[P] } = {
  members: (m) => ({
    ...m,
    joinedBySector: { ...m.joinedBySector },
    joinedByRole: { ...m.joinedByRole },
    netBySector: { ...m.netBySector },
    netByRole: { ...m.netByRole },
    netPerMonth: m.netPerMonth.slice(),
  }),
  doetanks: (d) => ({ ...d }),
  results: (r) => ({ ...r }),
  lessons: (l) => l,
  gatherings: (g) => ({
    ...g,
    byKind: Object.fromEntries(
      Object.entries(g.byKind).map(([kind, figures]) => [kind, { ...figures }]),
    ) as typeof g.byKind,
  }),
  discussions: (d) => ({ ...d }),
  partners: (p) => ({ ...p, list: p.list.slice() }),
  supporters: (s) => ({ ...s, list: s.list.slice() }),
  themes: (t) => t,
  doetanksPerTheme: (d) => d.map((entry) => ({ ...entry })),
  highlights: (h) => ({ ...h }),
};

const copyPart = <P extends YearPart>(doc: Year, base: Year, part: P): void => {
  doc[part] = COPY_PART[part](base[part]);
};

const evolveYear = (
  document: RetrospectiveYearDocument | null,
  event: Handled,
  year: number,
  related: RelatedDocuments,
): RetrospectiveYearDocument => {
  // Copy-on-write by hand: an event touches a few counters of a ~20 KB document, so only the parts it may change
  // are copied (PARTS_CHANGED) and the rest is shared; the input stays unchanged, as a projection must.
  const base = document ?? emptyYearBase(year);
  const doc: RetrospectiveYearDocument = { ...base, lastEventPosition: event.position };
  for (const part of PARTS_CHANGED[event.type]) copyPart(doc, base, part);
  const { at: time, year: eventYear, month } = timeOf(event);
  // An event may also change the document of the year it is about (a theme's year, a network year); what happened
  // in the year itself (activity, joins, results, ...) belongs to its business year only.
  const inYear = eventYear === year;
  if (inYear) {
    const activity = base.activity[month];
    const kind = ACTIVITY_KIND[event.type];
    doc.activity = base.activity.slice();
    doc.activity[month] = {
      events: activity.events + 1,
      byKind: { ...activity.byKind, [kind]: activity.byKind[kind] + 1 },
    };
  }

  switch (event.type) {
    case 'MemberJoined': {
      const { sector, role } = event.data;
      const members = doc.members;
      members.joined += 1;
      members.joinedBySector[sector] += 1;
      members.joinedByRole[role] += 1;
      members.netBySector[sector] += 1;
      members.netByRole[role] += 1;
      members.netPerMonth[month] += 1;
      break;
    }
    case 'MemberAffiliationChanged': {
      const before = required<RetrospectiveMemberRef>(related, memberRef(event.data.memberId), event);
      if (before.status !== 'active') break;
      const { sector, role } = event.data;
      doc.members.netBySector[before.sector] -= 1;
      doc.members.netBySector[sector] += 1;
      doc.members.netByRole[before.role] -= 1;
      doc.members.netByRole[role] += 1;
      break;
    }
    case 'MemberLeft':
    case 'MemberForgotten': {
      if (event.type === 'MemberLeft') doc.members.left += 1;
      else doc.members.forgotten += 1;
      const before = required<RetrospectiveMemberRef>(related, memberRef(event.data.memberId), event);
      // Forgetting a member who already left changes nothing in the totals.
      if (before.status !== 'active') break;
      doc.members.netBySector[before.sector] -= 1;
      doc.members.netByRole[before.role] -= 1;
      doc.members.netPerMonth[month] -= 1;
      break;
    }

    case 'DoetankProposed': {
      if (inYear) doc.doetanks.proposed += 1;
      const { themeId } = event.data;
      if (themeId !== undefined && themeYear(themeId) === year) {
        const entry = doc.doetanksPerTheme.find((theme) => theme.themeId === themeId);
        if (entry) entry.doetanks += 1;
        else doc.doetanksPerTheme.push({ themeId, doetanks: 1 });
      }
      break;
    }
    case 'DoetankStarted': {
      const before = required<RetrospectiveDoetankRef>(related, doetankRef(event.data.doetankId), event);
      // As the decider's evolve: a start of a Doetank that is not proposed changes nothing.
      if (before.status !== 'proposed') break;
      doc.doetanks.started += 1;
      doc.doetanks.activeDelta += 1;
      break;
    }
    case 'DoetankConcluded':
    case 'DoetankStopped': {
      const before = required<RetrospectiveDoetankRef>(related, doetankRef(event.data.doetankId), event);
      if (event.type === 'DoetankConcluded') {
        if (before.status !== 'started') break;
        doc.doetanks.concluded += 1;
      } else {
        if (before.status !== 'proposed' && before.status !== 'started') break;
        doc.doetanks.stopped += 1;
      }
      if (before.status === 'started') doc.doetanks.activeDelta -= 1;
      break;
    }
    case 'ResultShared': {
      const { doetankId, resultId, kind, title, link } = event.data;
      doc.results[kind] += 1;
      const doetank = relatedDoc<RetrospectiveDoetankRef>(related, doetankRef(doetankId));
      doc.highlights.results = insertBounded(
        doc.highlights.results,
        {
          resultId,
          title,
          kind,
          doetankId,
          doetankTitle: doetank?.title ?? null,
          ...(link !== undefined && { link }),
          sharedAt: time,
        },
        RETROSPECTIVE_LIST_LIMITS.results,
        byTimeThenId(
          (r) => r.sharedAt,
          (r) => r.resultId,
        ),
        (a, b) => a.resultId === b.resultId,
      );
      break;
    }
    case 'LessonRecorded': {
      const { doetankId, lessonId, lesson } = event.data;
      doc.lessons += 1;
      const doetank = relatedDoc<RetrospectiveDoetankRef>(related, doetankRef(doetankId));
      doc.highlights.lessons = insertBounded(
        doc.highlights.lessons,
        {
          lessonId,
          doetankId,
          doetankTitle: doetank?.title ?? null,
          excerpt: excerpt(lesson),
          recordedAt: time,
        },
        RETROSPECTIVE_LIST_LIMITS.lessons,
        byTimeThenId(
          (l) => l.recordedAt,
          (l) => l.lessonId,
        ),
        (a, b) => a.lessonId === b.lessonId,
      );
      break;
    }

    case 'ParticipantRegistered':
    case 'RegistrationCancelled':
    case 'GatheringCancelled': {
      const { kind } = required<RetrospectiveGatheringRef>(
        related,
        gatheringRef(event.data.gatheringId),
        event,
      );
      const figures = doc.gatherings.byKind[kind];
      if (event.type === 'ParticipantRegistered') figures.registrations += 1;
      else if (event.type === 'RegistrationCancelled') figures.registrationsCancelled += 1;
      else figures.cancelled += 1;
      break;
    }
    case 'GatheringHeld':
      evolveYearWithGatheringHeld(doc, event, time, related);
      break;

    case 'YearThemesDefined':
      // The list of the network year as last defined; counts per theme live beside it and survive a redefinition.
      if (event.data.year === year) {
        doc.themes = event.data.themes.map(({ themeId, title }) => ({ themeId, title }));
      }
      break;
    case 'StrategicPartnerAppointed':
      if (event.data.year === year) {
        const { organisation, description } = event.data;
        doc.partners.count += 1;
        if (doc.partners.list.length < RETROSPECTIVE_LIST_LIMITS.partners) {
          doc.partners.list.push({ organisation, ...(description !== undefined && { description }) });
        }
      }
      break;
    case 'SupporterAdded':
      if (event.data.year === year) {
        const { supporterId, name, affiliation } = event.data;
        doc.supporters.count += 1;
        if (doc.supporters.list.length < RETROSPECTIVE_LIST_LIMITS.supporters) {
          doc.supporters.list.push({
            supporterId,
            name,
            ...(affiliation !== undefined && { affiliation }),
          });
        }
      }
      break;

    case 'DiscussionStarted':
      doc.discussions.started += 1;
      break;
    case 'DiscussionClosed':
      doc.discussions.closed += 1;
      break;

    case 'ProblemStatementSharpened':
    case 'CoachAssigned':
    case 'ClientSecured':
    case 'MemberJoinedDoetank':
    case 'MemberLeftDoetank':
    case 'GatheringScheduled':
    case 'ProgrammeItemAdded':
      break; // activity only
    default: {
      const unhandled: never = event;
      return unhandled;
    }
  }
  return doc;
};

/**
 * Counts a gathering held, with its first-time attendees: the attendees whose first attendance (before this
 * event) was none, or a gathering with a later business time. In the second case that later gathering had counted
 * the member as a first-timer; it gives the count back, directly when it is in this year's document, else as a
 * correction for its (later) year that the assembly applies.
 */
const evolveYearWithGatheringHeld = (
  doc: RetrospectiveYearDocument,
  event: ProjectionEvent<EventOf<'GatheringHeld'>>,
  time: string,
  related: RelatedDocuments,
): void => {
  const { gatheringId, heldOn } = event.data;
  const gathering = required<RetrospectiveGatheringRef>(related, gatheringRef(gatheringId), event);
  const attendees = uniqueAttendees(event);
  let firstTimers = 0;
  for (const memberId of attendees) {
    const first = relatedDoc<RetrospectiveAttendanceDocument>(related, attendanceRef(memberId));
    if (first === null) {
      firstTimers += 1;
    } else if (comesBefore(time, gatheringId, first)) {
      firstTimers += 1;
      withdrawFirstTimer(doc, first);
    }
  }

  const figures = doc.gatherings.byKind[gathering.kind];
  figures.held += 1;
  figures.attendance += attendees.length;
  figures.firstTimeAttendees += firstTimers;

  const entry: RetrospectiveGathering = {
    gatheringId,
    title: gathering.title,
    kind: gathering.kind,
    date: heldOn,
    venue: gathering.venue,
    ...(gathering.city !== undefined && { city: gathering.city }),
    attendance: attendees.length,
    firstTimers,
  };
  doc.gatherings.list = insertBounded(
    doc.gatherings.list,
    entry,
    RETROSPECTIVE_LIST_LIMITS.gatherings,
    gatheringOrder,
    (a, b) => a.gatheringId === b.gatheringId,
  );
  const { firstTimers: _firstTimers, ...highlight } = entry;
  if (betterAttended(highlight, doc.gatherings.bestAttended)) doc.gatherings.bestAttended = highlight;
};

const withdrawFirstTimer = (doc: RetrospectiveYearDocument, first: RetrospectiveAttendanceDocument): void => {
  const { firstGatheringYear: year, firstGatheringId: gatheringId, firstGatheringKind: kind } = first;
  if (year === doc.year) {
    doc.gatherings.byKind[kind].firstTimeAttendees -= 1;
    // List entries and corrections are replaced, not changed: the copy of `gatherings` shares them with the input.
    const listed = doc.gatherings.list.findIndex((g) => g.gatheringId === gatheringId);
    if (listed >= 0) {
      const list = doc.gatherings.list.slice();
      list[listed] = { ...list[listed], firstTimers: list[listed].firstTimers - 1 };
      doc.gatherings.list = list;
    }
    return;
  }
  const corrections = doc.gatherings.firstTimerCorrections;
  const correction = corrections.findIndex((c) => c.year === year && c.gatheringId === gatheringId);
  doc.gatherings.firstTimerCorrections =
    correction >= 0
      ? corrections.map((c, i) => (i === correction ? { ...c, count: c.count - 1 } : c))
      : [...corrections, { year, gatheringId, kind, count: -1 }];
};

// --- figures and lists of a year ----------------------------------------------------------------------------------

/** The lists of a new figures document: none (shared and frozen: documents are changed by copying, never in place). */
const NO_LISTS = Object.freeze({
  gatherings: Object.freeze({ list: Object.freeze([]) as never[], bestAttended: null }),
  partners: Object.freeze({ list: Object.freeze([]) as never[] }),
  supporters: Object.freeze({ list: Object.freeze([]) as never[] }),
  highlights: Object.freeze({ results: Object.freeze([]) as never[], lessons: Object.freeze([]) as never[] }),
});

/**
 * The year's figures after the event. Its lists stay as they were (none, or those of a document written before
 * lists had their own document): they change in the lists document. A part the evolve changed is its own copy,
 * so its lists are put back in place.
 */
const evolveFigures = (
  document: RetrospectiveYearDocument | null,
  event: Handled,
  year: number,
  related: RelatedDocuments,
): RetrospectiveYearDocument => {
  const next = evolveYear(document, event, year, related);
  const kept = document ?? NO_LISTS;
  const { gatherings, partners, supporters } = next;
  if (gatherings.list !== kept.gatherings.list || gatherings.bestAttended !== kept.gatherings.bestAttended) {
    next.gatherings = {
      ...gatherings,
      list: kept.gatherings.list,
      bestAttended: kept.gatherings.bestAttended,
    };
  }
  if (partners.list !== kept.partners.list) next.partners = { ...partners, list: kept.partners.list };
  if (supporters.list !== kept.supporters.list)
    next.supporters = { ...supporters, list: kept.supporters.list };
  if (next.highlights !== kept.highlights) next.highlights = kept.highlights;
  return next;
};

const sameEntries = <T>(a: readonly T[], b: readonly T[]): boolean =>
  a === b || (a.length === b.length && a.every((entry, i) => entry === b[i]));

const sameLists = (a: RetrospectiveYearListsDocument, b: RetrospectiveYearListsDocument): boolean =>
  a.bestAttendedGathering === b.bestAttendedGathering &&
  sameEntries(a.gatherings, b.gatherings) &&
  sameEntries(a.results, b.results) &&
  sameEntries(a.lessons, b.lessons) &&
  sameEntries(a.partners, b.partners) &&
  sameEntries(a.supporters, b.supporters);

/**
 * The year's lists after the event: the year document's evolve, run over empty figures with these lists. A year's
 * first lists document starts from the lists its figures document holds inline, if it was written before lists
 * had their own document (read as a related document, as it was before the event). Unchanged (a full list, an
 * entry after the last kept one), the document is not rewritten.
 */
const evolveLists = (
  document: RetrospectiveYearListsDocument | null,
  event: Handled,
  year: number,
  related: RelatedDocuments,
): RetrospectiveYearListsDocument => {
  const before =
    document ??
    listsOfYear(relatedDoc<RetrospectiveYearDocument>(related, yearRef(year)) ?? emptyYearBase(year));
  const after = listsOfYear(evolveYear(withListsOf(emptyYearBase(year), before), event, year, related));
  if (document !== null && sameLists(after, document)) return document;
  return { ...after, lastEventPosition: event.position };
};

// --- helper documents ----------------------------------------------------------------------------------------------

const evolveAttendance = (
  document: RetrospectiveAttendanceDocument | null,
  event: ProjectionEvent<EventOf<'GatheringHeld'>>,
  memberId: string,
  related: RelatedDocuments,
): RetrospectiveAttendanceDocument => {
  const { at: time, year } = timeOf(event);
  const { gatheringId } = event.data;
  if (document !== null && !comesBefore(time, gatheringId, document)) return document;
  const { kind } = required<RetrospectiveGatheringRef>(related, gatheringRef(gatheringId), event);
  return {
    id: memberId,
    lastEventPosition: event.position,
    firstAttendedOn: time,
    firstGatheringId: gatheringId,
    firstGatheringKind: kind,
    firstGatheringYear: year,
  };
};

const evolveRef = (
  document: RetrospectiveRefDocument | null,
  event: Handled,
  id: string,
): RetrospectiveRefDocument | null => {
  const lastEventPosition = event.position;
  switch (event.type) {
    case 'MemberJoined':
    case 'MemberAffiliationChanged': {
      const status =
        event.type === 'MemberAffiliationChanged' && document?.ref === 'member' ? document.status : 'active';
      return {
        id,
        lastEventPosition,
        ref: 'member',
        sector: event.data.sector,
        role: event.data.role,
        status,
      };
    }
    case 'MemberLeft':
    case 'MemberForgotten':
      if (document?.ref !== 'member') return document;
      return { ...document, lastEventPosition, status: event.type === 'MemberLeft' ? 'left' : 'forgotten' };
    case 'DoetankProposed':
      return { id, lastEventPosition, ref: 'doetank', title: event.data.title, status: 'proposed' };
    case 'DoetankStarted':
      if (document?.ref !== 'doetank' || document.status !== 'proposed') return document;
      return { ...document, lastEventPosition, status: 'started' };
    case 'DoetankConcluded':
      if (document?.ref !== 'doetank' || document.status !== 'started') return document;
      return { ...document, lastEventPosition, status: 'concluded' };
    case 'DoetankStopped':
      if (document?.ref !== 'doetank' || (document.status !== 'proposed' && document.status !== 'started')) {
        return document;
      }
      return { ...document, lastEventPosition, status: 'stopped' };
    case 'GatheringScheduled': {
      const { kind, title, venue, city, startsAt } = event.data;
      return {
        id,
        lastEventPosition,
        ref: 'gathering',
        kind,
        title,
        venue,
        ...(city !== undefined && { city }),
        startsAt,
      };
    }
    default:
      return document;
  }
};

/**
 * The annual retrospective, one document per year (`retrospectives/year-<YYYY>`) with its figures and one with its
 * lists (`retrospective_year_lists/year-<YYYY>`), kept up to date event by event; `readRetrospective` reads the
 * figures up to a year and that year's lists, and `assembleRetrospective` turns them into the report. Years and
 * months are those of the event's business time (`metadata.occurredAt`, UTC); facts about a network year (themes,
 * partners, supporters) and the Doetanks per theme go to the documents of the year they are about.
 *
 * Helper documents: `retrospective_attendance/<memberId>` (a member's first gathering, for first-time attendees)
 * and `retrospective_refs/{member,doetank,gathering}-<id>` (sector and role, Doetank status and title, gathering
 * kind, title and venue), read by later events.
 *
 * Out of business-time order (an import that records old gatherings late): a member's first gathering is the one
 * with the earliest business time whatever the arrival order; a later-arriving earlier gathering takes the
 * first-time attendee over and the gathering that had counted them gives it back (see
 * `RetrospectiveFirstTimerCorrection`). Every other figure is a count that does not depend on arrival order.
 */
export const retrospectivesProjection: Projection = {
  name: 'retrospectives',
  collections: [
    { name: YEARS, indexes: [{ name: 'by_year', fields: [{ field: 'year' }] }] },
    { name: YEAR_LISTS },
    { name: ATTENDANCE },
    { name: REFS },
  ],
  handles: HANDLES,
  readsPersonalData: false, // sector, role and organisation only: not personal

  targets(event) {
    if (!isHandled(event)) return [];
    const { year } = timeOf(event);
    return [
      ...yearTargets(event, year),
      ...listYears(event, year).map(yearListsRef),
      ...helperTargets(event),
    ];
  },

  related(event) {
    if (!isHandled(event)) return [];
    return [...relatedRefs(event), ...listYears(event, timeOf(event).year).map(yearRef)];
  },

  evolve(document, event, target, related) {
    if (!isHandled(event)) return document;
    // The runner skips redelivered events too; this keeps evolve idempotent on its own.
    if (document !== null && document.lastEventPosition >= event.position) return document;
    switch (target.collection) {
      case YEARS:
        return evolveFigures(
          document as RetrospectiveYearDocument | null,
          event,
          yearFromId(target.id),
          related,
        ) as ProjectedDocument;
      case YEAR_LISTS:
        return evolveLists(
          document as RetrospectiveYearListsDocument | null,
          event,
          yearFromId(target.id),
          related,
        ) as ProjectedDocument;
      case ATTENDANCE:
        if (event.type !== 'GatheringHeld') return document;
        return evolveAttendance(
          document as RetrospectiveAttendanceDocument | null,
          event,
          target.id,
          related,
        ) as ProjectedDocument;
      case REFS:
        return evolveRef(
          document as RetrospectiveRefDocument | null,
          event,
          target.id,
        ) as ProjectedDocument | null;
      default:
        throw new Error(`retrospectives: unknown target collection ${target.collection}`);
    }
  },
};

const yearFromId = (id: string): number => {
  const match = /^year-(\d+)$/.exec(id);
  if (!match) throw new Error(`retrospectives: ${id} is not a year document id`);
  return Number(match[1]);
};
