import type { EventOf } from '@app/contracts';
import type { MemberRole, Sector } from '@app/contracts/vocabulary';
import { RETROSPECTIVE_COLLECTIONS, type RetrospectiveYearDocument } from '@app/contracts/read-models';
import type { DocumentRef, ProjectedDocument, ProjectionEvent, RelatedDocuments } from '../projection';
import {
  ACTIVITY_KIND,
  timeAt,
  yearFromId,
  yearRef,
  type EventTime,
  type HandledType,
} from './retrospective.events';
import { bump, bumpAt, NO_CHANGE, type Frozen, type Patch } from './retrospective.patch';
import { withFigures } from './retrospective.figures';
import { emptyYearBase } from './retrospective-year';
import { firstTimersMoved } from './retrospective.first-time';

/**
 * A correction of business time (`BusinessTimeCorrected`) moves what the corrected event counted from the year and
 * month it was recorded in to the corrected ones: taken off there, counted here, in the figures documents of both
 * years (one, when they are the same year). The projection sees the correction alone, never the corrected event,
 * so the correction carries what is counted besides the type (`counts`: a result's kind, whether a stop ended a
 * running Doetank), copied from the corrected event when it was decided. That is enough because the counts a
 * Doetank's events make depend only on the type and those fields, and on their order in the stream, which a
 * correction never changes (it stays between its neighbours). The year's lists move too
 * (retrospective.corrected-lists.ts: the correction carries the listed fields of a result or lesson).
 *
 * On a gathering's stream the correction carries the gathering's kind (its figures are per kind) and a holding's
 * attendance and attendees: registrations, cancellations, holdings and attendance move, and so do first-time
 * attendees: for each attendee the projection keeps every gathering held they attended
 * (retrospective.first-time.ts), so the moved holding decides again which was their first.
 *
 * On a member's stream it carries the sector and role the event counted under (and an affiliation change's previous
 * ones): a joining, a leaving and an affiliation change move with their counts and the net changes by sector, role
 * and month from which the members at each year's end are summed. The order of a member's events, which decides
 * the sector a leaving takes off, is the stream's, which a correction never changes.
 */

/** A correction on a Doetank's, a gathering's or a member's stream (`doetankId`, `gatheringId` or `memberId`; `counts` alike). */
export type Correction = ProjectionEvent<EventOf<'BusinessTimeCorrected'>>;

type Year = Frozen<RetrospectiveYearDocument>;
type MovedPart = 'doetanks' | 'results' | 'lessons' | 'gatherings' | 'members';

export const isCorrection = (event: ProjectionEvent): event is Correction =>
  event.type === 'BusinessTimeCorrected';

const correctedType = (correction: Correction): HandledType | undefined => {
  const type = correction.data.eventType;
  return Object.prototype.hasOwnProperty.call(ACTIVITY_KIND, type) ? (type as HandledType) : undefined;
};

/** The corrected event's business time as recorded (or last corrected) and as corrected now. */
export const correctionTimes = (correction: Correction): { from: EventTime; to: EventTime } => {
  const what = (field: string) => () =>
    `BusinessTimeCorrected at position ${correction.position} has no valid ${field}`;
  return {
    from: timeAt(correction.data.correctedFrom, what('correctedFrom')),
    to: timeAt(correction.data.correctedTo, what('correctedTo')),
  };
};

/** The year's gathering figures of the corrected event's kind, changed; none without the kind. */
type GatheringChange = Parameters<typeof withFigures>[2];

const gatheringCounted = (
  doc: Year,
  counts: Correction['data']['counts'],
  change: GatheringChange,
): Patch<RetrospectiveYearDocument, MovedPart> =>
  counts?.gatheringKind === undefined
    ? NO_CHANGE
    : { gatherings: withFigures(doc.gatherings, counts.gatheringKind, change) };

/** A gathering's figure moved by `sign` (the change handed to gatheringCounted). */
const bumped =
  (figure: 'registrations' | 'registrationsCancelled' | 'cancelled', sign: number): GatheringChange =>
  (f) =>
    Object.assign({}, f, { [figure]: f[figure] + sign });

type Members = Year['members'];

/** The members' net changes by sector, role and month, `sign` times one member more. */
const net = (
  m: Members,
  sector: Sector,
  role: MemberRole,
  month: number,
  sign: number,
): Partial<Members> => ({
  netBySector: bump(m.netBySector, sector, sign),
  netByRole: bump(m.netByRole, role, sign),
  netPerMonth: bumpAt(m.netPerMonth, month, sign),
});

/** What a member's event counted, `sign` times: none without the sector and role it counted under. */
const memberCounted = (
  m: Members,
  type: string,
  counts: Correction['data']['counts'],
  month: number,
  sign: number,
): Patch<RetrospectiveYearDocument, MovedPart> => {
  const { sector, role, previousSector, previousRole } = counts ?? {};
  if (sector === undefined || role === undefined) return NO_CHANGE;
  switch (type) {
    case 'MemberJoined':
      return {
        members: {
          ...m,
          ...net(m, sector, role, month, sign),
          joined: m.joined + sign,
          joinedBySector: bump(m.joinedBySector, sector, sign),
          joinedByRole: bump(m.joinedByRole, role, sign),
        },
      };
    case 'MemberLeft':
      return { members: { ...m, ...net(m, sector, role, month, -sign), left: m.left + sign } };
    default:
      // An affiliation change: one member moved from the previous sector and role to the new ones.
      if (previousSector === undefined || previousRole === undefined) return NO_CHANGE;
      return {
        members: {
          ...m,
          netBySector: bump(bump(m.netBySector, previousSector, -sign), sector, sign),
          netByRole: bump(bump(m.netByRole, previousRole, -sign), role, sign),
        },
      };
  }
};

