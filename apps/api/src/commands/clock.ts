/** The app's clock, injectable so tests can fix time. The domain never reads a clock. */
export const CLOCK = Symbol('CLOCK');

export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };
