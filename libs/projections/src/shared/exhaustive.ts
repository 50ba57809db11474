/**
 * The default of a switch over every event a projection handles: the compiler proves it unreachable (a new event
 * type in the union fails the build until it has its case). Only the events in `handles` reach `evolve`.
 */
export const unhandled = (value: never): never => value;
