import {
  RETROSPECTIVE_COLLECTIONS,
  type RetrospectiveAttendanceDocument,
  type RetrospectiveAttendedGathering,
  type RetrospectiveFirstTimerCorrection,
  type RetrospectiveGatheringRef,
} from '@app/contracts/read-models';
import type { EventOf } from '@app/contracts';
import type { DocumentRef, ProjectionEvent, RelatedDocuments } from '../projection';
import {
  NO_REFS,
  timeAt,
  attendanceRef,
  gatheringRef,
  relatedDoc,
  required,
  timeOf,
  uniqueAttendees,
  type DocumentKind,
  type Handled,
} from './retrospective.events';

/**
 * A correction of business time (`Correction` in retrospective.corrections.ts, which reads this file, so named
 * again here rather than imported).
 */
type Correction = ProjectionEvent<EventOf<'BusinessTimeCorrected'>>;

/**
 * First-time attendees: a member counts as one at the gathering with the earliest business time they attended
 * (ties by gathering id), whatever the order in which the gatherings were recorded, and wherever a correction of
 * business time moves a holding. Each member's gatherings held and the first of them are kept in
 * `retrospective_attendance/<memberId>`; a gathering held, and a correction of one, read those of its attendees.
 */

/** True when a `GatheringHeld` at `time` of `gatheringId` comes before the member's recorded first attendance. */
const comesBefore = (time: string, gatheringId: string, first: RetrospectiveAttendanceDocument): boolean =>
  time < first.firstAttendedOn || (time === first.firstAttendedOn && gatheringId < first.firstGatheringId);

export interface FirstTimers {
  /** The attendees, each once. */
  attendees: readonly string[];
  /** Attendees for whom this gathering is their first (as far as the events so far tell). */
  count: number;
  /**
   * The first attendances this gathering takes over, in the order of the attendees: each was a later gathering
   * that had counted the member as a first-timer and now gives the count back.
   */
  withdrawn: readonly RetrospectiveAttendanceDocument[];
}

/**
 * The first-time attendees of a gathering held: those whose first attendance (before this event) was none, or a
 * gathering with a later business time.
 */
export const firstTimersAt = (
  event: Handled<'GatheringHeld'>,
  time: string,
  related: RelatedDocuments,
): FirstTimers => {
  const { gatheringId } = event.data;
  const attendees = uniqueAttendees(event);
  let count = 0;
  const withdrawn: RetrospectiveAttendanceDocument[] = [];
  for (const memberId of attendees) {
    const first = relatedDoc<RetrospectiveAttendanceDocument>(related, attendanceRef(memberId));
    if (first === null) {
      count += 1;
    } else if (comesBefore(time, gatheringId, first)) {
      count += 1;
      withdrawn.push(first);
    }
  }
  return { attendees, count, withdrawn };
};

/** What a gathering held reads to count its first-time attendees: each attendee's first attendance. */
export const firstTimersRelated = (event: Handled<'GatheringHeld'>): DocumentRef[] =>
  uniqueAttendees(event).map(attendanceRef);

// --- every gathering a member attended, for a correction that moves a holding --------------------------------------

type Attended = RetrospectiveAttendedGathering;

/** The gatherings the member attended; a document written before they were kept knows its first one only. */
const attendedOf = (doc: RetrospectiveAttendanceDocument): readonly Attended[] =>
  doc.attended ?? [
    { gatheringId: doc.firstGatheringId, at: doc.firstAttendedOn, kind: doc.firstGatheringKind },
  ];

/** The earliest of the gatherings attended (ties by gathering id), as `comesBefore` orders them. */
const firstOf = (attended: readonly Attended[]): Attended =>
  attended.reduce((first, next) =>
    next.at < first.at || (next.at === first.at && next.gatheringId < first.gatheringId) ? next : first,
  );

const yearOf = (at: string): number => timeAt(at, () => `attended gathering at ${at}`).year;

/** The member's document with `attended` as the gatherings they attended (one entry per gathering). */
const attendanceOf = (
  memberId: string,
  attended: readonly Attended[],
  lastEventPosition: number,
): RetrospectiveAttendanceDocument => {
  const first = firstOf(attended);
  return {
    id: memberId,
    lastEventPosition,
    firstAttendedOn: first.at,
    firstGatheringId: first.gatheringId,
    firstGatheringKind: first.kind,
    firstGatheringYear: yearOf(first.at),
    attended: [...attended],
  };
};

