import { aggregateErrors, invalid, notAllowed, rule, type ErrorTable } from '../shared/domain-error';

/** Refusals of the member and e-mail claim deciders. */
export const memberErrors = {
  // MEMBER.ALREADY_EXISTS: JoinNetwork with a member id that is (or was) already in use.
  ...aggregateErrors('MEMBER', 'Member'),
  /** The member left the network or was forgotten, and can no longer act. */
  'MEMBER.NOT_ACTIVE': rule(
    (p: { memberId: string; status: 'left' | 'forgotten' }) =>
      `Member ${p.memberId} is no longer active (${p.status})`,
  ),
  /**
   * A command sent with a member's token after that member left or was forgotten (decided on the member's state
   * when the command is decided, not when the token was issued).
   */
  'AUTH.MEMBER_NOT_ACTIVE': notAllowed(
    (p: { memberId: string; status: 'left' | 'forgotten' }) =>
      `Member ${p.memberId} is no longer active (${p.status}): their tokens no longer act in the network`,
  ),
  'MEMBER.ALREADY_FORGOTTEN': rule(
    (p: { memberId: string }) => `Member ${p.memberId} has already been forgotten`,
  ),
  /** ChangeAffiliation that would change nothing: refused rather than recorded as a no-op. */
  'MEMBER.AFFILIATION_UNCHANGED': rule(
    (p: { memberId: string }) => `Member ${p.memberId} already has this organisation, sector and role`,
  ),
  'MEMBER.NAME_REQUIRED': invalid((p: { memberId: string }) => `Member ${p.memberId} needs a name`),
  'MEMBER.EMAIL_INVALID': invalid(
    (p: { memberId: string }) => `Member ${p.memberId} needs a valid e-mail address`,
  ),
  'MEMBER.ORGANISATION_REQUIRED': invalid((_: Record<string, never>) => 'An organisation is required'),
  'MEMBER.UNKNOWN_SECTOR': invalid(
    (p: { sector: string; allowed: readonly string[] }) =>
      `Sector "${p.sector}" is not one of ${p.allowed.join(', ')}`,
  ),
  'MEMBER.UNKNOWN_ROLE': invalid(
    (p: { role: string; allowed: readonly string[] }) =>
      `Role "${p.role}" is not one of ${p.allowed.join(', ')}`,
  ),
  'MEMBER.REASON_REQUIRED': invalid(
    (p: { memberId: string }) => `Forgetting member ${p.memberId} needs a reason`,
  ),
  /**
   * The e-mail address is held by another member who is active or left. The holder is deliberately not named:
   * that would tell the caller who is behind an e-mail address.
   */
  'MEMBER.EMAIL_IN_USE': rule(
    (p: { memberId: string }) =>
      `The e-mail address of member ${p.memberId} is already in use by another member`,
  ),
  /** ReleaseEmail by a member who does not hold the claim. */
  'MEMBER.EMAIL_NOT_HELD': notAllowed(
    (p: { memberId: string }) =>
      `Member ${p.memberId} does not hold this e-mail address and cannot release it`,
  ),
} as const satisfies ErrorTable;
