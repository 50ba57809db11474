import fc from 'fast-check';
import type { DoetankEvent, NetworkEvent } from '@app/contracts';
import {
  clockOf,
  decideInTime,
  doetankDecider,
  gatheringDecider,
  isDomainError,
  memberDecider,
  memberActingIn,
  memberFacts,
  membersActingIn,
  type Decider,
  type DoetankCommand,
  type DoetankState,
  type GatheringCommand,
  type GatheringState,
  type MemberCommand,
  type MemberState,
  type StreamClock,
  type Timed,
} from '@app/domain';
import type { ProjectionEvent } from '../../projection';
import { projectionEvent } from '../../testing/projection-spec';

/**
 * Random dated command sequences through the deciders, as the write path decides them (the stream's business
 * time, the members' join times, corrections of recorded business times), for the retrospectives' property tests:
 * what is accepted is what the projection gets. `FUZZ_SEED` replays a failure, `FUZZ_RUNS` sets the runs.
 */
export const SEED = process.env.FUZZ_SEED === undefined ? undefined : Number(process.env.FUZZ_SEED);
export const RUNS = Number(process.env.FUZZ_RUNS ?? 150);

const MEMBERS = ['m-0', 'm-1', 'm-2', 'm-3'];
const DOETANKS = ['d-0', 'd-1'];
const GATHERINGS = ['g-0', 'g-1', 'g-2'];
export const FIRST_YEAR = 2005;
export const LAST_YEAR = 2012;
/** When the corrections are made: long after (a correction's own time counts nowhere). */
const CORRECTED_AT = '2026-01-05T10:00:00.000Z';

/** A day between 2005 and 2012, as a normalised business time. */
export const day = fc
  .integer({ min: 0, max: (LAST_YEAR - FIRST_YEAR + 1) * 365 - 1 })
  .map((n) => new Date(Date.UTC(FIRST_YEAR, 0, 1 + n, 10)).toISOString());

export type Step =
  | { kind: 'join' | 'leave'; member: number; at: string }
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

/** Weighted so that Doetanks get as far as results and lessons, and gatherings as far as being held. */
const step: fc.Arbitrary<Step> = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constantFrom('join', 'join', 'leave'),
      member: fc.nat(MEMBERS.length - 1),
      at: day,
    }),
  },
  // Gatherings scheduled, held by some of the members and their holdings corrected (as the Doetanks' events are).
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('schedule'),
      gathering: fc.nat(GATHERINGS.length - 1),
      at: day,
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('hold'),
      gathering: fc.nat(GATHERINGS.length - 1),
      attendees: fc.integer({ min: 1, max: 2 ** MEMBERS.length - 1 }),
      at: day,
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('correctHolding'),
      gathering: fc.nat(GATHERINGS.length - 1),
      at: day,
      within: fc.option(fc.nat(1000), { freq: 4 }).map((n) => n ?? undefined),
    }),
  },
  // A coordinator correcting the business time of one of a Doetank's events: most often to a time between its
  // neighbours in the stream (`within`, per mille of that span), else to any day (mostly refused: out of order).
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('correct'),
      doetank: fc.nat(DOETANKS.length - 1),
      revision: fc.nat(12),
      at: day,
      within: fc.option(fc.nat(1000), { freq: 4 }).map((n) => n ?? undefined),
    }),
  },
  {
    weight: 6,
    arbitrary: fc.record({
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
  },
) as fc.Arbitrary<Step>;

/**
 * A sequence of steps long enough for Doetanks to be proposed, run and corrected: short ones (fast-check's default
 * size) rarely got past their members joining.
 */
/** The steps in the order of their days (a copy). */
export const byDay = (steps: readonly Step[]): Step[] =>
  [...steps].sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));

export const sequence = fc
  .tuple(fc.array(step, { minLength: 20, maxLength: 60, size: 'max' }), fc.nat(3))
  // Most in the order of their days (so Doetanks get as far as results and gatherings are held; corrections and
  // the random rest still record times out of order), a quarter in any order.
  .map(([steps, order]) => (order === 0 ? steps : byDay(steps)));

export interface Stream<State> {
  state: State;
  events: Timed<NetworkEvent>[];
  /** The stored events' ids, by revision. */
  ids: string[];
}

