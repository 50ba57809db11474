import type { DoetankEvent } from '@app/contracts';
import { DOETANKS_COLLECTION, type DoetankDocument } from '@app/contracts/read-models/doetank.read-model';
import type { Projection, ProjectionEvent } from '../projection';
import { businessTime, laterOf } from '../shared/business-time';
import { upsertBy, withId, withoutId } from '../shared/id-lists';
import { documentPerSubject } from '../shared/document-per-subject';
import { unhandled } from '../shared/exhaustive';
import { nameKeys } from '../shared/name-keys';

export { DOETANKS_COLLECTION };

const DOETANK_EVENT_TYPES = [
  'DoetankProposed',
  'ProblemStatementSharpened',
  'CoachAssigned',
  'ClientSecured',
  'DoetankStarted',
  'MemberJoinedDoetank',
  'MemberLeftDoetank',
  'ResultShared',
  'LessonRecorded',
  'DoetankConcluded',
  'DoetankStopped',
  'BusinessTimeCorrected',
] as const satisfies readonly DoetankEvent['type'][];

/** The date fields of the document that a stage's event sets, for a correction of that event's business time. */
const STAGE_DATES: Readonly<Record<string, 'proposedAt' | 'startedAt' | 'concludedAt' | 'stoppedAt'>> = {
  DoetankProposed: 'proposedAt',
  DoetankStarted: 'startedAt',
  DoetankConcluded: 'concludedAt',
  DoetankStopped: 'stoppedAt',
};

type DoetankProjectionEvent = ProjectionEvent<DoetankEvent>;

const proposed = (
  event: ProjectionEvent<Extract<DoetankEvent, { type: 'DoetankProposed' }>>,
): DoetankDocument => {
  const { doetankId, title, problemStatement, proposedBy, themeId } = event.data;
  const at = businessTime(event.metadata.occurredAt).at;
  return {
    id: doetankId,
    title,
    titleKeys: nameKeys(title),
    problemStatement,
    stage: 'proposed',
    ...(themeId !== undefined && { themeId }),
    proposedBy,
    memberIds: [proposedBy],
    formerMemberIds: [],
    results: [],
    lessons: [],
    proposedAt: at,
    resultCount: 0,
    lessonCount: 0,
    lastActivityAt: at,
    lastEventPosition: event.position,
  };
};

/** The Doetank after an event other than its proposal. */
const evolveExisting = (
  doetank: DoetankDocument,
  event: DoetankProjectionEvent,
  at: string,
): DoetankDocument => {
  switch (event.type) {
    case 'DoetankProposed':
      // Proposed twice (the domain refuses it): the first proposal stands.
      return doetank;
    case 'ProblemStatementSharpened':
      return { ...doetank, problemStatement: event.data.problemStatement };
    case 'CoachAssigned':
      return { ...doetank, coachId: event.data.coachId };
    case 'ClientSecured': {
      const { organisation, contactName } = event.data;
      return { ...doetank, client: { organisation, ...(contactName !== undefined && { contactName }) } };
    }
    case 'DoetankStarted':
      // As in the domain: only a proposed Doetank starts; a late duplicate keeps the first start date.
      return doetank.stage === 'proposed' ? { ...doetank, stage: 'started', startedAt: at } : doetank;
    case 'MemberJoinedDoetank': {
      const { memberId } = event.data;
      return {
        ...doetank,
        memberIds: withId(doetank.memberIds, memberId),
        formerMemberIds: withoutId(doetank.formerMemberIds, memberId),
      };
    }
    case 'MemberLeftDoetank': {
      const { memberId } = event.data;
      if (!doetank.memberIds.includes(memberId)) return doetank;
      return {
        ...doetank,
        memberIds: withoutId(doetank.memberIds, memberId),
        formerMemberIds: withId(doetank.formerMemberIds, memberId),
      };
    }
    case 'ResultShared': {
      const { resultId, kind, title, link, sharedBy } = event.data;
      const results = upsertBy(doetank.results, 'resultId', {
        resultId,
        kind,
        title,
        ...(link !== undefined && { link }),
        sharedBy,
        sharedAt: at,
      });
      return { ...doetank, results, resultCount: results.length };
    }
    case 'LessonRecorded': {
      const { lessonId, lesson, recordedBy } = event.data;
      const lessons = upsertBy(doetank.lessons, 'lessonId', { lessonId, lesson, recordedBy, recordedAt: at });
      return { ...doetank, lessons, lessonCount: lessons.length };
    }
    case 'DoetankConcluded': {
      if (doetank.stage !== 'started') return doetank;
      const { conclusion } = event.data;
      return {
        ...doetank,
        stage: 'concluded',
        concludedAt: at,
        ...(conclusion !== undefined && { conclusion }),
      };
    }
    case 'DoetankStopped':
      if (doetank.stage !== 'proposed' && doetank.stage !== 'started') return doetank;
      return { ...doetank, stage: 'stopped', stoppedAt: at, stopReason: event.data.reason };
    case 'BusinessTimeCorrected':
      return corrected(doetank, event.data);
    default:
      return unhandled(event);
  }
};

