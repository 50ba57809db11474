import { domainError } from '../domain-errors';
import type { Decider } from '../shared/decider';
import { deciderSpec } from './given-when-then';

/** A counter that holds two at most, like a gathering with two places: just enough decider to test the helper. */
type Command = { type: 'Increment' };
type Event = { type: 'Incremented' };
const counter: Decider<Command, Event, number> = {
  decide: (_command, state) => {
    if (state >= 2) throw domainError('GATHERING.FULL', { gatheringId: 'counter', capacity: 2 });
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
      'Gathering counter is full (capacity 2)',
    );
  });

  it('returns the refusal with its code, category and params', () => {
    const error = spec.given([incremented, incremented]).when(increment).thenThrows('GATHERING.FULL');
    expect(error.category).toBe('rule');
    expect(error.params).toEqual({ gatheringId: 'counter', capacity: 2 });
  });

  it('fails when the refusal has another code', () => {
    expect(() =>
      spec.given([incremented, incremented]).when(increment).thenThrows('GATHERING.CLOSED'),
    ).toThrow();
  });

  it('fails when the decider does not refuse', () => {
    expect(() => spec.given([]).when(increment).thenThrows('GATHERING.FULL')).toThrow(/but decide returned/);
  });

  it('fails with the error itself when the decider throws something that is no refusal', () => {
    const broken = deciderSpec<Command, Event, number>({
      ...counter,
      decide: () => {
        throw new TypeError('a bug');
      },
    });
    expect(() => broken.given([]).when(increment).thenThrows('GATHERING.FULL')).toThrow(TypeError);
  });
});
