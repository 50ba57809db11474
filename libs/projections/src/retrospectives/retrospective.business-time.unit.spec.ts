import fc from 'fast-check';
import type { DoetankEvent, GatheringEvent, NetworkEvent } from '@app/contracts';
import {
  clockOf,
  decideInTime,
  doetankDecider,
  fold,
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
import type { ProjectionEvent } from '../projection';
import { projectionEvent } from '../testing/projection-spec';
import { projectRetrospectives, yearDocuments } from './testing/retrospective-history';
import { assembleRetrospective } from './retrospective.assemble';

/**
 * Random dated command sequences through the deciders, as the write path decides them (the stream's business
 * time, the members' join times, corrections of recorded business times), and the accepted events through the
 * retrospectives projection: no figure below zero in any year, each Doetank figure counted in the year of its
 * event's business time as corrected, and the state at any moment (`state?at=`) is the fold of a prefix of the
 * stream, so it never says "none" after the Doetank was proposed nor skips a step. `FUZZ_SEED` replays a failure.
 */
const SEED = process.env.FUZZ_SEED === undefined ? undefined : Number(process.env.FUZZ_SEED);
const RUNS = Number(process.env.FUZZ_RUNS ?? 150);

const MEMBERS = ['m-0', 'm-1', 'm-2', 'm-3'];
const DOETANKS = ['d-0', 'd-1'];
const GATHERINGS = ['g-0', 'g-1', 'g-2'];
const FIRST_YEAR = 2005;
const LAST_YEAR = 2012;
/** When the corrections are made: long after (a correction's own time counts nowhere). */
const CORRECTED_AT = '2026-01-05T10:00:00.000Z';

/** A day between 2005 and 2012, as a normalised business time. */
const day = fc
  .integer({ min: 0, max: (LAST_YEAR - FIRST_YEAR + 1) * 365 - 1 })
  .map((n) => new Date(Date.UTC(FIRST_YEAR, 0, 1 + n, 10)).toISOString());

type Step =
  | { kind: 'join' | 'leave'; member: number; at: string }
  | { kind: 'schedule'; gathering: number; at: string }
  /** `attendees`: a bit per member. */
  | { kind: 'hold'; gathering: number; attendees: number; at: string }
  | { kind: 'correctHolding'; gathering: number; at: string; within?: number }
  | { kind: 'correct'; doetank: number; revision: number; at: string; within?: number }
  | {
      kind: 'propose' | 'coach' | 'start' | 'enter' | 'share' | 'conclude' | 'stop';
      doetank: number;
      member: number;
      at: string;
    };

const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ kind: fc.constantFrom('join', 'leave'), member: fc.nat(MEMBERS.length - 1), at: day }),
  // Gatherings scheduled, held by some of the members and their holdings corrected (as the Doetanks' events are).
  fc.record({ kind: fc.constant('schedule'), gathering: fc.nat(GATHERINGS.length - 1), at: day }),
  fc.record({
    kind: fc.constant('hold'),
    gathering: fc.nat(GATHERINGS.length - 1),
    attendees: fc.integer({ min: 1, max: 2 ** MEMBERS.length - 1 }),
    at: day,
  }),
  fc.record({
    kind: fc.constant('correctHolding'),
    gathering: fc.nat(GATHERINGS.length - 1),
    at: day,
    within: fc.option(fc.nat(1000), { freq: 4 }).map((n) => n ?? undefined),
  }),
  // A coordinator correcting the business time of one of a Doetank's events: most often to a time between its
  // neighbours in the stream (`within`, per mille of that span), else to any day (mostly refused: out of order).
  fc.record({
    kind: fc.constant('correct'),
    doetank: fc.nat(DOETANKS.length - 1),
    revision: fc.nat(12),
    at: day,
    within: fc.option(fc.nat(1000), { freq: 4 }).map((n) => n ?? undefined),
  }),
  fc.record({
    kind: fc.constantFrom('propose', 'coach', 'start', 'enter', 'share', 'conclude', 'stop'),
    doetank: fc.nat(DOETANKS.length - 1),
    member: fc.nat(MEMBERS.length - 1),
    at: day,
  }),
) as fc.Arbitrary<Step>;

