import type { MemberBusinessTimeCorrected, MemberEvent } from '@app/contracts';
import { clockOf, type Timed } from '../shared/business-time';
import { CommandContextError } from '../shared/command-context-error';
import { fold } from '../shared/decider';
import { deciderSpec } from '../testing';
import { memberActsOf, type MemberActs } from './member-acts';
import type { CorrectMemberBusinessTime } from './member.commands';
import { memberDecider, memberFacts } from './member.decider';

const spec = deciderSpec(memberDecider);
const memberId = 'member-correction-spec';
const at = (event: MemberEvent, occurredAt: string): Timed<MemberEvent> => ({ ...event, occurredAt });

const JOINED_AT = '2010-05-01T09:00:00.000Z';
const CHANGED_AT = '2011-03-01T09:00:00.000Z';
const LEFT_AT = '2013-06-30T15:00:00.000Z';
const FORGOTTEN_AT = '2014-01-01T00:00:00.000Z';
const affiliation = { organisation: 'Gemeente Delft', sector: 'gemeente', role: 'professional' } as const;

// Joined in May 2010 (a municipality's policy officer), moved to a province in 2011, left in June 2013, forgotten.
const history: Timed<MemberEvent>[] = [
  at(
    {
      type: 'MemberJoined',
      data: { memberId, personal: { name: 'Anna', email: 'anna@example.org' }, ...affiliation },
    },
    JOINED_AT,
  ),
  at(
    {
      type: 'MemberAffiliationChanged',
      data: { memberId, ...affiliation, sector: 'provincie', role: 'manager' },
    },
    CHANGED_AT,
  ),
  at({ type: 'MemberLeft', data: { memberId } }, LEFT_AT),
  at({ type: 'MemberForgotten', data: { memberId, reason: 'Verzoek' } }, FORGOTTEN_AT),
];

// Her first act elsewhere: a Doetank proposed in September 2010; her last: a café attended in May 2013.
const ACTS: MemberActs = {
  first: {
    type: 'DoetankProposed',
    streamId: 'doetank-d1',
    revision: 0,
    occurredAt: '2010-09-01T10:00:00.000Z',
  },
  last: {
    type: 'GatheringHeld',
    streamId: 'gathering-g1',
    revision: 4,
    occurredAt: '2013-05-20T18:00:00.000Z',
  },
};

const correct = (
  revision: number,
  correctedTo: string,
  given: Timed<MemberEvent>[] = history,
  actsElsewhere: MemberActs | null = ACTS,
): CorrectMemberBusinessTime => ({
  type: 'CorrectMemberBusinessTime',
  data: { memberId, revision, correctedTo, reason: 'Uit de ledenadministratie' },
  context: {
    clock: clockOf(given),
    history: given.map(({ type, data }, index) => ({ id: `event-${index}`, type, data })),
    ...(actsElsewhere && { actsElsewhere }),
  },
});

const corrected = (revision: number, correctedTo: string) =>
  memberDecider.decide(correct(revision, correctedTo), fold(memberDecider, history))[0]
    .data as MemberBusinessTimeCorrected['data'];

