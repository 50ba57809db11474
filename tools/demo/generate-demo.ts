import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { formatImportLine, type ImportLine } from '../../apps/api/src/import/import-line';
import {
  DISCUSSIONS,
  DOETANKS,
  FOREWORD_2012,
  GATHERINGS,
  GRAND_CAFE_KEY,
  LINKEDIN_GROUP,
  NETWORK_FILM,
  PROGRAMME,
  STRATEGIC_PARTNER,
  SUPPORTERS,
  THEMES_2013,
  type When,
} from './demo-content';
import { asciiWord, DemoCast } from './demo-cast';
import { addDoetank } from './demo-doetanks';
import { summariseDemo, type DemoFacts } from './demo-facts';
import { DemoGatherings } from './demo-gatherings';
import { demoId } from './demo-ids';
import { at, DAY, pad } from './demo-time';

export { demoId } from './demo-ids';

/**
 * The demo year: a deterministic reconstruction of Slimmernetwerk in 2011 and 2012 as import lines (see
 * docs/import.md). The same code always gives the same file: a seeded PRNG, ids derived from names (UUIDv5), no
 * clock. `npm run demo:generate` writes it to {@link DEMO_FILE}; a unit test checks that the committed file is what
 * this generator makes. The people come from demo-cast.ts, the Doetanks from demo-doetanks.ts, the gatherings from
 * demo-gatherings.ts, the story's names and dates from demo-content.ts.
 */

/** Where the demo year lives, relative to the repository root (and the default of DEMO_DATA_FILE). */
export const DEMO_FILE = 'data/demo/slimmernetwerk-2012.ndjson';

/** Prefix of the demo's idempotency keys: `demo-2012-000001`. */
export const DEMO_KEY_PREFIX = 'demo-2012-';

/** Ids of what tests and the report may want to find in the demo. */
export const DEMO_IDS = {
  grandCafe: demoId('gathering', GRAND_CAFE_KEY),
  coordinator: demoId('member', 'coordinator'),
  doetank: (key: string) => demoId('doetank', key),
  gathering: (key: string) => demoId('gathering', key),
} as const;

const LAST_MOMENT: When = [2012, 12, 28, 17, 0];

/** The demo year: its lines in import order, and the figures they add up to. */
export interface DemoYear {
  lines: ImportLine[];
  facts: DemoFacts;
}

/** Builds the demo year. Pure and deterministic: every call gives the same lines. */
export function generateDemo(): DemoYear {
  const lines = generateLines();
  return { lines, facts: summariseDemo(lines) };
}

/** Every part of the year in the order the dice have always been rolled, then the lines sorted by business time. */
function generateLines(): ImportLine[] {
  const cast = new DemoCast();
  cast.assemble();
  networkYears(cast);
  for (const spec of DOETANKS) addDoetank(cast, spec);
  const gatherings = new DemoGatherings(cast);
  for (const spec of GATHERINGS) gatherings.add(spec);
  discussions(cast);

  const last = at(LAST_MOMENT).ms;
  const sorted = [...cast.entries].sort((a, b) => a.at.ms - b.at.ms || a.seq - b.seq);
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

// --- network years ---------------------------------------------------------------------------------------------

function networkYears(cast: DemoCast): void {
  const coordinator = cast.people.get('coordinator')!.id;
  SUPPORTERS.list.forEach(({ key, name, affiliation }, index) => {
    const moment = at(SUPPORTERS.on);
    cast.add(
      { ...moment, ms: moment.ms + index },
      'AddSupporter',
      { supporterId: demoId('supporter', key), name, affiliation },
      coordinator,
      { year: String(SUPPORTERS.year) },
    );
  });
  cast.add(
    at(STRATEGIC_PARTNER.on),
    'AppointStrategicPartner',
    { organisation: STRATEGIC_PARTNER.organisation, description: STRATEGIC_PARTNER.description },
    coordinator,
    { year: String(STRATEGIC_PARTNER.year) },
  );
  cast.add(
    at(THEMES_2013.on),
    'DefineYearThemes',
    { themes: THEMES_2013.themes.map((theme) => ({ ...theme })) },
    coordinator,
    { year: String(THEMES_2013.year) },
  );
  editorial(cast, coordinator);
}

/** The founding documents' facts that are no member's doing: the programme, the film, the LinkedIn group, a foreword. */
function editorial(cast: DemoCast, coordinator: string): void {
  cast.add(
    at(PROGRAMME.on),
    'DescribeProgramme',
    {
      name: PROGRAMME.name,
      goals: [...PROGRAMME.goals],
      consortium: PROGRAMME.consortium.map((organisation) => ({ organisation })),
      funder: { ...PROGRAMME.funder },
      announcedOn: PROGRAMME.announcedOn,
      reconstruction: true,
    },
    coordinator,
    { year: String(PROGRAMME.year), programmeId: demoId('programme', PROGRAMME.key) },
  );
  cast.add(
    at(NETWORK_FILM.on),
    'PublishNetworkResult',
    {
      resultId: demoId('network-result', NETWORK_FILM.key),
      title: NETWORK_FILM.title,
      kind: 'film',
      description: NETWORK_FILM.description,
      makers: NETWORK_FILM.makers.map((maker) => ({ ...maker })),
      publishedOn: NETWORK_FILM.publishedOn,
    },
    coordinator,
    { year: String(NETWORK_FILM.year) },
  );
  cast.add(
    at(LINKEDIN_GROUP.on),
    'MeasureCommunitySize',
    {
      community: LINKEDIN_GROUP.community,
      size: LINKEDIN_GROUP.size,
      approximate: true,
      measuredOn: LINKEDIN_GROUP.measuredOn,
    },
    coordinator,
    { year: String(LINKEDIN_GROUP.year) },
  );
  cast.add(
    at(FOREWORD_2012.on),
    'WriteForeword',
    {
      text: FOREWORD_2012.text,
      signedBy: { name: cast.people.get('coordinator')!.name, role: FOREWORD_2012.role },
    },
    coordinator,
    { year: String(FOREWORD_2012.year) },
  );
}

// --- the online group ------------------------------------------------------------------------------------------

function discussions(cast: DemoCast): void {
  const coordinator = cast.people.get('coordinator')!;
  // The group grew with the programme: most undated discussions fall in 2012.
  const periods = [
    [at([2011, 1, 25, 0, 0]).ms, at([2011, 12, 20, 22, 0]).ms],
    [at([2012, 1, 3, 0, 0]).ms, at([2012, 11, 20, 22, 0]).ms],
  ] as const;
  DISCUSSIONS.forEach((spec, index) => {
    const discussionId = demoId('discussion', index + 1);
    const [from, to] = periods[cast.dice.float() < 0.3 ? 0 : 1];
    const moment = spec.on ? at(spec.on) : cast.dice.momentBetween(from, to);
    const starter = spec.doetank
      ? cast.proposers.get(spec.doetank)!
      : cast.someone(moment.ms, { minDays: 1 });
    const slug = asciiWord(spec.title.replace(/\s+/g, '-'))
      .replace(/-+/g, '-')
      .replace(/^-|-$/g, '')
      .slice(0, 60);
    cast.add(
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
    const closes = moment.ms + cast.dice.int(30, 120) * DAY;
    if (cast.dice.float() < 0.45 && closes < at([2012, 12, 21, 0, 0]).ms) {
      cast.add(cast.dice.momentBetween(closes - DAY, closes), 'CloseDiscussion', {}, coordinator.id, {
        discussionId,
      });
    }
  });
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
