import type { NetworkEventType } from '@app/contracts';
import { EVENT_SCHEMA_VERSIONS } from '@app/contracts/events';
import {
  TIMELINE_COLLECTION,
  TIMELINE_MAX_MEMBER_IDS,
  TIMELINE_SKIPPED_EVENT_TYPES,
  type TimelineDetailsByType,
  type TimelineDoetankContext,
  type TimelineEntry,
  type TimelineEventType,
  type TimelineGatheringContext,
  type TimelineKind,
} from '@app/contracts/read-models/timeline.read-model';
import { streams } from '@app/contracts/streams';
import type { GatheringKind } from '@app/contracts/vocabulary';
import type { IndexField } from '@app/read-store';
import {
  refKey,
  type DocumentRef,
  type ProjectedDocument,
  type Projection,
  type ProjectionEvent,
  type RelatedDocuments,
} from '../projection';
import { businessTime } from '../shared/business-time';
import { unionOf } from '../shared/id-lists';

export { TIMELINE_COLLECTION };

/**
 * The timeline's own lookup of what it needs to know about a Doetank, gathering or discussion when a later event
 * concerns it (a Doetank's title and theme, a gathering's kind and venue), so that every entry is complete when
 * written and filters by theme also find a Doetank's results. Keyed by stream name (`doetank-<id>`); the API does
 * not read it.
 */
export const TIMELINE_SUBJECTS_COLLECTION = 'timeline_subjects';

type SubjectBase = { id: string; lastEventPosition: number };
export type TimelineDoetankSubject = SubjectBase & { subject: 'doetank'; title: string; themeIds: string[] };
export type TimelineGatheringSubject = SubjectBase & {
  subject: 'gathering';
  kind: GatheringKind;
  title: string;
  venue: string;
  city?: string;
};
export type TimelineDiscussionSubject = SubjectBase & {
  subject: 'discussion';
  title: string;
  themeIds: string[];
  doetankId?: string;
};
export type TimelineSubject = TimelineDoetankSubject | TimelineGatheringSubject | TimelineDiscussionSubject;

/** Every event type with an entry: all but the bookkeeping ones. */
export const TIMELINE_EVENT_TYPES = (Object.keys(EVENT_SCHEMA_VERSIONS) as NetworkEventType[]).filter(
  (type): type is TimelineEventType => !(TIMELINE_SKIPPED_EVENT_TYPES as readonly string[]).includes(type),
);

// Every index ends in the same sort key (and so the same id tie-break, descending): each filter the API offers is
// one index range, read newest first.
const NEWEST_FIRST: readonly IndexField[] = [
  { field: 'occurredAt', order: 'desc' },
  { field: 'position', order: 'desc' },
];
const newestFirstBy = (name: string, field: string) => ({ name, fields: [{ field }, ...NEWEST_FIRST] });

type TimelineEvent = ProjectionEvent & { type: TimelineEventType };

const TIMELINE_TYPES: ReadonlySet<string> = new Set(TIMELINE_EVENT_TYPES);

const isTimelineEvent = (event: ProjectionEvent): event is TimelineEvent => TIMELINE_TYPES.has(event.type);

const subjectRef = (streamId: string): DocumentRef => ({
  collection: TIMELINE_SUBJECTS_COLLECTION,
  id: streamId,
});
const doetankSubject = (doetankId: string) => subjectRef(streams.doetank(doetankId));
const gatheringSubject = (gatheringId: string) => subjectRef(streams.gathering(gatheringId));
const discussionSubject = (discussionId: string) => subjectRef(streams.discussion(discussionId));

/** The subject document an event creates or redefines, if any. */
const subjectWrittenBy = (event: TimelineEvent): DocumentRef | undefined => {
  switch (event.type) {
    case 'DoetankProposed':
      return doetankSubject(event.data.doetankId);
    case 'GatheringScheduled':
      return gatheringSubject(event.data.gatheringId);
    case 'DiscussionStarted':
      return discussionSubject(event.data.discussionId);
    default:
      return undefined;
  }
};

/** The subject documents an event's entry reads: its gathering, its Doetank (also one a programme spotlights). */
const subjectsReadBy = (event: TimelineEvent): DocumentRef[] => {
  switch (event.type) {
    case 'DoetankProposed':
    case 'GatheringScheduled':
      return [];
    case 'DiscussionClosed':
      return [discussionSubject(event.data.discussionId)];
    default: {
      const data = event.data as { doetankId?: string; gatheringId?: string };
      return [
        ...(data.gatheringId === undefined ? [] : [gatheringSubject(data.gatheringId)]),
        ...(data.doetankId === undefined ? [] : [doetankSubject(data.doetankId)]),
      ];
    }
  }
};

