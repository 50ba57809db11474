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
import type { BusinessTime, CorrectedEvent, StreamClock } from '../shared/business-time';
import type { Recording } from '../shared/decider';
import type { Actor } from '../shared/actor';
import type { MemberFacts } from '../shared/member-status';

/**
 * The commands only the Doetank's proposer or current coach (or a coordinator) may give carry their `actor`; the
 * decider refuses anyone else (`AUTH.NOT_DOETANK_LEAD`) on the state it decides the command on.
 */
interface LeadCommand {
  actor: Actor;
}

export interface ProposeDoetank extends Recording<'ProposeDoetank', DoetankProposed> {
  context: { proposer: MemberFacts };
}

export interface SharpenProblemStatement extends Recording<
  'SharpenProblemStatement',
  ProblemStatementSharpened
> {
  context: { actor: MemberFacts };
}

export interface AssignCoach extends LeadCommand {
  type: 'AssignCoach';
  data: { doetankId: string; coachId: string; reason?: string };
  context: { coach: MemberFacts };
}

export interface SecureClient extends LeadCommand, Recording<'SecureClient', ClientSecured> {}

export interface StartDoetank extends LeadCommand, Recording<'StartDoetank', DoetankStarted> {}

export interface JoinDoetank extends Recording<'JoinDoetank', MemberJoinedDoetank> {
  context: { member: MemberFacts };
}

export type LeaveDoetank = Recording<'LeaveDoetank', MemberLeftDoetank>;

export interface ShareResult extends Recording<'ShareResult', ResultShared> {
  context: { actor: MemberFacts };
}

export interface RecordLesson extends Recording<'RecordLesson', LessonRecorded> {
  context: { actor: MemberFacts };
}

export interface ConcludeDoetank extends LeadCommand, Recording<'ConcludeDoetank', DoetankConcluded> {}

/**
 * Corrects the business time of the event at `revision` (a coordinator's act, audited as its own event). The
 * handler passes the stream's clock, so the decider can keep the correction between the event's neighbours, and
 * the corrected event as stored, so the correction carries what the read models need to move it.
 */
export interface CorrectBusinessTime {
  type: 'CorrectBusinessTime';
  data: { doetankId: string; revision: number; correctedTo: string; reason: string };
  /** `member`: the facts of the member who acted in the corrected event (`memberActingIn`), if one did. */
  context: { clock: StreamClock; corrected: CorrectedEvent | undefined; member?: MemberFacts };
}

export interface StopDoetank extends LeadCommand, Recording<'StopDoetank', DoetankStopped> {}

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
