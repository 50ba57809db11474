import type { DoetankEvent, GatheringEvent, MemberEvent } from '@app/contracts';
import { discussionDecider } from '../discussion/discussion.decider';
import { doetankDecider } from '../doetank/doetank.decider';
import { gatheringDecider } from '../gathering/gathering.decider';
import { memberDecider, memberFacts } from '../member/member.decider';
import type { DoetankCommand } from '../doetank/doetank.commands';
import { aDoetank } from '../testing/doetank-fixture';
import { deciderSpec } from '../testing';
import { memberActingIn } from '../doetank/doetank.decider';
import { advanceClock, clockOf, type Timed } from './business-time';
import { CommandContextError } from './command-context-error';
import { fold } from './decider';

const doetankSpec = deciderSpec(doetankDecider);
const at = <E>(event: E, occurredAt: string): Timed<E> => ({ ...event, occurredAt });
const dated = <C extends object>(command: C, occurredAt: string): Timed<C> => ({ ...command, occurredAt });
/** A member's facts as a handler reads them: active, joined at `joinedAt`. */
const joined = (memberId: string, joinedAt: string) => ({ memberId, status: 'active' as const, joinedAt });

const JUNE_2009 = '2009-06-15T10:00:00.000Z';
const JULY_2009 = '2009-07-01T10:00:00.000Z';
const MARCH_2008 = '2008-03-01T10:00:00.000Z';

/** A started Doetank's history: proposed and coached in June 2009, started at `startedAt`, joined at `joinedAt`. */
const startedIn2009 = (d: ReturnType<typeof aDoetank>, startedAt: string, joinedAt = startedAt) => {
  const [proposed, coach, started, memberJoined] = d.history.started;
  return [at(proposed, JUNE_2009), at(coach, JUNE_2009), at(started, startedAt), at(memberJoined, joinedAt)];
};
describe('Business time: nothing in a stream happens before its previous event', () => {
  it('Given a Doetank proposed and coached in June 2009, When it is started in 2008, Then it is refused naming both times', () => {
    const d = aDoetank();
    const error = doetankSpec
      .given([at(d.proposed, JUNE_2009), at(d.coachAssigned, JUNE_2009)])
      .when(dated(d.command.start(), MARCH_2008))
      .thenThrows('BUSINESS_TIME.BEFORE_DEPENDENCY');
    expect(error.params).toEqual({
      command: 'StartDoetank',
      occurredAt: MARCH_2008,
      dependency: 'CoachAssigned (revision 1)',
      dependencyAt: JUNE_2009,
    });
    expect(error.message).toContain(MARCH_2008);
    expect(error.message).toContain(JUNE_2009);
  });

  it('Given a started Doetank, When it is concluded before its start, Then it is refused', () => {
    const d = aDoetank();
    doetankSpec
      .given(startedIn2009(d, JULY_2009))
      .when(dated(d.command.conclude(), '2007-05-01T10:00:00.000Z'))
      .thenThrows('BUSINESS_TIME.BEFORE_DEPENDENCY');
  });

  it('Given a started Doetank, When a result is shared before the sharer joined the Doetank, Then it is refused', () => {
    const d = aDoetank();
    const error = doetankSpec
      .given(startedIn2009(d, JUNE_2009, JULY_2009))
      .when(dated(d.command.shareResult(), '2009-06-20T10:00:00.000Z'))
      .thenThrows('BUSINESS_TIME.BEFORE_DEPENDENCY');
    expect(error.params.dependency).toBe('MemberJoinedDoetank (revision 3)');
  });

  it('Given a started Doetank, When a lesson is recorded at the time of the last event, Then it is accepted (equal times are not before)', () => {
    const d = aDoetank();
    const command = d.command.recordLesson(d.member);
    doetankSpec
      .given(startedIn2009(d, JULY_2009))
      .when(dated(command, JULY_2009))
      .then([{ type: 'LessonRecorded', data: command.data }]);
  });

  it('Given a Doetank, When a command refused by another rule is also dated too early, Then the other rule wins', () => {
    const d = aDoetank();
    doetankSpec
      .given([at(d.proposed, JUNE_2009)])
      .when(dated(d.command.start(), MARCH_2008))
      .thenThrows('DOETANK.NO_COACH');
  });

  it('Given a gathering scheduled in April 2012, When someone registers in March, Then it is refused', () => {
    const gatheringId = 'gathering-bt-1';
    const scheduled: GatheringEvent = {
      type: 'GatheringScheduled',
      data: {
        gatheringId,
        kind: 'cafe',
        title: 'Café',
        startsAt: '2012-05-10T16:00:00.000Z',
        venue: 'S2M',
        capacity: 9,
      },
    };
    const error = deciderSpec(gatheringDecider)
      .given([at(scheduled, '2012-04-01T09:00:00.000Z')])
      .when(
        dated(
          {
            type: 'RegisterForGathering' as const,
            data: { gatheringId, memberId: 'm-1' },
            context: { member: joined('m-1', '2005-01-01T00:00:00.000Z') },
          },
          '2012-03-01T09:00:00.000Z',
        ),
      )
      .thenThrows('BUSINESS_TIME.BEFORE_DEPENDENCY');
    expect(error.params.dependency).toBe('GatheringScheduled (revision 0)');
  });

  it('Given a member who joined in 2011, When they leave in 2010, Then it is refused', () => {
    const joinedEvent: MemberEvent = {
      type: 'MemberJoined',
      data: {
        memberId: 'm-2',
        personal: { name: 'A', email: 'a@x.nl' },
        organisation: 'O',
        sector: 'rijk',
        role: 'manager',
      },
    };
    deciderSpec(memberDecider)
      .given([at(joinedEvent, '2011-03-01T00:00:00.000Z')])
      .when(dated({ type: 'LeaveNetwork' as const, data: { memberId: 'm-2' } }, '2010-01-01T00:00:00.000Z'))
      .thenThrows('BUSINESS_TIME.BEFORE_DEPENDENCY');
  });
});

