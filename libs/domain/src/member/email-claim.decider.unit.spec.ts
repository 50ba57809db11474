import type { EmailClaimEvent } from '@app/contracts';
import { CommandContextError } from '../shared/command-context-error';
import type { MemberFacts } from '../shared/member-status';
import { deciderSpec } from '../testing';
import type { ClaimEmail, ReleaseEmail } from './member.commands';
import { emailClaimDecider, emailHolder } from './email-claim.decider';

const spec = deciderSpec(emailClaimDecider);
let sequence = 0;
const ids = () => {
  sequence += 1;
  return { emailHash: `hash-${sequence}`, first: `member-a-${sequence}`, second: `member-b-${sequence}` };
};

const T0 = '2026-01-01T10:00:00.000Z';
// A lease of one minute: claims made before a cutoff of a minute ago have run out.
const CUTOFF_WITHIN = '2026-01-01T10:00:00.000Z';
const CUTOFF_AFTER = '2026-01-01T10:00:00.001Z';
const claimIdOf = (memberId: string) => `claim-of-${memberId}`;

const claim = (
  emailHash: string,
  memberId: string,
  holder?: MemberFacts,
  leaseCutoff = CUTOFF_WITHIN,
  claimedAt = T0,
): ClaimEmail => ({
  type: 'ClaimEmail',
  data: { emailHash, memberId, claimId: claimIdOf(memberId), claimedAt },
  context: { ...(holder && { holder }), leaseCutoff },
});
const release = (emailHash: string, memberId: string): ReleaseEmail => ({
  type: 'ReleaseEmail',
  data: { emailHash, memberId },
});
const claimed = (emailHash: string, memberId: string | null, claimedAt = T0): EmailClaimEvent => ({
  type: 'EmailClaimed',
  data: { emailHash, memberId, claimId: claimIdOf(String(memberId)), claimedAt },
});
const released = (emailHash: string, memberId: string): EmailClaimEvent => ({
  type: 'EmailReleased',
  data: { emailHash, memberId, claimId: claimIdOf(memberId) },
});

describe('E-mail claim', () => {
  describe('when nobody holds the address', () => {
    it('gives it to the claimant', () => {
      const { emailHash, first } = ids();
      const state = spec
        .given([])
        .when(claim(emailHash, first))
        .then([claimed(emailHash, first)]);
      expect(emailHolder(state)).toBe(first);
    });

    it('gives it to the claimant after an earlier release', () => {
      const { emailHash, first, second } = ids();
      spec
        .given([claimed(emailHash, first), released(emailHash, first)])
        .when(claim(emailHash, second))
        .then([claimed(emailHash, second)]);
    });

    it('treats a release as done already', () => {
      const { emailHash, first } = ids();
      spec.given([]).when(release(emailHash, first)).then([]);
    });
  });

  describe('when the claimant already holds the address', () => {
    it('records nothing new', () => {
      const { emailHash, first } = ids();
      spec
        .given([claimed(emailHash, first)])
        .when(claim(emailHash, first))
        .then([]);
    });

    it('lets the holder release it', () => {
      const { emailHash, first } = ids();
      const state = spec
        .given([claimed(emailHash, first)])
        .when(release(emailHash, first))
        .then([released(emailHash, first)]);
      expect(emailHolder(state)).toBeUndefined();
    });
  });

  describe('when another member holds the address', () => {
    it('refuses the claim while the holder is active', () => {
      const { emailHash, first, second } = ids();
      const error = spec
        .given([claimed(emailHash, first)])
        .when(claim(emailHash, second, { memberId: first, status: 'active' }))
        .thenThrows('MEMBER.EMAIL_IN_USE');
      expect(error.params).toEqual({ memberId: second });
      expect(error.message).not.toContain(first);
    });

    it('refuses the claim when the holder left the network', () => {
      const { emailHash, first, second } = ids();
      spec
        .given([claimed(emailHash, first)])
        .when(claim(emailHash, second, { memberId: first, status: 'left' }))
        .thenThrows('MEMBER.EMAIL_IN_USE');
    });

    it('refuses the claim while the holder may still be joining (within the lease)', () => {
      const { emailHash, first, second } = ids();
      spec
        .given([claimed(emailHash, first)])
        .when(claim(emailHash, second, { memberId: first, status: 'unknown' }, CUTOFF_WITHIN))
        .thenThrows('MEMBER.EMAIL_IN_USE');
    });

    it('takes over a claim whose holder never joined once its lease has run out', () => {
      const { emailHash, first, second } = ids();
      const later = '2026-01-01T10:01:00.001Z';
      const state = spec
        .given([claimed(emailHash, first)])
        .when(claim(emailHash, second, { memberId: first, status: 'unknown' }, CUTOFF_AFTER, later))
        .then([claimed(emailHash, second, later)]);
      expect(emailHolder(state)).toBe(second);
    });

    it('takes over a claim from before leases (no time) whose holder never joined', () => {
      const { emailHash, first, second } = ids();
      const legacy: EmailClaimEvent = { type: 'EmailClaimed', data: { emailHash, memberId: first } };
      spec
        .given([legacy])
        .when(claim(emailHash, second, { memberId: first, status: 'unknown' }))
        .then([claimed(emailHash, second)]);
    });

    it('takes over the claim of a forgotten member at once', () => {
      const { emailHash, first, second } = ids();
      const state = spec
        .given([claimed(emailHash, first)])
        .when(claim(emailHash, second, { memberId: first, status: 'forgotten' }))
        .then([claimed(emailHash, second)]);
      expect(emailHolder(state)).toBe(second);
    });

    it('gives a claim whose holder reads as forgotten (its key destroyed) to the claimant', () => {
      const { emailHash, second } = ids();
      const state = spec
        .given([claimed(emailHash, null)])
        .when(claim(emailHash, second))
        .then([claimed(emailHash, second)]);
      expect(emailHolder(state)).toBe(second);
    });

    it('does not decide without facts about the holder', () => {
      const { emailHash, first, second } = ids();
      const decide = () =>
        emailClaimDecider.decide(
          claim(emailHash, second, { memberId: 'someone-else', status: 'forgotten' }),
          emailClaimDecider.evolve(emailClaimDecider.initialState, claimed(emailHash, first)),
        );
      expect(decide).toThrow(CommandContextError);
    });

    it('refuses a release by someone who does not hold it', () => {
      const { emailHash, first, second } = ids();
      spec
        .given([claimed(emailHash, first)])
        .when(release(emailHash, second))
        .thenThrows('MEMBER.EMAIL_NOT_HELD');
    });
  });
});