describe('Correcting a business time recorded on a member', () => {
  it('Given a joining in May 2010, When it is corrected to January, Then the correction records old and new time and what it counted', () => {
    spec
      .given(history)
      .when(correct(0, '2010-01-10T09:00:00.000Z'))
      .then([
        {
          type: 'BusinessTimeCorrected',
          data: {
            memberId,
            revision: 0,
            eventType: 'MemberJoined',
            eventId: 'event-0',
            counts: { sector: 'gemeente', role: 'professional' },
            correctedFrom: JOINED_AT,
            correctedTo: '2010-01-10T09:00:00.000Z',
            reason: 'Uit de ledenadministratie',
          },
        },
      ]);
  });

  it('carries the affiliation an affiliation change moved from and the one a leaving counted under', () => {
    expect(corrected(1, '2011-02-01T09:00:00.000Z').counts).toEqual({
      sector: 'provincie',
      role: 'manager',
      previousSector: 'gemeente',
      previousRole: 'professional',
    });
    expect(corrected(2, '2013-06-01T09:00:00.000Z').counts).toEqual({ sector: 'provincie', role: 'manager' });
  });

  it.each([
    // [what, revision, corrected to, code, named]
    [
      'a joining after the affiliation change',
      0,
      '2011-04-01T09:00:00.000Z',
      'BUSINESS_TIME.AFTER_DEPENDENT',
      {
        dependent: 'MemberAffiliationChanged (revision 1)',
        dependentAt: CHANGED_AT,
      },
    ],
    [
      "a joining after the member's first act elsewhere",
      0,
      '2010-10-01T09:00:00.000Z',
      'BUSINESS_TIME.AFTER_DEPENDENT',
      {
        dependent: 'DoetankProposed (revision 0 of doetank-d1)',
        dependentAt: ACTS.first!.occurredAt,
      },
    ],
    [
      "a leaving before the member's last act elsewhere",
      2,
      '2013-05-01T09:00:00.000Z',
      'BUSINESS_TIME.BEFORE_DEPENDENCY',
      {
        dependency: 'GatheringHeld (revision 4 of gathering-g1)',
        dependencyAt: ACTS.last!.occurredAt,
      },
    ],
    [
      'a leaving before the affiliation change',
      2,
      '2011-01-01T09:00:00.000Z',
      'BUSINESS_TIME.BEFORE_DEPENDENCY',
      {
        dependency: 'MemberAffiliationChanged (revision 1)',
        dependencyAt: CHANGED_AT,
      },
    ],
  ] as const)('refuses %s, naming both times', (_what, revision, occurredAt, code, named) => {
    const error = spec.given(history).when(correct(revision, occurredAt)).thenThrows(code);
    expect(error.params).toEqual({ command: 'CorrectMemberBusinessTime', occurredAt, ...named });
  });

  it('Given acts elsewhere, When the joining moves later but not past the first act, or the leaving later, Then it is accepted', () => {
    expect(corrected(0, ACTS.first!.occurredAt).correctedTo).toBe(ACTS.first!.occurredAt);
    expect(corrected(2, '2013-12-01T09:00:00.000Z').correctedFrom).toBe(LEFT_AT);
  });

  it('Given a member who never acted elsewhere, When the joining moves up to the next event, Then it is accepted', () => {
    const command = correct(0, CHANGED_AT, history, {});
    expect(memberDecider.decide(command, fold(memberDecider, history))).toHaveLength(1);
  });

  it('refuses to correct an erasure or a revocation of tokens (409), whatever the time', () => {
    const error = spec
      .given(history)
      .when(correct(3, '2014-01-02T00:00:00.000Z'))
      .thenThrows('BUSINESS_TIME.NOT_CORRECTABLE');
    expect(error.params).toMatchObject({
      streamId: `member-${memberId}`,
      revision: 3,
      eventType: 'MemberForgotten',
    });
    const revoked = [
      history[0],
      at(
        { type: 'MemberTokensRevoked', data: { memberId, revokedAt: '2012-01-01T00:00:00.000Z' } },
        '2012-01-01T00:00:00.000Z',
      ),
    ];
    spec
      .given(revoked)
      .when(correct(1, '2011-01-01T00:00:00.000Z', revoked))
      .thenThrows('BUSINESS_TIME.NOT_CORRECTABLE');
  });

  it('refuses a member that does not exist, a revision it does not have, and a blank reason', () => {
    spec
      .given([])
      .when(correct(0, JOINED_AT, []))
      .thenThrows('MEMBER.NOT_FOUND');
    spec.given(history).when(correct(9, JOINED_AT)).thenThrows('BUSINESS_TIME.NO_SUCH_EVENT');
    const blank = correct(0, '2010-01-10T09:00:00.000Z');
    spec
      .given(history)
      .when({ ...blank, data: { ...blank.data, reason: ' ' } })
      .thenThrows('BUSINESS_TIME.REASON_REQUIRED');
  });

  it('needs the acts elsewhere in its context to move a joining later (a bug of the handler, not a 4xx)', () => {
    expect(() =>
      memberDecider.decide(
        correct(0, '2010-06-01T09:00:00.000Z', history, null),
        fold(memberDecider, history),
      ),
    ).toThrow(CommandContextError);
  });

  it('moves when the member joined as the facts other deciders get: what they do comes after the corrected time', () => {
    const active = history.slice(0, 2);
    const [correction] = memberDecider.decide(
      correct(0, '2010-01-10T09:00:00.000Z', active),
      fold(memberDecider, active),
    );
    const state = fold(memberDecider, [...active, at(correction, '2026-01-01T00:00:00.000Z')]);
    expect(memberFacts(memberId, state).joinedAt).toBe('2010-01-10T09:00:00.000Z');
  });
});

