import { ApiHarness, joinMember } from './api-harness';
import { scriptHistory, walkPages, type ExpectedEntry, type ScriptedHistory } from './read-model-history';

const EMBEDDED = { EMBEDDED_PROJECTOR: 'true' };

/** The fields of an entry the expectations name. */
const shape = (entry: any): ExpectedEntry => ({
  type: entry.type,
  occurredAt: entry.occurredAt,
  kind: entry.kind,
  ...(entry.doetankId !== undefined && { doetankId: entry.doetankId }),
  ...(entry.gatheringId !== undefined && { gatheringId: entry.gatheringId }),
  memberIds: entry.memberIds,
  themeIds: entry.themeIds,
});

describe('The timeline', () => {
  let api: ApiHarness;
  let history: ScriptedHistory;
  let minPosition: string;
  beforeAll(async () => {
    api = await ApiHarness.start({ env: EMBEDDED });
    history = await scriptHistory(api);
    minPosition = `minPosition=${history.lastPosition}`;
  });
  afterAll(() => api.stop());

  const timeline = async (query = '') => {
    const answer = await api.request('GET', `/timeline?${minPosition}&limit=100${query ? `&${query}` : ''}`);
    expect(answer.status).toBe(200);
    expect(answer.headers.get('x-read-model-consistent')).toBe('true');
    return answer.body.items as any[];
  };
  const expected = (keep: (entry: ExpectedEntry) => boolean = () => true) => history.timeline.filter(keep);

  it('shows every meaningful event exactly once, newest first by business time', async () => {
    const items = await timeline();
    expect(items.map(shape)).toEqual(expected());
    expect(items).toHaveLength(21);
    for (const item of items) {
      expect(item).not.toHaveProperty('lastEventPosition');
      expect(item.summary).toEqual(expect.any(String));
    }
  });

  it('summarises entries in Dutch by default, with current names and theme titles', async () => {
    const { fatima, pieter } = history.ids;
    const items = await timeline();
    const summaryOf = (type: string, match: (entry: any) => boolean = () => true) =>
      items.find((e) => e.type === type && match(e))?.summary;
    expect(summaryOf('DoetankProposed', (e) => e.memberIds[0] === fatima)).toBe(
      "Fatima El Amrani stelde Doetank 'De gemeente zonder huis' voor (thema 'Slim werken')",
    );
    expect(summaryOf('ResultShared')).toBe(
      "Anna Bakker deelde een business case 'Businesscase flexwerken' uit Doetank 'De gemeente zonder huis'",
    );
    expect(summaryOf('GatheringHeld')).toBe('Grand Café in Beurs van Berlage gehouden met 3 deelnemers');
    expect(summaryOf('YearThemesDefined')).toBe(
      "Thema's voor 2012 vastgesteld: 'Slim werken' en 'Open data'",
    );
    // Pieter was forgotten: nothing that names him shows his name any more.
    expect(summaryOf('DoetankProposed', (e) => e.memberIds[0] === pieter)).toBe(
      "Vergeten lid stelde Doetank 'Regels op de werkvloer' voor",
    );
    expect(summaryOf('MemberJoined', (e) => e.memberIds[0] === pieter)).toBe(
      'Vergeten lid sloot zich aan bij het netwerk (Politie Amsterdam)',
    );
    expect(JSON.stringify(items)).not.toContain('Pieter Jansen');
    expect(JSON.stringify(items)).not.toContain('@example.nl');
  });

  it('summarises in English with lang=en', async () => {
    const { pieter } = history.ids;
    const items = await timeline('lang=en');
    expect(items.find((e) => e.type === 'DoetankConcluded').summary).toBe(
      "Doetank 'De gemeente zonder huis' concluded",
    );
    expect(items.find((e) => e.type === 'MemberLeft' && e.memberIds[0] === pieter).summary).toBe(
      'Forgotten member left the network',
    );
  });

  describe('filters', () => {
    it('by kind', async () => {
      for (const kind of ['member', 'doetank', 'gathering', 'network', 'discussion'] as const) {
        const items = await timeline(`kind=${kind}`);
        expect(items.map(shape)).toEqual(expected((e) => e.kind === kind));
        expect(items.length).toBeGreaterThan(0);
      }
    });

    it('by Doetank, also finding a discussion about it', async () => {
      const { doetankA, doetankB } = history.ids;
      const ofA = await timeline(`doetank=${doetankA}`);
      expect(ofA.map(shape)).toEqual(expected((e) => e.doetankId === doetankA));
      expect(ofA.map((e) => e.type)).toContain('DiscussionStarted');
      expect((await timeline(`doetank=${doetankB}`)).map((e) => e.type)).toEqual([
        'DoetankStopped',
        'DoetankProposed',
      ]);
    });

    it('by member', async () => {
      const { anna } = history.ids;
      const items = await timeline(`member=${anna}`);
      expect(items.map(shape)).toEqual(expected((e) => e.memberIds.includes(anna)));
      expect(items.map((e) => e.type)).toEqual([
        'GatheringHeld',
        'ParticipantRegistered',
        'ResultShared',
        'MemberJoinedDoetank',
        'MemberJoined',
      ]);
    });

    it('by gathering', async () => {
      const { grandCafe } = history.ids;
      const items = await timeline(`gathering=${grandCafe}`);
      expect(items.map(shape)).toEqual(expected((e) => e.gatheringId === grandCafe));
      expect(items).toHaveLength(3);
    });

    it("by theme: its definition and its Doetanks' activity", async () => {
      const items = await timeline('theme=2012-slim-werken');
      expect(items.map(shape)).toEqual(expected((e) => e.themeIds.includes('2012-slim-werken')));
      expect(items).toHaveLength(8);
      expect((await timeline('theme=2012-open-data')).map((e) => e.type)).toEqual(['YearThemesDefined']);
    });

    it('by year of business time', async () => {
      for (const year of [2011, 2012, 2013]) {
        const items = await timeline(`year=${year}`);
        expect(items.map(shape)).toEqual(expected((e) => e.occurredAt.startsWith(String(year))));
      }
      expect(await timeline('year=2014')).toEqual([]);
    });

    it('by period: dates cover whole days, date-times are exact, both ends inclusive', async () => {
      const day = await timeline('from=2012-11-22&to=2012-11-22');
      expect(day.map((e) => e.type)).toEqual(['GatheringHeld', 'DoetankConcluded']);
      const exact = await timeline('from=2012-11-22T15:00:00Z&to=2012-11-22T23:00:00%2B00:00');
      expect(exact.map((e) => e.type)).toEqual(['GatheringHeld', 'DoetankConcluded']);
      const offset = await timeline('from=2012-11-22T16:00:00%2B01:00&to=2012-11-22T22:59:59Z');
      expect(offset.map((e) => e.type)).toEqual(['DoetankConcluded']);
      const since = await timeline('from=2013-01-01');
      expect(since.map(shape)).toEqual(expected((e) => e.occurredAt >= '2013'));
      const until = await timeline('to=2011-12-31');
      expect(until.map((e) => e.type)).toEqual(['YearThemesDefined']);
    });

    it('combined: every filter must hold', async () => {
      const { anna, doetankA } = history.ids;
      expect((await timeline(`kind=gathering&member=${anna}`)).map((e) => e.type)).toEqual([
        'GatheringHeld',
        'ParticipantRegistered',
      ]);
      expect(
        (await timeline(`doetank=${doetankA}&member=${anna}&from=2012-06-01`)).map((e) => e.type),
      ).toEqual(['ResultShared']);
      expect((await timeline(`theme=2012-slim-werken&kind=discussion&year=2012`)).map((e) => e.type)).toEqual(
        ['DiscussionStarted'],
      );
      expect(await timeline(`doetank=${doetankA}&year=2013`)).toEqual([]);
    });
  });

  describe('event types, order and total', () => {
    it('by event type: one, or several separated by commas', async () => {
      expect((await timeline('type=ResultShared')).map(shape)).toEqual(
        expected((e) => e.type === 'ResultShared'),
      );
      const highlights = ['DoetankStarted', 'DoetankConcluded', 'GatheringHeld'];
      expect((await timeline(`type=${highlights.join(',')}`)).map(shape)).toEqual(
        expected((e) => highlights.includes(e.type)),
      );
      for (const bad of [
        'EmailClaimed',
        'Nothing',
        'ResultShared,',
        'ResultShared,,GatheringHeld',
        'resultshared',
      ]) {
        const refused = await api.request('GET', `/timeline?type=${bad}`);
        expect(refused.status).toBe(400);
        expect(refused.body.detail).toMatch(/type must be one or more of/);
      }
    });

    it('oldest first, paged without repeats or gaps, with the other filters', async () => {
      const { items } = await walkPages(api, '/timeline?limit=4&order=oldest');
      expect(items.map(shape)).toEqual(expected().reverse());
      const { doetankA } = history.ids;
      const { items: ofDoetank } = await walkPages(api, `/timeline?limit=2&order=oldest&doetank=${doetankA}`);
      expect(ofDoetank.map(shape)).toEqual(expected((e) => e.doetankId === doetankA).reverse());
      const newest = await api.request('GET', '/timeline?limit=2');
      const refused = await api.request(
        'GET',
        `/timeline?limit=2&order=oldest&cursor=${newest.body.nextCursor}`,
      );
      expect(refused.status).toBe(400);
      expect((await api.request('GET', '/timeline?order=up')).status).toBe(400);
    });

    it('counts every entry the filters match when asked, whatever the page size', async () => {
      const all = await api.request('GET', `/timeline?${minPosition}&limit=3&total=true`);
      expect(all.body.total).toBe(21);
      expect(all.body.items).toHaveLength(3);
      const { doetankA } = history.ids;
      const some = await api.request('GET', `/timeline?limit=1&total=true&doetank=${doetankA}&order=oldest`);
      expect(some.body.total).toBe(expected((e) => e.doetankId === doetankA).length);
      expect((await api.request('GET', '/timeline?limit=1')).body).not.toHaveProperty('total');
      expect((await api.request('GET', '/timeline?total=yes')).status).toBe(400);
    });
  });

  describe('full-text search (q)', () => {
    const search = (words: string, more = '') => timeline(`q=${encodeURIComponent(words)}${more}`);

    it("finds a result by a word of its title, in the Dutch and in the English summary's words", async () => {
      const shared = expected((e) => e.type === 'ResultShared');
      expect(shared).toHaveLength(1);
      // The title's word alone, then with a Dutch and with an English word of the summary around it.
      for (const words of ['Flexwerken', 'deelde flexwerken', 'shared FLEXWERKEN', 'businesscase']) {
        expect((await search(words)).map(shape)).toEqual(shared);
      }
      expect((await search('flexwerken', '&lang=en'))[0].summary).toMatch(
        /^Anna Bakker shared a business case/,
      );
      // Every word must occur; a part of a word is not a word.
      expect(await search('flexwerken gehouden')).toEqual([]);
      expect(await search('flexwerk')).toEqual([]);
      const first = (await search('flexwerken'))[0];
      expect(first).not.toHaveProperty('search');
    });

    it('combines with the other filters, the order and the total', async () => {
      const { doetankA } = history.ids;
      const aboutA = expected((e) => e.doetankId === doetankA && e.kind === 'doetank');
      const words = 'gemeente zonder huis';
      const found = await search(words, `&doetank=${doetankA}&kind=doetank`);
      expect(found.length).toBeGreaterThan(1);
      expect(found.map(shape)).toEqual(
        aboutA.filter((e) => found.some((f) => f.occurredAt === e.occurredAt && f.type === e.type)),
      );
      const { items } = await walkPages(api, `/timeline?limit=1&order=oldest&q=${encodeURIComponent(words)}`);
      expect(items.map(shape)).toEqual((await search(words)).map(shape).reverse());
      const counted = await api.request('GET', `/timeline?limit=1&total=true&q=${encodeURIComponent(words)}`);
      expect(counted.body.total).toBe(items.length);
    });

    it('never finds a member by name, forgotten or not: summaries are indexed without names', async () => {
      for (const name of ['Pieter', 'Jansen', 'Fatima', 'Anna Bakker'])
        expect(await search(name)).toEqual([]);
      // A forgotten member's entries are still found by their other words, and never name them.
      const { pieter } = history.ids;
      const joined = (await search('politie amsterdam')).filter((e) => e.memberIds.includes(pieter));
      expect(joined.map((e) => e.summary)).toEqual([
        'Vergeten lid sloot zich aan bij het netwerk (Politie Amsterdam)',
      ]);
    });

    it('refuses a search without words or with too many', async () => {
      for (const bad of ['--', '', 'a '.repeat(17), 'x'.repeat(201)]) {
        const refused = await api.request('GET', `/timeline?q=${encodeURIComponent(bad)}`);
        expect(refused.status).toBe(400);
        expect(refused.body.detail).toMatch(/q must/);
      }
    });
  });

  describe('pagination', () => {
    it('walks every page without repeats or gaps', async () => {
      for (const limit of [1, 4, 7, 21]) {
        const { items, pages } = await walkPages(api, `/timeline?limit=${limit}`);
        expect(items.map(shape)).toEqual(expected());
        expect(pages).toBe(Math.ceil(21 / limit));
      }
    });

    it('pages a filtered listing', async () => {
      const { doetankA } = history.ids;
      const { items } = await walkPages(api, `/timeline?limit=2&doetank=${doetankA}&lang=en`);
      expect(items.map(shape)).toEqual(expected((e) => e.doetankId === doetankA));
    });

    it('gives 20 entries by default and no cursor after the last page', async () => {
      const first = await api.request('GET', '/timeline');
      expect(first.body.items).toHaveLength(20);
      expect(first.body.nextCursor).toEqual(expect.any(String));
      const second = await api.request('GET', `/timeline?cursor=${first.body.nextCursor}`);
      expect(second.body.items).toHaveLength(1);
      expect(second.body.nextCursor).toBeUndefined();
    });
  });
});

