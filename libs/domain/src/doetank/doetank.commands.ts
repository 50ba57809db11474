import type {
  ClientSecured,
  DoetankConcluded,
  DoetankProposed,
  DoetankStarted,
  DoetankStopped,
  LessonRecorded,
  MemberJoinedDoetank,
  MemberLeftDoetank,
  ProblemStatementSharpened,
  ResultShared,
} from '@app/contracts';
import type { Actor } from '../shared/actor';
import type { MemberFacts } from '../shared/member-status';

/**
 * The commands only the Doetank's proposer or current coach (or a coordinator) may give carry their `actor`; the
 * decider refuses anyone else (`AUTH.NOT_DOETANK_LEAD`) on the state it decides the command on.
 */
interface LeadCommand {
  actor: Actor;
}

export interface ProposeDoetank {
  type: 'ProposeDoetank';
  data: DoetankProposed['data'];
  context: { proposer: MemberFacts };
}

export interface SharpenProblemStatement {
  type: 'SharpenProblemStatement';
  data: ProblemStatementSharpened['data'];
  context: { actor: MemberFacts };
}

export interface AssignCoach extends LeadCommand {
  type: 'AssignCoach';
  data: { doetankId: string; coachId: string };
  context: { coach: MemberFacts };
}

export interface SecureClient extends LeadCommand {
  type: 'SecureClient';
  data: ClientSecured['data'];
}

export interface StartDoetank extends LeadCommand {
  type: 'StartDoetank';
  data: DoetankStarted['data'];
}

export interface JoinDoetank {
  type: 'JoinDoetank';
  data: MemberJoinedDoetank['data'];
  context: { member: MemberFacts };
}

export interface LeaveDoetank {
  type: 'LeaveDoetank';
  data: MemberLeftDoetank['data'];
}

export interface ShareResult {
  type: 'ShareResult';
  data: ResultShared['data'];
  context: { actor: MemberFacts };
}

export interface RecordLesson {
  type: 'RecordLesson';
  data: LessonRecorded['data'];
  context: { actor: MemberFacts };
}

export interface ConcludeDoetank extends LeadCommand {
  type: 'ConcludeDoetank';
  data: DoetankConcluded['data'];
}

export interface StopDoetank extends LeadCommand {
  type: 'StopDoetank';
  data: DoetankStopped['data'];
}

export type DoetankCommand =
  | ProposeDoetank
  | SharpenProblemStatement
  | AssignCoach
  | SecureClient
  | StartDoetank
  | JoinDoetank
  | LeaveDoetank
  | ShareResult
  | RecordLesson
  | ConcludeDoetank
  | StopDoetank;
