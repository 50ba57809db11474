import type { EmailClaimEvent } from '@app/contracts';
import { domainError } from '../domain-errors';
import { CommandContextError } from '../shared/command-context-error';
import { assertNever, type Decider } from '../shared/decider';
import type { EmailClaimCommand } from './member.commands';
import type { EmailClaimState } from './member.state';

/** An e-mail claim stream nobody has claimed yet (or after the last release). */
export const initialEmailClaimState: EmailClaimState = { status: 'unclaimed' };

/**
 * Decides claims on one e-mail address (stream `member_email-<keyed hash>`), which is how "one membership per
 * e-mail address" holds across member streams without a read model.
 *
 * The JoinNetwork handler claims first and joins second. A crash in between leaves a claim whose holder never
 * joined (`unknown`); such a claim, and that of a forgotten member, may be taken over, so a crash or an erasure
 * never locks an address forever.
 */
export const decideEmailClaim = (command: EmailClaimCommand, state: EmailClaimState): EmailClaimEvent[] => {
  const { emailHash, memberId } = command.data;
  switch (command.type) {
    case 'ClaimEmail': {
      const claimed: EmailClaimEvent = { type: 'EmailClaimed', data: { emailHash, memberId } };
      if (state.status === 'unclaimed') return [claimed];
      if (state.memberId === memberId) return [];
      const holder = command.context.holder;
      if (!holder || holder.memberId !== state.memberId) {
        throw new CommandContextError(
          command.type,
          `the address is held by ${state.memberId}, but the context has no facts about that member`,
        );
      }
      switch (holder.status) {
        case 'active':
        case 'left':
          throw domainError('MEMBER.EMAIL_IN_USE', { memberId });
        case 'unknown':
        case 'forgotten':
          return [{ type: 'EmailReleased', data: { emailHash, memberId: state.memberId } }, claimed];
        default:
          return assertNever(holder.status);
      }
    }
    case 'ReleaseEmail':
      // Releasing a free address is a no-op, so a retried compensation after a crash succeeds.
      if (state.status === 'unclaimed') return [];
      if (state.memberId !== memberId) throw domainError('MEMBER.EMAIL_NOT_HELD', { memberId });
      return [{ type: 'EmailReleased', data: { emailHash, memberId } }];
    default:
      return assertNever(command);
  }
};

/** Applies an e-mail claim event. */
export const evolveEmailClaim = (_state: EmailClaimState, event: EmailClaimEvent): EmailClaimState => {
  switch (event.type) {
    case 'EmailClaimed':
      return { status: 'claimed', emailHash: event.data.emailHash, memberId: event.data.memberId };
    case 'EmailReleased':
      return { status: 'unclaimed' };
    default:
      return assertNever(event);
  }
};

/** The e-mail claim decider: one stream per keyed hash of an e-mail address. */
export const emailClaimDecider: Decider<EmailClaimCommand, EmailClaimEvent, EmailClaimState> = {
  decide: decideEmailClaim,
  evolve: evolveEmailClaim,
  initialState: initialEmailClaimState,
  // A claim is released when its member is forgotten (today) and may be claimed again by a member whose joining
  // is being recorded from years ago: the claim stream keeps addresses unique, not a history in business time.
  unordered: true,
};

/** The member holding the address, if any: the handler reads that member's stream to fill `context.holder`. */
export const emailHolder = (state: EmailClaimState): string | undefined =>
  state.status === 'claimed' ? state.memberId : undefined;
