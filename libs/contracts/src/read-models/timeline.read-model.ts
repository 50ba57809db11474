import type { NetworkEventType } from '../events';
import type { GatheringKind, MemberRole, ResultKind, Sector } from '../vocabulary';

/** Logical read-store collection of the timeline: one entry per meaningful event. */
export const TIMELINE_COLLECTION = 'timeline';

/** What part of the network an entry is about; the timeline filters on it. */
export const TIMELINE_KINDS = ['member', 'doetank', 'gathering', 'network', 'discussion'] as const;
export type TimelineKind = (typeof TIMELINE_KINDS)[number];

/** Bookkeeping events: they guard invariants and say nothing new to a reader, so they get no timeline entry. */
export const TIMELINE_SKIPPED_EVENT_TYPES = [
  'EmailClaimed',
  'EmailReleased',
  'ThemeAdoptedByDoetank',
  // Security bookkeeping about a member's tokens, not an activity of the network.
  'MemberTokensRevoked',
  // A correction of a recorded business time has no entry of its own: it moves the corrected event's entry.
  'BusinessTimeCorrected',
] as const;

export type TimelineEventType = Exclude<NetworkEventType, (typeof TIMELINE_SKIPPED_EVENT_TYPES)[number]>;

/** What the timeline knows about a Doetank when an event concerns it; the title is missing only in odd histories. */
export type TimelineDoetankContext = { doetankTitle?: string };

/** What the timeline knows about a gathering when an event concerns it (from its GatheringScheduled). */
export type TimelineGatheringContext = {
  gatheringKind?: GatheringKind;
  gatheringTitle?: string;
  venue?: string;
  city?: string;
};

/**
 * The small payload each entry keeps to render a summary, per event type. Member ids are pseudonymous ids, never
 * names or e-mail addresses: names are looked up when the timeline is read, because members can be forgotten.
 * Free text that may be about a person (a speaker's or contact's name, why a member left or was forgotten) is left
 * out; a supporter's name is kept, as everywhere else: supporters are a public role (docs/security.md); long texts (problem statements, lessons, conclusions) live on the Doetank document.
 */
export type TimelineDetailsByType = {
  MemberJoined: { memberId: string; organisation: string; sector: Sector; role: MemberRole };
  MemberAffiliationChanged: { memberId: string; organisation: string; sector: Sector; role: MemberRole };
  MemberLeft: { memberId: string };
  MemberForgotten: { memberId: string };
  DoetankProposed: { doetankTitle: string; proposedBy: string };
  ProblemStatementSharpened: TimelineDoetankContext & { sharpenedBy: string };
  CoachAssigned: TimelineDoetankContext & { coachId: string; previousCoachId?: string };
  ClientSecured: TimelineDoetankContext & { organisation: string };
  DoetankStarted: TimelineDoetankContext;
  MemberJoinedDoetank: TimelineDoetankContext & { memberId: string };
  MemberLeftDoetank: TimelineDoetankContext & { memberId: string };
  ResultShared: TimelineDoetankContext & {
    resultId: string;
    resultKind: ResultKind;
    resultTitle: string;
    link?: string;
    sharedBy: string;
  };
  LessonRecorded: TimelineDoetankContext & { lessonId: string; recordedBy: string };
  DoetankConcluded: TimelineDoetankContext & { hasConclusion: boolean };
  DoetankStopped: TimelineDoetankContext & { reason: string };
  GatheringScheduled: {
    gatheringKind: GatheringKind;
    gatheringTitle: string;
    startsAt: string;
    venue: string;
    city?: string;
    capacity: number;
  };
  ParticipantRegistered: TimelineGatheringContext & { memberId: string };
  RegistrationCancelled: TimelineGatheringContext & { memberId: string };
  ProgrammeItemAdded: TimelineGatheringContext &
    TimelineDoetankContext & { itemId: string; itemTitle: string; hasSpeaker: boolean };
  GatheringHeld: TimelineGatheringContext & {
    heldOn: string;
    /** Every attendee, also beyond the ones listed in `memberIds`. */
    attendeeCount: number;
    /** Whether `memberIds` lists only the first {@link TIMELINE_MAX_MEMBER_IDS} attendees. */
    attendeesTruncated: boolean;
  };
  GatheringCancelled: TimelineGatheringContext & { reason: string };
  GatheringReportRecorded: TimelineGatheringContext & { linkCount: number; quoteCount: number };
  YearThemesDefined: { year: number; themes: { themeId: string; title: string }[] };
  StrategicPartnerAppointed: { year: number; organisation: string };
  /** `name` is missing in entries projected before names were shown (until the timeline is rebuilt). */
  SupporterAdded: { year: number; supporterId: string; name?: string; affiliation?: string };
  YearForewordWritten: { year: number; signedBy: string };
  ProgrammeDescribed: { year: number; name: string; funder: string };
  NetworkResultPublished: { year: number; resultId: string; title: string; makers: string[] };
  CommunitySizeMeasured: { year: number; community: string; size: number; approximate: boolean };
  DiscussionStarted: TimelineDoetankContext & { discussionTitle: string; link: string; startedBy: string };
  DiscussionClosed: { discussionTitle?: string };
};

/** Most member ids one entry lists (the attendees of a large gathering); the details keep the full count. */
export const TIMELINE_MAX_MEMBER_IDS = 500;

/** A timeline entry of one event type. */
export type TimelineEntryOf<T extends TimelineEventType> = {
  /** The event id. */
  id: string;
  /** The event's position in the store: the tie-breaker after `occurredAt`. */
  position: number;
  /** Business time (ISO-8601, UTC), as corrected where a correction moved it. */
  occurredAt: string;
  /** The business time the event was recorded with, when a correction moved it (`BusinessTimeCorrected`). */
  recordedOccurredAt?: string;
  year: number;
  /** `YYYY-MM` of `occurredAt` (UTC). */
  month: string;
  type: T;
  kind: TimelineKind;
  /** Who acted (a member id or `system`). */
  actorId: string;
  /** Every member the event names: who joined, shared, coaches, registered, attended (at most 500). */
  memberIds: string[];
  doetankId?: string;
  gatheringId?: string;
  /** The themes it concerns: its own, or its Doetank's. */
  themeIds: string[];
  discussionId?: string;
  details: TimelineDetailsByType[T];
  /**
   * What full-text search finds the entry by: its summary in Dutch and in English as the projection renders it,
   * naming no member (always "een lid" / "a member": names are looked up when the timeline is read, and a member
   * can be forgotten) and with the titles the entry keeps. The read-store text fields of the timeline.
   */
  search?: { nl: string; en: string };
  lastEventPosition: number;
};

/** One entry per meaningful event, discriminated on `type`. */
export type TimelineEntry = { [T in TimelineEventType]: TimelineEntryOf<T> }[TimelineEventType];
