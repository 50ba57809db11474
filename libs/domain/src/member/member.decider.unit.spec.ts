import type { MemberEvent } from '@app/contracts';
import { deciderSpec, refusedAfter, type Refusal } from '../testing';
import type { ChangeAffiliation, ForgetMember, JoinNetwork, MemberCommand } from './member.commands';
import { memberDecider, memberFacts } from './member.decider';

const spec = deciderSpec(memberDecider);
let sequence = 0;
const newMemberId = () => `member-spec-${++sequence}`;

const join = (memberId: string, overrides: Partial<JoinNetwork['data']> = {}): JoinNetwork => ({
  type: 'JoinNetwork',
  data: {
    memberId,
    personal: { name: 'Anna de Vries', email: 'anna@gemeente.example' },
    organisation: 'Gemeente Utrecht',
    sector: 'gemeente',
    role: 'professional',
    ...overrides,
  },
});
const joined = (memberId: string): MemberEvent => ({ type: 'MemberJoined', data: join(memberId).data });
const left = (memberId: string): MemberEvent => ({ type: 'MemberLeft', data: { memberId } });
const forgotten = (memberId: string): MemberEvent => ({
  type: 'MemberForgotten',
  data: { memberId, reason: 'erasure request' },
});
const changeAffiliation = (
  memberId: string,
  overrides: Partial<ChangeAffiliation['data']> = {},
): ChangeAffiliation => ({
  type: 'ChangeAffiliation',
  data: { memberId, organisation: 'Provincie Utrecht', sector: 'provincie', role: 'manager', ...overrides },
});
const forget = (memberId: string, reason = 'erasure request'): ForgetMember => ({
  type: 'ForgetMember',
  data: { memberId, reason },
});
const revoke = (memberId: string, revokedAt = '2026-03-01T09:00:00.500Z', reason?: string) => ({
  type: 'RevokeMemberTokens' as const,
  data: { memberId, revokedAt, ...(reason !== undefined && { reason }) },
});