describe('The facts of a member who left', () => {
  it('keep when they joined (as corrected), so that a correction of what they did is still held to it', () => {
    const [correction] = memberDecider.decide(
      correct(0, '2010-01-10T09:00:00.000Z'),
      fold(memberDecider, history),
    );
    const left = [...history.slice(0, 3), at(correction, '2026-01-01T00:00:00.000Z')];
    expect(memberFacts(memberId, fold(memberDecider, left))).toEqual({
      memberId,
      status: 'left',
      joinedAt: '2010-01-10T09:00:00.000Z',
    });
    expect(memberFacts(memberId, fold(memberDecider, history))).toMatchObject({
      status: 'forgotten',
      joinedAt: JOINED_AT,
    });
  });
});

describe("A member's acts in other streams, learnt from the log", () => {
  const logged = (type: string, streamId: string, revision: number, data: unknown, occurredAt: string) => ({
    id: `${streamId}@${revision}`,
    type,
    data,
    streamId,
    revision,
    occurredAt,
  });

  it('finds the first and last act by business time, as corrected, and only the acts of that member', () => {
    const acts = memberActsOf('anna');
    acts.add(logged('DoetankProposed', 'doetank-d1', 0, { proposedBy: 'anna' }, '2011-01-01T00:00:00.000Z'));
    acts.add(logged('CoachAssigned', 'doetank-d1', 1, { coachId: 'bram' }, '2010-01-01T00:00:00.000Z'));
    acts.add(
      logged('GatheringHeld', 'gathering-g1', 3, { attendees: ['bram', 'anna'] }, '2012-01-01T00:00:00.000Z'),
    );
    acts.add(
      logged('DiscussionStarted', 'discussion-x', 0, { startedBy: 'anna' }, '2011-06-01T00:00:00.000Z'),
    );
    // The proposal was in fact made in 2010; a correction of another stream's revision 0 changes nothing here.
    acts.add(
      logged(
        'BusinessTimeCorrected',
        'doetank-d1',
        2,
        { revision: 0, correctedTo: '2010-06-01T00:00:00.000Z' },
        '2020-01-01T00:00:00.000Z',
      ),
    );
    acts.add(
      logged(
        'BusinessTimeCorrected',
        'doetank-d9',
        5,
        { revision: 0, correctedTo: '2001-01-01T00:00:00.000Z' },
        '2020-01-01T00:00:00.000Z',
      ),
    );
    expect(acts.acts()).toEqual({
      first: {
        type: 'DoetankProposed',
        streamId: 'doetank-d1',
        revision: 0,
        occurredAt: '2010-06-01T00:00:00.000Z',
      },
      last: {
        type: 'GatheringHeld',
        streamId: 'gathering-g1',
        revision: 3,
        occurredAt: '2012-01-01T00:00:00.000Z',
      },
    });
    expect(memberActsOf('nobody').acts()).toEqual({});
  });
});
