import {
  RETROSPECTIVE_COLLECTIONS,
  type RetrospectiveAttendanceDocument,
  type RetrospectiveGatheringRef,
} from '@app/contracts/read-models';
import type { DocumentRef, RelatedDocuments } from '../projection';
import {
  NO_REFS,
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
 * First-time attendees: a member counts as one at the gathering with the earliest business time they attended
 * (ties by gathering id), whatever the order in which the gatherings were recorded. Each member's first gathering
 * is kept in `retrospective_attendance/<memberId>`; a gathering held reads those of its attendees.
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

/** `retrospective_attendance/<memberId>`: the member's first gathering, rewritten when an earlier one arrives. */
export const firstAttendance: DocumentKind<RetrospectiveAttendanceDocument> = {
  collection: RETROSPECTIVE_COLLECTIONS.attendance,

  targets: (event) => (event.type === 'GatheringHeld' ? firstTimersRelated(event) : NO_REFS),

  related: (event) => (event.type === 'GatheringHeld' ? [gatheringRef(event.data.gatheringId)] : NO_REFS),

  evolve(document, event, memberId, related) {
    if (event.type !== 'GatheringHeld') return document;
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
  },
};
