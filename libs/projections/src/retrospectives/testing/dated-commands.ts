import type { DoetankEvent, NetworkEvent } from '@app/contracts';
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
  type MemberState,
  type Timed,
} from '@app/domain';
import type { ProjectionEvent } from '../../projection';
import { projectionEvent } from '../../testing/projection-spec';
import { memberCommand } from './dated-member-commands';
import {
  CORRECTED_AT,
  DOETANKS,
  GATHERINGS,
  MEMBERS,
  between,
  correctedRevision,
  type Step,
  type Stream,
} from './dated-steps';

/**
 * Random dated command sequences (testing/dated-steps.ts) through the deciders, as the write path decides them (the
 * stream's business time, the members' join times, corrections of recorded business times), for the
 * retrospectives' property tests: what is accepted is what the projection gets.
 */

/** What the specs read of the steps. */
export {
  FIRST_YEAR,
  LAST_YEAR,
  RUNS,
  SEED,
  byDay,
  day,
  sequence,
  type Step,
  type Stream,
} from './dated-steps';

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
      const occurredAt = s.kind === 'correctMember' ? CORRECTED_AT : s.at;
      decide(memberDecider, stream, `member-${memberId}`, {
        ...memberCommand(s, stream, written),
        occurredAt,
      });
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
      const revision = correctedRevision(pool, s);
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
  return { written, doetanks, gatherings, members };
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

/** How many of the streams (events as corrected) are in `status` at the moment `end`, as their folds say. */
export const countIn = <E extends NetworkEvent, S extends { status: string }>(
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

/** Before, by business time then id: the order of the year's lists (and of first attendances). */
export const earlier = (a: { at: string; id: string }, b: { at: string; id: string }) =>
  a.at < b.at || (a.at === b.at && a.id < b.id);
export const inOrder = <T extends { at: string; id: string }>(list: T[]): T[] =>
  list.sort((a, b) => (earlier(a, b) ? -1 : earlier(b, a) ? 1 : 0));
