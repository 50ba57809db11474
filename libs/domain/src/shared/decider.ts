/**
 * A decider (Jérémie Chassaing's pattern, as in Emmett): pure functions from a command and the current state to
 * the events that should happen, and from a state and an event to the next state. No I/O, no clock, no random
 * ids: time and ids arrive in the command.
 */
export interface Decider<Command, Event, State> {
  decide(command: Command, state: State): Event[];
  evolve(state: State, event: Event): State;
  initialState: State;
  /**
   * The stream's events are bookkeeping rather than facts of the network (the e-mail claims that keep addresses
   * unique): they need not follow one another in business time.
   */
  unordered?: true;
}

/** A command that records what it says: its `data` are those of the event it records. */
export interface Recording<Type extends string, Of extends { data: unknown }> {
  type: Type;
  data: Of['data'];
}

/**
 * The decider made of `decide`, `evolve` and the initial state. The command, event and state types are read from
 * the functions' signatures, so an aggregate states them once, where it defines the functions.
 */
export const decider = <Command, Event, State>(
  decide: Decider<Command, Event, State>['decide'],
  evolve: Decider<Command, Event, State>['evolve'],
  initialState: State,
  options: Pick<Decider<Command, Event, State>, 'unordered'> = {},
): Decider<Command, Event, State> => ({ decide, evolve, initialState, ...options });

/** Folds events over a state: the decider's initial state unless `from` is given (a cached state, say). */
export const fold = <Event, State>(
  decider: Pick<Decider<unknown, Event, State>, 'evolve' | 'initialState'>,
  events: Iterable<Event>,
  from: State = decider.initialState,
): State => {
  let state = from;
  for (const event of events) state = decider.evolve(state, event);
  return state;
};

/** For exhaustive switches: the compiler proves this is unreachable. */
export const assertNever = (value: never): never => {
  throw new Error(`Unhandled case: ${JSON.stringify(value)}`);
};
