import {
  GATHERING_KINDS,
  MEMBER_ROLES,
  RESULT_KINDS,
  SECTORS,
  type GatheringKind,
  type MemberRole,
  type ResultKind,
  type Sector,
} from '@app/contracts/vocabulary';
import type {
  Retrospective,
  RetrospectiveYearDocument,
} from '@app/contracts/read-models/retrospective.read-model';
import type { ImportLine } from '../../apps/api/src/import/import-line';

/**
 * The figures an import file adds up to, counted straight from its lines (not through the API): what a
 * retrospective built from the imported events must show. Years are those of the business time in UTC, as the
 * retrospective counts them. Assumes every line is accepted (the demo year's are: a test imports it).
 */
export interface DemoYearFacts {
  /** `totalAtYearEnd`: everyone who joined up to the end of the year, minus who left. */
  members: Pick<
    RetrospectiveYearDocument['members'],
    'joined' | 'left' | 'joinedBySector' | 'joinedByRole'
  > & {
    totalAtYearEnd: number;
  };
  /** `activeAtYearEnd`: started and neither concluded nor stopped at the end of the year. */
  doetanks: Retrospective['doetanks'];
  results: Record<ResultKind, number>;
  lessons: number;
  gatherings: Record<
    GatheringKind,
    {
      held: number;
      attendance: number;
      cancelled: number;
      registrations: number;
      registrationsCancelled: number;
    }
  >;
  discussions: { started: number; closed: number };
  supporters: string[];
  partners: string[];
  themes: string[];
  /** Doetanks proposed with a theme of this year, by theme id. */
  doetanksPerTheme: Record<string, number>;
}

export interface DemoFacts {
  lines: number;
  years: Record<number, DemoYearFacts>;
  grandCafe?: {
    gatheringId: string;
    title: string;
    startsAt: string;
    venue: string;
    city?: string;
    capacity: number;
    registrations: number;
    registrationsCancelled: number;
    attendees: number;
  };
  /** Where each Doetank stands after the last line. */
  doetankStages: Record<'proposed' | 'started' | 'concluded' | 'stopped', number>;
}

const zeroes = <K extends string>(keys: readonly K[]): Record<K, number> =>
  Object.fromEntries(keys.map((key) => [key, 0])) as Record<K, number>;

const emptyYear = (): DemoYearFacts => ({
  members: {
    joined: 0,
    left: 0,
    totalAtYearEnd: 0,
    joinedBySector: zeroes(SECTORS),
    joinedByRole: zeroes(MEMBER_ROLES),
  },
  doetanks: { proposed: 0, started: 0, concluded: 0, stopped: 0, activeAtYearEnd: 0 },
  results: zeroes(RESULT_KINDS),
  lessons: 0,
  gatherings: Object.fromEntries(
    GATHERING_KINDS.map((kind) => [
      kind,
      { held: 0, attendance: 0, cancelled: 0, registrations: 0, registrationsCancelled: 0 },
    ]),
  ) as DemoYearFacts['gatherings'],
  discussions: { started: 0, closed: 0 },
  supporters: [],
  partners: [],
  themes: [],
  doetanksPerTheme: {},
});

type Body = Record<string, unknown>;

