import {
  RETROSPECTIVE_COLLECTIONS,
  type RetrospectiveAttendanceDocument,
  type RetrospectiveYearListsDocument,
} from '@app/contracts/read-models';
import {
  refKey,
  type DocumentRef,
  type ProjectedDocument,
  type Projection,
  type RelatedDocuments,
} from '../projection';
import {
  correctedFigures,
  correctionTimes,
  isCorrection,
  type Correction,
} from './retrospective.corrections';
import { HANDLES, isHandled, timeOf, type DocumentKind } from './retrospective.events';
import { yearFigures } from './retrospective.figures';
import { attendanceMovedRefs, correctedAttendance, firstAttendance } from './retrospective.first-time';
import { correctedYearLists } from './retrospective.corrected-lists';
import { yearLists } from './retrospective.lists';
import { references } from './retrospective.refs';

const { years: YEARS, yearLists: YEAR_LISTS, attendance: ATTENDANCE, refs: REFS } = RETROSPECTIVE_COLLECTIONS;

/** The kinds of document, each in a file of its own; an event's targets come in this order. */
const KINDS: readonly DocumentKind<ProjectedDocument>[] = [
  yearFigures,
  yearLists,
  references,
  firstAttendance,
];
const KIND_OF = new Map(KINDS.map((kind) => [kind.collection, kind]));

/** A document after a correction of business time, by its kind. */
const evolveCorrected = (
  document: ProjectedDocument | null,
  correction: Correction,
  { collection, id }: DocumentRef,
  related: RelatedDocuments,
): ProjectedDocument | null => {
  switch (collection) {
    case YEAR_LISTS:
      return correctedYearLists.evolve(
        document as RetrospectiveYearListsDocument | null,
        correction,
        id,
        related,
      );
    case ATTENDANCE: {
      const { to } = correctionTimes(correction);
      return correctedAttendance.evolve(
        document as RetrospectiveAttendanceDocument | null,
        correction,
        id,
        to.at,
      );
    }
    default:
      return correctedFigures.evolve(document, correction, id, related);
  }
};

/**
 * The annual retrospective, one document per year (`retrospectives/year-<YYYY>`) with its figures
 * (retrospective.figures.ts) and one with its lists (`retrospective_year_lists/year-<YYYY>`, retrospective.lists.ts),
 * kept up to date event by event; `readRetrospective` reads the figures up to a year and that year's lists, and
 * `assembleRetrospective` turns them into the report. Years and months are those of the event's business time
 * (`metadata.occurredAt`, UTC); facts about a network year (themes, partners, supporters) and the Doetanks per theme
 * go to the documents of the year they are about.
 *
 * Helper documents: `retrospective_attendance/<memberId>` (a member's first gathering, for first-time attendees:
 * retrospective.first-time.ts) and `retrospective_refs/{member,doetank,gathering}-<id>` (sector and role, Doetank
 * status and title, gathering kind, title and venue: retrospective.refs.ts), read by later events.
 *
 * Out of business-time order (an import that records old gatherings late): a member's first gathering is the one
 * with the earliest business time whatever the arrival order; a later-arriving earlier gathering takes the
 * first-time attendee over and the gathering that had counted them gives it back (see
 * `RetrospectiveFirstTimerCorrection`). Every other figure is a count that does not depend on arrival order.
 *
 * Documents are never changed in place: each handler returns the parts it changes as new values, and every other
 * part is shared with the document before (retrospective.patch.ts).
 */
export const retrospectivesProjection: Projection = {
  name: 'retrospectives',
  collections: [
    { name: YEARS, indexes: [{ name: 'by_year', fields: [{ field: 'year' }] }] },
    { name: YEAR_LISTS },
    { name: ATTENDANCE },
    { name: REFS },
  ],
  // A correction of business time moves what the corrected event counted (retrospective.corrections.ts).
  handles: [...HANDLES, 'BusinessTimeCorrected'],
  readsPersonalData: false, // sector, role and organisation only: not personal

  targets(event) {
    if (isCorrection(event)) {
      return [
        ...correctedFigures.targets(event),
        ...correctedYearLists.targets(event),
        ...correctedAttendance.targets(event),
      ];
    }
    if (!isHandled(event)) return [];
    const time = timeOf(event);
    const targets: DocumentRef[] = [];
    for (const kind of KINDS) targets.push(...kind.targets(event, time));
    return targets;
  },

  related(event) {
    if (isCorrection(event)) {
      return [...correctedYearLists.related(event), ...attendanceMovedRefs(event)];
    }
    if (!isHandled(event)) return [];
    const time = timeOf(event);
    // Kinds may read the same document (a gathering held reads its attendees' first attendances for the figures
    // and for the lists): each is named once.
    const related = new Map<string, DocumentRef>();
    for (const kind of KINDS) for (const ref of kind.related(event, time)) related.set(refKey(ref), ref);
    return [...related.values()];
  },

  evolve(document, event, target, related) {
    // The runner skips redelivered events too; this keeps evolve idempotent on its own.
    if (document !== null && document.lastEventPosition >= event.position) return document;
    if (isCorrection(event)) return evolveCorrected(document, event, target, related);
    if (!isHandled(event)) return document;
    const kind = KIND_OF.get(target.collection);
    if (!kind) throw new Error(`retrospectives: unknown target collection ${target.collection}`);
    return kind.evolve(document, event, target.id, related);
  },
};
