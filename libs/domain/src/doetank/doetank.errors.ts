import { aggregateErrors, invalid, notAllowed, rule, type ErrorTable } from '../shared/domain-error';
import type { MemberStatus } from '../shared/member-status';

type Doetank = { doetankId: string };
/** The member named in the command (proposer, coach, joining or acting member) is not active: left, forgotten, unknown. */
type Inactive = Doetank & { memberId: string; memberStatus: MemberStatus };

/** Refusals of the Doetank decider. */
export const doetankErrors = {
  ...aggregateErrors('DOETANK', 'Doetank'),
  /**
   * Only the proposer or the current coach (or a coordinator) may assign a coach, secure a client, start,
   * conclude or stop a Doetank. The code keeps the `AUTH.` prefix it had when an access check before the command
   * refused it: clients know it by that name.
   */
  'AUTH.NOT_DOETANK_LEAD': notAllowed(
    (p: Doetank & { memberId: string }) =>
      `Only the proposer or the coach of Doetank ${p.doetankId} (or a coordinator) may do this; member ${p.memberId} is neither`,
  ),
  /** Concluded and stopped are final states, in which nothing changes any more. */
  'DOETANK.ALREADY_CLOSED': rule(
    (p: Doetank & { status: 'concluded' | 'stopped' }) =>
      `Doetank ${p.doetankId} is ${p.status}; nothing can change any more`,
  ),
  /** Results, lessons and a conclusion need a started Doetank. */
  'DOETANK.NOT_STARTED': rule((p: Doetank) => `Doetank ${p.doetankId} has not started yet`),
  'DOETANK.ALREADY_STARTED': rule((p: Doetank) => `Doetank ${p.doetankId} has already started`),
  'DOETANK.NO_COACH': rule((p: Doetank) => `Doetank ${p.doetankId} cannot start without a coach`),
  /** Only possible for a history imported without a problem statement. */
  'DOETANK.NO_PROBLEM_STATEMENT': rule(
    (p: Doetank) => `Doetank ${p.doetankId} cannot start without a problem statement`,
  ),
  'DOETANK.PROPOSER_NOT_ACTIVE': rule(
    (p: Inactive) =>
      `Doetank ${p.doetankId} can only be proposed by an active member; member ${p.memberId} is ${p.memberStatus}`,
  ),
  'DOETANK.COACH_NOT_ACTIVE': rule(
    (p: Inactive) =>
      `Doetank ${p.doetankId} can only be coached by an active member; member ${p.memberId} is ${p.memberStatus}`,
  ),
  'DOETANK.MEMBER_NOT_ACTIVE': rule(
    (p: Inactive) =>
      `Doetank ${p.doetankId} can only be joined by an active member; member ${p.memberId} is ${p.memberStatus}`,
  ),
  'DOETANK.ACTOR_NOT_ACTIVE': rule(
    (p: Inactive) =>
      `Doetank ${p.doetankId} only accepts this from an active member; member ${p.memberId} is ${p.memberStatus}`,
  ),
  'DOETANK.COACH_ALREADY_ASSIGNED': rule(
    (p: Doetank & { coachId: string }) => `Member ${p.coachId} already coaches Doetank ${p.doetankId}`,
  ),
  'DOETANK.ALREADY_A_MEMBER': rule(
    (p: Doetank & { memberId: string }) =>
      `Member ${p.memberId} is already a member of Doetank ${p.doetankId}`,
  ),
  /** The acting member is neither a member nor the coach of the Doetank (or, for LeaveDoetank, not a member). */
  'DOETANK.NOT_A_MEMBER': notAllowed(
    (p: Doetank & { memberId: string }) => `Member ${p.memberId} is not a member of Doetank ${p.doetankId}`,
  ),
  /** Refused rather than recorded as a no-op. */
  'DOETANK.PROBLEM_STATEMENT_UNCHANGED': rule(
    (p: Doetank) => `Doetank ${p.doetankId} already has this problem statement`,
  ),
  'DOETANK.DUPLICATE_RESULT': rule(
    (p: Doetank & { resultId: string }) => `Doetank ${p.doetankId} already has a result ${p.resultId}`,
  ),
  'DOETANK.DUPLICATE_LESSON': rule(
    (p: Doetank & { lessonId: string }) => `Doetank ${p.doetankId} already has a lesson ${p.lessonId}`,
  ),
  'DOETANK.TITLE_REQUIRED': invalid((p: Doetank) => `Doetank ${p.doetankId} needs a title`),
  'DOETANK.PROBLEM_STATEMENT_REQUIRED': invalid(
    (p: Doetank) => `Doetank ${p.doetankId} needs a problem statement`,
  ),
  'DOETANK.CLIENT_ORGANISATION_REQUIRED': invalid(
    (p: Doetank) => `The client of Doetank ${p.doetankId} needs an organisation`,
  ),
  'DOETANK.UNKNOWN_RESULT_KIND': invalid(
    (p: Doetank & { kind: string; allowed: readonly string[] }) =>
      `Result kind "${p.kind}" is not one of ${p.allowed.join(', ')}`,
  ),
  'DOETANK.RESULT_TITLE_REQUIRED': invalid(
    (p: Doetank & { resultId: string }) => `Result ${p.resultId} of Doetank ${p.doetankId} needs a title`,
  ),
  'DOETANK.INVALID_LINK': invalid(
    (p: Doetank & { resultId: string; link: string }) =>
      `The link of result ${p.resultId} of Doetank ${p.doetankId} must be an http or https URL`,
  ),
  'DOETANK.LESSON_REQUIRED': invalid(
    (p: Doetank & { lessonId: string }) => `Lesson ${p.lessonId} of Doetank ${p.doetankId} needs text`,
  ),
  'DOETANK.REASON_REQUIRED': invalid((p: Doetank) => `Stopping Doetank ${p.doetankId} needs a reason`),
} as const satisfies ErrorTable;