/** Counts what the lines record, per year. */
export function summariseDemo(lines: readonly ImportLine[]): DemoFacts {
  const years = new Map<number, DemoYearFacts>();
  const year = (y: number): DemoYearFacts => {
    let facts = years.get(y);
    if (!facts) years.set(y, (facts = emptyYear()));
    return facts;
  };
  const gatheringKinds = new Map<string, GatheringKind>();
  const doetankStages = new Map<string, keyof DemoFacts['doetankStages']>();
  let grandCafe: DemoFacts['grandCafe'];

  for (const line of lines) {
    const y = new Date(line.occurredAt).getUTCFullYear();
    const facts = year(y);
    const body = (line.body ?? {}) as Body;
    const params = line.params ?? {};
    switch (line.command) {
      case 'JoinNetwork':
        facts.members.joined += 1;
        facts.members.joinedBySector[body.sector as Sector] += 1;
        facts.members.joinedByRole[body.role as MemberRole] += 1;
        break;
      case 'LeaveNetwork':
        facts.members.left += 1;
        break;
      case 'ProposeDoetank': {
        facts.doetanks.proposed += 1;
        doetankStages.set(String(body.doetankId), 'proposed');
        const themeId = body.themeId as string | undefined;
        if (themeId !== undefined) {
          const themeFacts = year(Number(themeId.slice(0, 4))).doetanksPerTheme;
          themeFacts[themeId] = (themeFacts[themeId] ?? 0) + 1;
        }
        break;
      }
      case 'StartDoetank':
        facts.doetanks.started += 1;
        doetankStages.set(params.doetankId, 'started');
        break;
      case 'ConcludeDoetank':
        facts.doetanks.concluded += 1;
        doetankStages.set(params.doetankId, 'concluded');
        break;
      case 'StopDoetank':
        facts.doetanks.stopped += 1;
        if (doetankStages.get(params.doetankId) === 'started') facts.doetanks.activeAtYearEnd -= 1;
        doetankStages.set(params.doetankId, 'stopped');
        break;
      case 'ShareResult':
        facts.results[body.kind as ResultKind] += 1;
        break;
      case 'RecordLesson':
        facts.lessons += 1;
        break;
      case 'ScheduleGathering': {
        const kind = body.kind as GatheringKind;
        gatheringKinds.set(String(body.gatheringId), kind);
        if (kind === 'grand-cafe') {
          grandCafe = {
            gatheringId: String(body.gatheringId),
            title: String(body.title),
            startsAt: new Date(String(body.startsAt)).toISOString(),
            venue: String(body.venue),
            ...(body.city !== undefined && { city: String(body.city) }),
            capacity: Number(body.capacity),
            registrations: 0,
            registrationsCancelled: 0,
            attendees: 0,
          };
        }
        break;
      }
      case 'RegisterForGathering':
      case 'CancelRegistration':
      case 'RecordGatheringHeld':
      case 'CancelGathering': {
        const kind = gatheringKinds.get(params.gatheringId)!;
        const figures = facts.gatherings[kind];
        const isGrandCafe = grandCafe?.gatheringId === params.gatheringId;
        if (line.command === 'RegisterForGathering') {
          figures.registrations += 1;
          if (isGrandCafe) grandCafe!.registrations += 1;
        } else if (line.command === 'CancelRegistration') {
          figures.registrationsCancelled += 1;
          if (isGrandCafe) grandCafe!.registrationsCancelled += 1;
        } else if (line.command === 'CancelGathering') {
          figures.cancelled += 1;
        } else {
          const attendees = (body.attendees as string[]).length;
          figures.held += 1;
          figures.attendance += attendees;
          if (isGrandCafe) grandCafe!.attendees = attendees;
        }
        break;
      }
      case 'StartDiscussion':
        facts.discussions.started += 1;
        break;
      case 'CloseDiscussion':
        facts.discussions.closed += 1;
        break;
      case 'AddSupporter':
        year(Number(params.year)).supporters.push(String(body.name));
        break;
      case 'AppointStrategicPartner':
        year(Number(params.year)).partners.push(String(body.organisation));
        break;
      case 'DefineYearThemes':
        year(Number(params.year)).themes = (body.themes as { themeId: string }[]).map((t) => t.themeId);
        break;
      default:
        break;
    }
  }

  // Totals at each year's end, from the first year to the last.
  const sorted = [...years.keys()].sort((a, b) => a - b);
  let members = 0;
  let active = 0;
  for (const y of sorted) {
    const facts = years.get(y)!;
    members += facts.members.joined - facts.members.left;
    facts.members.totalAtYearEnd = members;
    // activeAtYearEnd holds the stops of started Doetanks so far (negative); add the year's flow.
    active += facts.doetanks.started - facts.doetanks.concluded + facts.doetanks.activeAtYearEnd;
    facts.doetanks.activeAtYearEnd = active;
  }

  const stages = { proposed: 0, started: 0, concluded: 0, stopped: 0 };
  for (const stage of doetankStages.values()) stages[stage] += 1;
  return {
    lines: lines.length,
    years: Object.fromEntries(sorted.map((y) => [y, years.get(y)!])),
    ...(grandCafe && { grandCafe }),
    doetankStages: stages,
  };
}
