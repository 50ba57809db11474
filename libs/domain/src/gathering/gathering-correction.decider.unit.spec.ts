import type { GatheringEvent } from '@app/contracts';
import { clockOf, type Timed } from '../shared/business-time';
import { CommandContextError } from '../shared/command-context-error';
import { fold } from '../shared/decider';
import { deciderSpec } from '../testing';
import type { CorrectGatheringBusinessTime } from './gathering.commands';
import { gatheringDecider, membersActingIn } from './gathering.decider';

const spec = deciderSpec(gatheringDecider);
const gatheringId = 'gathering-correction-spec';
const at = (event: GatheringEvent, occurredAt: string): Timed<GatheringEvent> => ({ ...event, occurredAt });

const SCHEDULED_AT = '2012-09-01T10:00:00.000Z';
const REGISTERED_AT = '2012-10-01T10:00:00.000Z';
const STARTS_AT = '2012-11-22T15:00:00.000Z';
const HELD_AT = '2012-11-23T09:00:00.000Z';
const JOINED = { anna: '2012-03-01T09:00:00.000Z', bram: '2012-10-15T09:00:00.000Z' };

// A Grand Café scheduled in September, anna registered in October, held (anna and bram) the day after it started.
const history: Timed<GatheringEvent>[] = [
  at(
    {
      type: 'GatheringScheduled',
      data: {
        gatheringId,
        kind: 'grand-cafe',
        title: 'Grand Café',
        startsAt: STARTS_AT,
        venue: 'Beurs',
        capacity: 99,
      },
    },
    SCHEDULED_AT,
  ),
  at({ type: 'ParticipantRegistered', data: { gatheringId, memberId: 'anna' } }, REGISTERED_AT),
  at({ type: 'GatheringHeld', data: { gatheringId, attendees: ['anna', 'bram'], heldOn: HELD_AT } }, HELD_AT),
];

const correct = (
  revision: number,
  correctedTo: string,
  reason = 'Uit de notulen',
): CorrectGatheringBusinessTime => {
  const corrected = history[revision] && { id: `event-${revision}`, ...history[revision] };
  return {
    type: 'CorrectGatheringBusinessTime',
    data: { gatheringId, revision, correctedTo, reason },
    context: {
      clock: clockOf(history),
      corrected,
      members: (corrected ? membersActingIn(corrected) : []).map((memberId) => ({
        memberId,
        status: 'active' as const,
        joinedAt: JOINED[memberId as keyof typeof JOINED],
      })),
    },
  };
};

describe('Correcting a business time recorded on a gathering', () => {
  it('Given a registration in October, When it is corrected to September, Then the correction records old and new time and reason', () => {
    spec
      .given(history)
      .when(correct(1, '2012-09-20T10:00:00.000Z'))
      .then([
        {
          type: 'BusinessTimeCorrected',
          data: {
            gatheringId,
            revision: 1,
            eventType: 'ParticipantRegistered',
            eventId: 'event-1',
            counts: { gatheringKind: 'grand-cafe' },
            correctedFrom: REGISTERED_AT,
            correctedTo: '2012-09-20T10:00:00.000Z',
            reason: 'Uit de notulen',
          },
        },
      ]);
  });

  it.each([
    [
      'before the gathering was scheduled',
      '2012-08-01T10:00:00.000Z',
      'BUSINESS_TIME.BEFORE_DEPENDENCY',
      { dependency: 'GatheringScheduled (revision 0)', dependencyAt: SCHEDULED_AT },
    ],
    [
      'after the gathering was held',
      '2012-12-01T10:00:00.000Z',
      'BUSINESS_TIME.AFTER_DEPENDENT',
      { dependent: 'GatheringHeld (revision 2)', dependentAt: HELD_AT },
    ],
  ] as const)(
    'Given a registration in October, When it is corrected to %s, Then it is refused naming both times',
    (_when, occurredAt, code, named) => {
      const error = spec.given(history).when(correct(1, occurredAt)).thenThrows(code);
      expect(error.params).toEqual({ command: 'CorrectGatheringBusinessTime', occurredAt, ...named });
    },
  );

  it('Given a gathering held the day after it started, When the holding is corrected to the day before it started, Then it is refused naming both', () => {
    const error = spec
      .given(history)
      .when(correct(2, '2012-11-21T10:00:00.000Z'))
      .thenThrows('GATHERING.NOT_YET_HELD');
    expect(error.params).toEqual({ gatheringId, startsAt: STARTS_AT, heldOn: '2012-11-21T10:00:00.000Z' });
  });

  it('Given a gathering bram attended, When the holding is corrected to before bram joined the network, Then it is refused naming both times', () => {
    // A café that started on 1 October, held (without registrations) on its day: only bram's joining stands in the way.
    const scheduled = { ...history[0], data: { ...history[0].data, startsAt: '2012-10-01T15:00:00.000Z' } };
    const early = [scheduled, history[2]] as Timed<GatheringEvent>[];
    const command = correct(2, '2012-10-10T10:00:00.000Z');
    const error = spec
      .given(early)
      .when({
        ...command,
        data: { ...command.data, revision: 1 },
        context: { ...command.context, clock: clockOf(early) },
      })
      .thenThrows('BUSINESS_TIME.BEFORE_DEPENDENCY');
    expect(error.params).toEqual({
      command: 'CorrectGatheringBusinessTime',
      occurredAt: '2012-10-10T10:00:00.000Z',
      dependency: 'member bram joined the network',
      dependencyAt: JOINED.bram,
    });
  });

  it('carries what the retrospectives count of a holding: the kind, the attendance and the attendees (ids only)', () => {
    const [correction] = gatheringDecider.decide(
      correct(2, '2012-11-22T20:00:00.000Z'),
      fold(gatheringDecider, history),
    );
    expect(correction.data).toMatchObject({
      counts: { gatheringKind: 'grand-cafe', attendance: 2, attendees: ['anna', 'bram'] },
    });
  });

  it('refuses a revision the stream does not have, and a blank reason', () => {
    spec.given(history).when(correct(7, HELD_AT)).thenThrows('BUSINESS_TIME.NO_SUCH_EVENT');
    spec
      .given(history)
      .when(correct(1, SCHEDULED_AT, '  '))
      .thenThrows('BUSINESS_TIME.REASON_REQUIRED');
  });

  it('refuses a corrected event that is not the one on the clock (a bug of the handler, not a 4xx)', () => {
    const command = correct(1, '2012-09-20T10:00:00.000Z');
    const wrong = { ...command, context: { ...command.context, corrected: { id: 'x', ...history[2] } } };
    expect(() => gatheringDecider.decide(wrong, fold(gatheringDecider, history))).toThrow(
      CommandContextError,
    );
  });

  it('leaves the state as it was; the stream clock takes the new time', () => {
    const correction = gatheringDecider.decide(
      correct(1, '2012-09-20T10:00:00.000Z'),
      fold(gatheringDecider, history),
    );
    const events = [...history, at(correction[0], '2026-01-01T00:00:00.000Z')];
    expect(fold(gatheringDecider, events)).toEqual(fold(gatheringDecider, history));
    expect(clockOf(events)[1]).toEqual({
      revision: 1,
      type: 'ParticipantRegistered',
      occurredAt: '2012-09-20T10:00:00.000Z',
    });
  });
});