describe('Business time: what a member does comes after they joined the network', () => {
  const JOINED = '2011-03-01T09:00:00.000Z';
  const EARLIER = '2010-06-15T10:00:00.000Z';

  it('Given no Doetank, When a member proposes one before they joined, Then it is refused naming the join', () => {
    const d = aDoetank();
    const command = { ...d.command.propose(), context: { proposer: joined(d.proposer, JOINED) } };
    const error = doetankSpec
      .given([])
      .when(dated(command, EARLIER))
      .thenThrows('BUSINESS_TIME.BEFORE_DEPENDENCY');
    expect(error.params).toEqual({
      command: 'ProposeDoetank',
      occurredAt: EARLIER,
      dependency: `member ${d.proposer} joined the network`,
      dependencyAt: JOINED,
    });
  });

  it('Given a proposed Doetank, When a coach is assigned before the coach joined, Then it is refused', () => {
    const d = aDoetank();
    const command = {
      ...d.command.assignCoach(d.coach),
      context: { coach: joined(d.coach, '2009-08-01T00:00:00.000Z') },
    } as DoetankCommand;
    doetankSpec
      .given([at(d.proposed, JUNE_2009)])
      .when(dated(command, JULY_2009))
      .thenThrows('BUSINESS_TIME.BEFORE_DEPENDENCY');
  });

  it('Given a proposed Doetank, When a member joins it before joining the network, Then it is refused; after, it is accepted', () => {
    const d = aDoetank();
    const command = {
      ...d.command.join(d.member),
      context: { member: joined(d.member, JULY_2009) },
    } as DoetankCommand;
    doetankSpec
      .given([at(d.proposed, JUNE_2009)])
      .when(dated(command, '2009-06-20T00:00:00.000Z'))
      .thenThrows('BUSINESS_TIME.BEFORE_DEPENDENCY');
    doetankSpec
      .given([at(d.proposed, JUNE_2009)])
      .when(dated(command, JULY_2009))
      .then([{ type: 'MemberJoinedDoetank', data: { doetankId: d.doetankId, memberId: d.member } }]);
  });

  it('Given no discussion, When a member starts one before joining, Then it is refused', () => {
    deciderSpec(discussionDecider)
      .given([])
      .when(
        dated(
          {
            type: 'StartDiscussion' as const,
            data: { discussionId: 'disc-1', title: 'T', link: 'https://example.org/d', startedBy: 'm-3' },
            context: { starter: joined('m-3', JOINED) },
          },
          EARLIER,
        ),
      )
      .thenThrows('BUSINESS_TIME.BEFORE_DEPENDENCY');
  });

  it('keeps the join time through an affiliation change, for the facts other deciders read', () => {
    const events = [
      at(
        {
          type: 'MemberJoined',
          data: { memberId: 'm-4', organisation: 'O', sector: 'rijk', role: 'manager' },
        },
        JOINED,
      ),
      at(
        {
          type: 'MemberAffiliationChanged',
          data: { memberId: 'm-4', organisation: 'P', sector: 'rijk', role: 'manager' },
        },
        JULY_2009,
      ),
    ] as Timed<MemberEvent>[];
    expect(memberFacts('m-4', fold(memberDecider, events))).toEqual({
      memberId: 'm-4',
      status: 'active',
      joinedAt: JOINED,
    });
  });
});