const lookup = <S extends TimelineSubject>(
  related: RelatedDocuments,
  ref: DocumentRef,
  subject: S['subject'],
): S | undefined => {
  const document = related.get(refKey(ref)) as TimelineSubject | null | undefined;
  return document?.subject === subject ? (document as S) : undefined;
};

const doetankContext = (related: RelatedDocuments, doetankId: string) => {
  const subject = lookup<TimelineDoetankSubject>(related, doetankSubject(doetankId), 'doetank');
  const details: TimelineDoetankContext = subject ? { doetankTitle: subject.title } : {};
  return { details, themeIds: subject?.themeIds ?? [] };
};

const gatheringContext = (related: RelatedDocuments, gatheringId: string): TimelineGatheringContext => {
  const subject = lookup<TimelineGatheringSubject>(related, gatheringSubject(gatheringId), 'gathering');
  if (!subject) return {};
  return {
    gatheringKind: subject.kind,
    gatheringTitle: subject.title,
    venue: subject.venue,
    ...(subject.city !== undefined && { city: subject.city }),
  };
};

/** The entry fields that depend on the event type. */
type EntryParts<T extends TimelineEventType> = {
  kind: TimelineKind;
  memberIds: string[];
  doetankId?: string;
  gatheringId?: string;
  discussionId?: string;
  themeIds: string[];
  details: TimelineDetailsByType[T];
};

type AnyEntryParts = { [T in TimelineEventType]: EntryParts<T> }[TimelineEventType];

