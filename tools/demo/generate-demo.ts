import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { v5 as uuidv5 } from 'uuid';
import { MEMBER_ROLES, type MemberRole, type Sector } from '@app/contracts/vocabulary';
import { formatImportLine, type ImportLine } from '../../apps/api/src/import/import-line';
import type { ImportCommand } from '../../apps/api/src/import/import-routes';
import {
  DISCUSSIONS,
  DOETANKS,
  FIRST_NAMES,
  GATHERINGS,
  GRAND_CAFE_KEY,
  LAST_NAMES,
  MASTERCLASS_COHORT,
  ORGANISATIONS,
  PEOPLE,
  ROLE_WEIGHTS,
  SECTOR_WEIGHTS,
  STRATEGIC_PARTNER,
  SUPPORTERS,
  THEMES_2013,
  type DoetankActor,
  type DoetankSpec,
  type GatheringSpec,
  type Organisation,
  type PersonKey,
  type When,
} from './demo-content';
import { summariseDemo, type DemoFacts } from './demo-facts';

/**
 * The demo year: a deterministic reconstruction of Slimmernetwerk in 2011 and 2012 as import lines (see
 * docs/import.md). The same code always gives the same file: a seeded PRNG, ids derived from names (UUIDv5), no
 * clock. `npm run demo:generate` writes it to {@link DEMO_FILE}; a unit test checks that the committed file is what
 * this generator makes.
 */

/** Where the demo year lives, relative to the repository root (and the default of DEMO_DATA_FILE). */
export const DEMO_FILE = 'data/demo/slimmernetwerk-2012.ndjson';

/** Prefix of the demo's idempotency keys: `demo-2012-000001`. */
export const DEMO_KEY_PREFIX = 'demo-2012-';

const SEED = 20121122;
// A fixed namespace for the demo's ids (chosen once at random for this purpose).
const NAMESPACE = '3b7c9e21-5d4f-4a86-b0e3-8f1a2c6d9e47';
/** The demo's ids: the same name always gives the same UUID. */
export const demoId = (kind: string, key: string | number): string => uuidv5(`${kind}:${key}`, NAMESPACE);

/** Ids of what tests and the report may want to find in the demo. */
export const DEMO_IDS = {
  grandCafe: demoId('gathering', GRAND_CAFE_KEY),
  coordinator: demoId('member', 'coordinator'),
  doetank: (key: string) => demoId('doetank', key),
  gathering: (key: string) => demoId('gathering', key),
} as const;

/** New members per month (January to December), besides the people with a part in the story. */
const JOINS_PER_MONTH: Record<number, readonly number[]> = {
  2011: [28, 30, 44, 46, 50, 40, 26, 38, 66, 72, 78, 62],
  2012: [150, 190, 215, 205, 200, 170, 120, 160, 250, 285, 305, 200],
};
/** Members who leave the network again, by year. */
const LEAVERS_PER_YEAR: Record<number, number> = { 2011: 4, 2012: 27 };
const AFFILIATION_CHANGES_2012 = 14;
/** Members who come to gatherings more often than others. */
const REGULARS = 60;
const LAST_MOMENT: When = [2012, 12, 28, 17, 0];

const LEAVE_REASONS = [
  'Met pensioen.',
  'Nieuwe baan buiten de publieke sector.',
  'Te weinig tijd om actief te blijven.',
  undefined,
  undefined,
] as const;

// --- time -------------------------------------------------------------------------------------------------------

interface Moment {
  ms: number;
  /** ISO 8601 with the Dutch offset of that moment: `2012-11-22T15:00:00+01:00`. */
  iso: string;
}

const DAY = 24 * 3600 * 1000;
const HOUR = 3600 * 1000;

/** Last Sunday of a month, as a day of the month. */
const lastSunday = (year: number, month: number): number => {
  const last = new Date(Date.UTC(year, month, 0));
  return last.getUTCDate() - last.getUTCDay();
};

/** Summer time in the Netherlands: from the last Sunday of March to the last Sunday of October. */
const offsetHours = (year: number, month: number, day: number): number => {
  if (month > 3 && month < 10) return 2;
  if (month === 3) return day >= lastSunday(year, 3) ? 2 : 1;
  if (month === 10) return day < lastSunday(year, 10) ? 2 : 1;
  return 1;
};

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