/**
 * A sequence of steps long enough for Doetanks to be proposed, run and corrected: short ones (fast-check's default
 * size) rarely got past their members joining.
 */
const sequence = fc.array(step, { minLength: 20, maxLength: 60, size: 'max' });

interface Stream<State> {
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
const run = (steps: readonly Step[]) => {
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

  for (const s of steps) {
    if ('gathering' in s) {
      const gatheringId = GATHERINGS[s.gathering];
      const stream = streamOf(gatherings, gatheringId, gatheringDecider.initialState);
      const command = gatheringCommand(s, gatheringId, stream, facts);
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
      const revision =
        s.within === undefined ? s.revision : clock[s.revision % Math.max(1, clock.length)]?.revision;
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
    const memberId = MEMBERS[s.member];
    const lead = stream.state.status === 'none' ? memberId : stream.state.proposedBy;
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
        data: { doetankId, resultId: `r-${written.length}`, kind: 'report', title: 'R', sharedBy: memberId },
        context: { actor: facts(memberId) },
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
    const attendees = MEMBERS.filter((_, bit) => (s.attendees >> bit) & 1);
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
const numbers = (value: unknown, path = ''): { path: string; value: number }[] => {
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
const asCorrected = <E extends NetworkEvent = DoetankEvent>(stream: Stream<unknown>): Timed<E>[] =>
  clockOf(stream.events).map(({ revision, occurredAt }) => ({
    ...(stream.events[revision] as Timed<E>),
    occurredAt,
  }));

/** Before, by business time then id: the order of the year's lists (and of first attendances). */
const earlier = (a: { at: string; id: string }, b: { at: string; id: string }) =>
  a.at < b.at || (a.at === b.at && a.id < b.id);
const inOrder = <T extends { at: string; id: string }>(list: T[]): T[] =>
  list.sort((a, b) => (earlier(a, b) ? -1 : earlier(b, a) ? 1 : 0));

/**
 * The year's first-time attendees, gatherings and results as the corrected events say: each member's first
 * holding (by business time as corrected, then gathering id), the holdings of the year with their first-timers,
 * the results of the year and the best-attended holding (most attendees, then the earlier, then the smaller id).
 */
const recount = (
  doetanks: Map<string, Stream<DoetankState>>,
  gatherings: Map<string, Stream<GatheringState>>,
) => {
  const holdings = [...gatherings.values()]
    .flatMap((stream) => asCorrected<GatheringEvent>(stream))
    .flatMap((e) =>
      e.type === 'GatheringHeld'
        ? [{ id: e.data.gatheringId, at: e.occurredAt!, attendees: [...new Set(e.data.attendees)] }]
        : [],
    );
  const firsts = new Map<string, { id: string; at: string }>();
  for (const holding of holdings) {
    for (const member of holding.attendees) {
      const first = firsts.get(member);
      if (!first || earlier(holding, first)) firsts.set(member, holding);
    }
  }
  const results = [...doetanks.values()]
    .flatMap((stream) => asCorrected(stream))
    .flatMap((e) => (e.type === 'ResultShared' ? [{ id: e.data.resultId, at: e.occurredAt! }] : []));
  return (year: number) => {
    const inYear = ({ at }: { at: string }) => at.startsWith(`${year}-`);
    const firstTimersAt = (id: string) => [...firsts.values()].filter((f) => f.id === id).length;
    const held = inOrder(holdings.filter(inYear));
    const best = [...held].sort((a, b) => b.attendees.length - a.attendees.length)[0];
    return {
      firstTimeAttendees: [...firsts.values()].filter(inYear).length,
      gatherings: held.map((h) => [h.id, h.at, h.attendees.length, firstTimersAt(h.id)]),
      bestAttended: best?.id ?? null,
      results: inOrder(results.filter(inYear)).map((r) => [r.id, r.at]),
    };
  };
};

const DOETANK_FIGURES = {
  proposed: 'DoetankProposed',
  started: 'DoetankStarted',
  concluded: 'DoetankConcluded',
  stopped: 'DoetankStopped',
} as const;

describe('Business time through the deciders and the retrospectives (property)', () => {
  it('never shows a figure below zero, and counts the Doetanks running at each year end as their states say', () => {
    fc.assert(
      fc.property(sequence, (steps) => {
        const { written, doetanks } = run(steps);
        const docs = yearDocuments(projectRetrospectives(written));
        for (let year = FIRST_YEAR; year <= LAST_YEAR; year++) {
          const report = assembleRetrospective(
            year,
            docs.filter((doc) => doc.year <= year),
          );
          const counts = {
            members: report.members,
            doetanks: report.doetanks,
            results: report.results,
            lessons: report.lessons,
          };
          expect(numbers(counts).filter((n) => n.value < 0)).toEqual([]);
          // The running Doetanks at the year's end, from their states at that moment (as corrected).
          const end = `${year}-12-31T23:59:59.999Z`;
          const corrected = [...doetanks.values()].map(asCorrected);
          const running = corrected.filter(
            (events) =>
              fold(
                doetankDecider,
                events.filter((e) => e.occurredAt! <= end),
              ).status === 'started',
          ).length;
          expect({ year, active: report.doetanks.activeAtYearEnd }).toEqual({ year, active: running });
          // Each Doetank event counted in the year its business time (as corrected) falls in, and only there.
          const inYear = corrected.flat().filter((e) => e.occurredAt!.startsWith(`${year}-`));
          const countOf = (type: string) => inYear.filter((e) => e.type === type).length;
          expect({ year, ...report.doetanks, activeAtYearEnd: 0 }).toEqual({
            year,
            ...Object.fromEntries(
              Object.entries(DOETANK_FIGURES).map(([figure, type]) => [figure, countOf(type)]),
            ),
            activeAtYearEnd: 0,
          });
          expect({ year, results: report.results.total }).toEqual({ year, results: countOf('ResultShared') });
        }
      }),
      { numRuns: RUNS, seed: SEED, endOnFailure: true },
    );
  });

  it("counts first-time attendees, and lists the year's gatherings and results, as a recount of the corrected events does", () => {
    fc.assert(
      fc.property(sequence, (steps) => {
        const { written, doetanks, gatherings } = run(steps);
        const docs = yearDocuments(projectRetrospectives(written));
        const expected = recount(doetanks, gatherings);
        for (let year = FIRST_YEAR; year <= LAST_YEAR; year++) {
          const report = assembleRetrospective(
            year,
            docs.filter((doc) => doc.year <= year),
          );
          expect(numbers(report.gatherings).filter((n) => n.value < 0)).toEqual([]);
          expect({ year, ...expected(year) }).toEqual({
            year,
            firstTimeAttendees: report.gatherings.firstTimeAttendees,
            gatherings: report.gatherings.list.map((g) => [
              g.gatheringId,
              g.date,
              g.attendance,
              g.firstTimers,
            ]),
            bestAttended: report.highlights.bestAttendedGathering?.gatheringId ?? null,
            results: report.highlights.results.map((r) => [r.resultId, r.sharedAt]),
          });
        }
      }),
      { numRuns: RUNS, seed: SEED, endOnFailure: true },
    );
  });

  it('answers every state?at= with the fold of a prefix of the stream', () => {
    fc.assert(
      fc.property(sequence, fc.array(day, { minLength: 1, maxLength: 5 }), (steps, moments) => {
        const { doetanks } = run(steps);
        for (const stream of doetanks.values()) {
          const events = asCorrected(stream);
          // The given moments, and the moment of each of the stream's events (as corrected).
          for (const at of [...moments, ...events.map((e) => e.occurredAt!)]) {
            // As the state endpoint does: every event that had occurred by then, as corrected.
            const upTo = events.filter((e) => e.occurredAt! <= at);
            expect(upTo).toEqual(events.slice(0, upTo.length));
            const state = fold(doetankDecider, upTo);
            expect(state.status === 'none').toBe(upTo.length === 0);
          }
        }
      }),
      { numRuns: RUNS, seed: SEED, endOnFailure: true },
    );
  });
});