/**
 * The Doetank after a correction of an event's business time: the date the corrected event set moves with it, a
 * stage's or a result's or lesson's (found by the id the correction carries; a correction recorded before it
 * carried one moves no result or lesson). Results and lessons stay in the order of the stream, which a correction
 * never changes. The correction's own time is no activity of the Doetank.
 */
const corrected = (
  doetank: DoetankDocument,
  { eventType, correctedTo, counts }: Extract<DoetankEvent, { type: 'BusinessTimeCorrected' }>['data'],
): DoetankDocument => {
  const at = businessTime(correctedTo).at;
  if (eventType === 'ResultShared' && counts?.result) {
    const { resultId } = counts.result;
    return {
      ...doetank,
      results: doetank.results.map((r) => (r.resultId === resultId ? { ...r, sharedAt: at } : r)),
    };
  }
  if (eventType === 'LessonRecorded' && counts?.lesson) {
    const { lessonId } = counts.lesson;
    return {
      ...doetank,
      lessons: doetank.lessons.map((l) => (l.lessonId === lessonId ? { ...l, recordedAt: at } : l)),
    };
  }
  const field = STAGE_DATES[eventType];
  return field === undefined || doetank[field] === undefined ? doetank : { ...doetank, [field]: at };
};

/**
 * Doetanks, summary and detail in one document per Doetank (id = Doetank id). Stages follow the domain: only a
 * proposed Doetank starts, only a started one concludes, a proposed or started one stops; an event the domain would
 * not have emitted in the current stage changes nothing but the last activity. An event for a Doetank that was
 * never proposed is ignored (no document is created): without its proposal there is no title or problem statement
 * to show. `lastActivityAt` is the latest business time seen, also when history is imported out of time order.
 */
export const doetanksProjection: Projection = documentPerSubject<DoetankProjectionEvent, DoetankDocument>({
  name: 'doetanks',
  collection: {
    name: DOETANKS_COLLECTION,
    arrayFields: ['memberIds', 'titleKeys'],
    indexes: [
      {
        name: 'by_stage',
        fields: [{ field: 'stage' }, { field: 'lastActivityAt', order: 'desc' }],
      },
      {
        name: 'by_theme',
        fields: [{ field: 'themeId' }, { field: 'lastActivityAt', order: 'desc' }],
      },
      { name: 'recently_active', fields: [{ field: 'lastActivityAt', order: 'desc' }] },
      {
        name: 'by_member',
        fields: [{ field: 'memberIds' }, { field: 'lastActivityAt', order: 'desc' }],
      },
      // The picker's search by title as someone types it (documents written before it need a rebuild).
      { name: 'by_title_key', fields: [{ field: 'titleKeys' }, { field: 'title' }] },
    ],
  },
  handles: DOETANK_EVENT_TYPES,
  idOf: (event) => event.data.doetankId,
  stream: 'doetank', // a gathering's stream has corrections of business time too
  create: (event) => (event.type === 'DoetankProposed' ? proposed(event) : null),
  update(current, event) {
    if (event.type === 'BusinessTimeCorrected') return evolveExisting(current, event, current.lastActivityAt);
    const at = businessTime(event.metadata.occurredAt).at;
    return { ...evolveExisting(current, event, at), lastActivityAt: laterOf(current.lastActivityAt, at) };
  },
});
