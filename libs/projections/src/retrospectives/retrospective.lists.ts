import {
  RETROSPECTIVE_COLLECTIONS,
  RETROSPECTIVE_LIST_LIMITS,
  type RetrospectiveDoetankRef,
  type RetrospectiveGathering,
  type RetrospectiveGatheringHighlight,
  type RetrospectiveGatheringRef,
  type RetrospectiveLessonHighlight,
  type RetrospectiveResultHighlight,
  type RetrospectiveYearDocument,
  type RetrospectiveYearListsDocument,
} from '@app/contracts/read-models';
import type { DocumentRef, RelatedDocuments } from '../projection';
import {
  NO_REFS,
  doetankRef,
  gatheringRef,
  relatedDoc,
  required,
  timeOf,
  yearFromId,
  yearListsRef,
  yearRef,
  type DocumentKind,
  type EventTime,
  type Handled,
  type HandledType,
} from './retrospective.events';
import { firstTimersAt, firstTimersRelated } from './retrospective.first-time';
import { NO_CHANGE, updatedWhere, type Frozen, type Patch } from './retrospective.patch';
import { emptyYearBase, listsOfYear } from './retrospective-year';

/**
 * `retrospective_year_lists/year-<YYYY>`: the lists of a year (gatherings held, the best-attended one, results and
 * lessons as highlights, partners and supporters), each bounded by RETROSPECTIVE_LIST_LIMITS and the same whatever
 * the order in which the events arrive. Read for the year of a report only, so the figures documents stay small.
 */

export type Lists = Frozen<RetrospectiveYearListsDocument>;
type ListPart = Exclude<keyof RetrospectiveYearListsDocument, 'id' | 'year' | 'lastEventPosition'>;
/** The lists a correction of business time moves entries of (retrospective.corrected-lists.ts). */
export type MovablePart = 'results' | 'lessons' | 'gatherings';
export type ListsPatch = Patch<RetrospectiveYearListsDocument, ListPart>;

interface ListsContext {
  year: number;
  time: EventTime;
  related: RelatedDocuments;
}

/** What an event `E` does to the lists: of which years, reading what, and the lists it changes, new. */
interface ListsRule<E extends Handled = Handled> {
  years(event: E, time: EventTime): readonly number[];
  /** Documents it reads (besides, for each of its years, the figures document: lists an older one holds inline). */
  reads(event: E): readonly DocumentRef[];
  evolve(lists: Lists, event: E, context: ListsContext): ListsPatch;
}

// --- bounded, order-independent lists ------------------------------------------------------------------------------

/** How a bounded list is kept in order, and which entry is already in it. */
export interface Ordering<T> {
  compare(a: T, b: T): number;
  same(a: T, b: T): boolean;
}

/** By a time, then by id; an entry with the same id is the same entry. */
const byTimeThenId = <T>(time: (entry: T) => string, id: (entry: T) => string): Ordering<T> => ({
  compare: (a, b) =>
    time(a) < time(b) ? -1 : time(a) > time(b) ? 1 : id(a) < id(b) ? -1 : id(a) > id(b) ? 1 : 0,
  same: (a, b) => id(a) === id(b),
});

/**
 * Inserts in order and keeps the first `limit`. The kept entries are the `limit` smallest of all ever inserted,
 * whatever the order of insertion, so events arriving out of business-time order give the same list.
 */
export const insertBounded = <T>(
  list: readonly T[],
  entry: T,
  limit: number,
  { compare, same }: NoInfer<Ordering<T>>,
): readonly T[] => {
  // Full, and the entry comes after the last kept one (the usual case when events arrive in order): no change.
  if (list.length >= limit && compare(entry, list[list.length - 1]) > 0) return list;
  if (list.some((existing) => same(existing, entry))) return list;
  const next = [...list, entry].sort(compare);
  return next.slice(0, limit);
};

/** Gatherings by date, then id. */
export const GATHERING_ORDER = byTimeThenId<{ date: string; gatheringId: string }>(
  (g) => g.date,
  (g) => g.gatheringId,
);

