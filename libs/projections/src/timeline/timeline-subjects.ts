import type {
  TimelineDoetankContext,
  TimelineEventType,
  TimelineGatheringContext,
} from '@app/contracts/read-models/timeline.read-model';
import { streams } from '@app/contracts/streams';
import type { GatheringKind } from '@app/contracts/vocabulary';
import { refKey, type DocumentRef, type ProjectionEvent, type RelatedDocuments } from '../projection';
import { unionOf } from '../shared/id-lists';

export type TimelineEvent = ProjectionEvent & { type: TimelineEventType };

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

const subjectRef = (streamId: string): DocumentRef => ({
  collection: TIMELINE_SUBJECTS_COLLECTION,
  id: streamId,
});
const doetankSubject = (doetankId: string) => subjectRef(streams.doetank(doetankId));
const gatheringSubject = (gatheringId: string) => subjectRef(streams.gathering(gatheringId));
export const discussionSubject = (discussionId: string) => subjectRef(streams.discussion(discussionId));

/** The subject document an event creates or redefines, if any. */
export const subjectWrittenBy = (event: TimelineEvent): DocumentRef | undefined => {
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
export const subjectsReadBy = (event: TimelineEvent): DocumentRef[] => {
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

export const lookup = <S extends TimelineSubject>(
  related: RelatedDocuments,
  ref: DocumentRef,
  subject: S['subject'],
): S | undefined => {
  const document = related.get(refKey(ref)) as TimelineSubject | null | undefined;
  return document?.subject === subject ? (document as S) : undefined;
};

export const doetankContext = (related: RelatedDocuments, doetankId: string) => {
  const subject = lookup<TimelineDoetankSubject>(related, doetankSubject(doetankId), 'doetank');
  const details: TimelineDoetankContext = subject ? { doetankTitle: subject.title } : {};
  return { details, themeIds: subject?.themeIds ?? [] };
};

export const gatheringContext = (
  related: RelatedDocuments,
  gatheringId: string,
): TimelineGatheringContext => {
  const subject = lookup<TimelineGatheringSubject>(related, gatheringSubject(gatheringId), 'gathering');
  if (!subject) return {};
  return {
    gatheringKind: subject.kind,
    gatheringTitle: subject.title,
    venue: subject.venue,
    ...(subject.city !== undefined && { city: subject.city }),
  };
};

/** What the subject document an event creates or redefines holds (null for other events). */
export const subjectOf = (
  event: TimelineEvent,
  id: string,
  related: RelatedDocuments,
): TimelineSubject | null => {
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
