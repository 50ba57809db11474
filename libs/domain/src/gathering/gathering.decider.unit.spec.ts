import type { GatheringEvent, GatheringScheduled } from '@app/contracts';
import { CommandContextError } from '../shared/command-context-error';
import { fold } from '../shared/decider';
import type { MemberStatus } from '../shared/member-status';
import { deciderSpec, refusedAfter, type Refusal } from '../testing';
import type {
  AddProgrammeItem,
  CancelGathering,
  CancelRegistration,
  GatheringCommand,
  RecordGatheringHeld,
  RecordGatheringReport,
  RegisterForGathering,
  ScheduleGathering,
} from './gathering.commands';
import { gatheringDecider } from './gathering.decider';
import { gatheringExists } from './gathering.state';

const spec = deciderSpec(gatheringDecider);

let sequence = 0;

/** Fresh ids per test, and builders for one gathering: the Grand Café of 22 November 2012. */
const aGathering = (capacity = 100) => {
  sequence += 1;
  const gatheringId = `gathering-spec-${sequence}`;
  const anna = `anna-${sequence}`;
  const bram = `bram-${sequence}`;
  const cees = `cees-${sequence}`;

  const scheduled: GatheringScheduled = {
    type: 'GatheringScheduled',
    data: {
      gatheringId,
      kind: 'grand-cafe',
      title: 'Grand Café 2012',
      startsAt: '2012-11-22T15:00:00.000Z',
      venue: 'Beurs van Berlage',
      city: 'Amsterdam',
      capacity,
    },
  };
  const registered = (memberId: string): GatheringEvent => ({
    type: 'ParticipantRegistered',
    data: { gatheringId, memberId },
  });
  const held: GatheringEvent = {
    type: 'GatheringHeld',
    data: { gatheringId, attendees: [anna], heldOn: '2012-11-22T23:00:00.000Z' },
  };
  const cancelled: GatheringEvent = {
    type: 'GatheringCancelled',
    data: { gatheringId, reason: 'venue unavailable' },
  };

  const command = {
    schedule: (overrides: Partial<ScheduleGathering['data']> = {}): ScheduleGathering => ({
      type: 'ScheduleGathering',
      data: { ...scheduled.data, ...overrides },
    }),
    register: (memberId: string, status: MemberStatus = 'active'): RegisterForGathering => ({
      type: 'RegisterForGathering',
      data: { gatheringId, memberId },
      context: { member: { memberId, status } },
    }),
    cancelRegistration: (memberId: string): CancelRegistration => ({
      type: 'CancelRegistration',
      data: { gatheringId, memberId },
    }),
    addItem: (
      overrides: Partial<AddProgrammeItem['data']> = {},
      context: AddProgrammeItem['context'] = {},
    ): AddProgrammeItem => ({
      type: 'AddProgrammeItem',
      data: { gatheringId, itemId: 'item-1', title: 'Pitch van de Doetanks', ...overrides },
      context,
    }),
    recordHeld: (
      attendees: string[],
      heldOn = '2012-11-22T23:00:00.000Z',
      unknownAttendees: string[] = [],
      joinedAt: Record<string, string> = {},
    ): RecordGatheringHeld => ({
      type: 'RecordGatheringHeld',
      data: { gatheringId, attendees, heldOn },
      context: {
        attendees: attendees.map((memberId) =>
          unknownAttendees.includes(memberId)
            ? { memberId, status: 'unknown' as const }
            : {
                memberId,
                status: 'active' as const,
                ...(joinedAt[memberId] && { joinedAt: joinedAt[memberId] }),
              },
        ),
      },
    }),
    report: (overrides: Partial<RecordGatheringReport['data']> = {}): RecordGatheringReport => ({
      type: 'RecordGatheringReport',
      data: { gatheringId, summary: 'Honderd vernieuwers.', links: [], quotes: [], ...overrides },
    }),
    cancel: (reason = 'venue unavailable'): CancelGathering => ({
      type: 'CancelGathering',
      data: { gatheringId, reason },
    }),
  };

  /** Histories that end in each status; `anna` registered before it was held or cancelled. */
  const history = {
    scheduled: [scheduled],
    held: [scheduled, registered(anna), held],
    cancelled: [scheduled, registered(anna), cancelled],
  };

  return { gatheringId, anna, bram, cees, scheduled, registered, held, cancelled, history, command };
};