describe('Timeline pagination while new events arrive', () => {
  let api: ApiHarness;
  let history: ScriptedHistory;
  beforeAll(async () => {
    api = await ApiHarness.start({ env: EMBEDDED });
    history = await scriptHistory(api);
  });
  afterAll(() => api.stop());

  it('shows every entry that existed when paging began exactly once, in order', async () => {
    const before = await api.request('GET', `/timeline?limit=100&minPosition=${history.lastPosition}`);
    const existing: string[] = before.body.items.map((e: any) => e.id);
    expect(existing).toHaveLength(21);

    const first = await api.request('GET', '/timeline?limit=5');
    const seen: string[] = first.body.items.map((e: any) => e.id);
    expect(seen).toEqual(existing.slice(0, 5));

    // New events: newer than everything, older than the cursor, and between two entries still to come.
    for (const occurredAt of ['2014-06-01T10:00:00Z', '2012-01-10T09:30:00Z', '2011-01-01T00:00:00Z']) {
      await joinMember(api, { occurredAt });
    }
    const latest = await api.post('/members', {
      name: 'Nieuw Lid',
      email: `nieuw-${Date.now()}@example.nl`,
      organisation: 'Provincie Utrecht',
      sector: 'provincie',
      role: 'manager',
      occurredAt: '2012-07-01T00:00:00Z',
    });
    const position = latest.body.position;

    let cursor: string | undefined = first.body.nextCursor;
    while (cursor) {
      const page = await api.request('GET', `/timeline?limit=5&cursor=${cursor}&minPosition=${position}`);
      expect(page.status).toBe(200);
      seen.push(...page.body.items.map((e: any) => e.id));
      cursor = page.body.nextCursor;
    }
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.filter((id) => existing.includes(id))).toEqual(existing);
    // New entries older than the first page are found on later pages; the newest one is not (it is before page 1).
    expect(seen.length).toBe(existing.length + 3);
  });
});
