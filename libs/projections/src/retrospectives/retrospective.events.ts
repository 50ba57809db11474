import type { EventOf, NetworkEventType } from '@app/contracts';
import {
  RETROSPECTIVE_COLLECTIONS,
  retrospectiveYearId,
  type RetrospectiveActivityKind,
} from '@app/contracts/read-models';
import {
  refKey,
  type DocumentRef,
  type ProjectedDocument,
  type ProjectionEvent,
  type RelatedDocuments,
} from '../projection';
import { businessTime } from '../shared/business-time';

/**
 * What every document kind of the retrospectives projection shares: the events it handles, their business time,
 * the addresses of its documents and how an evolve reads the documents related to an event.
 */

const { years: YEARS, yearLists: YEAR_LISTS, attendance: ATTENDANCE, refs: REFS } = RETROSPECTIVE_COLLECTIONS;

/**
 * Every event that is activity in the network, with the part of the network it is about. Not handled: the e-mail
 * claims (bookkeeping of the member streams) and `ThemeAdoptedByDoetank` (the bookkeeping half of a proposal with
 * a theme: the `DoetankProposed` that follows it is what counts). Each type here must have a handler for the year's
 * figures (the compiler checks it: see retrospective.figures.ts).
 */
export const ACTIVITY_KIND = {
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

export type HandledType = keyof typeof ACTIVITY_KIND;
/** A handled event of type `T` (all of them by default). */
export type Handled<T extends HandledType = HandledType> = ProjectionEvent<EventOf<T>>;

export const HANDLES = Object.keys(ACTIVITY_KIND) as HandledType[];

export const isHandled = (event: ProjectionEvent): event is Handled =>
  Object.prototype.hasOwnProperty.call(ACTIVITY_KIND, event.type);

// --- business time -----------------------------------------------------------------------------------------------

export interface EventTime {
  /** `occurredAt` in UTC, `toISOString()` form, so times compare as strings. */
  at: string;
  year: number;
  /** 0 = January. */
  month: number;
}

const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

/**
 * The event's business time with its year and month index. An unreadable time fails the event (the runner then
 * stops the projection as unhealthy): counting it in no year, or in a wrong one, would change the figures without
 * anyone noticing.
 */
export const timeOf = (event: ProjectionEvent): EventTime => {
  // targets, related and evolve (for each of its documents) ask for the same event's time: computed once.
  if (event === lastTimed.event) return lastTimed.time;
  const time = computeTimeOf(event);
  lastTimed = { event, time };
  return time;
};
let lastTimed: { event?: ProjectionEvent; time: EventTime } = { time: { at: '', year: 0, month: 0 } };

const computeTimeOf = (event: ProjectionEvent): EventTime =>
  timeAt(
    event.metadata.occurredAt,
    () => `${event.type} at position ${event.position} has no valid occurredAt`,
  );

/** A business time with its year and month index; `what` names it when it cannot be read. */
export const timeAt = (occurredAt: string, what: () => string): EventTime => {
  const time = businessTime(occurredAt);
  // Date.parse alone is lenient (it reads "sometime in 2012" as a date): require ISO-8601 as well.
  if (!ISO_DATE_TIME.test(occurredAt) || Number.isNaN(Date.parse(occurredAt))) {
    throw new Error(`retrospectives: ${what()}`);
  }
  return { at: time.at, year: time.year, month: Number(time.month.slice(5, 7)) - 1 };
};

// --- documents -----------------------------------------------------------------------------------------------------

export const yearRef = (year: number): DocumentRef => ({ collection: YEARS, id: retrospectiveYearId(year) });
export const yearListsRef = (year: number): DocumentRef => ({
  collection: YEAR_LISTS,
  id: retrospectiveYearId(year),
});
export const attendanceRef = (memberId: string): DocumentRef => ({ collection: ATTENDANCE, id: memberId });
export const memberRef = (memberId: string): DocumentRef => ({ collection: REFS, id: `member-${memberId}` });
export const doetankRef = (doetankId: string): DocumentRef => ({
  collection: REFS,
  id: `doetank-${doetankId}`,
});
export const gatheringRef = (gatheringId: string): DocumentRef => ({
  collection: REFS,
  id: `gathering-${gatheringId}`,
});

export const yearFromId = (id: string): number => {
  const match = /^year-(\d+)$/.exec(id);
  if (!match) throw new Error(`retrospectives: ${id} is not a year document id`);
  return Number(match[1]);
};

/**
 * One kind of document of the projection (a collection): the documents of it an event changes, those it reads
 * besides (as they were before the event), and the document after the event (null: deleted; the same object:
 * unchanged, not written). Only called with events the projection handles.
 */
export interface DocumentKind<D extends ProjectedDocument> {
  collection: string;
  targets(event: Handled, time: EventTime): readonly DocumentRef[];
  related(event: Handled, time: EventTime): readonly DocumentRef[];
  evolve(document: D | null, event: Handled, id: string, related: RelatedDocuments): D | null;
}

export const NO_REFS: readonly DocumentRef[] = Object.freeze([]);

// --- reading related documents -----------------------------------------------------------------------------------

export const relatedDoc = <T>(related: RelatedDocuments, ref: DocumentRef): T | null =>
  (related.get(refKey(ref)) ?? null) as T | null;

/**
 * A helper document that the stream's own earlier events must have written (a member's join before its leave, a
 * gathering's schedule before it is held). Missing, the history or the runner is broken: fail loudly rather than
 * count wrong, so the runner stops the projection as unhealthy.
 */
export const required = <T>(related: RelatedDocuments, ref: DocumentRef, event: ProjectionEvent): T => {
  const doc = relatedDoc<T>(related, ref);
  if (doc === null) {
    throw new Error(
      `retrospectives: ${event.type} at position ${event.position} needs ${refKey(ref)}, which is missing`,
    );
  }
  return doc;
};

/** The attendees of a gathering held, each once. */
export const uniqueAttendees = (event: Handled<'GatheringHeld'>): string[] => [
  ...new Set(event.data.attendees),
];