type Fixture = ReturnType<typeof aGathering>;

describe('Gathering', () => {
  describe('scheduling', () => {
    it('schedules a Grand Café with venue and capacity', () => {
      const g = aGathering();
      const state = spec.given([]).when(g.command.schedule()).then([g.scheduled]);
      expect(gatheringExists(state)).toBe(true);
    });

    it('refuses an id that is already scheduled', () => {
      const g = aGathering();
      spec.given([g.scheduled]).when(g.command.schedule()).thenThrows('GATHERING.ALREADY_EXISTS');
    });

    it.each<Refusal<Fixture, GatheringCommand>>([
      [
        'a kind other than café, Grand Café or masterclass',
        (g) => g.command.schedule({ kind: 'borrel' as never }),
        'GATHERING.UNKNOWN_KIND',
      ],
      ['a blank title', (g) => g.command.schedule({ title: '' }), 'GATHERING.TITLE_REQUIRED'],
      ['a blank venue', (g) => g.command.schedule({ venue: ' ' }), 'GATHERING.VENUE_REQUIRED'],
    ])(
      'refuses %s',
      refusedAfter(spec, aGathering, () => []),
    );

    it.each([0, -5, 2.5, Number.NaN])('refuses a capacity of %p', (capacity) => {
      const g = aGathering();
      spec.given([]).when(g.command.schedule({ capacity })).thenThrows('GATHERING.INVALID_CAPACITY');
    });

    it.each(['', '22-11-2012', '2012-11-22T16:00:00+01:00', '2012-11-22T15:00:00Z'])(
      'refuses a start time %p that is not normalised ISO-8601 UTC',
      (startsAt) => {
        const g = aGathering();
        spec.given([]).when(g.command.schedule({ startsAt })).thenThrows('GATHERING.INVALID_TIME');
      },
    );
  });

  describe('when it does not exist', () => {
    it.each([
      ['a registration', (g: Fixture) => g.command.register(g.anna)],
      ['a cancelled registration', (g: Fixture) => g.command.cancelRegistration(g.anna)],
      ['a programme item', (g: Fixture) => g.command.addItem()],
      ['attendance', (g: Fixture) => g.command.recordHeld([g.anna])],
      ['a cancellation', (g: Fixture) => g.command.cancel()],
    ])('refuses %s as unknown', (_what, build) => {
      const g = aGathering();
      spec.given([]).when(build(g)).thenThrows('GATHERING.NOT_FOUND');
    });
  });

  describe('when scheduled', () => {
    it('registers an active member', () => {
      const g = aGathering();
      spec
        .given([g.scheduled])
        .when(g.command.register(g.anna))
        .then([g.registered(g.anna)]);
    });

    it.each<Refusal<Fixture, GatheringCommand>>([
      [
        'a member who left the network',
        (g) => g.command.register(g.anna, 'left'),
        'GATHERING.MEMBER_NOT_ACTIVE',
      ],
      [
        'to cancel the registration of someone who is not registered',
        (g) => g.command.cancelRegistration(g.anna),
        'GATHERING.NOT_REGISTERED',
      ],
      [
        'a programme item without a title',
        (g) => g.command.addItem({ title: ' ' }),
        'GATHERING.PROGRAMME_TITLE_REQUIRED',
      ],
      [
        'attendance recorded the day before',
        (g) => g.command.recordHeld([g.anna], '2012-11-21T23:59:59.999Z'),
        'GATHERING.NOT_YET_HELD',
      ],
      [
        'attendance at a time that is not normalised ISO-8601 UTC',
        (g) => g.command.recordHeld([g.anna], '2012-11-22'),
        'GATHERING.INVALID_TIME',
      ],
      ['a cancellation without a reason', (g) => g.command.cancel(''), 'GATHERING.REASON_REQUIRED'],
    ])(
      'refuses %s',
      refusedAfter(spec, aGathering, (g) => g.history.scheduled),
    );

    it('refuses a member who is already registered', () => {
      const g = aGathering();
      spec
        .given([g.scheduled, g.registered(g.anna)])
        .when(g.command.register(g.anna))
        .thenThrows('GATHERING.ALREADY_REGISTERED');
    });

    it('registers up to the capacity', () => {
      const g = aGathering(2);
      spec
        .given([g.scheduled, g.registered(g.anna)])
        .when(g.command.register(g.bram))
        .then([g.registered(g.bram)]);
    });

    it('refuses a registration when every place is taken', () => {
      const g = aGathering(2);
      const error = spec
        .given([g.scheduled, g.registered(g.anna), g.registered(g.bram)])
        .when(g.command.register(g.cees))
        .thenThrows('GATHERING.FULL');
      expect(error.params).toEqual({ gatheringId: g.gatheringId, capacity: 2 });
    });

    it('frees a place when a registration is cancelled', () => {
      const g = aGathering(1);
      spec
        .given([
          g.scheduled,
          g.registered(g.anna),
          { type: 'RegistrationCancelled', data: { gatheringId: g.gatheringId, memberId: g.anna } },
        ])
        .when(g.command.register(g.bram))
        .then([g.registered(g.bram)]);
    });

    it('cancels a registration', () => {
      const g = aGathering();
      spec
        .given([g.scheduled, g.registered(g.anna)])
        .when(g.command.cancelRegistration(g.anna))
        .then([{ type: 'RegistrationCancelled', data: { gatheringId: g.gatheringId, memberId: g.anna } }]);
    });

    it('adds a programme item that spotlights an existing Doetank', () => {
      const g = aGathering();
      const state = spec
        .given([g.scheduled])
        .when(g.command.addItem({ speaker: 'Coach', doetankId: 'doetank-7' }, { doetankExists: true }))
        .then([
          {
            type: 'ProgrammeItemAdded',
            data: {
              gatheringId: g.gatheringId,
              itemId: 'item-1',
              title: 'Pitch van de Doetanks',
              speaker: 'Coach',
              doetankId: 'doetank-7',
            },
          },
        ]);
      expect(state).toMatchObject({ programme: [{ itemId: 'item-1', doetankId: 'doetank-7' }] });
    });

    it('adds a programme item without a Doetank', () => {
      const g = aGathering();
      spec
        .given([g.scheduled])
        .when(g.command.addItem())
        .then([
          {
            type: 'ProgrammeItemAdded',
            data: { gatheringId: g.gatheringId, itemId: 'item-1', title: 'Pitch van de Doetanks' },
          },
        ]);
    });

    it('refuses a programme item that spotlights an unknown Doetank', () => {
      const g = aGathering();
      const error = spec
        .given([g.scheduled])
        .when(g.command.addItem({ doetankId: 'doetank-404' }, { doetankExists: false }))
        .thenThrows('GATHERING.UNKNOWN_DOETANK');
      expect(error.category).toBe('not-found');
      expect(error.params).toEqual({ gatheringId: g.gatheringId, doetankId: 'doetank-404' });
    });

    it('does not decide on a Doetank whose existence the handler did not check', () => {
      const g = aGathering();
      const state = gatheringDecider.evolve(gatheringDecider.initialState, g.scheduled);
      expect(() => gatheringDecider.decide(g.command.addItem({ doetankId: 'doetank-7' }), state)).toThrow(
        CommandContextError,
      );
    });

    it('refuses a programme item id it already used', () => {
      const g = aGathering();
      spec
        .given([
          g.scheduled,
          {
            type: 'ProgrammeItemAdded',
            data: { gatheringId: g.gatheringId, itemId: 'item-1', title: 'Opening' },
          },
        ])
        .when(g.command.addItem())
        .thenThrows('GATHERING.DUPLICATE_PROGRAMME_ITEM');
    });

    it('records attendance on the day itself, late in the evening', () => {
      const g = aGathering();
      const state = spec
        .given([g.scheduled, g.registered(g.anna)])
        .when(g.command.recordHeld([g.anna]))
        .then([g.held]);
      expect(state).toMatchObject({ status: 'held', attendees: [g.anna] });
    });

    it('records attendance years later, including walk-ins who never registered', () => {
      const g = aGathering();
      spec
        .given([g.scheduled])
        .when(g.command.recordHeld([g.anna, g.bram], '2014-01-10T09:00:00.000Z'))
        .then([
          {
            type: 'GatheringHeld',
            data: {
              gatheringId: g.gatheringId,
              attendees: [g.anna, g.bram],
              heldOn: '2014-01-10T09:00:00.000Z',
            },
          },
        ]);
    });

    it('refuses attendees listed twice', () => {
      const g = aGathering();
      const error = spec
        .given([g.scheduled])
        .when(g.command.recordHeld([g.anna, g.bram, g.anna]))
        .thenThrows('GATHERING.DUPLICATE_ATTENDEES');
      expect(error.params).toEqual({ gatheringId: g.gatheringId, memberIds: [g.anna] });
    });

    it('refuses attendees who are not members, listing them', () => {
      const g = aGathering();
      const error = spec
        .given([g.scheduled])
        .when(
          g.command.recordHeld([g.anna, 'ghost-1', 'ghost-2'], '2012-11-22T23:00:00.000Z', [
            'ghost-1',
            'ghost-2',
          ]),
        )
        .thenThrows('GATHERING.UNKNOWN_ATTENDEES');
      expect(error.params).toEqual({ gatheringId: g.gatheringId, memberIds: ['ghost-1', 'ghost-2'] });
    });

    it('Given a Grand Café held on 22 November 2012, When an attendee joined the network in December, Then it is refused naming both times', () => {
      const g = aGathering();
      const heldOn = '2012-11-22T23:00:00.000Z';
      const joined = { [g.anna]: '2011-03-01T10:00:00.000Z', [g.bram]: '2012-12-01T10:00:00.000Z' };
      const error = spec
        .given([g.scheduled])
        .when(g.command.recordHeld([g.anna, g.bram], heldOn, [], joined))
        .thenThrows('BUSINESS_TIME.BEFORE_DEPENDENCY');
      expect(error.params).toEqual({
        command: 'RecordGatheringHeld',
        occurredAt: heldOn,
        dependency: `member ${g.bram} joined the network`,
        dependencyAt: '2012-12-01T10:00:00.000Z',
      });
      // Joined that same moment, or before: accepted.
      spec
        .given([g.scheduled])
        .when(g.command.recordHeld([g.anna, g.bram], heldOn, [], { ...joined, [g.bram]: heldOn }))
        .then([
          {
            type: 'GatheringHeld',
            data: { gatheringId: g.gatheringId, attendees: [g.anna, g.bram], heldOn },
          },
        ]);
    });

    it('refuses facts about other members than the attendees (a handler bug, not a 4xx)', () => {
      const g = aGathering();
      const command = g.command.recordHeld([g.anna, g.bram]);
      const swapped = { ...command, context: { attendees: [...command.context.attendees].reverse() } };
      expect(() => gatheringDecider.decide(swapped, fold(gatheringDecider, [g.scheduled]))).toThrow(
        CommandContextError,
      );
    });

    it('has no report before it was held', () => {
      const g = aGathering();
      const error = spec.given([g.scheduled]).when(g.command.report()).thenThrows('GATHERING.NOT_HELD');
      expect(error.params).toEqual({ gatheringId: g.gatheringId, status: 'scheduled' });
    });

    it('is cancelled with a reason', () => {
      const g = aGathering();
      spec.given([g.scheduled]).when(g.command.cancel()).then([g.cancelled]);
    });
  });

  describe('when held', () => {
    const heldGathering = () => {
      const g = aGathering();
      return { g, given: spec.given(g.history.held) };
    };

    it('refuses a registration', () => {
      const { g, given } = heldGathering();
      const error = given.when(g.command.register(g.bram)).thenThrows('GATHERING.CLOSED');
      expect(error.params).toEqual({ gatheringId: g.gatheringId, status: 'held' });
    });

    it.each<Refusal<Fixture, GatheringCommand>>([
      ['to cancel a registration', (g) => g.command.cancelRegistration(g.anna), 'GATHERING.CLOSED'],
      ['to record attendance again', (g) => g.command.recordHeld([g.bram]), 'GATHERING.ALREADY_HELD'],
      ['to be cancelled', (g) => g.command.cancel(), 'GATHERING.ALREADY_HELD'],
    ])(
      'refuses %s',
      refusedAfter(spec, aGathering, (g) => g.history.held),
    );

    it('records its report: text, links with makers, quotes with roles, guests; trimmed', () => {
      const { g, given } = heldGathering();
      const quotes = [
        { text: 'Een reis.', speaker: 'Lucas Lombaers', role: 'BZK' },
        { text: 'Ja.', speaker: 'Anna' },
      ];
      given
        .when(
          g.command.report({
            summary: '  Honderd vernieuwers. ',
            links: [{ title: 'Film', url: 'https://www.kl.nl/film', maker: ' Robin de Lange ' }],
            quotes,
            guests: 12,
          }),
        )
        .then([
          {
            type: 'GatheringReportRecorded',
            data: {
              gatheringId: g.gatheringId,
              summary: 'Honderd vernieuwers.',
              links: [{ title: 'Film', url: 'https://www.kl.nl/film', maker: 'Robin de Lange' }],
              quotes,
              guests: 12,
            },
          },
        ]);
    });

    it('refuses a report without text, or a quote without a speaker', () => {
      const { g, given } = heldGathering();
      given.when(g.command.report({ summary: ' ' })).thenThrows('GATHERING.REPORT_TEXT_REQUIRED');
      given
        .when(g.command.report({ quotes: [{ text: 'Ja.', speaker: '' }] }))
        .thenThrows('GATHERING.REPORT_TEXT_REQUIRED');
    });

    it('still takes programme items, for history recorded afterwards', () => {
      const { g, given } = heldGathering();
      given.when(g.command.addItem()).then([
        {
          type: 'ProgrammeItemAdded',
          data: { gatheringId: g.gatheringId, itemId: 'item-1', title: 'Pitch van de Doetanks' },
        },
      ]);
    });
  });

  describe('when cancelled', () => {
    it.each<Refusal<Fixture, GatheringCommand>>([
      ['a registration', (g) => g.command.register(g.bram), 'GATHERING.CLOSED'],
      ['to cancel a registration', (g) => g.command.cancelRegistration(g.anna), 'GATHERING.CLOSED'],
      ['a programme item', (g) => g.command.addItem(), 'GATHERING.ALREADY_CANCELLED'],
      ['attendance', (g) => g.command.recordHeld([g.anna]), 'GATHERING.ALREADY_CANCELLED'],
      ['to be cancelled twice', (g) => g.command.cancel(), 'GATHERING.ALREADY_CANCELLED'],
    ])(
      'refuses %s',
      refusedAfter(spec, aGathering, (g) => g.history.cancelled),
    );
  });
});
