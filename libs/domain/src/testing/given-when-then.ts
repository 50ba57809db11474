import type { Decider } from '../shared/decider';
import type { DomainError } from '../shared/domain-error';

/** Any domain error class, whatever its constructor takes. */
export type DomainErrorClass<E extends DomainError = DomainError> = abstract new (...args: never[]) => E;

/** The outcome half of a spec: assert the events a command produces, or the error it is refused with. */
export interface Then<Event, State> {
  /** Asserts the events `decide` returns (in order) and returns the state after applying them. */
  then(expected: Event[]): State;
  /**
   * Asserts that `decide` throws an instance of `errorClass` (and, if given, with that stable `code`), and
   * returns the error for further assertions on its `details`.
   */
  thenThrows<E extends DomainError>(errorClass: DomainErrorClass<E>, code?: string): E;
}

export interface When<Command, Event, State> {
  when(command: Command): Then<Event, State>;
}

export interface DeciderSpec<Command, Event, State> {
  /** The history of the stream, oldest first; `[]` for a new stream. */
  given(events: Event[]): When<Command, Event, State>;
}

/**
 * Given/When/Then for a decider, on jest's `expect`:
 *
 * ```ts
 * const spec = deciderSpec(doetankDecider);
 * spec.given([proposed]).when(startDoetank).thenThrows(DoetankHasNoCoachError, 'DOETANK.NO_COACH');
 * ```
 *
 * `then` also folds the produced events, so every event a decider emits is proven to be evolvable.
 */
export const deciderSpec = <Command, Event, State>(
  decider: Decider<Command, Event, State>,
): DeciderSpec<Command, Event, State> => ({
  given: (history) => ({
    when: (command) => {
      const stateBefore = history.reduce(decider.evolve, decider.initialState);
      const run = (): { events: Event[] } | { error: unknown } => {
        try {
          return { events: decider.decide(command, stateBefore) };
        } catch (error) {
          return { error };
        }
      };
      return {
        then: (expected) => {
          const outcome = run();
          if ('error' in outcome) throw outcome.error;
          expect(outcome.events).toEqual(expected);
          return outcome.events.reduce(decider.evolve, stateBefore);
        },
        thenThrows: <E extends DomainError>(errorClass: DomainErrorClass<E>, code?: string): E => {
          const outcome = run();
          if (!('error' in outcome)) {
            throw new Error(
              `Expected ${errorClass.name}${code ? ` (${code})` : ''}, but decide returned ${JSON.stringify(outcome.events)}`,
            );
          }
          expect(outcome.error).toBeInstanceOf(errorClass);
          const error = outcome.error as E;
          if (code !== undefined) expect(error.code).toBe(code);
          return error;
        },
      };
    },
  }),
});
