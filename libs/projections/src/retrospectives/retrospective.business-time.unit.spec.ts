import fc from 'fast-check';
import type { DoetankEvent, MemberEvent, NetworkEvent } from '@app/contracts';
import {
  clockOf,
  decideInTime,
  doetankDecider,
  fold,
  isDomainError,
  memberDecider,
  memberActingIn,
  memberActsOf,
  memberFacts,
  needsActsElsewhere,
  type Decider,
  type DoetankCommand,
  type DoetankState,
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
 * stream, so it never says "none" after the Doetank was proposed nor skips a step. Members join, change sector and
 * leave, and their recorded times are corrected too: the members' figures follow, and no act of a member in a
 * Doetank comes before the member joined, as corrected. `FUZZ_SEED` replays a failure.
 */
const SEED = process.env.FUZZ_SEED === undefined ? undefined : Number(process.env.FUZZ_SEED);
const RUNS = Number(process.env.FUZZ_RUNS ?? 150);

const MEMBERS = ['m-0', 'm-1', 'm-2', 'm-3'];
const DOETANKS = ['d-0', 'd-1'];
const FIRST_YEAR = 2005;
const LAST_YEAR = 2012;
/** When the corrections are made: long after (a correction's own time counts nowhere). */
const CORRECTED_AT = '2026-01-05T10:00:00.000Z';

/** A day between 2005 and 2012, as a normalised business time. */
const day = fc
  .integer({ min: 0, max: (LAST_YEAR - FIRST_YEAR + 1) * 365 - 1 })
  .map((n) => new Date(Date.UTC(FIRST_YEAR, 0, 1 + n, 10)).toISOString());

type Step =
  | { kind: 'join' | 'leave' | 'move'; member: number; at: string }
  | { kind: 'correct'; doetank: number; revision: number; at: string; within?: number }
  | { kind: 'correctMember'; member: number; revision: number; at: string; within?: number }
  | {
      kind: 'propose' | 'coach' | 'start' | 'enter' | 'share' | 'conclude' | 'stop';
      doetank: number;
      member: number;
      at: string;
    };

type MemberStep = Exclude<Step, { doetank: number }>;

/** Which revision a correction corrects (see `correctedRevision`), and to when. */
const correction = {
  revision: fc.nat(12),
  at: day,
  within: fc.option(fc.nat(1000), { freq: 4 }).map((n) => n ?? undefined),
};

const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ kind: fc.constantFrom('join', 'leave', 'move'), member: fc.nat(MEMBERS.length - 1), at: day }),
  // A coordinator correcting the business time of one of a Doetank's or a member's events: most often to a time
  // between its neighbours in the stream (`within`, per mille of that span), else to any day (mostly refused).
  fc.record({
    kind: fc.constant('correct'),
    doetank: fc.nat(DOETANKS.length - 1),
    ...correction,
  }),
  fc.record({ kind: fc.constant('correctMember'), member: fc.nat(MEMBERS.length - 1), ...correction }),
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

/** The revision a correction step corrects: any (mostly refused), or one on the clock when it has a `within`. */
const correctedRevision = (clock: StreamClock, s: { revision: number; within?: number }) =>
  s.within === undefined ? s.revision : clock[s.revision % Math.max(1, clock.length)]?.revision;