/** What the corrected event counted in its business year, `sign` times (1: count it, -1: take it off). */
const countedBy = (
  doc: Year,
  correction: Correction,
  time: EventTime,
  sign: number,
): Patch<RetrospectiveYearDocument, MovedPart> => {
  const d = doc.doetanks;
  const { counts } = correction.data;
  switch (correction.data.eventType) {
    case 'MemberJoined':
    case 'MemberLeft':
    case 'MemberAffiliationChanged':
      return memberCounted(doc.members, correction.data.eventType, counts, time.month, sign);
    case 'DoetankProposed':
      return { doetanks: { ...d, proposed: d.proposed + sign } };
    case 'DoetankStarted':
      return { doetanks: { ...d, started: d.started + sign, activeDelta: d.activeDelta + sign } };
    case 'DoetankConcluded':
      return { doetanks: { ...d, concluded: d.concluded + sign, activeDelta: d.activeDelta - sign } };
    case 'DoetankStopped':
      return {
        doetanks: {
          ...d,
          stopped: d.stopped + sign,
          activeDelta: d.activeDelta - (counts?.wasStarted ? sign : 0),
        },
      };
    case 'ResultShared':
      return counts?.resultKind === undefined
        ? NO_CHANGE
        : { results: bump(doc.results, counts.resultKind, sign) };
    case 'LessonRecorded':
      return { lessons: doc.lessons + sign };
    case 'ParticipantRegistered':
      return gatheringCounted(doc, counts, bumped('registrations', sign));
    case 'RegistrationCancelled':
      return gatheringCounted(doc, counts, bumped('registrationsCancelled', sign));
    case 'GatheringCancelled':
      return gatheringCounted(doc, counts, bumped('cancelled', sign));
    case 'GatheringHeld':
      return gatheringCounted(doc, counts, (f) => ({
        ...f,
        held: f.held + sign,
        attendance: f.attendance + sign * (counts?.attendance ?? 0),
      }));
    default:
      return NO_CHANGE;
  }
};

/** The year's figures with the corrected event counted `sign` times at `time`: its figures and its month's activity. */
const moved = (doc: Year, correction: Correction, type: HandledType, time: EventTime, sign: number): Year => {
  const { events, byKind } = doc.activity[time.month];
  return {
    ...doc,
    ...countedBy(doc, correction, time, sign),
    activity: doc.activity.with(time.month, {
      events: events + sign,
      byKind: bump(byKind, ACTIVITY_KIND[type], sign),
    }),
  };
};

/** The corrections with each move added to the one of its year and gathering (dropped once it nets to zero). */
const withMoves = (
  corrections: Year['gatherings']['firstTimerCorrections'],
  moves: Year['gatherings']['firstTimerCorrections'],
): Year['gatherings']['firstTimerCorrections'] => {
  let next = corrections;
  for (const move of moves) {
    const index = next.findIndex((c) => c.year === move.year && c.gatheringId === move.gatheringId);
    next =
      index < 0
        ? [...next, move]
        : next.with(index, { ...next[index], count: next[index].count + move.count });
  }
  return next.filter((c) => c.count !== 0);
};

export const correctedFigures = {
  collection: RETROSPECTIVE_COLLECTIONS.years,

  /** The figures of the year it was recorded in and of the year it is corrected to. */
  targets(correction: Correction): readonly DocumentRef[] {
    if (correctedType(correction) === undefined) return [];
    const { from, to } = correctionTimes(correction);
    return [...new Set([from.year, to.year])].map(yearRef);
  },

  evolve(
    document: ProjectedDocument | null,
    correction: Correction,
    id: string,
    related: RelatedDocuments,
  ): ProjectedDocument {
    const year = yearFromId(id);
    const type = correctedType(correction)!; // targets named no year otherwise
    const { from, to } = correctionTimes(correction);
    let doc: Year = (document as Year | null) ?? emptyYearBase(year);
    if (from.year === year) doc = moved(doc, correction, type, from, -1);
    if (to.year === year) doc = moved(doc, correction, type, to, 1);
    // First-time attendees a moved holding takes from one gathering and gives to another: kept in the earlier year.
    if (type === 'GatheringHeld' && year === Math.min(from.year, to.year)) {
      const moves = firstTimersMoved(correction, to.at, related);
      if (moves.length > 0) {
        const firstTimerCorrections = withMoves(doc.gatherings.firstTimerCorrections, moves);
        doc = { ...doc, gatherings: { ...doc.gatherings, firstTimerCorrections } };
      }
    }
    return { ...(doc as RetrospectiveYearDocument), lastEventPosition: correction.position };
  },
};
