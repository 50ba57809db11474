import { RuleViolationError } from '../shared/domain-error';
import type { Decider } from '../shared/decider';
import { deciderSpec } from './given-when-then';

/** A counter that refuses to go above two: just enough decider to test the helper against. */
type Command = { type: 'Increment' };
type Event = { type: 'Incremented' };
class TooHighError extends RuleViolationError {
  constructor() {
    super('COUNTER.TOO_HIGH', 'The counter does not go above two');
  }
}
const counter: Decider<Command, Event, number> = {
  decide: (_command, state) => {
    if (state >= 2) throw new TooHighError();
    return [{ type: 'Incremented' }];
  },
  evolve: (state) => state + 1,
  initialState: 0,
};
const spec = deciderSpec(counter);
const increment: Command = { type: 'Increment' };
const incremented: Event = { type: 'Incremented' };

describe('deciderSpec', () => {
  it('passes when the decider returns the expected events, and returns the state after them', () => {
    expect(spec.given([incremented]).when(increment).then([incremented])).toBe(2);
  });

  it('fails when the decider returns other events', () => {
    expect(() => spec.given([]).when(increment).then([])).toThrow();
  });

  it('rethrows an unexpected refusal from then', () => {
    expect(() => spec.given([incremented, incremented]).when(increment).then([incremented])).toThrow(
      TooHighError,
    );
  });

  it('returns the expected error with its code', () => {
    const error = spec
      .given([incremented, incremented])
      .when(increment)
      .thenThrows(TooHighError, 'COUNTER.TOO_HIGH');
    expect(error.category).toBe('rule');
  });

  it('fails when the error has another code', () => {
    expect(() =>
      spec.given([incremented, incremented]).when(increment).thenThrows(TooHighError, 'COUNTER.OTHER'),
    ).toThrow();
  });

  it('fails when the decider does not refuse', () => {
    expect(() => spec.given([]).when(increment).thenThrows(TooHighError)).toThrow(/but decide returned/);
  });
});