function at(when: When): Moment {
  const [year, month, day, hour, minute] = when;
  const offset = offsetHours(year, month, day);
  return {
    ms: Date.UTC(year, month - 1, day, hour - offset, minute),
    iso: `${year}-${pad(month)}-${pad(day)}T${pad(hour)}:${pad(minute)}:00+0${offset}:00`,
  };
}

/** The local (Dutch) time of an instant. */
function localWhen(ms: number): When {
  const utc = new Date(ms);
  const offset = offsetHours(utc.getUTCFullYear(), utc.getUTCMonth() + 1, utc.getUTCDate());
  const local = new Date(ms + offset * HOUR);
  return [
    local.getUTCFullYear(),
    local.getUTCMonth() + 1,
    local.getUTCDate(),
    local.getUTCHours(),
    local.getUTCMinutes(),
  ];
}

// --- randomness -------------------------------------------------------------------------------------------------

/** mulberry32: small, fast and good enough for made-up data (never for secrets). */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

class Dice {
  private readonly next: () => number;
  constructor(seed: number) {
    this.next = prng(seed);
  }
  float(): number {
    return this.next();
  }
  /** An integer from `min` to `max`, both included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }
  weighted<K extends string>(weights: Record<K, number>): K {
    const entries = Object.entries(weights) as [K, number][];
    let roll = this.next() * entries.reduce((sum, [, w]) => sum + w, 0);
    for (const [key, weight] of entries) {
      roll -= weight;
      if (roll < 0) return key;
    }
    return entries[entries.length - 1][0];
  }
  /** A moment between two instants, in working hours or the evening (08:00 to 21:59 Dutch time). */
  momentBetween(fromMs: number, toMs: number): Moment {
    for (let attempt = 0; attempt < 50; attempt++) {
      const [y, m, d] = localWhen(fromMs + this.next() * Math.max(0, toMs - fromMs));
      const moment = at([y, m, d, this.int(8, 21), this.int(0, 59)]);
      if (moment.ms >= fromMs && moment.ms <= toMs) return moment;
    }
    return at(localWhen(fromMs + (toMs - fromMs) / 2));
  }
  shuffle<T>(items: readonly T[]): T[] {
    const copy = [...items];
    for (let i = copy.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [copy[i], copy[j]] = [copy[j], copy[i]];
    }
    return copy;
  }
}

// --- members ----------------------------------------------------------------------------------------------------

interface Member {
  id: string;
  name: string;
  organisation: string;
  sector: Sector;
  role: MemberRole;
  joined: Moment;
  /** Leaves the network later: never asked to do anything else. */
  leaves?: Moment;
}

const asciiWord = (text: string): string =>
  text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ı/g, 'i')
    .toLowerCase()
    .replace(/[^a-z-]/g, '');

// --- the generator ----------------------------------------------------------------------------------------------

interface Entry {
  at: Moment;
  /** Order of creation: breaks ties between lines at the same moment. */
  seq: number;
  line: Omit<ImportLine, 'idempotencyKey' | 'occurredAt'>;
}

/** The demo year: its lines in import order, and the figures they add up to. */
export interface DemoYear {
  lines: ImportLine[];
  facts: DemoFacts;
}

class DemoGenerator {
  private readonly dice = new Dice(SEED);
  private readonly entries: Entry[] = [];
  private readonly emails = new Set<string>();
  private readonly members: Member[] = [];
  /** Members who may be asked to do something (not leaving), sorted by the moment they joined. */
  private active: Member[] = [];
  private regulars: Member[] = [];
  private readonly people = new Map<PersonKey, Member>();
  private readonly proposers = new Map<string, Member>();
  private readonly doetankProposedAt = new Map<string, number>();

  generate(): ImportLine[] {
    this.joinPeople();
    this.joinMembers();
    this.joinDoetankProposers();
    this.active = this.members
      .filter((member) => member.leaves === undefined)
      .sort((a, b) => a.joined.ms - b.joined.ms);
    this.regulars = this.dice
      .shuffle(this.active.filter((m) => m.joined.ms < at([2011, 9, 1, 0, 0]).ms && !this.isStoryPerson(m)))
      .slice(0, REGULARS);
    this.changeAffiliations();
    this.networkYears();
    for (const spec of DOETANKS) this.doetank(spec);
    for (const spec of GATHERINGS) this.gathering(spec);
    this.discussions();

    const last = at(LAST_MOMENT).ms;
    const sorted = [...this.entries].sort((a, b) => a.at.ms - b.at.ms || a.seq - b.seq);
    return sorted.map((entry, index) => {
      if (entry.at.ms > last)
        throw new Error(`demo line after ${LAST_MOMENT.join('-')}: ${entry.line.command}`);
      const { command, params, body, actor } = entry.line;
      return {
        command,
        ...(params && { params }),
        ...(body && { body }),
        occurredAt: entry.at.iso,
        ...(actor !== undefined && { actor }),
        idempotencyKey: `${DEMO_KEY_PREFIX}${pad(index + 1, 6)}`,
      };
    });
  }