/** Results by the time they were shared, then id. */
export const RESULT_ORDER = byTimeThenId<RetrospectiveResultHighlight>(
  (r) => r.sharedAt,
  (r) => r.resultId,
);

/** Lessons by the time they were recorded, then id. */
export const LESSON_ORDER = byTimeThenId<RetrospectiveLessonHighlight>(
  (l) => l.recordedAt,
  (l) => l.lessonId,
);

/** How many entries the list keeps: its limit, or fewer once a correction took an entry out of it full. */
export const keptOf = (lists: Lists, part: MovablePart): number =>
  lists.kept?.[part] ?? RETROSPECTIVE_LIST_LIMITS[part];

/** More attendees; at equal attendance the earlier gathering (then the smaller id), so arrival order never matters. */
export const betterAttended = (
  a: RetrospectiveGatheringHighlight,
  b: Frozen<RetrospectiveGatheringHighlight> | null,
): boolean =>
  b === null ||
  a.attendance > b.attendance ||
  (a.attendance === b.attendance && GATHERING_ORDER.compare(a, b) < 0);

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

// --- the entries of results and lessons (from their events, or from a correction that moves them) ---------------

export const resultEntry = (
  doetankId: string,
  { resultId, title, link }: { resultId: string; title: string; link?: string },
  kind: RetrospectiveResultHighlight['kind'],
  doetankTitle: string | null,
  sharedAt: string,
): RetrospectiveResultHighlight => ({
  resultId,
  title,
  kind,
  doetankId,
  doetankTitle,
  ...(link !== undefined && { link }),
  sharedAt,
});

export const lessonEntry = (
  doetankId: string,
  { lessonId, lesson }: { lessonId: string; lesson: string },
  doetankTitle: string | null,
  recordedAt: string,
): RetrospectiveLessonHighlight => ({
  lessonId,
  doetankId,
  doetankTitle,
  excerpt: excerpt(lesson),
  recordedAt,
});

export const titleOf = (related: RelatedDocuments, doetankId: string): string | null =>
  relatedDoc<RetrospectiveDoetankRef>(related, doetankRef(doetankId))?.title ?? null;

// --- what each event does to the lists -----------------------------------------------------------------------------

const inBusinessYear = (_event: Handled, { year }: EventTime): readonly number[] => [year];
const aboutNetworkYear = (event: Handled<'StrategicPartnerAppointed' | 'SupporterAdded'>) => [
  event.data.year,
];
const nothing = (): readonly DocumentRef[] => NO_REFS;

/**
 * The event types that change lists: results, lessons and gatherings those of their business year, partners and
 * supporters those of the network year they are about. Targets, reads and evolve of a type are declared together.
 */
