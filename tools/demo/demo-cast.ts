import { MEMBER_ROLES, type MemberRole, type Sector } from '@app/contracts/vocabulary';
import type { ImportLine } from '../../apps/api/src/import/import-line';
import type { ImportCommand } from '../../apps/api/src/import/import-routes';
import {
  DOETANKS,
  FIRST_NAMES,
  LAST_NAMES,
  ORGANISATIONS,
  PEOPLE,
  ROLE_WEIGHTS,
  SECTOR_WEIGHTS,
  type Organisation,
  type PersonKey,
} from './demo-content';
import { Dice } from './demo-dice';
import { demoId, SEED } from './demo-ids';
import { at, DAY, type Moment } from './demo-time';

/**
 * New members per month (January to December), besides the people with a part in the story: those who registered
 * on the network's site, about a thousand by the end of 2012. The LinkedIn group around the network was larger
 * (about 3,000 on 4 December 2012): that is a community of its own, recorded with `MeasureCommunitySize`.
 */
const JOINS_PER_MONTH: Record<number, readonly number[]> = {
  2011: [60, 30, 26, 24, 24, 20, 12, 18, 32, 36, 40, 30],
  2012: [48, 60, 68, 64, 62, 54, 38, 50, 80, 90, 96, 62],
};
/** Members who leave the network again, by year. */
const LEAVERS_PER_YEAR: Record<number, number> = { 2011: 4, 2012: 12 };
const AFFILIATION_CHANGES_2012 = 14;
/** Members who come to gatherings more often than others. */
const REGULARS = 60;

const LEAVE_REASONS = [
  'Met pensioen.',
  'Nieuwe baan buiten de publieke sector.',
  'Te weinig tijd om actief te blijven.',
  undefined,
  undefined,
] as const;

export interface Member {
  id: string;
  name: string;
  organisation: string;
  sector: Sector;
  role: MemberRole;
  joined: Moment;
  /** Leaves the network later: never asked to do anything else. */
  leaves?: Moment;
}

export const asciiWord = (text: string): string =>
  text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ı/g, 'i')
    .toLowerCase()
    .replace(/[^a-z-]/g, '');

export interface Entry {
  at: Moment;
  /** Order of creation: breaks ties between lines at the same moment. */
  seq: number;
  line: Omit<ImportLine, 'idempotencyKey' | 'occurredAt'>;
}

/**
 * The people of the demo year and the lines recorded so far: who joined when, who leaves, who may be asked to act
 * at a moment. The Doetanks, gatherings and discussions draw their members from it, with its one set of dice.
 */
export class DemoCast {
  readonly dice = new Dice(SEED);
  readonly entries: Entry[] = [];
  private readonly emails = new Set<string>();
  readonly members: Member[] = [];
  /** Members who may be asked to do something (not leaving), sorted by the moment they joined. */
  active: Member[] = [];
  regulars: Member[] = [];
  readonly people = new Map<PersonKey, Member>();
  readonly proposers = new Map<string, Member>();
  readonly doetankProposedAt = new Map<string, number>();

  /** Everyone who joins, leaves or changes affiliation; then who may act, and the regulars of the gatherings. */
  assemble(): void {
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
  }

  add(
    moment: Moment,
    command: ImportCommand,
    body: Record<string, unknown>,
    actor: string,
    params?: Record<string, string>,
  ): void {
    this.entries.push({ at: moment, seq: this.entries.length, line: { command, params, body, actor } });
  }

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
          at(monthIndex === 11 ? [Number(year), 12, 28, 17, 0] : [Number(year), monthIndex + 2, 1, 0, 0]).ms -
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

  isStoryPerson(member: Member): boolean {
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
  someone(
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
}