  private add(
    moment: Moment,
    command: ImportCommand,
    body: Record<string, unknown>,
    actor: string,
    params?: Record<string, string>,
  ): void {
    this.entries.push({ at: moment, seq: this.entries.length, line: { command, params, body, actor } });
  }

  // --- members --------------------------------------------------------------------------------------------------

  private newMember(
    key: string,
    name: string,
    organisation: Organisation,
    sector: Sector,
    role: MemberRole,
    joined: Moment,
  ): Member {
    const [first, ...rest] = name.split(' ');
    const local = `${asciiWord(first)}.${asciiWord(rest.join(''))}`;
    let email = `${local}@${organisation[1]}.example.nl`;
    for (let n = 2; this.emails.has(email); n++) email = `${local}${n}@${organisation[1]}.example.nl`;
    this.emails.add(email);
    const member: Member = {
      id: demoId('member', key),
      name,
      organisation: organisation[0],
      sector,
      role,
      joined,
    };
    this.members.push(member);
    this.add(
      joined,
      'JoinNetwork',
      { memberId: member.id, name, email, organisation: organisation[0], sector, role },
      member.id,
    );
    return member;
  }

  private randomName(): string {
    return `${this.dice.pick(FIRST_NAMES)} ${this.dice.pick(LAST_NAMES)}`;
  }

  private joinPeople(): void {
    for (const [key, person] of Object.entries(PEOPLE) as [PersonKey, (typeof PEOPLE)[PersonKey]][]) {
      const member = this.newMember(
        key,
        person.name,
        person.organisation,
        person.sector,
        person.role,
        at(person.joined),
      );
      this.people.set(key, member);
    }
  }

  private joinMembers(): void {
    let n = 0;
    for (const [year, perMonth] of Object.entries(JOINS_PER_MONTH)) {
      perMonth.forEach((count, monthIndex) => {
        const from = at([Number(year), monthIndex + 1, 1, 0, 0]).ms;
        const to =
          at(monthIndex === 11 ? [Number(year), 12, 28, 23, 0] : [Number(year), monthIndex + 2, 1, 0, 0]).ms -
          1;
        for (let i = 0; i < count; i++) {
          const sector = this.dice.weighted(SECTOR_WEIGHTS);
          const role = this.dice.weighted(ROLE_WEIGHTS[sector]);
          const organisation = this.dice.pick(ORGANISATIONS[sector]);
          this.newMember(
            `member-${++n}`,
            this.randomName(),
            organisation,
            sector,
            role,
            this.dice.momentBetween(from, to),
          );
        }
      });
    }
    for (const [year, count] of Object.entries(LEAVERS_PER_YEAR)) {
      const y = Number(year);
      const end = at([y, 12, 20, 17, 0]).ms;
      const candidates = this.dice.shuffle(
        this.members.filter(
          (m) => !this.isStoryPerson(m) && m.leaves === undefined && m.joined.ms < end - 60 * DAY,
        ),
      );
      for (const member of candidates.slice(0, count)) {
        member.leaves = this.dice.momentBetween(
          Math.max(member.joined.ms + 30 * DAY, at([y, 1, 1, 0, 0]).ms),
          end,
        );
        const reason = this.dice.pick(LEAVE_REASONS);
        this.add(member.leaves, 'LeaveNetwork', reason ? { reason } : {}, member.id, { memberId: member.id });
      }
    }
  }

  private isStoryPerson(member: Member): boolean {
    return [...this.people.values()].includes(member) || [...this.proposers.values()].includes(member);
  }

