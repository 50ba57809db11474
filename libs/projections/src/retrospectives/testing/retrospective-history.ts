import type { CorrectedEventCounts, Theme } from '@app/contracts';
import {
  RETROSPECTIVE_COLLECTIONS,
  type Retrospective,
  type RetrospectiveYearDocument,
  type RetrospectiveYearListsDocument,
} from '@app/contracts/read-models';
import type { GatheringKind, MemberRole, ResultKind, Sector } from '@app/contracts/vocabulary';
import type { ProjectionEvent } from '../../projection';
import {
  InMemoryProjectionStore,
  project,
  projectionEvent,
  type ProjectionEventOptions,
} from '../../testing/projection-spec';
import { assembleRetrospective } from '../retrospective.assemble';
import { withListsOf } from '../retrospective-year';
import { retrospectivesProjection } from '../retrospectives.projection';

/** The stream's subject a correction names: the Doetank, the gathering or the member whose stream it is on. */
const subjectOf = ({ data }: ProjectionEvent) => {
  const { doetankId, gatheringId, memberId } = data as Record<string, string | undefined>;
  if (doetankId !== undefined) return { doetankId };
  return gatheringId !== undefined ? { gatheringId } : { memberId: memberId! };
};

type Extra = Partial<Omit<ProjectionEventOptions, 'occurredAt' | 'position'>>;

/**
 * A history of the network for retrospective specs: each call appends one event with the next position, in the
 * order written (the delivery order), at the business time given.
 */
