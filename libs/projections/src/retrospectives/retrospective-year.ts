import {
  RETROSPECTIVE_ACTIVITY_KINDS,
  retrospectiveYearId,
  type RetrospectiveActivityKind,
  type RetrospectiveGatheringFigures,
  type RetrospectiveYearDocument,
  type RetrospectiveYearListsDocument,
} from '@app/contracts/read-models';
import { GATHERING_KINDS, MEMBER_ROLES, RESULT_KINDS, SECTORS } from '@app/contracts/vocabulary';

/** A record with every key of a closed vocabulary set to `value()`, so documents and reports have stable shapes. */
export const recordOf = <K extends string, V>(keys: readonly K[], value: () => V): Record<K, V> =>
  Object.fromEntries(keys.map((key) => [key, value()])) as Record<K, V>;

export const zeros = <K extends string>(keys: readonly K[]): Record<K, number> => recordOf(keys, () => 0);

export const emptyGatheringFigures = (): RetrospectiveGatheringFigures => ({
  held: 0,
  attendance: 0,
  firstTimeAttendees: 0,
  cancelled: 0,
  registrations: 0,
  registrationsCancelled: 0,
});

export const emptyMonthActivity = () => ({
  events: 0,
  byKind: zeros<RetrospectiveActivityKind>(RETROSPECTIVE_ACTIVITY_KINDS),
});

/** The document of a year in which nothing happened (yet). */
export const emptyRetrospectiveYear = (year: number): RetrospectiveYearDocument => ({
  id: retrospectiveYearId(year),
  year,
  lastEventPosition: 0,
  members: {
    joined: 0,
    left: 0,
    forgotten: 0,
    joinedBySector: zeros(SECTORS),
    joinedByRole: zeros(MEMBER_ROLES),
    netBySector: zeros(SECTORS),
    netByRole: zeros(MEMBER_ROLES),
    netPerMonth: Array.from({ length: 12 }, () => 0),
  },
  doetanks: { proposed: 0, started: 0, concluded: 0, stopped: 0, activeDelta: 0 },
  results: zeros(RESULT_KINDS),
  lessons: 0,
  gatherings: {
    byKind: recordOf(GATHERING_KINDS, emptyGatheringFigures),
    list: [],
    bestAttended: null,
    firstTimerCorrections: [],
  },
  discussions: { started: 0, closed: 0 },
  partners: { count: 0, list: [] },
  supporters: { count: 0, list: [] },
  themes: [],
  doetanksPerTheme: [],
  activity: Array.from({ length: 12 }, emptyMonthActivity),
  highlights: { results: [], lessons: [] },
});

const deepFreeze = <T>(value: T): T => {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
};

const emptyYears = new Map<number, RetrospectiveYearDocument>();

/**
 * The empty document of a year, shared and deeply frozen: the base an evolve copies from (it copies what it
 * changes and never writes to its input; frozen, a write would throw). Built once per year.
 */
export const emptyYearBase = (year: number): RetrospectiveYearDocument => {
  let empty = emptyYears.get(year);
  if (!empty) emptyYears.set(year, (empty = deepFreeze(emptyRetrospectiveYear(year))));
  return empty;
};

/** The lists of a year document, as its lists document holds them. */
export const listsOfYear = (doc: RetrospectiveYearDocument): RetrospectiveYearListsDocument => ({
  id: doc.id,
  year: doc.year,
  lastEventPosition: doc.lastEventPosition,
  gatherings: doc.gatherings.list,
  bestAttendedGathering: doc.gatherings.bestAttended,
  results: doc.highlights.results,
  lessons: doc.highlights.lessons,
  partners: doc.partners.list,
  supporters: doc.supporters.list,
});

/**
 * The year document with the lists of `lists` (shared, not copied). Without a lists document, the year's own
 * (empty, or held inline by a document written before lists had their own document).
 */
export const withListsOf = (
  doc: RetrospectiveYearDocument,
  lists: RetrospectiveYearListsDocument | null | undefined,
): RetrospectiveYearDocument =>
  lists
    ? {
        ...doc,
        gatherings: { ...doc.gatherings, list: lists.gatherings, bestAttended: lists.bestAttendedGathering },
        partners: { ...doc.partners, list: lists.partners },
        supporters: { ...doc.supporters, list: lists.supporters },
        highlights: { results: lists.results, lessons: lists.lessons },
      }
    : doc;

/**
 * A deep copy of a JSON document. Not `structuredClone`: its copies may come from another realm (Jest's sandbox),
 * and the documents are JSON anyway.
 */
export const copyOf = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

/** `YYYY-MM` of a month (0 = January) of a year. */
export const monthKey = (year: number, month: number): string =>
  `${String(year).padStart(4, '0')}-${String(month + 1).padStart(2, '0')}`;
