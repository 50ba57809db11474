import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseImportLine } from '../../apps/api/src/import/import-line';
import { DEMO_FILE, DEMO_IDS, demoNdjson, generateDemo } from './generate-demo';
import { LINKEDIN_GROUP } from './demo-content';

const REPOSITORY = resolve(__dirname, '../..');

describe('The demo year', () => {
  const { lines, facts } = generateDemo();

  it('is the committed file (run `npm run demo:generate` after changing the generator)', () => {
    const committed = readFileSync(resolve(REPOSITORY, DEMO_FILE), 'utf8');
    expect(committed === demoNdjson(lines)).toBe(true);
  });

  it('is the same on every generation', () => {
    expect(demoNdjson(generateDemo().lines)).toBe(demoNdjson(lines));
  });

  it('is made of lines the importer sends, each with its own idempotency key', () => {
    const text = demoNdjson(lines).split('\n').filter(Boolean);
    const parsed = text.map((line, index) => parseImportLine(line, 'demo.ndjson', index + 1));
    expect(parsed.filter((p) => p.kind !== 'request')).toEqual([]);
    expect(new Set(lines.map((l) => l.idempotencyKey)).size).toBe(lines.length);
  });

  it('runs in business-time order, all of it in 2011 and 2012', () => {
    const times = lines.map((l) => Date.parse(l.occurredAt));
    expect(times.every((t, i) => i === 0 || t >= times[i - 1])).toBe(true);
    expect(new Date(times[0]).getUTCFullYear()).toBe(2011);
    expect(new Date(times[times.length - 1]).getUTCFullYear()).toBe(2012);
  });

  it('gives every member a unique address at an example domain', () => {
    const emails = lines.filter((l) => l.command === 'JoinNetwork').map((l) => String(l.body?.email));
    expect(new Set(emails.map((e) => e.toLowerCase())).size).toBe(emails.length);
    expect(emails.every((e) => /^[a-z0-9.-]+@([a-z0-9-]+\.)?example\.nl$/.test(e))).toBe(true);
  });

  it('registers about a thousand members by the end of 2012, some hundreds of them from 2011: fewer than the LinkedIn group', () => {
    expect(facts.years[2011].members.joined).toBeGreaterThan(300);
    expect(facts.years[2011].members.joined).toBeLessThan(500);
    expect(facts.years[2012].members.totalAtYearEnd).toBeGreaterThan(900);
    expect(facts.years[2012].members.totalAtYearEnd).toBeLessThan(1300);
    // The community around the network (about 3,000) is measured on its own, not reached by registrations.
    expect(facts.years[2012].members.totalAtYearEnd).toBeLessThan(LINKEDIN_GROUP.size / 2);
    for (const sector of Object.keys(facts.years[2012].members.joinedBySector)) {
      expect(facts.years[2012].members.joinedBySector[sector as 'rijk']).toBeGreaterThan(0);
    }
  });

  it('has about ten Doetanks in every stage, one of them stopped with a reason', () => {
    const { doetankStages } = facts;
    const total = Object.values(doetankStages).reduce((a, b) => a + b, 0);
    expect(total).toBeGreaterThanOrEqual(8);
    expect(total).toBeLessThanOrEqual(14);
    expect(doetankStages).toMatchObject({ stopped: 1 });
    expect(doetankStages.concluded).toBeGreaterThan(1);
    expect(doetankStages.started).toBeGreaterThan(1);
    expect(doetankStages.proposed).toBeGreaterThan(0);
    const stop = lines.find((l) => l.command === 'StopDoetank');
    expect(String(stop?.body?.reason)).not.toBe('');
  });

  it("records the film 'Innoveren door professionals' as the network's result by its maker, not a Doetank's", () => {
    expect(lines.some((l) => l.command === 'ShareResult' && l.body?.kind === 'film')).toBe(false);
    // No Doetank claims it: not in its conclusion, results or lessons, nor through the programme item that shows it.
    const doetankLines = lines.filter((l) =>
      ['ConcludeDoetank', 'ShareResult', 'RecordLesson'].includes(l.command),
    );
    for (const line of doetankLines) expect(JSON.stringify(line.body)).not.toMatch(/\bfilm|première/i);
    const screening = lines.filter(
      (l) => l.command === 'AddProgrammeItem' && /film/i.test(String(l.body?.title)),
    );
    expect(screening).toHaveLength(1);
    expect(screening[0].body?.doetankId).toBeUndefined();
    const film = lines.find((l) => l.command === 'PublishNetworkResult');
    expect(film?.body).toMatchObject({
      title: 'Innoveren door professionals',
      kind: 'film',
      makers: [{ name: 'Robin de Lange', role: 'filmmaker' }],
      publishedOn: '2012-11-22',
    });
  });

  it('records the programme as announced on 13 December 2011, the LinkedIn group and a foreword for 2012', () => {
    const programme = lines.find((l) => l.command === 'DescribeProgramme');
    expect(programme?.params?.year).toBe('2011');
    expect(programme?.body).toMatchObject({
      name: 'Innoveren door professionals, versterking en groei Slimmernetwerk',
      consortium: [{ organisation: 'Kennisland' }, { organisation: 'Kafkabrigade' }, { organisation: 'TNO' }],
      funder: { scheme: 'Beter Werken in het Openbaar Bestuur' },
      announcedOn: '2011-12-13',
      reconstruction: true,
    });
    expect(lines.find((l) => l.command === 'MeasureCommunitySize')?.body).toMatchObject({
      size: 3000,
      approximate: true,
      measuredOn: '2012-12-04',
    });
    expect(lines.find((l) => l.command === 'WriteForeword')?.params?.year).toBe('2012');
  });

  it('holds the Grand Café on 22 November 2012 in the Beurs van Berlage with about 100 people', () => {
    expect(facts.grandCafe).toMatchObject({
      gatheringId: DEMO_IDS.grandCafe,
      venue: 'Beurs van Berlage',
      city: 'Amsterdam',
      capacity: 120,
    });
    expect(facts.grandCafe!.startsAt.slice(0, 10)).toBe('2012-11-22');
    expect(facts.grandCafe!.attendees).toBeGreaterThanOrEqual(90);
    expect(facts.grandCafe!.attendees).toBeLessThanOrEqual(110);
    expect(facts.grandCafe!.registrations).toBeLessThanOrEqual(120);
    const programme = lines.filter(
      (l) => l.command === 'AddProgrammeItem' && l.params?.gatheringId === DEMO_IDS.grandCafe,
    );
    expect(programme.filter((l) => l.body?.doetankId !== undefined).length).toBeGreaterThanOrEqual(3);
    expect(programme.some((l) => /KING/.test(String(l.body?.title)))).toBe(true);
  });

  it('holds Cafés through both years and a Masterclass series of three', () => {
    expect(facts.years[2011].gatherings.cafe.held).toBeGreaterThanOrEqual(2);
    expect(facts.years[2012].gatherings.cafe.held).toBeGreaterThanOrEqual(4);
    expect(facts.years[2012].gatherings.masterclass.held).toBe(3);
  });

  const grandCafeId = () =>
    String(
      lines.find((l) => l.command === 'ScheduleGathering' && l.body?.kind === 'grand-cafe')!.body!
        .gatheringId,
    );

  it("records the Grand Café's report after it was held: the minister's director quoted in his role, the film with its maker", () => {
    const held = lines.findIndex(
      (l) => l.command === 'RecordGatheringHeld' && l.params?.gatheringId === grandCafeId(),
    );
    const report = lines.find((l) => l.command === 'RecordGatheringReport');
    expect(lines.indexOf(report!)).toBeGreaterThan(held);
    expect(report!.occurredAt).toMatch(/^2012-12-04/);
    const body = report!.body as {
      summary: string;
      quotes: { speaker: string; role?: string }[];
      links: { title: string; maker?: string }[];
    };
    expect(body.summary).toMatch(/Beurs van Berlage[\s\S]*KING[\s\S]*de gemeente zonder huis/);
    expect(body.quotes).toEqual([
      expect.objectContaining({
        speaker: 'Lucas Lombaers',
        role: expect.stringMatching(/Binnenlandse Zaken/),
      }),
    ]);
    expect(body.links).toContainEqual(
      expect.objectContaining({
        title: expect.stringMatching(/Innoveren door professionals/),
        maker: expect.stringMatching(/Robin de Lange/),
      }),
    );
  });

  it('records the supporters of 2012, KING as partner for 2013 and the five themes of 2013', () => {
    expect(facts.years[2012].supporters).toEqual(["Roel in 't Veld", 'Henk Volberda', 'Lucas Lombaers']);
    expect(facts.years[2013].partners).toEqual([expect.stringMatching(/^KING/)]);
    expect(facts.years[2013].themes).toEqual([
      '2013-lerende-overheid',
      '2013-mobiliteit-vanuit-veiligheid',
      '2013-open-overheidsdata',
      '2013-staat-van-de-gemeente',
      '2013-gemeente-zonder-huis',
    ]);
    expect(Object.keys(facts.years[2013].doetanksPerTheme).length).toBeGreaterThanOrEqual(2);
  });

  it('has dozens of discussions in the online group', () => {
    expect(facts.years[2012].discussions.started).toBeGreaterThanOrEqual(24);
    const started = lines.filter((l) => l.command === 'StartDiscussion');
    expect(started.every((l) => String(l.body?.link).startsWith('https://www.example.nl/'))).toBe(true);
  });
});
