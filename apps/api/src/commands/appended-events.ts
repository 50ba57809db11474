/**
 * Told of the events each command appended, after the append (the api's metrics count them by type). Optional: a
 * CommandRunner without one (a CLI's) tells nobody. The metrics depend on the commands, not the other way round.
 */
export interface AppendedEventsListener {
  appended(events: readonly { type: string }[]): void;
}

export const APPENDED_EVENTS_LISTENER = Symbol('APPENDED_EVENTS_LISTENER');
