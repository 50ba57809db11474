import { clockOf, decideInTime, type Timed } from '../shared/business-time';
import { fold, type Decider } from '../shared/decider';
import { DomainError } from '../shared/domain-error';
import type { DomainErrorCode } from '../domain-errors';

/** The outcome half of a spec: assert the events a command produces, or the refusal it gets. */
export interface Then<Event, State> {
  /** Asserts the events `decide` returns (in order) and returns the state after applying them. */
  then(expected: Event[]): State;
  /**
   * Asserts that `decide` refuses the command with the domain error `code` (so with its category and its HTTP
   * status), and returns the error for further assertions on its `params`.
   */
  thenThrows<Code extends DomainErrorCode>(code: Code): DomainError<Code>;
}

export interface When<Command, Event, State> {
  /** A command with an `occurredAt` is also held to the stream's business time (as the write path holds it). */
  when(command: Timed<Command>): Then<Event, State>;
}

export interface DeciderSpec<Command, Event, State> {
  /** The history of the stream, oldest first; `[]` for a new stream. Events may carry their `occurredAt`. */
  given(events: Timed<Event>[]): When<Command, Event, State>;
}

/**
 * Given/When/Then for a decider, on jest's `expect`:
 *
 * ```ts
 * const spec = deciderSpec(doetankDecider);
 * spec.given([proposed]).when(startDoetank).thenThrows('DOETANK.NO_COACH');
 * ```
 *
 * `then` also folds the produced events, so every event a decider emits is proven to be evolvable.
 */
export const deciderSpec = <Command, Event, State>(
  decider: Decider<Command, Event, State>,
): DeciderSpec<Command, Event, State> => ({
  given: (history) => ({
    when: (command) => {
      const stateBefore = fold(decider, history);
      const clock = clockOf(history as unknown as Parameters<typeof clockOf>[0]);
      const run = (): { events: Event[] } | { error: unknown } => {
        try {
          return { events: decideInTime(decider, command, stateBefore, clock) };
        } catch (error) {
          return { error };
        }
      };
      return {
        then: (expected) => {
          const outcome = run();
          if ('error' in outcome) throw outcome.error;
          expect(outcome.events).toEqual(expected);
          return fold(decider, outcome.events, stateBefore);
        },
        thenThrows: <Code extends DomainErrorCode>(code: Code): DomainError<Code> => {
          const outcome = run();
          if (!('error' in outcome)) {
            throw new Error(`Expected ${code}, but decide returned ${JSON.stringify(outcome.events)}`);
          }
          // Anything else (a CommandContextError, a TypeError) is a bug, not a refusal: let it fail the spec as is.
          if (!(outcome.error instanceof DomainError)) throw outcome.error;
          expect(outcome.error.code).toBe(code);
          return outcome.error as DomainError<Code>;
        },
      };
    },
  }),
});

/** A row of a table of refusals: what is refused (the test's name), the command, and the code it gets. */
export type Refusal<Fixture, Command> = [
  what: string,
  command: (fixture: Fixture) => Timed<Command>,
  code: DomainErrorCode,
];

/**
 * The test of a table of refusals, for `it.each`: each row's command, made from a fresh `fixture()`, is refused
 * after the history `given` picks from the same fixture.
 *
 * ```ts
 * it.each<Refusal<Fixture, DoetankCommand>>([
 *   ['a lesson without text', (d) => d.command.recordLesson(d.member, 'lesson-2', ' '), 'DOETANK.LESSON_REQUIRED'],
 * ])('refuses %s', refusedAfter(spec, aDoetank, (d) => d.history.started));
 * ```
 */
export const refusedAfter =
  <Fixture, Command, Event, State>(
    spec: DeciderSpec<Command, Event, State>,
    fixture: () => Fixture,
    given: (fixture: Fixture) => Timed<Event>[],
  ) =>
  (_what: string, command: (fixture: Fixture) => Timed<Command>, code: DomainErrorCode): void => {
    const made = fixture();
    spec.given(given(made)).when(command(made)).thenThrows(code);
  };