/** The write path in miniature: fold the stream, decide in time, keep what was accepted. */
const run = (steps: readonly Step[]) => {
  const members = new Map<string, Stream<MemberState>>();
  const doetanks = new Map<string, Stream<DoetankState>>();
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

  /** As StreamFacts reads them: the member's acts from the log written so far. */
  const actsOf = (memberId: string) => {
    const acts = memberActsOf(memberId);
    for (const { metadata, ...event } of written) acts.add({ ...event, occurredAt: metadata.occurredAt });
    return acts.acts();
  };
  const memberCommand = (s: MemberStep, stream: Stream<MemberState>): MemberCommand => {
    const memberId = MEMBERS[s.member];
    const affiliation = {
      organisation: 'Gemeente Utrecht',
      sector: 'gemeente',
      role: 'professional',
    } as const;
    if (s.kind === 'correctMember') {
      const clock = clockOf(stream.events);
      const revision = correctedRevision(clock, s) ?? 0;
      const correctedTo = between(clock, revision, s);
      return {
        type: 'CorrectMemberBusinessTime',
        data: { memberId, revision, correctedTo, reason: 'Ledenadministratie' },
        context: {
          clock,
          history: stream.events.map(({ type, data }, index) => ({ id: stream.ids[index], type, data })),
          ...(needsActsElsewhere(clock, revision, correctedTo) && { actsElsewhere: actsOf(memberId) }),
        },
      };
    }
    if (s.kind === 'join') {
      const personal = { name: `Lid ${memberId}`, email: `${memberId}@example.nl` };
      return { type: 'JoinNetwork', data: { memberId, personal, ...affiliation } };
    }
    if (s.kind === 'leave') return { type: 'LeaveNetwork', data: { memberId } };
    // A move: to the province and back, so that every change changes something.
    const moved = stream.state.status === 'active' && stream.state.sector === 'provincie';
    const data = moved ? affiliation : ({ ...affiliation, sector: 'provincie', role: 'manager' } as const);
    return { type: 'ChangeAffiliation', data: { memberId, ...data } };
  };

  for (const s of steps) {
    if (!('doetank' in s)) {
      const memberId = MEMBERS[s.member];
      const stream = streamOf(members, memberId, memberDecider.initialState);
      const occurredAt = s.kind === 'correctMember' ? CORRECTED_AT : s.at;
      decide(memberDecider, stream, `member-${memberId}`, { ...memberCommand(s, stream), occurredAt });
      continue;
    }
    const doetankId = DOETANKS[s.doetank];
    const stream = streamOf(doetanks, doetankId, doetankDecider.initialState);
    const { kind } = s;
    if (kind === 'correct') {
      const clock = clockOf(stream.events);
      const revision = correctedRevision(clock, s);
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
  return { written, doetanks, members };
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

/** How many of the streams (events as corrected) are in `status` at the moment `end`, as their folds say. */
const countIn = <E extends NetworkEvent, S extends { status: string }>(
  decider: Pick<Decider<unknown, E, S>, 'evolve' | 'initialState'>,
  streams: readonly Timed<E>[][],
  end: string,
  status: S['status'],
): number =>
  streams.filter(
    (events) =>
      fold(
        decider,
        events.filter((e) => e.occurredAt! <= end),
      ).status === status,
  ).length;

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
        const { written, doetanks, members } = run(steps);
        const memberEvents = [...members.values()].map((stream) => asCorrected<MemberEvent>(stream));
        const docs = yearDocuments(projectRetrospectives(written));
        for (let year = FIRST_YEAR; year <= LAST_YEAR; year++) {
          const report = assembleRetrospective(
            year,
            docs.filter((doc) => doc.year <= year),
          );
          const counts = {
            members: report.members,
            // A month's change may be below zero (members left); the members at its end may not.
            growth: report.memberGrowthPerMonth.map((month) => month.total),
            doetanks: report.doetanks,
            results: report.results,
            lessons: report.lessons,
          };
          expect(numbers(counts).filter((n) => n.value < 0)).toEqual([]);
          // The running Doetanks at the year's end, from their states at that moment (as corrected).
          const end = `${year}-12-31T23:59:59.999Z`;
          const corrected = [...doetanks.values()].map(asCorrected);
          const running = countIn(doetankDecider, corrected, end, 'started');
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
          // The members' figures by the business times of their joining and leaving (as corrected), and the members
          // at the year's end as their states at that moment say.
          const members = memberEvents.flat().filter((e) => e.occurredAt!.startsWith(`${year}-`));
          const active = countIn(memberDecider, memberEvents, end, 'active');
          expect({ year, ...report.members, bySector: null, byRole: null }).toEqual({
            year,
            joined: members.filter((e) => e.type === 'MemberJoined').length,
            left: members.filter((e) => e.type === 'MemberLeft').length,
            forgotten: 0,
            totalAtYearEnd: active,
            bySector: null,
            byRole: null,
          });
        }
      }),
      { numRuns: RUNS, seed: SEED, endOnFailure: true },
    );
  });

  it("never dates a member's act in a Doetank before the member joined, both as corrected", () => {
    fc.assert(
      fc.property(sequence, (steps) => {
        const { doetanks, members } = run(steps);
        const joinedAt = (memberId: string) =>
          asCorrected<MemberEvent>(members.get(memberId)!)[0].occurredAt!;
        for (const stream of doetanks.values()) {
          for (const [revision, event] of asCorrected(stream).entries()) {
            const actedBy = memberActingIn({ id: stream.ids[revision], ...event });
            if (actedBy === undefined) continue;
            expect({ actedBy, at: event.occurredAt! >= joinedAt(actedBy) }).toEqual({ actedBy, at: true });
          }
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