  /** The proposers of the Doetanks: made-up people of the organisation the Doetank comes from. */
  private joinDoetankProposers(): void {
    for (const spec of DOETANKS) {
      const proposed = at(spec.proposedOn).ms;
      const earliest = Math.max(at([2011, 1, 5, 0, 0]).ms, proposed - 200 * DAY);
      const joined = this.dice.momentBetween(earliest, proposed - 20 * DAY);
      const member = this.newMember(
        `proposer-${spec.key}`,
        this.randomName(),
        spec.proposer.organisation,
        spec.proposer.sector,
        spec.proposer.role ?? 'professional',
        joined,
      );
      this.proposers.set(spec.key, member);
    }
  }

  private changeAffiliations(): void {
    const candidates = this.dice.shuffle(
      this.active.filter((m) => !this.isStoryPerson(m) && m.joined.ms < at([2012, 6, 1, 0, 0]).ms),
    );
    for (const member of candidates.slice(0, AFFILIATION_CHANGES_2012)) {
      const sector = this.dice.float() < 0.5 ? member.sector : this.dice.weighted(SECTOR_WEIGHTS);
      const organisation = this.dice.pick(
        ORGANISATIONS[sector].filter(([name]) => name !== member.organisation),
      );
      const role = this.dice.float() < 0.3 ? this.dice.pick(MEMBER_ROLES) : member.role;
      const moment = this.dice.momentBetween(
        Math.max(member.joined.ms + 60 * DAY, at([2012, 1, 2, 0, 0]).ms),
        at([2012, 12, 14, 17, 0]).ms,
      );
      this.add(moment, 'ChangeAffiliation', { organisation: organisation[0], sector, role }, member.id, {
        memberId: member.id,
      });
    }
  }

  /**
   * A member who may act at `moment`: joined at least `minDays` before it, matching `accept`, not in `exclude`.
   * Deterministic for a given state of the dice.
   */
  private someone(
    moment: number,
    options: {
      from?: readonly Member[];
      accept?: (m: Member) => boolean;
      exclude?: ReadonlySet<string>;
      minDays?: number;
    } = {},
  ): Member {
    const pool = options.from ?? this.active;
    const before = moment - (options.minDays ?? 2) * DAY;
    let eligible = 0;
    while (eligible < pool.length && pool[eligible].joined.ms <= before) eligible++;
    const ok = (m: Member) =>
      m.joined.ms <= before && !options.exclude?.has(m.id) && (options.accept?.(m) ?? true);
    for (let attempt = 0; attempt < 200 && eligible > 0; attempt++) {
      const candidate = pool[Math.floor(this.dice.float() * eligible)];
      if (ok(candidate)) return candidate;
    }
    const found = pool.slice(0, eligible).find(ok);
    if (!found) throw new Error(`no member available at ${new Date(moment).toISOString()}`);
    return found;
  }

  // --- network years ---------------------------------------------------------------------------------------------

  private networkYears(): void {
    const coordinator = this.people.get('coordinator')!.id;
    SUPPORTERS.list.forEach(({ key, name, affiliation }, index) => {
      const moment = at(SUPPORTERS.on);
      this.add(
        { ...moment, ms: moment.ms + index },
        'AddSupporter',
        { supporterId: demoId('supporter', key), name, affiliation },
        coordinator,
        { year: String(SUPPORTERS.year) },
      );
    });
    this.add(
      at(STRATEGIC_PARTNER.on),
      'AppointStrategicPartner',
      { organisation: STRATEGIC_PARTNER.organisation, description: STRATEGIC_PARTNER.description },
      coordinator,
      { year: String(STRATEGIC_PARTNER.year) },
    );
    this.add(
      at(THEMES_2013.on),
      'DefineYearThemes',
      { themes: THEMES_2013.themes.map((theme) => ({ ...theme })) },
      coordinator,
      { year: String(THEMES_2013.year) },
    );
  }

  // --- Doetanks --------------------------------------------------------------------------------------------------