/** A correction's new time: within the span between the event's neighbours on the clock, or `at` itself. */
const between = (
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

/** The write path in miniature: fold the stream, decide in time, keep what was accepted. */
export const run = (steps: readonly Step[]) => {
  const members = new Map<string, Stream<MemberState>>();
  const doetanks = new Map<string, Stream<DoetankState>>();
  const gatherings = new Map<string, Stream<GatheringState>>();
  const written: ProjectionEvent[] = [];
  const streamOf = <S>(map: Map<string, Stream<S>>, id: string, initial: S) => {
    if (!map.has(id)) map.set(id, { state: initial, events: [], ids: [] });
    return map.get(id)!;
  };
  const decide = <C, S>(
    decider: Decider<C, NetworkEvent, S>,
    stream: Stream<S>,
    streamId: string,
    command: Timed<C>,
  ) => {
    try {
      const events = decideInTime(decider, command, stream.state, clockOf(stream.events));
      for (const event of events) {
        const dated = { ...event, occurredAt: command.occurredAt };
        stream.state = decider.evolve(stream.state, dated);
        const revision = stream.events.length;
        stream.events.push(dated);
        const recorded = projectionEvent(event.type, event.data as never, {
          occurredAt: command.occurredAt!,
          position: written.length + 1,
          streamId,
          revision,
        });
        stream.ids.push(recorded.id);
        written.push(recorded);
      }
    } catch (error) {
      if (!isDomainError(error)) throw error;
    }
  };
  const facts = (memberId: string) =>
    memberFacts(memberId, members.get(memberId)?.state ?? memberDecider.initialState);
  /** The members active and joined by `at`, else every member (most of whose steps are then refused). */
  const around = (at: string): readonly string[] => {
    const present = MEMBERS.filter((m) => (facts(m).joinedAt ?? at) < at || facts(m).joinedAt === at);
    return present.length > 0 ? present : MEMBERS;
  };

  for (const s of steps) {
    if ('gathering' in s) {
      const gatheringId = GATHERINGS[s.gathering];
      const stream = streamOf(gatherings, gatheringId, gatheringDecider.initialState);
      const command = gatheringCommand(s, gatheringId, stream, facts, around(s.at));
      if (command) decide(gatheringDecider, stream, `gathering-${gatheringId}`, command);
      continue;
    }
    if (!('doetank' in s)) {
      const memberId = MEMBERS[s.member];
      const stream = streamOf(members, memberId, memberDecider.initialState);
      const command: MemberCommand =
        s.kind === 'join'
          ? {
              type: 'JoinNetwork',
              data: {
                memberId,
                personal: { name: `Lid ${memberId}`, email: `${memberId}@example.nl` },
                organisation: 'Gemeente Utrecht',
                sector: 'gemeente',
                role: 'professional',
              },
            }
          : { type: 'LeaveNetwork', data: { memberId } };
      decide(memberDecider, stream, `member-${memberId}`, { ...command, occurredAt: s.at });
      continue;
    }
    const doetankId = DOETANKS[s.doetank];
    const stream = streamOf(doetanks, doetankId, doetankDecider.initialState);
    const { kind } = s;
    if (kind === 'correct') {
      const clock = clockOf(stream.events);
      // Half of them a result or lesson (what the year's lists hold), when there is one.
      const listed = clock.filter((e) => e.type === 'ResultShared' || e.type === 'LessonRecorded');
      const pool = s.revision % 2 === 0 && listed.length > 0 ? listed : clock;
      const revision =
        s.within === undefined ? s.revision : pool[s.revision % Math.max(1, pool.length)]?.revision;
      const corrected =
        revision === undefined ? undefined : { id: stream.ids[revision], ...stream.events[revision] };
      const command: DoetankCommand = {
        type: 'CorrectBusinessTime',
        data: {
          doetankId,
          revision: revision ?? 0,
          correctedTo: between(clock, revision, s),
          reason: 'Notulen',
        },
        context: {
          clock,
          corrected,
          ...(corrected && memberActingIn(corrected) && { member: facts(memberActingIn(corrected)!) }),
        },
      };
      decide(doetankDecider, stream, `doetank-${doetankId}`, { ...command, occurredAt: CORRECTED_AT });
      continue;
    }
    const present = around(s.at);
    const memberId = present[s.member % present.length];
    const lead = stream.state.status === 'none' ? memberId : stream.state.proposedBy;
    // Results and lessons mostly by one of the Doetank's members (anyone else is refused).
    const team = stream.state.status === 'none' ? [] : stream.state.members;
    const insider = team.length > 0 && s.member % 4 !== 0 ? team[s.member % team.length] : memberId;
    const actor = { memberId: lead, actsAsCoordinator: false };
    const commands: Record<Exclude<typeof kind, 'correct'>, DoetankCommand> = {
      propose: {
        type: 'ProposeDoetank',
        data: { doetankId, title: 'T', problemStatement: 'P', proposedBy: memberId },
        context: { proposer: facts(memberId) },
      },
      coach: {
        type: 'AssignCoach',
        data: { doetankId, coachId: memberId },
        actor,
        context: { coach: facts(memberId) },
      },
      start: { type: 'StartDoetank', data: { doetankId }, actor },
      enter: { type: 'JoinDoetank', data: { doetankId, memberId }, context: { member: facts(memberId) } },
      share: {
        type: 'ShareResult',
        data: { doetankId, resultId: `r-${written.length}`, kind: 'report', title: 'R', sharedBy: insider },
        context: { actor: facts(insider) },
      },
      learn: {
        type: 'RecordLesson',
        data: { doetankId, lessonId: `l-${written.length}`, lesson: 'Begin klein', recordedBy: insider },
        context: { actor: facts(insider) },
      },
      conclude: { type: 'ConcludeDoetank', data: { doetankId }, actor },
      stop: { type: 'StopDoetank', data: { doetankId, reason: 'geen opdrachtgever' }, actor },
    };
    decide(doetankDecider, stream, `doetank-${doetankId}`, { ...commands[kind], occurredAt: s.at });
  }
  return { written, doetanks, gatherings };
};

/** A gathering's command of a step, with the context the write path gives it. */
const gatheringCommand = (
  s: Extract<Step, { gathering: number }>,
  gatheringId: string,
  stream: Stream<GatheringState>,
  facts: (memberId: string) => ReturnType<typeof memberFacts>,
  present: readonly string[],
): Timed<GatheringCommand> | undefined => {
  if (s.kind === 'schedule') {
    const data = {
      gatheringId,
      kind: 'cafe' as const,
      title: 'Café',
      startsAt: s.at,
      venue: 'Pakhuis',
      capacity: 40,
    };
    return { type: 'ScheduleGathering', data, occurredAt: s.at };
  }
  if (s.kind === 'hold') {
    const chosen = present.filter((_, bit) => (s.attendees >> bit) & 1);
    const attendees = chosen.length > 0 ? chosen : [...present];
    const data = { gatheringId, attendees, heldOn: s.at };
    return {
      type: 'RecordGatheringHeld',
      data,
      context: { attendees: attendees.map(facts) },
      occurredAt: s.at,
    };
  }
  const clock = clockOf(stream.events);
  // Only a holding is corrected here (nothing to correct before one: the write path answers 404).
  const held = clock.find((entry) => entry.type === 'GatheringHeld');
  if (held === undefined) return undefined;
  const { revision } = held;
  const corrected = { id: stream.ids[revision], ...stream.events[revision] };
  return {
    type: 'CorrectGatheringBusinessTime',
    data: { gatheringId, revision, correctedTo: between(clock, revision, s), reason: 'Notulen' },
    context: { clock, corrected, members: membersActingIn(corrected).map(facts) },
    occurredAt: CORRECTED_AT,
  };
};

/** Every number in a figure tree. */
export const numbers = (value: unknown, path = ''): { path: string; value: number }[] => {
  if (typeof value === 'number') return [{ path, value }];
  if (Array.isArray(value)) return value.flatMap((v, i) => numbers(v, `${path}[${i}]`));
  if (value && typeof value === 'object')
    return Object.entries(value).flatMap(([k, v]) => numbers(v, path ? `${path}.${k}` : k));
  return [];
};

/**
 * A stream's events at their business times as corrected, without the corrections (facts about the record): what
 * the state endpoint folds and what the retrospectives must count.
 */
export const asCorrected = <E extends NetworkEvent = DoetankEvent>(stream: Stream<unknown>): Timed<E>[] =>
  clockOf(stream.events).map(({ revision, occurredAt }) => ({
    ...(stream.events[revision] as Timed<E>),
    occurredAt,
  }));

/** Before, by business time then id: the order of the year's lists (and of first attendances). */
export const earlier = (a: { at: string; id: string }, b: { at: string; id: string }) =>
  a.at < b.at || (a.at === b.at && a.id < b.id);
export const inOrder = <T extends { at: string; id: string }>(list: T[]): T[] =>
  list.sort((a, b) => (earlier(a, b) ? -1 : earlier(b, a) ? 1 : 0));