const LISTS: { readonly [T in HandledType]?: ListsRule<Handled<T>> } = {
  ResultShared: {
    years: inBusinessYear,
    reads: (event) => [doetankRef(event.data.doetankId)],
    evolve(lists, event, { time, related }) {
      const { doetankId, kind } = event.data;
      const entry = resultEntry(doetankId, event.data, kind, titleOf(related, doetankId), time.at);
      return { results: insertBounded(lists.results, entry, keptOf(lists, 'results'), RESULT_ORDER) };
    },
  },
  LessonRecorded: {
    years: inBusinessYear,
    reads: (event) => [doetankRef(event.data.doetankId)],
    evolve(lists, event, { time, related }) {
      const { doetankId } = event.data;
      const entry = lessonEntry(doetankId, event.data, titleOf(related, doetankId), time.at);
      return { lessons: insertBounded(lists.lessons, entry, keptOf(lists, 'lessons'), LESSON_ORDER) };
    },
  },
  GatheringHeld: {
    years: inBusinessYear,
    reads: (event) => [gatheringRef(event.data.gatheringId), ...firstTimersRelated(event)],
    evolve(lists, event, { year, time, related }) {
      const { gatheringId, heldOn } = event.data;
      const gathering = required<RetrospectiveGatheringRef>(related, gatheringRef(gatheringId), event);
      const { attendees, count, withdrawn } = firstTimersAt(event, time.at, related);
      // A listed gathering of this year that had counted one of them as a first-timer gives the count back (one of
      // another year gives it back in the figures: see retrospective.figures.ts).
      let gatherings = lists.gatherings;
      for (const first of withdrawn) {
        if (first.firstGatheringYear !== year) continue;
        gatherings = updatedWhere(
          gatherings,
          (g) => g.gatheringId === first.firstGatheringId,
          (g) => ({ ...g, firstTimers: g.firstTimers - 1 }),
        );
      }
      const entry: RetrospectiveGathering = {
        gatheringId,
        title: gathering.title,
        kind: gathering.kind,
        date: heldOn,
        venue: gathering.venue,
        ...(gathering.city !== undefined && { city: gathering.city }),
        attendance: attendees.length,
        firstTimers: count,
      };
      gatherings = insertBounded(gatherings, entry, keptOf(lists, 'gatherings'), GATHERING_ORDER);
      const { firstTimers: _firstTimers, ...highlight } = entry;
      return betterAttended(highlight, lists.bestAttendedGathering)
        ? { gatherings, bestAttendedGathering: highlight }
        : { gatherings };
    },
  },
  StrategicPartnerAppointed: {
    years: aboutNetworkYear,
    reads: nothing,
    evolve({ partners }, { data: { organisation, description } }) {
      if (partners.length >= RETROSPECTIVE_LIST_LIMITS.partners) return NO_CHANGE;
      return { partners: [...partners, { organisation, ...(description !== undefined && { description }) }] };
    },
  },
  SupporterAdded: {
    years: aboutNetworkYear,
    reads: nothing,
    evolve({ supporters }, { data: { supporterId, name, affiliation } }) {
      if (supporters.length >= RETROSPECTIVE_LIST_LIMITS.supporters) return NO_CHANGE;
      return {
        supporters: [...supporters, { supporterId, name, ...(affiliation !== undefined && { affiliation }) }],
      };
    },
  },
};

/** The rule of the event's type, if it changes lists (the table pairs each type with its rule). */
const ruleOf = (event: Handled): ListsRule | undefined => LISTS[event.type] as ListsRule | undefined;

const sameEntries = <T>(a: readonly T[], b: readonly T[]): boolean =>
  a === b || (a.length === b.length && a.every((entry, i) => entry === b[i]));

/** Whether the patch leaves every list as it is (the same entries; a list is never changed in place). */
export const changesNothing = (lists: Lists, patch: ListsPatch): boolean =>
  (Object.keys(patch) as ListPart[]).every((part) => {
    const before = lists[part];
    const after = patch[part];
    return after === before || (Array.isArray(after) && Array.isArray(before) && sameEntries(after, before));
  });

/** A year's lists before its first lists document: those its figures document holds inline, if any. */
export const firstListsOf = (year: number, related: RelatedDocuments): Lists =>
  listsOfYear(relatedDoc<RetrospectiveYearDocument>(related, yearRef(year)) ?? emptyYearBase(year));

export const yearLists: DocumentKind<Lists> = {
  collection: RETROSPECTIVE_COLLECTIONS.yearLists,

  targets: (event, time) => ruleOf(event)?.years(event, time).map(yearListsRef) ?? NO_REFS,

  related(event, time) {
    const rule = ruleOf(event);
    return rule ? [...rule.reads(event), ...rule.years(event, time).map(yearRef)] : NO_REFS;
  },

  /**
   * The year's lists after the event. A year's first lists document starts from the lists its figures document
   * holds inline, if it was written before lists had their own document (read as a related document, as it was
   * before the event). Unchanged (a full list, an entry after the last kept one), the document is not rewritten.
   */
  evolve(document, event, id, related) {
    const rule = ruleOf(event);
    if (!rule) return document;
    const year = yearFromId(id);
    const before = document ?? firstListsOf(year, related);
    const patch = rule.evolve(before, event, { year, time: timeOf(event), related });
    if (document !== null && changesNothing(document, patch)) return document;
    return { ...before, ...patch, lastEventPosition: event.position };
  },
};
