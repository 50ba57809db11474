import fc from 'fast-check';
import type { NetworkEvent } from '@app/contracts';
import type { StreamClock, Timed } from '@app/domain';

/**
 * The random dated steps of the retrospectives' property tests (members, Doetanks, gatherings and corrections of
 * their business times), which testing/dated-commands.ts decides as the write path does. `FUZZ_SEED` replays a
 * failure, `FUZZ_RUNS` sets the runs.
 */
export const SEED = process.env.FUZZ_SEED === undefined ? undefined : Number(process.env.FUZZ_SEED);
export const RUNS = Number(process.env.FUZZ_RUNS ?? 150);

export const MEMBERS = ['m-0', 'm-1', 'm-2', 'm-3'];
export const DOETANKS = ['d-0', 'd-1'];
export const GATHERINGS = ['g-0', 'g-1', 'g-2'];
export const FIRST_YEAR = 2005;
export const LAST_YEAR = 2012;
/** When the corrections are made: long after (a correction's own time counts nowhere). */
export const CORRECTED_AT = '2026-01-05T10:00:00.000Z';

/** A day between 2005 and 2012, as a normalised business time. */
export const day = fc
  .integer({ min: 0, max: (LAST_YEAR - FIRST_YEAR + 1) * 365 - 1 })
  .map((n) => new Date(Date.UTC(FIRST_YEAR, 0, 1 + n, 10)).toISOString());

export type Step =
  | { kind: 'join' | 'leave' | 'move'; member: number; at: string }
  | { kind: 'correctMember'; member: number; revision: number; at: string; within?: number }
  | { kind: 'schedule'; gathering: number; at: string }
  /** `attendees`: a bit per member. */
  | { kind: 'hold'; gathering: number; attendees: number; at: string }
  | { kind: 'correctHolding'; gathering: number; at: string; within?: number }
  | { kind: 'correct'; doetank: number; revision: number; at: string; within?: number }
  | {
      kind: 'propose' | 'coach' | 'start' | 'enter' | 'share' | 'learn' | 'conclude' | 'stop';
      doetank: number;
      member: number;
      at: string;
    };

/** A step on a member's own stream. */
export type MemberStep = Exclude<Step, { doetank: number } | { gathering: number }>;

/** To when a correction corrects (`between`): most often within its neighbours (per mille), else to `at`. */
const within = fc.option(fc.nat(1000), { freq: 4 }).map((n) => n ?? undefined);
/** Which revision a correction corrects (see `correctedRevision`), and to when. */
const correction = { revision: fc.nat(12), at: day, within };

/** An entry of `fc.oneof`: a step of these fields, `weight` times as likely as one of weight 1. */
const weighted = <T>(weight: number, fields: { [K in keyof T]: fc.Arbitrary<T[K]> }) => ({
  weight,
  arbitrary: fc.record(fields),
});

/** Weighted so that Doetanks get as far as results and lessons, and gatherings as far as being held. */
const step: fc.Arbitrary<Step> = fc.oneof(
  // Members join, leave and move (to the province and back).
  weighted(4, {
    kind: fc.constantFrom('join', 'join', 'leave', 'move'),
    member: fc.nat(MEMBERS.length - 1),
    at: day,
  }),
  // A coordinator correcting the business time of one of a member's events (as of a Doetank's, below).
  weighted(2, {
    kind: fc.constant('correctMember'),
    member: fc.nat(MEMBERS.length - 1),
    ...correction,
  }),
  // Gatherings scheduled, held by some of the members and their holdings corrected (as the Doetanks' events are).
  weighted(1, {
    kind: fc.constant('schedule'),
    gathering: fc.nat(GATHERINGS.length - 1),
    at: day,
  }),
  weighted(1, {
    kind: fc.constant('hold'),
    gathering: fc.nat(GATHERINGS.length - 1),
    attendees: fc.integer({ min: 1, max: 2 ** MEMBERS.length - 1 }),
    at: day,
  }),
  weighted(1, {
    kind: fc.constant('correctHolding'),
    gathering: fc.nat(GATHERINGS.length - 1),
    at: day,
    within,
  }),
  // A coordinator correcting the business time of one of a Doetank's events: most often to a time between its
  // neighbours in the stream (`within`, per mille of that span), else to any day (mostly refused: out of order).
  weighted(3, {
    kind: fc.constant('correct'),
    doetank: fc.nat(DOETANKS.length - 1),
    ...correction,
  }),
  weighted(6, {
    // Weighted so that a Doetank often gets started and shares before it ends.
    kind: fc.constantFrom(
      ...([
        'propose',
        'coach',
        'coach',
        'start',
        'start',
        'enter',
        'share',
        'share',
        'learn',
        'learn',
      ] as const),
      ...(['conclude', 'stop'] as const),
    ),
    doetank: fc.nat(DOETANKS.length - 1),
    member: fc.nat(7),
    at: day,
  }),
) as fc.Arbitrary<Step>;

/** The steps in the order of their days (a copy). */
export const byDay = (steps: readonly Step[]): Step[] =>
  [...steps].sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));

/**
 * A sequence of steps long enough for Doetanks to be proposed, run and corrected: short ones (fast-check's default
 * size) rarely got past their members joining.
 */
export const sequence = fc
  .tuple(fc.array(step, { minLength: 20, maxLength: 60, size: 'max' }), fc.nat(3))
  // Most in the order of their days (so Doetanks get as far as results and gatherings are held; corrections and
  // the random rest still record times out of order), a quarter in any order.
  .map(([steps, order]) => (order === 0 ? steps : byDay(steps)));

/** A stream as the steps are decided on it: its state and its events as recorded. */
export interface Stream<State> {
  state: State;
  events: Timed<NetworkEvent>[];
  /** The stored events' ids, by revision. */
  ids: string[];
}

/** A correction's new time: within the span between the event's neighbours on the clock, or `at` itself. */
export const between = (
  clock: StreamClock,
  revision: number | undefined,
  s: { at: string; within?: number },
): string => {
  const index = clock.findIndex((entry) => entry.revision === revision);
  if (s.within === undefined || index < 0) return s.at;
  const from = Date.parse(clock[index - 1]?.occurredAt ?? `${FIRST_YEAR}-01-01T00:00:00.000Z`);
  const to = Date.parse(clock[index + 1]?.occurredAt ?? `${LAST_YEAR}-12-31T00:00:00.000Z`);
  return new Date(from + Math.floor(((to - from) * s.within) / 1000)).toISOString();
};

/**
 * The revision a correction step corrects: any (mostly refused), or one of `entries` (the clock, or some of it)
 * when it has a `within`.
 */
export const correctedRevision = (entries: StreamClock, s: { revision: number; within?: number }) =>
  s.within === undefined ? s.revision : entries[s.revision % Math.max(1, entries.length)]?.revision;