const entryParts = (event: TimelineEvent, related: RelatedDocuments): AnyEntryParts => {
  switch (event.type) {
    case 'MemberJoined':
    case 'MemberAffiliationChanged': {
      const { memberId, organisation, sector, role } = event.data;
      return {
        kind: 'member',
        memberIds: [memberId],
        themeIds: [],
        details: { memberId, organisation, sector, role },
      };
    }
    case 'MemberLeft':
    case 'MemberForgotten': {
      // The reason is free text about a person: it stays in the member's stream, not in a public timeline.
      const { memberId } = event.data;
      return { kind: 'member', memberIds: [memberId], themeIds: [], details: { memberId } };
    }
    case 'DoetankProposed': {
      const { doetankId, title, proposedBy, themeId } = event.data;
      return {
        kind: 'doetank',
        memberIds: [proposedBy],
        doetankId,
        themeIds: themeId === undefined ? [] : [themeId],
        details: { doetankTitle: title, proposedBy },
      };
    }
    case 'ProblemStatementSharpened': {
      const { doetankId, sharpenedBy } = event.data;
      const context = doetankContext(related, doetankId);
      return {
        kind: 'doetank',
        memberIds: [sharpenedBy],
        doetankId,
        themeIds: context.themeIds,
        details: { ...context.details, sharpenedBy },
      };
    }
    case 'CoachAssigned': {
      const { doetankId, coachId, previousCoachId } = event.data;
      const context = doetankContext(related, doetankId);
      return {
        kind: 'doetank',
        memberIds: unionOf([coachId], previousCoachId === undefined ? [] : [previousCoachId]),
        doetankId,
        themeIds: context.themeIds,
        details: { ...context.details, coachId, ...(previousCoachId !== undefined && { previousCoachId }) },
      };
    }
    case 'ClientSecured': {
      // The contact is a person: only the organisation goes into the timeline.
      const { doetankId, organisation } = event.data;
      const context = doetankContext(related, doetankId);
      return {
        kind: 'doetank',
        memberIds: [],
        doetankId,
        themeIds: context.themeIds,
        details: { ...context.details, organisation },
      };
    }
    case 'DoetankStarted': {
      const { doetankId } = event.data;
      const context = doetankContext(related, doetankId);
      return {
        kind: 'doetank',
        memberIds: [],
        doetankId,
        themeIds: context.themeIds,
        details: context.details,
      };
    }
    case 'MemberJoinedDoetank':
    case 'MemberLeftDoetank': {
      const { doetankId, memberId } = event.data;
      const context = doetankContext(related, doetankId);
      return {
        kind: 'doetank',
        memberIds: [memberId],
        doetankId,
        themeIds: context.themeIds,
        details: { ...context.details, memberId },
      };
    }
    case 'ResultShared': {
      const { doetankId, resultId, kind, title, link, sharedBy } = event.data;
      const context = doetankContext(related, doetankId);
      return {
        kind: 'doetank',
        memberIds: [sharedBy],
        doetankId,
        themeIds: context.themeIds,
        details: {
          ...context.details,
          resultId,
          resultKind: kind,
          resultTitle: title,
          ...(link !== undefined && { link }),
          sharedBy,
        },
      };
    }
    case 'LessonRecorded': {
      const { doetankId, lessonId, recordedBy } = event.data;
      const context = doetankContext(related, doetankId);
      return {
        kind: 'doetank',
        memberIds: [recordedBy],
        doetankId,
        themeIds: context.themeIds,
        details: { ...context.details, lessonId, recordedBy },
      };
    }
    case 'DoetankConcluded': {
      const { doetankId, conclusion } = event.data;
      const context = doetankContext(related, doetankId);
      return {
        kind: 'doetank',
        memberIds: [],
        doetankId,
        themeIds: context.themeIds,
        details: { ...context.details, hasConclusion: conclusion !== undefined },
      };
    }
    case 'DoetankStopped': {
      const { doetankId, reason } = event.data;
      const context = doetankContext(related, doetankId);
      return {
        kind: 'doetank',
        memberIds: [],
        doetankId,
        themeIds: context.themeIds,
        details: { ...context.details, reason },
      };
    }
    case 'GatheringScheduled': {
      const { gatheringId, kind, title, startsAt, venue, city, capacity } = event.data;
      return {
        kind: 'gathering',
        memberIds: [],
        gatheringId,
        themeIds: [],
        details: {
          gatheringKind: kind,
          gatheringTitle: title,
          startsAt,
          venue,
          ...(city !== undefined && { city }),
          capacity,
        },
      };
    }
    case 'ParticipantRegistered':
    case 'RegistrationCancelled': {
      const { gatheringId, memberId } = event.data;
      return {
        kind: 'gathering',
        memberIds: [memberId],
        gatheringId,
        themeIds: [],
        details: { ...gatheringContext(related, gatheringId), memberId },
      };
    }
    case 'ProgrammeItemAdded': {
      // A speaker is named in free text, not by member id: the timeline only says there is one.
      const { gatheringId, itemId, title, speaker, doetankId } = event.data;
      const spotlight = doetankId === undefined ? undefined : doetankContext(related, doetankId);
      return {
        kind: 'gathering',
        memberIds: [],
        gatheringId,
        ...(doetankId !== undefined && { doetankId }),
        themeIds: spotlight?.themeIds ?? [],
        details: {
          ...gatheringContext(related, gatheringId),
          ...spotlight?.details,
          itemId,
          itemTitle: title,
          hasSpeaker: speaker !== undefined,
        },
      };
    }
    case 'GatheringHeld': {
      const { gatheringId, attendees, heldOn } = event.data;
      return {
        kind: 'gathering',
        memberIds: unionOf(attendees).slice(0, TIMELINE_MAX_MEMBER_IDS),
        gatheringId,
        themeIds: [],
        details: {
          ...gatheringContext(related, gatheringId),
          heldOn,
          attendeeCount: attendees.length,
          attendeesTruncated: attendees.length > TIMELINE_MAX_MEMBER_IDS,
        },
      };
    }
    case 'GatheringCancelled': {
      const { gatheringId, reason } = event.data;
      return {
        kind: 'gathering',
        memberIds: [],
        gatheringId,
        themeIds: [],
        details: { ...gatheringContext(related, gatheringId), reason },
      };
    }
    case 'YearThemesDefined': {
      const { year, themes } = event.data;
      return {
        kind: 'network',
        memberIds: [],
        themeIds: unionOf(themes.map((theme) => theme.themeId)),
        details: { year, themes: themes.map(({ themeId, title }) => ({ themeId, title })) },
      };
    }
    case 'StrategicPartnerAppointed': {
      const { year, organisation } = event.data;
      return { kind: 'network', memberIds: [], themeIds: [], details: { year, organisation } };
    }
    case 'SupporterAdded': {
      // Supporters are people outside the member register, named in plain text: keep only their affiliation.
      const { year, supporterId, affiliation } = event.data;
      return {
        kind: 'network',
        memberIds: [],
        themeIds: [],
        details: { year, supporterId, ...(affiliation !== undefined && { affiliation }) },
      };
    }
    case 'DiscussionStarted': {
      const { discussionId, title, link, startedBy, themeId, doetankId } = event.data;
      const about = doetankId === undefined ? undefined : doetankContext(related, doetankId);
      return {
        kind: 'discussion',
        memberIds: [startedBy],
        discussionId,
        ...(doetankId !== undefined && { doetankId }),
        themeIds: unionOf(themeId === undefined ? [] : [themeId], about?.themeIds ?? []),
        details: { ...about?.details, discussionTitle: title, link, startedBy },
      };
    }
    case 'DiscussionClosed': {
      const { discussionId } = event.data;
      const subject = lookup<TimelineDiscussionSubject>(
        related,
        discussionSubject(discussionId),
        'discussion',
      );
      return {
        kind: 'discussion',
        memberIds: [],
        discussionId,
        ...(subject?.doetankId !== undefined && { doetankId: subject.doetankId }),
        themeIds: subject?.themeIds ?? [],
        details: subject ? { discussionTitle: subject.title } : {},
      };
    }
    default: {
      const _exhaustive: never = event;
      throw new Error(`Timeline has no entry for ${(_exhaustive as ProjectionEvent).type}`);
    }
  }
};

/** The timeline entry of an event, given the subject documents it reads. */
export const timelineEntry = (event: TimelineEvent, related: RelatedDocuments): TimelineEntry => {
  const time = businessTime(event.metadata.occurredAt);
  const parts = entryParts(event, related);
  return {
    id: event.id,
    position: event.position,
    occurredAt: time.at,
    year: time.year,
    month: time.month,
    type: event.type,
    ...parts,
    actorId: event.metadata.actorId,
    lastEventPosition: event.position,
  } as TimelineEntry;
};

const subjectOf = (event: TimelineEvent, id: string, related: RelatedDocuments): TimelineSubject | null => {
  const base = { id, lastEventPosition: event.position };
  switch (event.type) {
    case 'DoetankProposed': {
      const { title, themeId } = event.data;
      return { ...base, subject: 'doetank', title, themeIds: themeId === undefined ? [] : [themeId] };
    }
    case 'GatheringScheduled': {
      const { kind, title, venue, city } = event.data;
      return { ...base, subject: 'gathering', kind, title, venue, ...(city !== undefined && { city }) };
    }
    case 'DiscussionStarted': {
      const { title, themeId, doetankId } = event.data;
      const about = doetankId === undefined ? undefined : doetankContext(related, doetankId);
      return {
        ...base,
        subject: 'discussion',
        title,
        themeIds: unionOf(themeId === undefined ? [] : [themeId], about?.themeIds ?? []),
        ...(doetankId !== undefined && { doetankId }),
      };
    }
    default:
      return null;
  }
};

/**
 * The network's activity timeline: one entry per meaningful event (all but e-mail claims and theme adoptions),
 * keyed by event id, newest first by business time. Entries are written once and never change: what an entry says
 * about its Doetank or gathering (title, theme, kind, venue) is what the timeline knew when the event happened,
 * from its `timeline_subjects` lookup. Names of members, Doetanks, gatherings and themes are looked up when the
 * timeline is read (see `renderTimelineSummary`), so a forgotten member is never named here.
 */
export const timelineProjection: Projection = {
  name: 'timeline',
  collections: [
    {
      name: TIMELINE_COLLECTION,
      arrayFields: ['memberIds', 'themeIds'],
      indexes: [
        { name: 'newest_first', fields: NEWEST_FIRST },
        newestFirstBy('by_kind', 'kind'),
        newestFirstBy('by_doetank', 'doetankId'),
        newestFirstBy('by_gathering', 'gatheringId'),
        newestFirstBy('by_member', 'memberIds'),
        newestFirstBy('by_theme', 'themeIds'),
        newestFirstBy('by_year', 'year'),
      ],
    },
    { name: TIMELINE_SUBJECTS_COLLECTION },
  ],
  handles: TIMELINE_EVENT_TYPES,
  readsPersonalData: false, // sector, role and organisation only: not personal

  targets(event) {
    if (!isTimelineEvent(event)) return [];
    const subject = subjectWrittenBy(event);
    return [{ collection: TIMELINE_COLLECTION, id: event.id }, ...(subject ? [subject] : [])];
  },

  related(event) {
    return isTimelineEvent(event) ? subjectsReadBy(event) : [];
  },

  evolve(document, event, target, related): ProjectedDocument | null {
    if (!isTimelineEvent(event)) return document;
    if (target.collection === TIMELINE_SUBJECTS_COLLECTION)
      return subjectOf(event, target.id, related) ?? document;
    return timelineEntry(event, related);
  },
};