  private doetank(spec: DoetankSpec): void {
    const doetankId = demoId('doetank', spec.key);
    const params = { doetankId };
    const proposer = this.proposers.get(spec.key)!;
    const coordinator = this.people.get('coordinator')!.id;
    const coachAt = (moment: number): Member | undefined => {
      if (spec.coachChange && moment >= at(spec.coachChange.on).ms)
        return this.people.get(spec.coachChange.coach);
      return spec.coach && moment >= at(spec.coach.on).ms ? this.people.get(spec.coach.coach) : undefined;
    };
    this.doetankProposedAt.set(spec.key, at(spec.proposedOn).ms);

    this.add(
      at(spec.proposedOn),
      'ProposeDoetank',
      {
        doetankId,
        title: spec.title,
        problemStatement: spec.problemStatement,
        proposedBy: proposer.id,
        ...(spec.themeId !== undefined && { themeId: spec.themeId }),
      },
      proposer.id,
    );
    for (const change of [spec.coach, spec.coachChange]) {
      if (change)
        this.add(
          at(change.on),
          'AssignCoach',
          { coachId: this.people.get(change.coach)!.id },
          coordinator,
          params,
        );
    }
    if (spec.client) {
      const moment = at(spec.client.on);
      const { organisation, contactName } = spec.client;
      this.add(
        moment,
        'SecureClient',
        { organisation, ...(contactName && { contactName }) },
        coachAt(moment.ms)?.id ?? proposer.id,
        params,
      );
    }
    if (spec.startedOn)
      this.add(at(spec.startedOn), 'StartDoetank', {}, coachAt(at(spec.startedOn).ms)!.id, params);

    // Members join; who of them acts later is chosen among those who are in by then.
    const joined: { member: Member; at: number }[] = [];
    if (spec.members) {
      const taken = new Set([proposer.id, ...[...this.people.values()].map((p) => p.id)]);
      const from = at(spec.members.from).ms;
      const to = at(spec.members.to).ms;
      const sectors: readonly Sector[] = spec.members.sectors;
      for (let i = 0; i < spec.members.count; i++) {
        const moment = this.dice.momentBetween(from, to);
        const member = this.someone(moment.ms, {
          exclude: taken,
          accept: this.dice.float() < 0.75 ? (m) => sectors.includes(m.sector) : undefined,
          minDays: 7,
        });
        taken.add(member.id);
        joined.push({ member, at: moment.ms });
        this.add(moment, 'JoinDoetank', { memberId: member.id }, member.id, params);
      }
    }
    const left = new Map<string, number>();
    if (spec.memberLeaves && joined.length > 0) {
      const moment = at(spec.memberLeaves);
      const leaver = this.dice.pick(joined.filter((j) => j.at < moment.ms)).member;
      left.set(leaver.id, moment.ms);
      this.add(moment, 'LeaveDoetank', {}, leaver.id, { doetankId, memberId: leaver.id });
    }
    const actor = (who: DoetankActor, moment: number): Member => {
      if (who === 'proposer') return proposer;
      if (who === 'coach') return coachAt(moment)!;
      const inDoetank = joined.filter((j) => j.at < moment && (left.get(j.member.id) ?? Infinity) > moment);
      return inDoetank.length > 0 ? this.dice.pick(inDoetank).member : proposer;
    };

    if (spec.sharpen) {
      const moment = at(spec.sharpen.on);
      const by = actor(spec.sharpen.by, moment.ms);
      this.add(
        moment,
        'SharpenProblemStatement',
        { problemStatement: spec.sharpen.problemStatement, sharpenedBy: by.id },
        by.id,
        params,
      );
    }
    spec.results?.forEach((result, index) => {
      const moment = at(result.on);
      const by = actor(result.by, moment.ms);
      this.add(
        moment,
        'ShareResult',
        {
          resultId: demoId('result', `${spec.key}-${index + 1}`),
          kind: result.kind,
          title: result.title,
          ...(result.file && {
            link: `https://www.example.nl/slimmernetwerk/doetanks/${spec.key}/${result.file}`,
          }),
          sharedBy: by.id,
        },
        by.id,
        params,
      );
    });
    spec.lessons?.forEach((lesson, index) => {
      const moment = at(lesson.on);
      const by = actor(lesson.by, moment.ms);
      this.add(
        moment,
        'RecordLesson',
        { lessonId: demoId('lesson', `${spec.key}-${index + 1}`), lesson: lesson.lesson, recordedBy: by.id },
        by.id,
        params,
      );
    });
    if (spec.concluded) {
      const moment = at(spec.concluded.on);
      this.add(
        moment,
        'ConcludeDoetank',
        { conclusion: spec.concluded.conclusion },
        coachAt(moment.ms)!.id,
        params,
      );
    }
    if (spec.stopped) {
      const moment = at(spec.stopped.on);
      this.add(
        moment,
        'StopDoetank',
        { reason: spec.stopped.reason },
        coachAt(moment.ms)?.id ?? coordinator,
        params,
      );
    }
  }

  // --- gatherings ------------------------------------------------------------------------------------------------

