import type { EmailClaimEvent } from '@app/contracts';
import { domainError } from '../domain-errors';
import { CommandContextError } from '../shared/command-context-error';
import { assertNever, decider } from '../shared/decider';
import type { EmailClaimCommand } from './member.commands';
import type { EmailClaimState } from './member.state';

/** An e-mail claim stream nobody has claimed yet (or after the last release). */
export const initialEmailClaimState: EmailClaimState = { status: 'unclaimed' };

/**
 * Decides claims on one e-mail address (stream `member_email-<keyed hash>`), which is how "one membership per
 * e-mail address" holds across member streams without a read model.
 *
 * The JoinNetwork handler claims first and joins second. A claim whose member does not exist is either a join
 * under way (the member is written next) or one that crashed in between; it cannot tell which, so the claim is a
 * lease: until `claimedAt` falls before the command's `leaseCutoff` it stays the claimant's (another join of the address is refused, 409),
 * afterwards another member may take it over. Two takeovers at once are settled by the append's expected
 * revision: the second is decided again on the first's claim, and refused. A forgotten member's claim (its
 * holder reads as null once the claim's key is destroyed) is free at once, so an erasure never locks an address.
 */
export const decideEmailClaim = (command: EmailClaimCommand, state: EmailClaimState): EmailClaimEvent[] => {
  switch (command.type) {
    case 'ClaimEmail': {
      const { emailHash, memberId, claimId, claimedAt } = command.data;
      const claimed: EmailClaimEvent = {
        type: 'EmailClaimed',
        data: { emailHash, memberId, claimId, claimedAt },
      };
      if (state.status === 'unclaimed' || state.memberId === null) return [claimed];
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
          if (leaseRunning(state.claimedAt, command.context.leaseCutoff)) {
            throw domainError('MEMBER.EMAIL_IN_USE', { memberId });
          }
          return [claimed];
        case 'forgotten':
          return [claimed];
        default:
          return assertNever(holder.status);
      }
    }
    case 'ReleaseEmail': {
      const { emailHash, memberId } = command.data;
      // Releasing a free address is a no-op, so a retried compensation after a crash succeeds.
      if (state.status === 'unclaimed') return [];
      if (state.memberId !== memberId) throw domainError('MEMBER.EMAIL_NOT_HELD', { memberId });
      return [{ type: 'EmailReleased', data: { emailHash, memberId, claimId: state.claimId } }];
    }
    default:
      return assertNever(command);
  }
};

/**
 * Whether a claim made at `claimedAt` is still its claimant's: made at or after the cutoff (both ISO-8601 in UTC
 * with milliseconds, so they compare as text). A claim without a time (written before claims had leases) has
 * none left.
 */
const leaseRunning = (claimedAt: string | undefined, cutoff: string): boolean =>
  claimedAt !== undefined && claimedAt >= cutoff;

/** Applies an e-mail claim event. */
export const evolveEmailClaim = (_state: EmailClaimState, event: EmailClaimEvent): EmailClaimState => {
  switch (event.type) {
    case 'EmailClaimed':
      return { status: 'claimed', ...event.data };
    case 'EmailReleased':
      return { status: 'unclaimed' };
    default:
      return assertNever(event);
  }
};

/**
 * The e-mail claim decider: one stream per keyed hash of an e-mail address. Unordered: a claim is released when its
 * member is forgotten (today) and may be claimed again by a member whose joining is being recorded from years ago:
 * the claim stream keeps addresses unique, not a history in business time.
 */
export const emailClaimDecider = decider(decideEmailClaim, evolveEmailClaim, initialEmailClaimState, {
  unordered: true,
});

/** The member holding the address, if any: the handler reads that member's stream to fill `context.holder`. */
export const emailHolder = (state: EmailClaimState): string | undefined =>
  state.status === 'claimed' ? (state.memberId ?? undefined) : undefined;