export const history = () => {
  const events: ProjectionEvent[] = [];
  const add = <E extends ProjectionEvent>(event: E): E => {
    events.push(event);
    return event;
  };
  const options = (occurredAt: string, extra: Extra = {}): ProjectionEventOptions => ({
    occurredAt,
    position: events.length + 1,
    ...extra,
  });

  return {
    events,
    memberJoined: (
      memberId: string,
      at: string,
      sector: Sector = 'gemeente',
      role: MemberRole = 'professional',
      extra?: Extra,
    ) =>
      add(
        projectionEvent(
          'MemberJoined',
          {
            memberId,
            personal: { name: `Member ${memberId}`, email: `${memberId}@example.nl` },
            organisation: `Organisation of ${memberId}`,
            sector,
            role,
          },
          options(at, extra),
        ),
      ),
    affiliationChanged: (memberId: string, at: string, sector: Sector, role: MemberRole) =>
      add(
        projectionEvent(
          'MemberAffiliationChanged',
          { memberId, organisation: `New organisation of ${memberId}`, sector, role },
          options(at),
        ),
      ),
    memberLeft: (memberId: string, at: string) =>
      add(projectionEvent('MemberLeft', { memberId }, options(at))),
    memberForgotten: (memberId: string, at: string) =>
      add(projectionEvent('MemberForgotten', { memberId, reason: 'asked to be forgotten' }, options(at))),

    themeAdopted: (year: number, themeId: string, doetankId: string, at: string) =>
      add(projectionEvent('ThemeAdoptedByDoetank', { year, themeId, doetankId }, options(at))),
    doetankProposed: (
      doetankId: string,
      at: string,
      themeId?: string,
      proposedBy = 'm-proposer',
      extra?: Extra,
    ) =>
      add(
        projectionEvent(
          'DoetankProposed',
          {
            doetankId,
            title: `Doetank ${doetankId}`,
            problemStatement: `The problem of ${doetankId}`,
            proposedBy,
            ...(themeId !== undefined && { themeId }),
          },
          options(at, extra),
        ),
      ),
    coachAssigned: (doetankId: string, coachId: string, at: string) =>
      add(projectionEvent('CoachAssigned', { doetankId, coachId }, options(at))),
    memberJoinedDoetank: (doetankId: string, memberId: string, at: string) =>
      add(projectionEvent('MemberJoinedDoetank', { doetankId, memberId }, options(at))),
    doetankStarted: (doetankId: string, at: string, extra?: Extra) =>
      add(projectionEvent('DoetankStarted', { doetankId }, options(at, extra))),
    doetankConcluded: (doetankId: string, at: string) =>
      add(projectionEvent('DoetankConcluded', { doetankId, conclusion: 'Done' }, options(at))),
    doetankStopped: (doetankId: string, at: string) =>
      add(projectionEvent('DoetankStopped', { doetankId, reason: 'No client' }, options(at))),
    resultShared: (
      doetankId: string,
      resultId: string,
      kind: ResultKind,
      at: string,
      sharedBy = 'm-proposer',
      extra?: Extra,
    ) =>
      add(
        projectionEvent(
          'ResultShared',
          {
            doetankId,
            resultId,
            kind,
            title: `Result ${resultId}`,
            link: `https://example.nl/${resultId}`,
            sharedBy,
          },
          options(at, extra),
        ),
      ),
    lessonRecorded: (
      doetankId: string,
      lessonId: string,
      at: string,
      lesson = `Lesson ${lessonId}`,
      recordedBy = 'm-proposer',
    ) => add(projectionEvent('LessonRecorded', { doetankId, lessonId, lesson, recordedBy }, options(at))),

    gatheringScheduled: (
      gatheringId: string,
      kind: GatheringKind,
      startsAt: string,
      at: string,
      place: { title?: string; venue?: string; city?: string; capacity?: number } = {},
    ) =>
      add(
        projectionEvent(
          'GatheringScheduled',
          {
            gatheringId,
            kind,
            title: place.title ?? `Gathering ${gatheringId}`,
            startsAt,
            venue: place.venue ?? 'Kennisland',
            ...(place.city !== undefined && { city: place.city }),
            capacity: place.capacity ?? 200,
          },
          options(at),
        ),
      ),
    registered: (gatheringId: string, memberId: string, at: string) =>
      add(projectionEvent('ParticipantRegistered', { gatheringId, memberId }, options(at))),
    registrationCancelled: (gatheringId: string, memberId: string, at: string) =>
      add(projectionEvent('RegistrationCancelled', { gatheringId, memberId }, options(at))),
    programmeItemAdded: (gatheringId: string, itemId: string, at: string) =>
      add(
        projectionEvent('ProgrammeItemAdded', { gatheringId, itemId, title: `Item ${itemId}` }, options(at)),
      ),
    gatheringHeld: (gatheringId: string, attendees: string[], at: string, heldOn = at) =>
      add(projectionEvent('GatheringHeld', { gatheringId, attendees, heldOn }, options(at))),
    gatheringCancelled: (gatheringId: string, at: string) =>
      add(
        projectionEvent('GatheringCancelled', { gatheringId, reason: 'Too few registrations' }, options(at)),
      ),

    themesDefined: (year: number, themes: Theme[], at: string) =>
      add(projectionEvent('YearThemesDefined', { year, themes }, options(at))),
    partnerAppointed: (year: number, organisation: string, at: string) =>
      add(
        projectionEvent(
          'StrategicPartnerAppointed',
          { year, organisation, description: 'Strategic partner' },
          options(at),
        ),
      ),
    supporterAdded: (year: number, supporterId: string, name: string, at: string) =>
      add(
        projectionEvent(
          'SupporterAdded',
          { year, supporterId, name, affiliation: 'Comité van aanbeveling' },
          options(at),
        ),
      ),

    discussionStarted: (discussionId: string, at: string) =>
      add(
        projectionEvent(
          'DiscussionStarted',
          {
            discussionId,
            title: `Discussion ${discussionId}`,
            link: `https://example.nl/d/${discussionId}`,
            startedBy: 'm-proposer',
          },
          options(at),
        ),
      ),
    discussionClosed: (discussionId: string, at: string) =>
      add(projectionEvent('DiscussionClosed', { discussionId }, options(at))),

    /**
     * A correction of a Doetank's, a gathering's or a member's event's business time, as the decider records it (with what is
     * counted of it);
     * `correctedFrom` is the time an earlier correction gave it, if any.
     */
    businessTimeCorrected: (
      corrected: ProjectionEvent,
      correctedTo: string,
      at: string,
      counts?: CorrectedEventCounts,
      correctedFrom = corrected.metadata.occurredAt,
    ) =>
      add(
        projectionEvent(
          'BusinessTimeCorrected',
          {
            ...subjectOf(corrected),
            revision: corrected.revision,
            eventType: corrected.type,
            eventId: corrected.id,
            ...(counts && { counts }),
            correctedFrom,
            correctedTo,
            reason: 'Uit de notulen',
          },
          options(at),
        ),
      ),
  };
};

/** The events in this delivery order, with positions renumbered to match it (as a store would assign them). */
export const deliveredInOrder = (events: readonly ProjectionEvent[]): ProjectionEvent[] =>
  events.map((event, index) => ({ ...event, position: index + 1 }));

export const projectRetrospectives = (
  events: readonly ProjectionEvent[],
  store?: InMemoryProjectionStore,
): InMemoryProjectionStore => project(retrospectivesProjection, events, store);

/** The year documents of the store, each with the lists of its lists document (as a report reads them). */
export const yearDocuments = (store: InMemoryProjectionStore): RetrospectiveYearDocument[] => {
  const lists = new Map(
    store
      .all<RetrospectiveYearListsDocument>(RETROSPECTIVE_COLLECTIONS.yearLists)
      .map((doc) => [doc.id, doc]),
  );
  return store
    .all<RetrospectiveYearDocument>(RETROSPECTIVE_COLLECTIONS.years)
    .map((doc) => withListsOf(doc, lists.get(doc.id)));
};

/** Projects the events and assembles the retrospective of `year` from the year documents up to it, as the API does. */
export const retrospectiveOf = (year: number, events: readonly ProjectionEvent[]): Retrospective =>
  assembleRetrospective(
    year,
    yearDocuments(projectRetrospectives(events)).filter((doc) => doc.year <= year),
  );
