import type { DiscussionEvent } from './discussion.events';
import type { DoetankEvent } from './doetank.events';
import type { GatheringEvent } from './gathering.events';
import type { EmailClaimEvent, MemberEvent } from './member.events';
import type { NetworkYearEvent } from './network-year.events';

export * from './discussion.events';
export * from './doetank.events';
export * from './gathering.events';
export * from './member.events';
export * from './metadata';
export * from './network-year.events';
export * from './personal-data';

/** Every domain event of the network: a discriminated union on `type`. */
export type NetworkEvent =
  MemberEvent | EmailClaimEvent | DoetankEvent | GatheringEvent | NetworkYearEvent | DiscussionEvent;

export type NetworkEventType = NetworkEvent['type'];

/** Narrow the union to one event type: `EventOf<'DoetankStarted'>`. */
export type EventOf<T extends NetworkEventType> = Extract<NetworkEvent, { type: T }>;

/** Current schema version per event type; bump it together with an upcaster in `upcasters.ts`. */
export const EVENT_SCHEMA_VERSIONS: Readonly<Record<NetworkEventType, number>> = {
  MemberJoined: 1,
  MemberAffiliationChanged: 1,
  MemberLeft: 1,
  MemberForgotten: 1,
  MemberTokensRevoked: 1,
  EmailClaimed: 1,
  EmailReleased: 1,
  DoetankProposed: 1,
  ProblemStatementSharpened: 1,
  CoachAssigned: 1,
  ClientSecured: 1,
  DoetankStarted: 1,
  MemberJoinedDoetank: 1,
  MemberLeftDoetank: 1,
  ResultShared: 1,
  LessonRecorded: 1,
  DoetankConcluded: 1,
  DoetankStopped: 1,
  BusinessTimeCorrected: 1,
  GatheringScheduled: 1,
  ParticipantRegistered: 1,
  RegistrationCancelled: 1,
  ProgrammeItemAdded: 1,
  GatheringHeld: 1,
  GatheringCancelled: 1,
  GatheringReportRecorded: 1,
  YearThemesDefined: 1,
  ThemeAdoptedByDoetank: 1,
  StrategicPartnerAppointed: 1,
  SupporterAdded: 1,
  YearForewordWritten: 1,
  ProgrammeDescribed: 1,
  NetworkResultPublished: 1,
  CommunitySizeMeasured: 1,
  DiscussionStarted: 1,
  DiscussionClosed: 1,
};

export const NETWORK_EVENT_TYPES = Object.keys(EVENT_SCHEMA_VERSIONS) as NetworkEventType[];

export const isNetworkEventType = (type: string): type is NetworkEventType =>
  Object.prototype.hasOwnProperty.call(EVENT_SCHEMA_VERSIONS, type);
