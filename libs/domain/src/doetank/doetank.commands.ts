import type { ResultKind } from '@app/contracts';
import type { BusinessTime, StreamClock } from '../shared/business-time';
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
  data: { doetankId: string; title: string; problemStatement: string; proposedBy: string; themeId?: string };
  context: { proposer: MemberFacts };
}

export interface SharpenProblemStatement {
  type: 'SharpenProblemStatement';
  data: { doetankId: string; problemStatement: string; sharpenedBy: string };
  context: { actor: MemberFacts };
}

export interface AssignCoach extends LeadCommand {
  type: 'AssignCoach';
  data: { doetankId: string; coachId: string; reason?: string };
  context: { coach: MemberFacts };
}

export interface SecureClient extends LeadCommand {
  type: 'SecureClient';
  data: { doetankId: string; organisation: string; contactName?: string };
}

export interface StartDoetank extends LeadCommand {
  type: 'StartDoetank';
  data: { doetankId: string };
}

export interface JoinDoetank {
  type: 'JoinDoetank';
  data: { doetankId: string; memberId: string };
  context: { member: MemberFacts };
}

export interface LeaveDoetank {
  type: 'LeaveDoetank';
  data: { doetankId: string; memberId: string; reason?: string };
}

export interface ShareResult {
  type: 'ShareResult';
  data: {
    doetankId: string;
    resultId: string;
    kind: ResultKind;
    title: string;
    link?: string;
    sharedBy: string;
  };
  context: { actor: MemberFacts };
}

export interface RecordLesson {
  type: 'RecordLesson';
  data: { doetankId: string; lessonId: string; lesson: string; recordedBy: string };
  context: { actor: MemberFacts };
}

export interface ConcludeDoetank extends LeadCommand {
  type: 'ConcludeDoetank';
  data: { doetankId: string; conclusion?: string };
}

/**
 * Corrects the business time of the event at `revision` (a coordinator's act, audited as its own event). The
 * handler passes the stream's clock, so the decider can keep the correction between the event's neighbours.
 */
export interface CorrectBusinessTime {
  type: 'CorrectBusinessTime';
  data: { doetankId: string; revision: number; correctedTo: string; reason: string };
  context: { clock: StreamClock };
}

export interface StopDoetank extends LeadCommand {
  type: 'StopDoetank';
  data: { doetankId: string; reason: string };
}

/** Every Doetank command, with the business time the write path dates it with. */
export type DoetankCommand = (
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
  | StopDoetank
  | CorrectBusinessTime
) &
  BusinessTime;