  private gathering(spec: GatheringSpec): void {
    const gatheringId = demoId('gathering', spec.key);
    const params = { gatheringId };
    const coordinator = this.people.get('coordinator')!;
    const scheduled = at(spec.scheduledOn);
    const starts = at(spec.startsAt);
    const closes = spec.cancelled ? at(spec.cancelled.on).ms : starts.ms;

    this.add(
      scheduled,
      'ScheduleGathering',
      {
        gatheringId,
        kind: spec.kind,
        title: spec.title,
        startsAt: starts.iso,
        venue: spec.venue,
        city: spec.city,
        capacity: spec.capacity,
      },
      coordinator.id,
    );

    // The programme: after the gathering was scheduled and the Doetanks it spotlights were proposed.
    spec.programme.forEach((item, index) => {
      const doetankReady = item.doetank ? (this.doetankProposedAt.get(item.doetank) ?? Infinity) + DAY : 0;
      const moment = at(localWhen(Math.max(scheduled.ms + 2 * DAY, doetankReady) + index * HOUR));
      if (moment.ms >= closes) throw new Error(`programme item of ${spec.key} after the gathering`);
      const speaker =
        item.speaker === undefined
          ? undefined
          : typeof item.speaker === 'string'
            ? item.speaker
            : 'person' in item.speaker
              ? this.speaker(this.people.get(item.speaker.person)!)
              : this.speaker(this.proposers.get(item.speaker.doetankProposer)!);
      this.add(
        moment,
        'AddProgrammeItem',
        {
          itemId: demoId('programme-item', `${spec.key}-${index + 1}`),
          title: item.title,
          ...(speaker && { speaker }),
          ...(item.doetank && { doetankId: demoId('doetank', item.doetank) }),
        },
        coordinator.id,
        params,
      );
    });

    // Who registers: the people on stage and the coordinator first, then regulars and others.
    const story = new Set<Member>([coordinator]);
    for (const item of spec.programme) {
      if (typeof item.speaker === 'object' && 'person' in item.speaker)
        story.add(this.people.get(item.speaker.person)!);
      if (typeof item.speaker === 'object' && 'doetankProposer' in item.speaker)
        story.add(this.proposers.get(item.speaker.doetankProposer)!);
    }
    if (spec.kind === 'grand-cafe') {
      for (const person of this.people.values()) story.add(person);
      for (const item of spec.programme) if (item.doetank) story.add(this.proposers.get(item.doetank)!);
    }
    const registrationOpens = scheduled.ms + HOUR;
    const registrationCloses = closes - 2 * HOUR;
    const registrants =
      spec.kind === 'masterclass'
        ? this.masterclassCohort()
        : this.registrants(spec, story, registrationCloses);
    const registered = registrants.map((member) => ({
      member,
      at: this.dice.momentBetween(Math.max(registrationOpens, member.joined.ms + DAY), registrationCloses),
    }));
    for (const { member, at: moment } of registered) {
      this.add(moment, 'RegisterForGathering', { memberId: member.id }, member.id, params);
    }

    const mayDropOut = this.dice.shuffle(registered.filter((r) => !story.has(r.member)));
    const cancelling = mayDropOut.slice(0, spec.cancellations);
    for (const { member, at: registeredAt } of cancelling) {
      const moment = this.dice.momentBetween(registeredAt.ms + HOUR, registrationCloses);
      this.add(moment, 'CancelRegistration', {}, member.id, { gatheringId, memberId: member.id });
    }
    if (spec.cancelled) {
      this.add(
        at(spec.cancelled.on),
        'CancelGathering',
        { reason: spec.cancelled.reason },
        coordinator.id,
        params,
      );
      return;
    }

    const noShows = new Set(
      mayDropOut.slice(spec.cancellations, spec.cancellations + spec.noShows).map((r) => r.member.id),
    );
    const cancelled = new Set(cancelling.map((r) => r.member.id));
    const attendees = registered
      .map((r) => r.member)
      .filter((m) => !cancelled.has(m.id) && !noShows.has(m.id));
    const present = new Set(registrants.map((m) => m.id));
    for (let i = 0; i < spec.walkIns; i++) {
      const walkIn = this.someone(starts.ms, { exclude: present });
      present.add(walkIn.id);
      attendees.push(walkIn);
    }
    const held = at(localWhen(starts.ms + (spec.kind === 'grand-cafe' ? 4.5 : 3) * HOUR));
    this.add(held, 'RecordGatheringHeld', { attendees: attendees.map((m) => m.id) }, coordinator.id, params);
    if (spec.report) {
      const { on, ...report } = spec.report;
      this.add(at(on), 'RecordGatheringReport', report, coordinator.id, params);
    }
  }

