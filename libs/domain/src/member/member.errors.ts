import {
  AggregateAlreadyExistsError,
  AggregateNotFoundError,
  InvalidCommandError,
  NotAllowedError,
  RuleViolationError,
} from '../shared/domain-error';

/** Stable codes of member and e-mail claim refusals. */
export const MemberErrorCode = {
  NOT_FOUND: 'MEMBER.NOT_FOUND',
  ALREADY_EXISTS: 'MEMBER.ALREADY_EXISTS',
  NOT_ACTIVE: 'MEMBER.NOT_ACTIVE',
  ALREADY_FORGOTTEN: 'MEMBER.ALREADY_FORGOTTEN',
  AFFILIATION_UNCHANGED: 'MEMBER.AFFILIATION_UNCHANGED',
  NAME_REQUIRED: 'MEMBER.NAME_REQUIRED',
  EMAIL_INVALID: 'MEMBER.EMAIL_INVALID',
  ORGANISATION_REQUIRED: 'MEMBER.ORGANISATION_REQUIRED',
  UNKNOWN_SECTOR: 'MEMBER.UNKNOWN_SECTOR',
  UNKNOWN_ROLE: 'MEMBER.UNKNOWN_ROLE',
  REASON_REQUIRED: 'MEMBER.REASON_REQUIRED',
  EMAIL_IN_USE: 'MEMBER.EMAIL_IN_USE',
  EMAIL_NOT_HELD: 'MEMBER.EMAIL_NOT_HELD',
} as const;

type Code = typeof MemberErrorCode;
export type InvalidMemberCommandCode =
  | Code['NAME_REQUIRED']
  | Code['EMAIL_INVALID']
  | Code['ORGANISATION_REQUIRED']
  | Code['UNKNOWN_SECTOR']
  | Code['UNKNOWN_ROLE']
  | Code['REASON_REQUIRED'];

/** A command addressed to a member id that never joined. */
export class MemberNotFoundError extends AggregateNotFoundError {
  declare readonly code: Code['NOT_FOUND'];
  constructor(memberId: string) {
    super(MemberErrorCode.NOT_FOUND, 'Member', memberId);
  }
}

/** JoinNetwork with a member id that is (or was) already in use. */
export class MemberAlreadyExistsError extends AggregateAlreadyExistsError {
  declare readonly code: Code['ALREADY_EXISTS'];
  constructor(memberId: string) {
    super(MemberErrorCode.ALREADY_EXISTS, 'Member', memberId);
  }
}

/** The member left the network or was forgotten, and can no longer act. */
export class MemberNotActiveError extends RuleViolationError {
  declare readonly code: Code['NOT_ACTIVE'];
  constructor(memberId: string, status: 'left' | 'forgotten') {
    super(MemberErrorCode.NOT_ACTIVE, `Member ${memberId} is no longer active (${status})`, {
      memberId,
      status,
    });
  }
}

/** ForgetMember on a member who is already forgotten. */
export class MemberAlreadyForgottenError extends RuleViolationError {
  declare readonly code: Code['ALREADY_FORGOTTEN'];
  constructor(memberId: string) {
    super(MemberErrorCode.ALREADY_FORGOTTEN, `Member ${memberId} has already been forgotten`, { memberId });
  }
}

/** ChangeAffiliation that would change nothing: refused rather than recorded as a no-op. */
export class AffiliationUnchangedError extends RuleViolationError {
  declare readonly code: Code['AFFILIATION_UNCHANGED'];
  constructor(memberId: string) {
    super(
      MemberErrorCode.AFFILIATION_UNCHANGED,
      `Member ${memberId} already has this organisation, sector and role`,
      { memberId },
    );
  }
}

/** A member command with input only the domain can judge (blank name, unknown sector, ...). */
export class InvalidMemberCommandError extends InvalidCommandError {
  declare readonly code: InvalidMemberCommandCode;
  constructor(code: InvalidMemberCommandCode, message: string, details: Record<string, unknown> = {}) {
    super(code, message, details);
  }
}

/**
 * The e-mail address is held by another member who is active or left. The holder is deliberately not named:
 * that would tell the caller who is behind an e-mail address.
 */
export class EmailInUseError extends RuleViolationError {
  declare readonly code: Code['EMAIL_IN_USE'];
  constructor(memberId: string) {
    super(
      MemberErrorCode.EMAIL_IN_USE,
      `The e-mail address of member ${memberId} is already in use by another member`,
      {
        memberId,
      },
    );
  }
}

/** ReleaseEmail by a member who does not hold the claim. */
export class EmailNotHeldError extends NotAllowedError {
  declare readonly code: Code['EMAIL_NOT_HELD'];
  constructor(memberId: string) {
    super(
      MemberErrorCode.EMAIL_NOT_HELD,
      `Member ${memberId} does not hold this e-mail address and cannot release it`,
      {
        memberId,
      },
    );
  }
}
