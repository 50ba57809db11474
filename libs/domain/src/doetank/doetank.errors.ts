import {
  AggregateAlreadyExistsError,
  AggregateNotFoundError,
  InvalidCommandError,
  NotAllowedError,
  RuleViolationError,
} from '../shared/domain-error';
import type { MemberStatus } from '../shared/member-status';

/** Stable codes of Doetank refusals. */
export const DoetankErrorCode = {
  NOT_FOUND: 'DOETANK.NOT_FOUND',
  ALREADY_EXISTS: 'DOETANK.ALREADY_EXISTS',
  ALREADY_CLOSED: 'DOETANK.ALREADY_CLOSED',
  NOT_STARTED: 'DOETANK.NOT_STARTED',
  ALREADY_STARTED: 'DOETANK.ALREADY_STARTED',
  NO_COACH: 'DOETANK.NO_COACH',
  NO_PROBLEM_STATEMENT: 'DOETANK.NO_PROBLEM_STATEMENT',
  PROPOSER_NOT_ACTIVE: 'DOETANK.PROPOSER_NOT_ACTIVE',
  COACH_NOT_ACTIVE: 'DOETANK.COACH_NOT_ACTIVE',
  MEMBER_NOT_ACTIVE: 'DOETANK.MEMBER_NOT_ACTIVE',
  ACTOR_NOT_ACTIVE: 'DOETANK.ACTOR_NOT_ACTIVE',
  COACH_ALREADY_ASSIGNED: 'DOETANK.COACH_ALREADY_ASSIGNED',
  ALREADY_A_MEMBER: 'DOETANK.ALREADY_A_MEMBER',
  NOT_A_MEMBER: 'DOETANK.NOT_A_MEMBER',
  PROBLEM_STATEMENT_UNCHANGED: 'DOETANK.PROBLEM_STATEMENT_UNCHANGED',
  DUPLICATE_RESULT: 'DOETANK.DUPLICATE_RESULT',
  DUPLICATE_LESSON: 'DOETANK.DUPLICATE_LESSON',
  TITLE_REQUIRED: 'DOETANK.TITLE_REQUIRED',
  PROBLEM_STATEMENT_REQUIRED: 'DOETANK.PROBLEM_STATEMENT_REQUIRED',
  CLIENT_ORGANISATION_REQUIRED: 'DOETANK.CLIENT_ORGANISATION_REQUIRED',
  UNKNOWN_RESULT_KIND: 'DOETANK.UNKNOWN_RESULT_KIND',
  RESULT_TITLE_REQUIRED: 'DOETANK.RESULT_TITLE_REQUIRED',
  INVALID_LINK: 'DOETANK.INVALID_LINK',
  LESSON_REQUIRED: 'DOETANK.LESSON_REQUIRED',
  REASON_REQUIRED: 'DOETANK.REASON_REQUIRED',
} as const;

type Code = typeof DoetankErrorCode;
export type InvalidDoetankCommandCode =
  | Code['TITLE_REQUIRED']
  | Code['PROBLEM_STATEMENT_REQUIRED']
  | Code['CLIENT_ORGANISATION_REQUIRED']
  | Code['UNKNOWN_RESULT_KIND']
  | Code['RESULT_TITLE_REQUIRED']
  | Code['INVALID_LINK']
  | Code['LESSON_REQUIRED']
  | Code['REASON_REQUIRED'];

/** A command addressed to a Doetank that was never proposed. */
export class DoetankNotFoundError extends AggregateNotFoundError {
  declare readonly code: Code['NOT_FOUND'];
  constructor(doetankId: string) {
    super(DoetankErrorCode.NOT_FOUND, 'Doetank', doetankId);
  }
}

/** ProposeDoetank with an id that is already taken. */
export class DoetankAlreadyExistsError extends AggregateAlreadyExistsError {
  declare readonly code: Code['ALREADY_EXISTS'];
  constructor(doetankId: string) {
    super(DoetankErrorCode.ALREADY_EXISTS, 'Doetank', doetankId);
  }
}

/** The Doetank concluded or stopped: final states, in which nothing changes any more. */
export class DoetankAlreadyClosedError extends RuleViolationError {
  declare readonly code: Code['ALREADY_CLOSED'];
  constructor(doetankId: string, status: 'concluded' | 'stopped') {
    super(DoetankErrorCode.ALREADY_CLOSED, `Doetank ${doetankId} is ${status}; nothing can change any more`, {
      doetankId,
      status,
    });
  }
}

/** Results, lessons and a conclusion need a started Doetank. */
export class DoetankNotStartedError extends RuleViolationError {
  declare readonly code: Code['NOT_STARTED'];
  constructor(doetankId: string) {
    super(DoetankErrorCode.NOT_STARTED, `Doetank ${doetankId} has not started yet`, { doetankId });
  }
}

/** StartDoetank on a Doetank that already started. */
export class DoetankAlreadyStartedError extends RuleViolationError {
  declare readonly code: Code['ALREADY_STARTED'];
  constructor(doetankId: string) {
    super(DoetankErrorCode.ALREADY_STARTED, `Doetank ${doetankId} has already started`, { doetankId });
  }
}

