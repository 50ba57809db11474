import {
  RETROSPECTIVE_COLLECTIONS,
  RETROSPECTIVE_LIST_LIMITS,
  type RetrospectiveGathering,
  type RetrospectiveGatheringHighlight,
  type RetrospectiveGatheringRef,
  type RetrospectiveLessonHighlight,
  type RetrospectiveResultHighlight,
  type RetrospectiveYearListsDocument,
} from '@app/contracts/read-models';
import type { DocumentRef, ProjectedDocument, RelatedDocuments } from '../projection';
import { correctionTimes, type Correction } from './retrospective.corrections';
import {
  NO_REFS,
  doetankRef,
  gatheringRef,
  required,
  yearFromId,
  yearListsRef,
  yearRef,
  type EventTime,
} from './retrospective.events';
import {
  GATHERING_ORDER,
  LESSON_ORDER,
  RESULT_ORDER,
  betterAttended,
  changesNothing,
  firstListsOf,
  insertBounded,
  keptOf,
  lessonEntry,
  resultEntry,
  titleOf,
  type Lists,
  type ListsPatch,
  type MovablePart,
  type Ordering,
} from './retrospective.lists';
import type { Frozen } from './retrospective.patch';

/**
 * A correction of business time moves the corrected event's entry in the year's lists
 * (`retrospective_year_lists/year-<YYYY>`): a result, a lesson or a gathering held is taken out of the list of the
 * year it was recorded in and put in that of the corrected year, in order by its corrected time. The projection
 * sees the correction alone; the correction carries what the lists show of a result or lesson (`counts.result`,
 * `counts.lesson`, copied from the corrected event when it was decided: no member, so no personal data), and of a
 * holding its attendance (the gathering's title and venue are in the projection's own reference document).
 */

/** The list a correction moves an entry of, how it is ordered, how an entry is named and what it reads. */
interface MovedList<T> {
  part: MovablePart;
  order: Ordering<T>;
  id: string;
  idOf(entry: Frozen<T>): string;
  /** The entry as listed at the business time `at`. */
  entryAt(at: string, related: RelatedDocuments): T;
  reads: readonly DocumentRef[];
}

type AnyMovedList =
  | MovedList<RetrospectiveResultHighlight>
  | MovedList<RetrospectiveLessonHighlight>
  | MovedList<RetrospectiveGathering>;

/**
 * What a correction moves in the lists, from what it carries; nothing without it (a correction recorded before it
 * was carried) and for any other event type.
 */
const movedList = (correction: Correction): AnyMovedList | undefined => {
  const { data } = correction;
  const { counts, eventType } = data;
  if ('gatheringId' in data) {
    // Its attendees too: a correction recorded before they were carried moves neither the entry nor its first-timers.
    if (eventType !== 'GatheringHeld' || counts?.attendees === undefined) return undefined;
    const { gatheringId } = data;
    const attendance = counts.attendees.length;
    return {
      part: 'gatherings',
      order: GATHERING_ORDER,
      id: gatheringId,
      idOf: (entry: Frozen<RetrospectiveGathering>) => entry.gatheringId,
      entryAt: (at, related) => gatheringEntry(correction, gatheringId, attendance, at, related),
      reads: [gatheringRef(gatheringId)],
    };
  }
  if (!('doetankId' in data)) return undefined; // a correction on another stream lists nothing
  const { doetankId } = data;
  const reads = [doetankRef(doetankId)];
  if (eventType === 'ResultShared' && counts?.result && counts.resultKind) {
    const { result, resultKind } = counts;
    return {
      part: 'results',
      order: RESULT_ORDER,
      id: result.resultId,
      idOf: (entry: Frozen<RetrospectiveResultHighlight>) => entry.resultId,
      entryAt: (at, related) => resultEntry(doetankId, result, resultKind, titleOf(related, doetankId), at),
      reads,
    };
  }
  if (eventType === 'LessonRecorded' && counts?.lesson) {
    const { lesson } = counts;
    return {
      part: 'lessons',
      order: LESSON_ORDER,
      id: lesson.lessonId,
      idOf: (entry: Frozen<RetrospectiveLessonHighlight>) => entry.lessonId,
      entryAt: (at, related) => lessonEntry(doetankId, lesson, titleOf(related, doetankId), at),
      reads,
    };
  }
  return undefined;
};

/**
 * A moved holding as listed, dated at its corrected time; its own count of first-time attendees is set by
 * `storedFirstTimers` (the first-timer corrections the same correction records move the rest).
 */
const gatheringEntry = (
  correction: Correction,
  gatheringId: string,
  attendance: number,
  date: string,
  related: RelatedDocuments,
): RetrospectiveGathering => {
  const { title, kind, venue, city } = required<RetrospectiveGatheringRef>(
    related,
    gatheringRef(gatheringId),
    correction,
  );
  return {
    gatheringId,
    title,
    kind,
    date,
    venue,
    ...(city !== undefined && { city }),
    attendance,
    firstTimers: 0,
  };
};

interface Move {
  year: number;
  from: EventTime;
  to: EventTime;
}

/**
 * The list with the moved entry taken out (in the year it was recorded in) and put in at its corrected time (in
 * the corrected year), in order and bounded. Taken out of a full list, the entry after the last one kept is not
 * known (it was not kept), so the list keeps one fewer from then on: what it shows stays the earliest of the year.
 */