describe('Member', () => {
  describe('an unknown member', () => {
    it.each<Refusal<string, MemberCommand>>([
      ['a change of affiliation', (id) => changeAffiliation(id), 'MEMBER.NOT_FOUND'],
      ['leaving the network', (id) => ({ type: 'LeaveNetwork', data: { memberId: id } }), 'MEMBER.NOT_FOUND'],
      ["revoking the member's tokens", (id) => revoke(id), 'MEMBER.NOT_FOUND'],
      ['forgetting the member', (id) => forget(id), 'MEMBER.NOT_FOUND'],
    ])(
      'refuses %s',
      refusedAfter(spec, newMemberId, () => []),
    );
  });

  describe('joining the network', () => {
    it('records a new member with name, e-mail, organisation, sector and role', () => {
      const memberId = newMemberId();
      spec
        .given([])
        .when(join(memberId))
        .then([joined(memberId)]);
    });

    it('refuses a member id that is already in use', () => {
      const memberId = newMemberId();
      spec
        .given([joined(memberId)])
        .when(join(memberId))
        .thenThrows('MEMBER.ALREADY_EXISTS');
    });

    it('refuses a member id that belonged to a forgotten member', () => {
      const memberId = newMemberId();
      spec
        .given([joined(memberId), forgotten(memberId)])
        .when(join(memberId))
        .thenThrows('MEMBER.ALREADY_EXISTS');
    });

    it.each<Refusal<string, MemberCommand>>([
      [
        'a blank name',
        (id) => join(id, { personal: { name: '  ', email: 'anna@gemeente.example' } }),
        'MEMBER.NAME_REQUIRED',
      ],
      [
        'a missing e-mail address',
        (id) => join(id, { personal: { name: 'Anna', email: '' } }),
        'MEMBER.EMAIL_INVALID',
      ],
      [
        'something that is not an e-mail address',
        (id) => join(id, { personal: { name: 'Anna', email: 'anna at gemeente' } }),
        'MEMBER.EMAIL_INVALID',
      ],
      ['a blank organisation', (id) => join(id, { organisation: '' }), 'MEMBER.ORGANISATION_REQUIRED'],
      ['a role outside the vocabulary', (id) => join(id, { role: 'ceo' as never }), 'MEMBER.UNKNOWN_ROLE'],
    ])(
      'refuses %s',
      refusedAfter(spec, newMemberId, () => []),
    );

    it('accepts every sector of the vocabulary', () => {
      const memberId = newMemberId();
      const command = join(memberId, { sector: 'waterschap' });
      spec
        .given([])
        .when(command)
        .then([{ type: 'MemberJoined', data: command.data }]);
    });

    it('refuses a sector outside the vocabulary', () => {
      const memberId = newMemberId();
      const error = spec
        .given([])
        .when(join(memberId, { sector: 'bank' as never }))
        .thenThrows('MEMBER.UNKNOWN_SECTOR');
      expect(error.params).toMatchObject({ sector: 'bank' });
    });

    it('records names and organisations without surrounding spaces', () => {
      const memberId = newMemberId();
      spec
        .given([])
        .when(
          join(memberId, {
            personal: { name: ' Anna de Vries ', email: ' anna@gemeente.example ' },
            organisation: ' Gemeente Utrecht ',
          }),
        )
        .then([joined(memberId)]);
    });
  });

  describe('changing affiliation', () => {
    it('records the new organisation, sector and role of an active member', () => {
      const memberId = newMemberId();
      spec
        .given([joined(memberId)])
        .when(changeAffiliation(memberId))
        .then([
          {
            type: 'MemberAffiliationChanged',
            data: { memberId, organisation: 'Provincie Utrecht', sector: 'provincie', role: 'manager' },
          },
        ]);
    });

    it.each<Refusal<string, MemberCommand>>([
      [
        'a change that changes nothing',
        (id) =>
          changeAffiliation(id, {
            organisation: 'Gemeente Utrecht',
            sector: 'gemeente',
            role: 'professional',
          }),
        'MEMBER.AFFILIATION_UNCHANGED',
      ],
      [
        'a sector outside the vocabulary',
        (id) => changeAffiliation(id, { sector: 'bank' as never }),
        'MEMBER.UNKNOWN_SECTOR',
      ],
    ])(
      'refuses %s',
      refusedAfter(spec, newMemberId, (id) => [joined(id)]),
    );

    it('refuses a member who left', () => {
      const memberId = newMemberId();
      const error = spec
        .given([joined(memberId), left(memberId)])
        .when(changeAffiliation(memberId))
        .thenThrows('MEMBER.NOT_ACTIVE');
      expect(error.params).toEqual({ memberId, status: 'left' });
    });
  });

  describe('leaving the network', () => {
    it('records that an active member left, with the reason', () => {
      const memberId = newMemberId();
      spec
        .given([joined(memberId)])
        .when({ type: 'LeaveNetwork', data: { memberId, reason: 'new job' } })
        .then([{ type: 'MemberLeft', data: { memberId, reason: 'new job' } }]);
    });

    it('records no reason when the reason is blank', () => {
      const memberId = newMemberId();
      spec
        .given([joined(memberId)])
        .when({ type: 'LeaveNetwork', data: { memberId, reason: ' ' } })
        .then([left(memberId)]);
    });

    it.each([
      ['a member who already left', left],
      ['a forgotten member', forgotten],
    ])('refuses %s', (_who, gone) => {
      const memberId = newMemberId();
      spec
        .given([joined(memberId), gone(memberId)])
        .when({ type: 'LeaveNetwork', data: { memberId } })
        .thenThrows('MEMBER.NOT_ACTIVE');
    });
  });

  describe("revoking a member's tokens", () => {
    it('records the revocation with the time and reason, and keeps it through later changes of status', () => {
      const memberId = newMemberId();
      const state = spec
        .given([joined(memberId)])
        .when(revoke(memberId, '2026-03-01T09:00:00.500Z', ' laptop lost '))
        .then([
          {
            type: 'MemberTokensRevoked',
            data: { memberId, revokedAt: '2026-03-01T09:00:00.500Z', reason: 'laptop lost' },
          },
        ]);
      expect(state).toMatchObject({ status: 'active', tokensRevokedAt: '2026-03-01T09:00:00.500Z' });
      const later = spec
        .given([
          joined(memberId),
          { type: 'MemberTokensRevoked', data: { memberId, revokedAt: '2026-03-01T09:00:00.500Z' } },
          left(memberId),
        ])
        .when(revoke(memberId, '2026-03-02T10:00:00.000Z'))
        .then([{ type: 'MemberTokensRevoked', data: { memberId, revokedAt: '2026-03-02T10:00:00.000Z' } }]);
      expect(later).toEqual({ status: 'left', memberId, tokensRevokedAt: '2026-03-02T10:00:00.000Z' });
    });

    it('revokes the tokens of a forgotten member too', () => {
      const memberId = newMemberId();
      spec
        .given([joined(memberId), forgotten(memberId)])
        .when(revoke(memberId))
        .then([{ type: 'MemberTokensRevoked', data: { memberId, revokedAt: '2026-03-01T09:00:00.500Z' } }]);
    });
  });

  describe('forgetting a member', () => {
    it('forgets an active member and keeps no personal data in the state', () => {
      const memberId = newMemberId();
      const state = spec
        .given([joined(memberId)])
        .when(forget(memberId))
        .then([forgotten(memberId)]);
      expect(state).toEqual({ status: 'forgotten', memberId });
      expect(JSON.stringify(state)).not.toMatch(/Anna|anna@/);
    });

    it('forgets a member who left', () => {
      const memberId = newMemberId();
      spec
        .given([joined(memberId), left(memberId)])
        .when(forget(memberId))
        .then([forgotten(memberId)]);
    });

    it('refuses to forget a member twice', () => {
      const memberId = newMemberId();
      spec
        .given([joined(memberId), forgotten(memberId)])
        .when(forget(memberId))
        .thenThrows('MEMBER.ALREADY_FORGOTTEN');
    });

    it('refuses without a reason', () => {
      const memberId = newMemberId();
      spec
        .given([joined(memberId)])
        .when(forget(memberId, '  '))
        .thenThrows('MEMBER.REASON_REQUIRED');
    });
  });

  describe('state', () => {
    it('never holds personal data, not even while active', () => {
      const memberId = newMemberId();
      const state = spec
        .given([])
        .when(join(memberId))
        .then([joined(memberId)]);
      expect(state).toEqual({
        status: 'active',
        memberId,
        organisation: 'Gemeente Utrecht',
        sector: 'gemeente',
        role: 'professional',
      });
    });
  });

  describe('facts for other aggregates', () => {
    it.each([
      ['unknown', []],
      ['active', ['joined']],
      ['left', ['joined', 'left']],
      ['forgotten', ['joined', 'left', 'forgotten']],
    ] as const)('reports %s', (status, history) => {
      const memberId = newMemberId();
      const events = history.map((step) =>
        step === 'joined' ? joined(memberId) : step === 'left' ? left(memberId) : forgotten(memberId),
      );
      const state = events.reduce(memberDecider.evolve, memberDecider.initialState);
      expect(memberFacts(memberId, state)).toEqual({ memberId, status });
    });
  });
});