  private speaker(member: Member): string {
    return `${member.name} (${member.organisation})`;
  }

  private registrants(spec: GatheringSpec, story: ReadonlySet<Member>, closes: number): Member[] {
    const chosen = new Set<string>([...story].map((m) => m.id));
    const result = [...story];
    while (result.length < spec.registrations) {
      const fromRegulars = this.dice.float() < 0.3;
      const member = this.someone(closes, {
        from: fromRegulars ? this.regularsByJoin() : undefined,
        exclude: chosen,
      });
      chosen.add(member.id);
      result.push(member);
    }
    return result;
  }

  private regularsByJoin(): Member[] {
    return [...this.regulars].sort((a, b) => a.joined.ms - b.joined.ms);
  }

  private cohort?: Member[];

  /** One group of managers and administrators for the whole Masterclass series. */
  private masterclassCohort(): Member[] {
    if (!this.cohort) {
      const cohort: Member[] = [];
      const chosen = new Set<string>();
      while (cohort.length < MASTERCLASS_COHORT) {
        const member = this.someone(at([2012, 6, 18, 0, 0]).ms, {
          accept: (m) => m.role !== 'professional' && !this.isStoryPerson(m),
          exclude: chosen,
        });
        chosen.add(member.id);
        cohort.push(member);
      }
      this.cohort = cohort;
    }
    return this.cohort;
  }

  // --- the online group ------------------------------------------------------------------------------------------

  private discussions(): void {
    const coordinator = this.people.get('coordinator')!;
    // The group grew with the programme: most undated discussions fall in 2012.
    const periods = [
      [at([2011, 1, 25, 0, 0]).ms, at([2011, 12, 20, 22, 0]).ms],
      [at([2012, 1, 3, 0, 0]).ms, at([2012, 11, 20, 22, 0]).ms],
    ] as const;
    DISCUSSIONS.forEach((spec, index) => {
      const discussionId = demoId('discussion', index + 1);
      const [from, to] = periods[this.dice.float() < 0.3 ? 0 : 1];
      const moment = spec.on ? at(spec.on) : this.dice.momentBetween(from, to);
      const starter = spec.doetank
        ? this.proposers.get(spec.doetank)!
        : this.someone(moment.ms, { minDays: 1 });
      const slug = asciiWord(spec.title.replace(/\s+/g, '-'))
        .replace(/-+/g, '-')
        .replace(/^-|-$/g, '')
        .slice(0, 60);
      this.add(
        moment,
        'StartDiscussion',
        {
          discussionId,
          title: spec.title,
          link: `https://www.example.nl/slimmernetwerk/groep/discussies/${index + 1}-${slug}`,
          startedBy: starter.id,
          ...(spec.themeId && { themeId: spec.themeId }),
          ...(spec.doetank && { doetankId: demoId('doetank', spec.doetank) }),
        },
        starter.id,
      );
      const closes = moment.ms + this.dice.int(30, 120) * DAY;
      if (this.dice.float() < 0.45 && closes < at([2012, 12, 21, 0, 0]).ms) {
        this.add(this.dice.momentBetween(closes - DAY, closes), 'CloseDiscussion', {}, coordinator.id, {
          discussionId,
        });
      }
    });
  }
}

/** Builds the demo year. Pure and deterministic: every call gives the same lines. */
export function generateDemo(): DemoYear {
  const lines = new DemoGenerator().generate();
  return { lines, facts: summariseDemo(lines) };
}

/** The demo year as the file holds it: one line per command, a line break after each. */
export function demoNdjson(lines: readonly ImportLine[] = generateDemo().lines): string {
  return lines.map(formatImportLine).join('\n') + '\n';
}

/** `npm run demo:generate [-- <file>]`: writes the demo year and prints its figures. */
function main(args: string[]): void {
  const file = resolve(args[0] ?? DEMO_FILE);
  const { lines, facts } = generateDemo();
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, demoNdjson(lines));
  process.stdout.write(`${file}: ${lines.length} lines\n${JSON.stringify(facts, null, 2)}\n`);
}

if (require.main === module) main(process.argv.slice(2));
