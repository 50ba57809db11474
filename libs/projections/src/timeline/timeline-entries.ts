import {
  TIMELINE_MAX_MEMBER_IDS,
  type TimelineDetailsByType,
  type TimelineEntry,
  type TimelineEventType,
  type TimelineKind,
} from '@app/contracts/read-models/timeline.read-model';
import type { EventOf } from '@app/contracts';
import type { ProjectionEvent, RelatedDocuments } from '../projection';
import { businessTime } from '../shared/business-time';
import { renderTimelineSummary, type TimelineNames } from './timeline-summary';
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

/** An entry about the network as a whole: found by no member, Doetank or theme. */
const network = <D>(details: D) => ({ kind: 'network' as const, memberIds: [], themeIds: [], details });

/** An entry found by a Doetank and its themes; its details begin with what the Doetank's proposal said. */
const aboutDoetank = <D extends object>(
  related: RelatedDocuments,
  doetankId: string,
  memberIds: string[],
  details: D,
) => {
  const { details: context, themeIds } = doetankContext(related, doetankId);
  return { kind: 'doetank' as const, memberIds, doetankId, themeIds, details: { ...context, ...details } };
};

/** An entry found by a gathering; its details begin with what the gathering's schedule said. */
const aboutGathering = <D extends object>(
  related: RelatedDocuments,
  gatheringId: string,
  memberIds: string[],
  details: D,
) => {
  const context = gatheringContext(related, gatheringId);
  const themeIds: string[] = [];
  return {
    kind: 'gathering' as const,
    memberIds,
    gatheringId,
    themeIds,
    details: { ...context, ...details },
  };
};

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
      return aboutDoetank(related, doetankId, [sharpenedBy], { sharpenedBy });
    }
    case 'CoachAssigned': {
      const { doetankId, coachId, previousCoachId } = event.data;
      return aboutDoetank(
        related,
        doetankId,
        unionOf([coachId], previousCoachId === undefined ? [] : [previousCoachId]),
        { coachId, ...(previousCoachId !== undefined && { previousCoachId }) },
      );
    }
    case 'ClientSecured': {
      // The contact is a person: only the organisation goes into the timeline.
      const { doetankId, organisation } = event.data;
      return aboutDoetank(related, doetankId, [], { organisation });
    }
    case 'DoetankStarted': {
      const { doetankId } = event.data;
      return aboutDoetank(related, doetankId, [], {});
    }
    case 'MemberJoinedDoetank':
    case 'MemberLeftDoetank': {
      const { doetankId, memberId } = event.data;
      return aboutDoetank(related, doetankId, [memberId], { memberId });
    }
    case 'ResultShared': {
      const { doetankId, resultId, kind, title, link, sharedBy } = event.data;
      return aboutDoetank(related, doetankId, [sharedBy], {
        resultId,
        resultKind: kind,
        resultTitle: title,
        ...(link !== undefined && { link }),
        sharedBy,
      });
    }
    case 'LessonRecorded': {
      const { doetankId, lessonId, recordedBy } = event.data;
      return aboutDoetank(related, doetankId, [recordedBy], { lessonId, recordedBy });
    }
    case 'DoetankConcluded': {
      const { doetankId, conclusion } = event.data;
      return aboutDoetank(related, doetankId, [], { hasConclusion: conclusion !== undefined });
    }
    case 'DoetankStopped': {
      const { doetankId, reason } = event.data;
      return aboutDoetank(related, doetankId, [], { reason });
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
      return aboutGathering(related, gatheringId, [memberId], { memberId });
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
      return aboutGathering(related, gatheringId, unionOf(attendees).slice(0, TIMELINE_MAX_MEMBER_IDS), {
        heldOn,
        attendeeCount: attendees.length,
        attendeesTruncated: attendees.length > TIMELINE_MAX_MEMBER_IDS,
      });
    }
    case 'GatheringReportRecorded': {
      // Quotes and links name people in free text; the timeline says only that the report is there.
      const { gatheringId, links, quotes } = event.data;
      return aboutGathering(related, gatheringId, [], { linkCount: links.length, quoteCount: quotes.length });
    }
    case 'GatheringCancelled': {
      const { gatheringId, reason } = event.data;
      return aboutGathering(related, gatheringId, [], { reason });
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
    case 'YearForewordWritten': {
      const { year, signedBy } = event.data;
      return network({ year, signedBy: signedBy.name });
    }
    case 'ProgrammeDescribed': {
      const { year, name, funder, reconstruction } = event.data;
      // The web page tells its readers when the records are a reconstruction, as the report's colophon does.
      return network({
        year,
        name,
        funder: funder.organisation,
        ...(reconstruction === true && { reconstruction }),
      });
    }
    case 'NetworkResultPublished': {
      const { year, resultId, title, makers } = event.data;
      return network({ year, resultId, title, makers: makers.map((maker) => maker.name) });
    }
    case 'CommunitySizeMeasured': {
      const { year, community, size, approximate } = event.data;
      return network({ year, community, size, approximate });
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

/** No names: the searchable summary names no member, and keeps the titles the entry holds. */
const NO_NAMES: TimelineNames = {
  member: () => undefined,
  doetank: () => undefined,
  gathering: () => undefined,
  theme: () => undefined,
};

/** The summaries full-text search finds an entry by (see `TimelineEntry.search`). */
export const searchableSummaries = (entry: TimelineEntry): { nl: string; en: string } => ({
  nl: renderTimelineSummary(entry, NO_NAMES, 'nl'),
  en: renderTimelineSummary(entry, NO_NAMES, 'en'),
});

/** The timeline entry of an event, given the subject documents it reads. */
export const timelineEntry = (event: TimelineEvent, related: RelatedDocuments): TimelineEntry => {
  const time = businessTime(event.metadata.occurredAt);
  const parts = entryParts(event, related);
  const entry = {
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
  return { ...entry, search: searchableSummaries(entry) };
};

/**
 * The entry of a corrected event at its corrected business time: its time, year and month change, and it keeps
 * the time it was recorded with; its position (the tie-break) stays the event's own.
 */
export const movedEntry = (
  entry: TimelineEntry,
  // A Doetank's, a gathering's or a member's: each carries the entry's id (`eventId`) and the corrected time.
  correction: ProjectionEvent<EventOf<'BusinessTimeCorrected'>>,
): TimelineEntry => {
  const time = businessTime(correction.data.correctedTo);
  return {
    ...entry,
    occurredAt: time.at,
    recordedOccurredAt: entry.recordedOccurredAt ?? entry.occurredAt,
    year: time.year,
    month: time.month,
    lastEventPosition: correction.position,
  };
};