const moveIn = <T>(
  lists: Lists,
  moved: MovedList<T>,
  { year, from, to }: Move,
  related: RelatedDocuments,
): ListsPatch => {
  let list = lists[moved.part] as unknown as readonly Frozen<T>[];
  let kept = keptOf(lists, moved.part);
  if (from.year === year) {
    const index = list.findIndex((entry) => moved.idOf(entry) === moved.id);
    if (index >= 0) {
      if (list.length >= kept) kept -= 1;
      list = list.toSpliced(index, 1);
    }
  }
  if (to.year === year) {
    const entry = moved.entryAt(to.at, related);
    list = insertBounded(list as readonly T[], entry, kept, moved.order) as readonly Frozen<T>[];
  }
  return {
    [moved.part]: list,
    ...(kept < RETROSPECTIVE_LIST_LIMITS[moved.part] && { kept: { ...lists.kept, [moved.part]: kept } }),
  };
};

const highlightOf = ({ firstTimers: _firstTimers, ...highlight }: RetrospectiveGathering) => highlight;

/**
 * The best-attended gathering after a holding moved: taken out of its recorded year, that year's best is the best
 * of its listed gatherings (all of them while the list is not full); in its corrected year it competes as a new
 * holding does.
 */
const bestAfter = (
  lists: Lists,
  gatherings: readonly Frozen<RetrospectiveGathering>[],
  moved: MovedList<RetrospectiveGathering>,
  { year, from, to }: Move,
  related: RelatedDocuments,
): Frozen<RetrospectiveGatheringHighlight> | null => {
  let best = lists.bestAttendedGathering;
  if (from.year === year && best?.gatheringId === moved.id) {
    best = null;
    for (const gathering of gatherings) {
      const highlight = highlightOf(gathering as RetrospectiveGathering);
      if (highlight.gatheringId !== moved.id && betterAttended(highlight, best)) best = highlight;
    }
  }
  if (to.year === year) {
    const highlight = highlightOf(moved.entryAt(to.at, related));
    if (betterAttended(highlight, best)) best = highlight;
  }
  return best;
};

export const correctedYearLists = {
  collection: RETROSPECTIVE_COLLECTIONS.yearLists,

  /** The lists of the year the entry was recorded in and of the year it is corrected to. */
  targets(correction: Correction): readonly DocumentRef[] {
    if (movedList(correction) === undefined) return NO_REFS;
    const { from, to } = correctionTimes(correction);
    return [...new Set([from.year, to.year])].map(yearListsRef);
  },

  /** What the entry shows besides, and the figures of both years (a year's first lists start from those inline). */
  related(correction: Correction): readonly DocumentRef[] {
    const moved = movedList(correction);
    if (moved === undefined) return NO_REFS;
    const { from, to } = correctionTimes(correction);
    return [...moved.reads, ...[...new Set([from.year, to.year])].map(yearRef)];
  },

  evolve(
    document: RetrospectiveYearListsDocument | null,
    correction: Correction,
    id: string,
    related: RelatedDocuments,
  ): ProjectedDocument | null {
    const moved = movedList(correction);
    if (moved === undefined) return document;
    const year = yearFromId(id);
    const before = document ?? firstListsOf(year, related);
    const move = { year, ...correctionTimes(correction) };
    if (moved.part !== 'gatherings') {
      const patch = moveIn(before, moved as MovedList<unknown>, move, related);
      return written(document, before, patch, correction);
    }
    // The only list of part 'gatherings'.
    const { held, movedAway } = storedFirstTimers(before, moved as MovedList<RetrospectiveGathering>, move);
    const patch = moveIn(before, held, move, related);
    const gatherings = patch.gatherings ?? before.gatherings;
    const bestAttendedGathering = bestAfter(before, gatherings, held, move, related);
    const away = movedAway.length > 0 || before.movedAway !== undefined ? { movedAway } : {};
    return written(document, before, { ...patch, bestAttendedGathering, ...away }, correction);
  },
};

/** The lists document after the patch; the same document when nothing changed (not rewritten). */
const written = (
  document: RetrospectiveYearListsDocument | null,
  before: Lists,
  patch: ListsPatch,
  correction: Correction,
): ProjectedDocument | null =>
  document !== null && changesNothing(document, patch)
    ? document
    : { ...(before as RetrospectiveYearListsDocument), ...patch, lastEventPosition: correction.position };

/**
 * The first-time attendees a moved holding's entry counts itself (`firstTimers`, besides the first-timer
 * corrections of its year and gathering, which the assembly adds), kept in step with what the year's figures hold
 * of it: the figures keep a count where it was made, so an entry taken out of a year leaves its count there
 * (`movedAway`), and an entry put back takes it again. Within its year, the entry keeps its count.
 */
const storedFirstTimers = (
  lists: Lists,
  moved: MovedList<RetrospectiveGathering>,
  { year, from, to }: Move,
): { held: MovedList<RetrospectiveGathering>; movedAway: NonNullable<Lists['movedAway']> } => {
  const listed = lists.gatherings.find((g) => g.gatheringId === moved.id)?.firstTimers ?? 0;
  const away = lists.movedAway ?? [];
  const awayCount = away.find((a) => a.gatheringId === moved.id)?.firstTimers ?? 0;
  let movedAway = away.filter((a) => a.gatheringId !== moved.id);
  const leaves = from.year === year && to.year !== year;
  if (leaves && listed !== 0) movedAway = [...movedAway, { gatheringId: moved.id, firstTimers: listed }];
  const stored = from.year === year ? listed : awayCount;
  return {
    held: { ...moved, entryAt: (at, related) => ({ ...moved.entryAt(at, related), firstTimers: stored }) },
    movedAway,
  };
};