/** StartDoetank without a coach. */
export class DoetankHasNoCoachError extends RuleViolationError {
  declare readonly code: Code['NO_COACH'];
  constructor(doetankId: string) {
    super(DoetankErrorCode.NO_COACH, `Doetank ${doetankId} cannot start without a coach`, { doetankId });
  }
}

/** StartDoetank without a problem statement (only possible for a history imported without one). */
export class DoetankHasNoProblemStatementError extends RuleViolationError {
  declare readonly code: Code['NO_PROBLEM_STATEMENT'];
  constructor(doetankId: string) {
    super(
      DoetankErrorCode.NO_PROBLEM_STATEMENT,
      `Doetank ${doetankId} cannot start without a problem statement`,
      {
        doetankId,
      },
    );
  }
}

type InactiveRole = 'proposer' | 'coach' | 'member' | 'actor';
const inactiveCodes = {
  proposer: DoetankErrorCode.PROPOSER_NOT_ACTIVE,
  coach: DoetankErrorCode.COACH_NOT_ACTIVE,
  member: DoetankErrorCode.MEMBER_NOT_ACTIVE,
  actor: DoetankErrorCode.ACTOR_NOT_ACTIVE,
} as const;
const inactiveMessages: Record<InactiveRole, string> = {
  proposer: 'can only be proposed by an active member',
  coach: 'can only be coached by an active member',
  member: 'can only be joined by an active member',
  actor: 'only accepts this from an active member',
};

/**
 * The member named in the command (proposer, coach, joining member or acting member) is not an active member of
 * the network: left, forgotten or unknown. The `role` picks the code.
 */
export class DoetankMemberNotActiveError extends RuleViolationError {
  declare readonly code: (typeof inactiveCodes)[InactiveRole];
  constructor(role: InactiveRole, doetankId: string, memberId: string, memberStatus: MemberStatus) {
    super(
      inactiveCodes[role],
      `Doetank ${doetankId} ${inactiveMessages[role]}; member ${memberId} is ${memberStatus}`,
      { doetankId, memberId, memberStatus },
    );
  }
}

/** AssignCoach with the coach the Doetank already has. */
export class CoachAlreadyAssignedError extends RuleViolationError {
  declare readonly code: Code['COACH_ALREADY_ASSIGNED'];
  constructor(doetankId: string, coachId: string) {
    super(DoetankErrorCode.COACH_ALREADY_ASSIGNED, `Member ${coachId} already coaches Doetank ${doetankId}`, {
      doetankId,
      coachId,
    });
  }
}

/** JoinDoetank by someone who is already a member. */
export class AlreadyADoetankMemberError extends RuleViolationError {
  declare readonly code: Code['ALREADY_A_MEMBER'];
  constructor(doetankId: string, memberId: string) {
    super(
      DoetankErrorCode.ALREADY_A_MEMBER,
      `Member ${memberId} is already a member of Doetank ${doetankId}`,
      {
        doetankId,
        memberId,
      },
    );
  }
}

/** The acting member is neither a member nor the coach of the Doetank (or, for LeaveDoetank, not a member). */
export class NotADoetankMemberError extends NotAllowedError {
  declare readonly code: Code['NOT_A_MEMBER'];
  constructor(doetankId: string, memberId: string) {
    super(DoetankErrorCode.NOT_A_MEMBER, `Member ${memberId} is not a member of Doetank ${doetankId}`, {
      doetankId,
      memberId,
    });
  }
}

/** SharpenProblemStatement with the statement the Doetank already has: refused rather than recorded as a no-op. */
export class ProblemStatementUnchangedError extends RuleViolationError {
  declare readonly code: Code['PROBLEM_STATEMENT_UNCHANGED'];
  constructor(doetankId: string) {
    super(
      DoetankErrorCode.PROBLEM_STATEMENT_UNCHANGED,
      `Doetank ${doetankId} already has this problem statement`,
      {
        doetankId,
      },
    );
  }
}

/** A result or lesson id that the Doetank already used. */
export class DuplicateDoetankEntryError extends RuleViolationError {
  declare readonly code: Code['DUPLICATE_RESULT'] | Code['DUPLICATE_LESSON'];
  constructor(entry: 'result' | 'lesson', doetankId: string, entryId: string) {
    super(
      entry === 'result' ? DoetankErrorCode.DUPLICATE_RESULT : DoetankErrorCode.DUPLICATE_LESSON,
      `Doetank ${doetankId} already has a ${entry} ${entryId}`,
      { doetankId, [`${entry}Id`]: entryId },
    );
  }
}

/** A Doetank command with input only the domain can judge (blank title, unknown result kind, bad link, ...). */
export class InvalidDoetankCommandError extends InvalidCommandError {
  declare readonly code: InvalidDoetankCommandCode;
  constructor(code: InvalidDoetankCommandCode, message: string, details: Record<string, unknown> = {}) {
    super(code, message, details);
  }
}