describe('The stream clock', () => {
  it('takes the corrected time of a corrected event, and the correction itself is not on it', () => {
    const d = aDoetank();
    const history: Timed<DoetankEvent>[] = [at(d.proposed, JUNE_2009), at(d.coachAssigned, JULY_2009)];
    const clock = clockOf(history);
    const corrected = advanceClock(
      clock,
      {
        type: 'BusinessTimeCorrected',
        data: { revision: 1, correctedTo: '2009-06-20T00:00:00.000Z' },
        occurredAt: '2026-01-01T00:00:00.000Z',
      },
      2,
    );
    expect(corrected).toEqual([
      { revision: 0, type: 'DoetankProposed', occurredAt: JUNE_2009 },
      { revision: 1, type: 'CoachAssigned', occurredAt: '2009-06-20T00:00:00.000Z' },
    ]);
  });
});

describe('Correcting a recorded business time', () => {
  const d = aDoetank();
  const [proposed, coach, started] = d.history.started;
  const history = [at(proposed, JUNE_2009), at(coach, JUNE_2009), at(started, '2009-09-01T10:00:00.000Z')];
  const clock = clockOf(history);
  const memberOf = (revision: number) =>
    (history[revision] && memberActingIn({ id: 'event', ...history[revision] })) ?? 'nobody';
  const correct = (revision: number, correctedTo: string, reason = 'Uit de notulen') =>
    dated(
      {
        type: 'CorrectBusinessTime' as const,
        data: { doetankId: d.doetankId, revision, correctedTo, reason },
        context: {
          clock,
          corrected: history[revision] && { id: `event-${revision}`, ...history[revision] },
          member: joined(memberOf(revision), '2009-01-05T09:00:00.000Z'),
        },
      },
      '2026-01-01T00:00:00.000Z',
    );

  it('Given a start in September, When it is corrected to July, Then the correction records old and new time and reason', () => {
    doetankSpec
      .given(history)
      .when(correct(2, JULY_2009))
      .then([
        {
          type: 'BusinessTimeCorrected',
          data: {
            doetankId: d.doetankId,
            revision: 2,
            eventType: 'DoetankStarted',
            eventId: 'event-2',
            correctedFrom: '2009-09-01T10:00:00.000Z',
            correctedTo: JULY_2009,
            reason: 'Uit de notulen',
          },
        },
      ]);
  });

  it('When the start is corrected to before the coach was assigned, Then it is refused naming both times', () => {
    const error = doetankSpec
      .given(history)
      .when(correct(2, MARCH_2008))
      .thenThrows('BUSINESS_TIME.BEFORE_DEPENDENCY');
    expect(error.params).toMatchObject({ dependency: 'CoachAssigned (revision 1)', dependencyAt: JUNE_2009 });
  });

  it('When the coach assignment is corrected to after the start, Then it is refused (AFTER_DEPENDENT)', () => {
    const error = doetankSpec
      .given(history)
      .when(correct(1, '2009-10-01T00:00:00.000Z'))
      .thenThrows('BUSINESS_TIME.AFTER_DEPENDENT');
    expect(error.params).toMatchObject({
      dependent: 'DoetankStarted (revision 2)',
      dependentAt: '2009-09-01T10:00:00.000Z',
    });
  });

  it('refuses an unknown revision (404), an unchanged time (409), a blank reason and an unnormalised time (400)', () => {
    doetankSpec.given(history).when(correct(7, JULY_2009)).thenThrows('BUSINESS_TIME.NO_SUCH_EVENT');
    doetankSpec.given(history).when(correct(1, JUNE_2009)).thenThrows('BUSINESS_TIME.CORRECTION_UNCHANGED');
    doetankSpec
      .given(history)
      .when(correct(2, JULY_2009, '  '))
      .thenThrows('BUSINESS_TIME.REASON_REQUIRED');
    doetankSpec
      .given(history)
      .when(correct(2, '2009-07-01T12:00:00+02:00'))
      .thenThrows('BUSINESS_TIME.INVALID_TIME');
  });

  it('Given a result and a stop, When their times are corrected, Then each correction carries what the read models count and list of it', () => {
    const stop = { type: 'DoetankStopped', data: { doetankId: d.doetankId, reason: 'geen opdrachtgever' } };
    const october = '2009-10-01T10:00:00.000Z';
    const events = [
      ...history,
      at(d.resultShared, october),
      at(stop as DoetankEvent, october),
      at(d.lessonRecorded, '2009-10-20T10:00:00.000Z'),
    ];
    const correctIn = (revision: number, correctedTo: string) => ({
      type: 'CorrectBusinessTime' as const,
      data: { doetankId: d.doetankId, revision, correctedTo, reason: 'Notulen' },
      context: {
        clock: clockOf(events),
        corrected: { id: `event-${revision}`, ...events[revision] },
        member: joined(memberActingIn(events[revision] as never) ?? 'nobody', JUNE_2009),
      },
    });
    const countsFor = (revision: number, correctedTo: string) =>
      doetankDecider.decide(correctIn(revision, correctedTo), fold(doetankDecider, events))[0].data;
    expect(countsFor(3, '2009-09-15T00:00:00.000Z')).toMatchObject({
      eventId: 'event-3',
      counts: { resultKind: 'report', result: { resultId: 'result-1', title: 'Eindrapport' } },
    });
    // What the lists show of a lesson, never who recorded it.
    const lesson = countsFor(5, '2009-10-10T00:00:00.000Z');
    expect(lesson).toMatchObject({ counts: { lesson: { lessonId: 'lesson-1', lesson: 'Begin bij de burger' } } });
    expect(JSON.stringify(lesson)).not.toContain(d.member);
    expect(countsFor(4, '2009-10-05T00:00:00.000Z')).toMatchObject({
      eventId: 'event-4',
      counts: { wasStarted: true },
    });
    expect(countsFor(1, JULY_2009)).not.toHaveProperty('counts');
  });

  it('Given a proposal of June 2009, When it is corrected to before the proposer joined the network, Then it is refused naming both times', () => {
    const command = correct(0, '2009-01-01T10:00:00.000Z');
    const error = doetankSpec.given(history).when(command).thenThrows('BUSINESS_TIME.BEFORE_DEPENDENCY');
    expect(error.params).toEqual({
      command: 'CorrectBusinessTime',
      occurredAt: '2009-01-01T10:00:00.000Z',
      dependency: `member ${d.proposer} joined the network`,
      dependencyAt: '2009-01-05T09:00:00.000Z',
    });
  });

  it('refuses a corrected event that is not the one on the clock (a bug of the handler, not a 4xx)', () => {
    const command = correct(2, JULY_2009);
    const wrong = { ...command, context: { clock, corrected: { id: 'x', ...history[1] } } };
    expect(() => doetankDecider.decide(wrong, fold(doetankDecider, history))).toThrow(CommandContextError);
  });

  it('leaves the state as it was; the stream clock takes the new time', () => {
    const before = fold(doetankDecider, history);
    const after = doetankSpec
      .given(history)
      .when(correct(2, JULY_2009))
      .then([expect.anything()] as never);
    expect(after).toEqual(before);
  });
});
