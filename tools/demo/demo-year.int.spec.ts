import type { LoggerService } from '@nestjs/common';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { MEMBER_ROLES, SECTORS, GATHERING_KINDS } from '@app/contracts/vocabulary';
import { EVENT_STORE, type EventStore } from '@app/event-store';
import { loadDemoDataOnFirstStart } from '../../apps/api/src/import/demo-data.loader';
import type { ImportLine } from '../../apps/api/src/import/import-line';
import { splitLines } from '../../apps/api/src/import/importer';
import { ApiHarness } from '../../apps/api/test/api-harness';
import { summariseDemo } from './demo-facts';
import { DEMO_FILE, DEMO_IDS } from './generate-demo';

// The committed demo year goes through the product as a first start loads it: no line refused, and the
// retrospectives show what the generator's own count of the file (summariseDemo) says they must.

const silentLogger: LoggerService = { log: () => undefined, warn: () => undefined, error: () => undefined };

describe('The demo year', () => {
  const file = resolve(__dirname, '../..', DEMO_FILE);
  const text = readFileSync(file, 'utf8');
  const facts = summariseDemo(splitLines(text).map((line) => JSON.parse(line) as ImportLine));
  let api: ApiHarness;
  beforeAll(async () => {
    api = await ApiHarness.start({
      env: {
        EMBEDDED_PROJECTOR: 'true',
        DEMO_DATA: 'true',
        DEMO_DATA_FILE: file,
        SQLITE_SYNCHRONOUS: 'NORMAL',
        // The import's service token is not rate limited: thousands of lines pass a limit of 50 a minute.
        RATE_LIMIT_MAX: '50',
      },
    });
  });
  afterAll(() => api.stop());

  it('loads into an empty store on first start with no line refused, and the read models follow', async () => {
    const { decision, report } = await loadDemoDataOnFirstStart(api.application, api.config, silentLogger);
    expect(decision).toEqual({ load: true, reason: 'empty' });
    expect(report?.refused).toEqual([]);
    expect(report).toMatchObject({ lines: facts.lines, accepted: facts.lines, replayed: 0 });
  }, 300_000);

  it('is not loaded again on the next start', async () => {
    const store = api.get<EventStore>(EVENT_STORE);
    const head = await store.headPosition();
    const { decision } = await loadDemoDataOnFirstStart(api.application, api.config, silentLogger);
    expect(decision).toEqual({ load: false, reason: 'not-empty' });
    expect(await store.headPosition()).toBe(head);
  });

  describe('as the 2012 retrospective shows it', () => {
    let retro: any;
    let retro2013: any;
    beforeAll(async () => {
      const head = await api.get<EventStore>(EVENT_STORE).headPosition();
      retro = (await api.request('GET', `/retrospectives/2012?minPosition=${head}`)).body;
      retro2013 = (await api.request('GET', `/retrospectives/2013?minPosition=${head}`)).body;
    });
    const year = facts.years[2012];

    it('counts the members who joined and left, by sector and role, and the total at the end of the year', () => {
      expect(retro.members).toMatchObject({
        joined: year.members.joined,
        left: year.members.left,
        totalAtYearEnd: year.members.totalAtYearEnd,
      });
      for (const sector of SECTORS)
        expect(retro.members.bySector[sector].joined).toBe(year.members.joinedBySector[sector]);
      for (const role of MEMBER_ROLES)
        expect(retro.members.byRole[role].joined).toBe(year.members.joinedByRole[role]);
    });

    it('compares with 2011', () => {
      const before = facts.years[2011];
      expect(retro.previousYear).toMatchObject({
        membersJoined: before.members.joined,
        membersTotalAtYearEnd: before.members.totalAtYearEnd,
        doetanksProposed: before.doetanks.proposed,
        gatheringsHeld: before.gatherings.cafe.held,
      });
    });

    it('follows the Doetanks through their stages, with their results and lessons', () => {
      expect(retro.doetanks).toEqual(year.doetanks);
      expect(retro.results.byKind).toEqual(year.results);
      expect(retro.lessons).toBe(year.lessons);
    });

    it('counts gatherings, registrations and attendance by kind, with the Grand Café as it was', () => {
      for (const kind of GATHERING_KINDS)
        expect(retro.gatherings.byKind[kind]).toMatchObject(year.gatherings[kind]);
      const grandCafe = retro.gatherings.list.find(
        (g: { gatheringId: string }) => g.gatheringId === DEMO_IDS.grandCafe,
      );
      expect(grandCafe).toMatchObject({
        kind: 'grand-cafe',
        venue: 'Beurs van Berlage',
        city: 'Amsterdam',
        attendance: facts.grandCafe!.attendees,
      });
      expect(grandCafe.date.slice(0, 10)).toBe('2012-11-22');
    });

    it('counts the discussions and names the supporters', () => {
      expect(retro.discussions).toEqual(year.discussions);
      expect(retro.supporters.map((s: { name: string }) => s.name)).toEqual(year.supporters);
    });

    it('has KING as partner and the five themes, with the Doetanks that took them up, for 2013', () => {
      const next = facts.years[2013];
      expect(retro2013.partners.map((p: { organisation: string }) => p.organisation)).toEqual(next.partners);
      expect(retro2013.themes.map((t: { themeId: string }) => t.themeId)).toEqual(next.themes);
      for (const theme of retro2013.themes)
        expect(theme.doetanks).toBe(next.doetanksPerTheme[theme.themeId] ?? 0);
    });
  });
});
