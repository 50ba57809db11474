import type { MemberEvent } from '@app/contracts';
import { MEMBER_ROLES, SECTORS } from '@app/contracts/vocabulary';
import { domainError } from '../domain-errors';
import type { Timed } from '../shared/business-time';
import { assertNever, decider } from '../shared/decider';
import type { MemberFacts } from '../shared/member-status';
import { isBlank, optionalText } from '../shared/validation';
import { correctMember } from './member-correction';
import type { ChangeAffiliation, JoinNetwork, MemberCommand } from './member.commands';
import type { ActiveMember, Affiliation, MemberState } from './member.state';

/** A member stream before anything happened in it. */
export const initialMemberState: MemberState = { status: 'none' };

// Deliberately loose: one @ with something on both sides. The API validates the address properly; the domain
// only refuses what is clearly not an address.
const EMAIL = /^[^\s@]+@[^\s@]+$/;

const validateAffiliation = (data: Affiliation): Affiliation => {
  if (isBlank(data.organisation)) throw domainError('MEMBER.ORGANISATION_REQUIRED', {});
  if (!(SECTORS as readonly string[]).includes(data.sector)) {
    throw domainError('MEMBER.UNKNOWN_SECTOR', { sector: data.sector, allowed: SECTORS });
  }
  if (!(MEMBER_ROLES as readonly string[]).includes(data.role)) {
    throw domainError('MEMBER.UNKNOWN_ROLE', { role: data.role, allowed: MEMBER_ROLES });
  }
  return { organisation: data.organisation.trim(), sector: data.sector, role: data.role };
};

/** Narrows to an active member, or says why the member cannot act. */
const requireActive = (memberId: string, state: MemberState): ActiveMember => {
  switch (state.status) {
    case 'none':
      throw domainError('MEMBER.NOT_FOUND', { id: memberId });
    case 'left':
    case 'forgotten':
      throw domainError('MEMBER.NOT_ACTIVE', { memberId, status: state.status });
    case 'active':
      return state;
    default:
      return assertNever(state);
  }
};

const joinNetwork = ({ data }: JoinNetwork, state: MemberState): MemberEvent[] => {
  if (state.status !== 'none') throw domainError('MEMBER.ALREADY_EXISTS', { id: data.memberId });
  if (isBlank(data.personal?.name)) throw domainError('MEMBER.NAME_REQUIRED', { memberId: data.memberId });
  const email = typeof data.personal.email === 'string' ? data.personal.email.trim() : '';
  if (!EMAIL.test(email)) throw domainError('MEMBER.EMAIL_INVALID', { memberId: data.memberId });
  const affiliation = validateAffiliation(data);
  return [
    {
      type: 'MemberJoined',
      data: { memberId: data.memberId, personal: { name: data.personal.name.trim(), email }, ...affiliation },
    },
  ];
};

const changeAffiliation = ({ data }: ChangeAffiliation, state: MemberState): MemberEvent[] => {
  const member = requireActive(data.memberId, state);
  const next = validateAffiliation(data);
  if (
    next.organisation === member.organisation &&
    next.sector === member.sector &&
    next.role === member.role
  ) {
    throw domainError('MEMBER.AFFILIATION_UNCHANGED', { memberId: data.memberId });
  }
  return [{ type: 'MemberAffiliationChanged', data: { memberId: data.memberId, ...next } }];
};

/** Decides what a member command means for the member's stream (`member-<id>`). */
export const decideMember = (command: MemberCommand, state: MemberState): MemberEvent[] => {
  switch (command.type) {
    case 'JoinNetwork':
      return joinNetwork(command, state);
    case 'ChangeAffiliation':
      return changeAffiliation(command, state);
    case 'LeaveNetwork': {
      const { memberId } = command.data;
      requireActive(memberId, state);
      const reason = optionalText(command.data.reason);
      return [{ type: 'MemberLeft', data: reason === undefined ? { memberId } : { memberId, reason } }];
    }
    case 'RevokeMemberTokens': {
      const { memberId, revokedAt } = command.data;
      if (state.status === 'none') throw domainError('MEMBER.NOT_FOUND', { id: memberId });
      const reason = optionalText(command.data.reason);
      return [
        {
          type: 'MemberTokensRevoked',
          data: { memberId, revokedAt, ...(reason !== undefined && { reason }) },
        },
      ];
    }
    case 'ForgetMember': {
      const { memberId } = command.data;
      if (state.status === 'none') throw domainError('MEMBER.NOT_FOUND', { id: memberId });
      if (state.status === 'forgotten') throw domainError('MEMBER.ALREADY_FORGOTTEN', { memberId });
      if (isBlank(command.data.reason)) throw domainError('MEMBER.REASON_REQUIRED', { memberId });
      return [{ type: 'MemberForgotten', data: { memberId, reason: command.data.reason.trim() } }];
    }
    case 'CorrectMemberBusinessTime':
      return correctMember(command, state);
    default:
      return assertNever(command);
  }
};

/** Applies a member event; personal data in `MemberJoined` is deliberately not kept. */
export const evolveMember = (state: MemberState, event: Timed<MemberEvent>): MemberState => {
  // A revocation holds through every later change of status.
  const revocation = 'tokensRevokedAt' in state ? { tokensRevokedAt: state.tokensRevokedAt } : {};
  switch (event.type) {
    case 'MemberJoined':
    case 'MemberAffiliationChanged': {
      const { memberId, organisation, sector, role } = event.data;
      const joinedAt = event.type === 'MemberJoined' ? event.occurredAt : joining(state).joinedAt;
      return {
        status: 'active',
        memberId,
        organisation,
        sector,
        role,
        ...(joinedAt !== undefined && { joinedAt }),
        ...revocation,
      };
    }
    case 'MemberLeft':
      return { status: 'left', memberId: event.data.memberId, ...joining(state), ...revocation };
    case 'MemberForgotten':
      return { status: 'forgotten', memberId: event.data.memberId, ...joining(state), ...revocation };
    case 'MemberTokensRevoked':
      return state.status === 'none' ? state : { ...state, tokensRevokedAt: event.data.revokedAt };
    case 'BusinessTimeCorrected':
      // A fact about the record: the state stays, but for when an active member joined (what they do comes after).
      return event.data.eventType === 'MemberJoined' && state.status !== 'none'
        ? { ...state, joinedAt: event.data.correctedTo }
        : state;
    default:
      return assertNever(event);
  }
};

/** The member decider: one stream per member (`member-<id>`). */
export const memberDecider = decider(decideMember, evolveMember, initialMemberState);

/** When the member joined, kept through leaving and being forgotten. */
const joining = (state: MemberState): { joinedAt?: string } =>
  state.status !== 'none' && state.joinedAt !== undefined ? { joinedAt: state.joinedAt } : {};

/**
 * What other deciders need to know about a member, from the member's state. Handlers use it to fill a
 * command's `context` (`memberFacts(id, fold(memberDecider, events))`). A member who left still has a join time:
 * what they did, also when a correction moves it, came after it.
 */
export const memberFacts = (memberId: string, state: MemberState): MemberFacts => {
  const { joinedAt } = joining(state);
  return {
    memberId,
    status: state.status === 'none' ? 'unknown' : state.status,
    ...(joinedAt !== undefined && { joinedAt }),
  };
};
