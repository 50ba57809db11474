import type { DoetankEvent } from '@app/contracts';
import type { Actor } from '../shared/actor';
import { CommandContextError } from '../shared/command-context-error';
import { deciderSpec } from '../testing';
import type { DoetankCommand } from './doetank.commands';
import { doetankDecider } from './doetank.decider';
import { aDoetank } from '../testing/doetank-fixture';

const spec = deciderSpec(doetankDecider);

/**
 * "Only the proposer or the coach (or a coordinator) may assign a coach, secure a client, start, conclude or stop a
 * Doetank": decided by the decider on the state it decides the command on, with the sender the command carries.
 */
describe('Who may lead a Doetank', () => {
  type D = ReturnType<typeof aDoetank>;
  /**
   * The commands only its proposer or current coach (or a coordinator) may give, each on a history where the
   * lead's command succeeds, with the event it then records.
   */
  const LEAD_COMMANDS: [
    string,
    (d: D) => DoetankEvent[],
    (d: D, by: Actor) => DoetankCommand,
    (d: D) => DoetankEvent,
  ][] = [
    [
      'assign a coach',
      (d) => d.history.withCoach,
      (d, by) => d.command.assignCoach(d.otherCoach, 'active', by),
      (d) => ({
        type: 'CoachAssigned',
        data: { doetankId: d.doetankId, coachId: d.otherCoach, previousCoachId: d.coach },
      }),
    ],
    [
      'secure a client',
      (d) => d.history.withCoach,
      (d, by) => d.command.secureClient('Gemeente Zwolle', undefined, by),
      (d) => ({ type: 'ClientSecured', data: { doetankId: d.doetankId, organisation: 'Gemeente Zwolle' } }),
    ],
    [
      'start it',
      (d) => d.history.withCoach,
      (d, by) => d.command.start(by),
      (d) => ({ type: 'DoetankStarted', data: { doetankId: d.doetankId } }),
    ],
    [
      'conclude it',
      (d) => d.history.started,
      (d, by) => d.command.conclude(undefined, by),
      (d) => ({ type: 'DoetankConcluded', data: { doetankId: d.doetankId } }),
    ],
    [
      'stop it',
      (d) => d.history.withCoach,
      (d, by) => d.command.stop('Geen tijd', by),
      (d) => ({ type: 'DoetankStopped', data: { doetankId: d.doetankId, reason: 'Geen tijd' } }),
    ],
  ];
  const coordinator: Actor = { memberId: 'coordinator-1', actsAsCoordinator: true };

  /** Who may give them: its proposer, its current coach, and a coordinator who is neither. */
  const LEADS: [string, (d: D) => Actor][] = [
    ['its proposer', (d) => d.asMember(d.proposer)],
    ['its coach', (d) => d.asMember(d.coach)],
    ['a coordinator, who neither proposed nor coaches it,', () => coordinator],
  ];

  it.each(
    LEADS.flatMap(([who, sender]) =>
      LEAD_COMMANDS.map(
        ([what, history, command, event]) => [who, what, sender, history, command, event] as const,
      ),
    ),
  )('lets %s %s', (_who, _what, sender, history, command, event) => {
    const d = aDoetank();
    spec
      .given(history(d))
      .when(command(d, sender(d)))
      .then([event(d)]);
  });

  it.each(LEAD_COMMANDS)('refuses another member who tries to %s', (_what, history, command) => {
    const d = aDoetank();
    const error = spec
      .given(history(d))
      .when(command(d, d.asMember(d.outsider)))
      .thenThrows('AUTH.NOT_DOETANK_LEAD');
    expect(error.category).toBe('not-allowed');
    expect(error.params).toEqual({ doetankId: d.doetankId, memberId: d.outsider });
  });

  it.each(LEAD_COMMANDS)(
    'refuses a member of it who is neither its proposer nor its coach to %s',
    (_what, history, command) => {
      const d = aDoetank();
      spec
        .given([
          ...history(d),
          { type: 'MemberJoinedDoetank', data: { doetankId: d.doetankId, memberId: d.outsider } },
        ])
        .when(command(d, d.asMember(d.outsider)))
        .thenThrows('AUTH.NOT_DOETANK_LEAD');
    },
  );

  it.each(LEAD_COMMANDS)('refuses its former coach, once replaced, to %s', (_what, history, command) => {
    const d = aDoetank();
    const replaced: DoetankEvent = {
      type: 'CoachAssigned',
      data: { doetankId: d.doetankId, coachId: d.member, previousCoachId: d.coach },
    };
    spec
      .given([...history(d), replaced])
      .when(command(d, d.asMember(d.coach)))
      .thenThrows('AUTH.NOT_DOETANK_LEAD');
  });

  it.each(LEAD_COMMANDS)(
    'refuses to %s on a Doetank that does not exist yet, as unknown, whoever sends it',
    (_what, _history, command) => {
      const d = aDoetank();
      // Nobody leads a Doetank before it is proposed: the command is refused on that state, and a proposal
      // that comes in between is a new state to decide on (the append expects the revision decided on).
      spec
        .given([])
        .when(command(d, d.asMember(d.outsider)))
        .thenThrows('DOETANK.NOT_FOUND');
      spec.given([]).when(command(d, coordinator)).thenThrows('DOETANK.NOT_FOUND');
    },
  );

  it.each(LEAD_COMMANDS)(
    'refuses another member to %s before any other rule is looked at',
    (_what, _history, command) => {
      const d = aDoetank();
      spec
        .given(d.history.stopped)
        .when(command(d, d.asMember(d.outsider)))
        .thenThrows('AUTH.NOT_DOETANK_LEAD');
    },
  );

  it('refuses a command that does not say who sends it, as a bug of its handler', () => {
    const d = aDoetank();
    const withCoach = d.history.withCoach.reduce(doetankDecider.evolve, doetankDecider.initialState);
    const withoutActor = { type: 'StartDoetank', data: { doetankId: d.doetankId } } as DoetankCommand;
    expect(() => doetankDecider.decide(withoutActor, withCoach)).toThrow(CommandContextError);
  });
});