/** The gatherings attended with the holding of `gatheringId` at `at` (its earlier time, if any, replaced). */
const withHolding = (attended: readonly Attended[], holding: Attended): Attended[] => [
  ...attended.filter((other) => other.gatheringId !== holding.gatheringId),
  holding,
];

/** A held gathering's attendees, as a correction of its business time carries them. */
const attendeesMoved = (correction: Correction): readonly string[] =>
  correction.data.eventType === 'GatheringHeld' && 'gatheringId' in correction.data
    ? (correction.data.counts?.attendees ?? NO_IDS)
    : NO_IDS;
const NO_IDS: readonly string[] = Object.freeze([]);

/** The attendance documents a correction of a holding changes (and reads, as they were before it). */
export const attendanceMovedRefs = (correction: Correction): DocumentRef[] =>
  attendeesMoved(correction).map(attendanceRef);

/** A member's attendance after the holding of the corrected gathering moved to `to` (null: not recorded). */
const movedAttendance = (
  doc: RetrospectiveAttendanceDocument,
  gatheringId: string,
  to: string,
): readonly Attended[] | null => {
  const attended = attendedOf(doc);
  const holding = attended.find((other) => other.gatheringId === gatheringId);
  return holding === undefined ? null : withHolding(attended, { ...holding, at: to });
};

/**
 * What a moved holding does to first-time attendees: for each attendee whose first gathering (or its year) changes,
 * one taken off the first gathering before and one counted at the first after, as first-timer corrections
 * (`RetrospectiveFirstTimerCorrection`, merged per year and gathering). Both gatherings lie between the holding's
 * recorded and corrected times (a first gathering changes only when the holding passes it), so both years lie
 * between the holding's two years, and the earlier of those is the document that keeps the corrections.
 */
export const firstTimersMoved = (
  correction: Correction,
  to: string,
  related: RelatedDocuments,
): RetrospectiveFirstTimerCorrection[] => {
  const gatheringId = 'gatheringId' in correction.data ? correction.data.gatheringId : '';
  const moves = new Map<string, RetrospectiveFirstTimerCorrection>();
  const add = (year: number, first: Attended, count: number) => {
    const key = `${year}/${first.gatheringId}`;
    const total = (moves.get(key)?.count ?? 0) + count;
    moves.set(key, { year, gatheringId: first.gatheringId, kind: first.kind, count: total });
  };
  for (const memberId of attendeesMoved(correction)) {
    const doc = relatedDoc<RetrospectiveAttendanceDocument>(related, attendanceRef(memberId));
    const after = doc && movedAttendance(doc, gatheringId, to);
    if (!doc || !after) continue;
    const [was, is] = [firstOf(attendedOf(doc)), firstOf(after)];
    if (was.gatheringId === is.gatheringId && yearOf(was.at) === yearOf(is.at)) continue;
    add(doc.firstGatheringYear, was, -1);
    add(yearOf(is.at), is, 1);
  }
  return [...moves.values()].filter((move) => move.count !== 0);
};

/** `retrospective_attendance/<memberId>`: the member's gatherings held and the first of them. */
export const firstAttendance: DocumentKind<RetrospectiveAttendanceDocument> = {
  collection: RETROSPECTIVE_COLLECTIONS.attendance,

  targets: (event) => (event.type === 'GatheringHeld' ? firstTimersRelated(event) : NO_REFS),

  related: (event) => (event.type === 'GatheringHeld' ? [gatheringRef(event.data.gatheringId)] : NO_REFS),

  evolve(document, event, memberId, related) {
    if (event.type !== 'GatheringHeld') return document;
    const { gatheringId } = event.data;
    const { kind } = required<RetrospectiveGatheringRef>(related, gatheringRef(gatheringId), event);
    const holding = { gatheringId, at: timeOf(event).at, kind };
    const attended = document === null ? [holding] : withHolding(attendedOf(document), holding);
    return attendanceOf(memberId, attended, event.position);
  },
};

/** The attendance documents after a correction moved a holding the member attended. */
export const correctedAttendance = {
  collection: RETROSPECTIVE_COLLECTIONS.attendance,

  targets: attendanceMovedRefs,

  evolve(
    document: RetrospectiveAttendanceDocument | null,
    correction: Correction,
    memberId: string,
    to: string,
  ): RetrospectiveAttendanceDocument | null {
    if (document === null || !('gatheringId' in correction.data)) return document;
    const after = movedAttendance(document, correction.data.gatheringId, to);
    return after === null ? document : attendanceOf(memberId, after, correction.position);
  },
};
