import {
  TIMELINE_MAX_MEMBER_IDS,
  type TimelineDetailsByType,
  type TimelineEntry,
  type TimelineEventType,
  type TimelineKind,
} from '@app/contracts/read-models/timeline.read-model';
import type { ProjectionEvent, RelatedDocuments } from '../projection';
import { businessTime } from '../shared/business-time';
import { unionOf } from '../shared/id-lists';
import {
  discussionSubject,
  doetankContext,
  gatheringContext,
  lookup,
  type TimelineDiscussionSubject,
  type TimelineEvent,
} from './timeline-subjects';

// What each event's timeline entry says: its kind, the members, Doetank, gathering, discussion and themes it is
// found by, and its details, with what the subject documents knew of its Doetank or gathering at the time.

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
    case 'GatheringReportRecorded': {
      // Quotes and links name people in free text; the timeline says only that the report is there.
      const { gatheringId, links, quotes } = event.data;
      return {
        kind: 'gathering',
        memberIds: [],
        gatheringId,
        themeIds: [],
        details: {
          ...gatheringContext(related, gatheringId),
          linkCount: links.length,
          quoteCount: quotes.length,
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
      // Supporters lend their name to the network in public (the yearly press release names them), so their name
      // is shown as in the retrospective and the report, to every reader (docs/security.md, "Supporters").
      const { year, supporterId, name, affiliation } = event.data;
      return {
        kind: 'network',
        memberIds: [],
        themeIds: [],
        details: { year, supporterId, name, ...(affiliation !== undefined && { affiliation }) },
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
