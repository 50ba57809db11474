import { scriptedHistoryForTests, THEMES, walkPages } from './read-model-history';
import { concludedDoetankDocument } from './walkthrough';

/**
 * The Doetanks, the member directory, the gatherings and the annual retrospective, read over HTTP after a small
 * scripted history written through the command endpoints (embedded projector).
 */
describe('Read models over HTTP', () => {
  const { api, history } = scriptedHistoryForTests();

  const get = async (path: string, status = 200) => {
    const separator = path.includes('?') ? '&' : '?';
    const answer = await api.request('GET', `${path}${separator}minPosition=${history().lastPosition}`);
    expect({ path, status: answer.status, body: answer.body }).toMatchObject({ status });
    expect(answer.headers.get('x-read-model-consistent')).toBe('true');
    return answer.body;
  };
  const ids = (items: { id: string }[]) => items.map((item) => item.id);

  describe('Doetanks', () => {
    it('lists them most recently active first, as summaries', async () => {
      const { doetankA, doetankB, fatima, joost, anna, pieter } = history().ids;
      const page = await get('/doetanks');
      expect(page.nextCursor).toBeUndefined();
      expect(page.items).toEqual([
        {
          id: doetankA,
          title: 'De gemeente zonder huis',
          stage: 'concluded',
          themeId: '2012-slim-werken',
          proposedBy: fatima,
          coachId: joost,
          memberIds: [fatima, anna],
          resultCount: 1,
          lessonCount: 0,
          proposedAt: '2012-02-01T10:00:00.000Z',
          startedAt: '2012-03-01T10:00:00.000Z',
          concludedAt: '2012-11-22T15:00:00.000Z',
          lastActivityAt: '2012-11-22T15:00:00.000Z',
        },
        {
          id: doetankB,
          title: 'Regels op de werkvloer',
          stage: 'stopped',
          proposedBy: pieter,
          memberIds: [pieter],
          resultCount: 0,
          lessonCount: 0,
          proposedAt: '2012-04-01T10:00:00.000Z',
          stoppedAt: '2012-06-01T10:00:00.000Z',
          lastActivityAt: '2012-06-01T10:00:00.000Z',
        },
      ]);
    });

    it('filters by stage, theme and member, alone and combined', async () => {
      const { doetankA, doetankB, anna, pieter, joost } = history().ids;
      expect(ids((await get('/doetanks?stage=stopped')).items)).toEqual([doetankB]);
      expect(ids((await get('/doetanks?stage=concluded')).items)).toEqual([doetankA]);
      expect(ids((await get('/doetanks?stage=started')).items)).toEqual([]);
      expect(ids((await get('/doetanks?theme=2012-slim-werken')).items)).toEqual([doetankA]);
      expect(ids((await get('/doetanks?theme=2012-open-data')).items)).toEqual([]);
      expect(ids((await get(`/doetanks?member=${anna}`)).items)).toEqual([doetankA]);
      expect(ids((await get(`/doetanks?member=${pieter}`)).items)).toEqual([doetankB]);
      expect(ids((await get(`/doetanks?member=${joost}`)).items)).toEqual([]);
      expect(
        ids((await get(`/doetanks?member=${anna}&stage=concluded&theme=2012-slim-werken`)).items),
      ).toEqual([doetankA]);
      expect(ids((await get(`/doetanks?member=${anna}&stage=stopped`)).items)).toEqual([]);
    });

    it('finds them by the start of any word of their title, by the key found, then title (the picker)', async () => {
      const { doetankA, doetankB } = history().ids;
      const search = async (q: string) => ids((await get(`/doetanks?q=${encodeURIComponent(q)}`)).items);
      expect(await search('gemeente z')).toEqual([doetankA]);
      expect(await search('ZONDER')).toEqual([doetankA]);
      expect(await search('werk')).toEqual([doetankB]);
      expect(await search('de')).toEqual([doetankA, doetankB]);
      expect(await search('nothing')).toEqual([]);
      expect(ids((await get('/doetanks?q=de&stage=concluded')).items)).toEqual([doetankA]);
      expect(ids((await walkPages(api, '/doetanks?q=de&limit=1')).items)).toEqual([doetankA, doetankB]);
      expect(JSON.stringify(await get('/doetanks?q=de'))).not.toContain('titleKeys');
      expect(JSON.stringify(await get(`/doetanks/${doetankA}`))).not.toContain('titleKeys');
      for (const bad of ['!!!', '', 'x'.repeat(201)]) {
        expect((await api.request('GET', `/doetanks?q=${encodeURIComponent(bad)}`)).status).toBe(400);
      }
    });

    it('pages one at a time', async () => {
      const { items, pages } = await walkPages(api, '/doetanks?limit=1');
      expect(ids(items)).toEqual([history().ids.doetankA, history().ids.doetankB]);
      expect(pages).toBe(2);
    });

    it('shows the detail of a Doetank, with results and conclusion', async () => {
      const { doetankA, fatima, joost, anna } = history().ids;
      const detail = await get(`/doetanks/${doetankA}`);
      expect(detail).toEqual(
        concludedDoetankDocument({
          id: doetankA,
          themeId: '2012-slim-werken',
          proposedBy: fatima,
          coachId: joost,
          memberIds: [fatima, anna],
          sharedBy: anna,
        }),
      );
      const stopped = await get(`/doetanks/${history().ids.doetankB}`);
      expect(stopped).toMatchObject({ stage: 'stopped', stopReason: 'Geen opdrachtgever gevonden' });
    });

    it('answers 404 DOETANK.NOT_FOUND for an unknown Doetank, and keeps history and state reachable', async () => {
      const unknown = await get('/doetanks/0f5c3a1e-8b2d-4e7f-9a6c-1d3b5e7f9a20', 404);
      expect(unknown).toMatchObject({ status: 404, code: 'DOETANK.NOT_FOUND' });
      const { doetankA } = history().ids;
      const historyAnswer = await api.request('GET', `/doetanks/${doetankA}/history`);
      expect(historyAnswer.status).toBe(200);
      expect(historyAnswer.body.events).toHaveLength(6);
      const state = await api.request('GET', `/doetanks/${doetankA}/state`);
      expect(state.body.state).toMatchObject({ status: 'concluded' });
    });

    it('answers the audit queries that cannot be answered with their problem details', async () => {
      const { doetankA } = history().ids;
      const unknown = '0f5c3a1e-8b2d-4e7f-9a6c-1d3b5e7f9a20';
      const answers = await Promise.all(
        [
          `/doetanks/${unknown}/history`,
          `/doetanks/${unknown}/state`,
          `/doetanks/${doetankA}/state?revision=99`,
          `/doetanks/${doetankA}/state?at=2000-01-01T00:00:00Z`,
          `/doetanks/${doetankA}/state?revision=1&at=2013-01-01T00:00:00Z`,
          `/gatherings/${unknown}`,
          `/members/${unknown}/personal-data`,
        ].map(async (path) => {
          const { status, body } = await api.request('GET', path);
          return { status, code: body.code, detail: body.detail };
        }),
      );
      expect(answers).toEqual([
        { status: 404, code: 'DOETANK.NOT_FOUND', detail: `Doetank ${unknown} does not exist` },
        { status: 404, code: 'DOETANK.NOT_FOUND', detail: `Doetank ${unknown} does not exist` },
        {
          status: 404,
          code: 'DOETANK.NO_SUCH_REVISION',
          detail: `Doetank ${doetankA} has no revision 99; its newest is 5`,
        },
        {
          status: 404,
          code: 'DOETANK.NOT_YET_PROPOSED',
          detail: `Doetank ${doetankA} did not exist yet at 2000-01-01T00:00:00Z`,
        },
        { status: 400, code: 'REQUEST.INVALID', detail: 'Give either revision or at, not both' },
        { status: 404, code: 'GATHERING.NOT_FOUND', detail: `Gathering ${unknown} does not exist` },
        { status: 404, code: 'MEMBER.NOT_FOUND', detail: `Member ${unknown} does not exist` },
      ]);
    });
  });

  describe('The member directory', () => {
    it('lists every member, newest first, without e-mail addresses; a forgotten member has no name', async () => {
      const { fatima, joost, anna, pieter, doetankA, doetankB } = history().ids;
      const page = await get('/members');
      expect(page.items).toEqual([
        {
          id: pieter,
          name: null,
          forgotten: true,
          organisation: 'Politie Amsterdam',
          sector: 'politie',
          role: 'administrator',
          status: 'forgotten',
          joinedAt: '2012-01-13T09:00:00.000Z',
          leftAt: '2013-03-01T10:00:00.000Z',
          forgottenAt: '2013-04-01T10:00:00.000Z',
          doetankIds: [doetankB],
          memberOf: [doetankB],
          coachOf: [],
        },
        {
          id: anna,
          name: 'Anna Bakker',
          forgotten: false,
          organisation: 'Rijkswaterstaat',
          sector: 'uitvoeringsorganisatie',
          role: 'professional',
          status: 'active',
          joinedAt: '2012-01-12T09:00:00.000Z',
          doetankIds: [doetankA],
          memberOf: [doetankA],
          coachOf: [],
        },
        expect.objectContaining({ id: joost, name: 'Joost Verhoeven', coachOf: [doetankA], memberOf: [] }),
        expect.objectContaining({ id: fatima, name: 'Fatima El Amrani', memberOf: [doetankA] }),
      ]);
      const text = JSON.stringify(page);
      expect(text).not.toContain('email');
      expect(text).not.toContain('@example.nl');
      expect(text).not.toContain('Pieter Jansen');
    });

    it('filters by status, sector, organisation and Doetank, sorted by name', async () => {
      const { fatima, joost, anna, pieter, doetankA, doetankB } = history().ids;
      expect(ids((await get('/members?status=forgotten')).items)).toEqual([pieter]);
      expect(ids((await get('/members?status=active')).items)).toEqual([anna, fatima, joost]);
      expect(ids((await get('/members?status=left')).items)).toEqual([]);
      expect(ids((await get('/members?sector=gemeente')).items)).toEqual([fatima]);
      expect(ids((await get('/members?organisation=Rijkswaterstaat')).items)).toEqual([anna]);
      expect(
        ids((await get(`/members?organisation=${encodeURIComponent('Gemeente Zaanstad')}`)).items),
      ).toEqual([fatima]);
      // Members and the coach of a Doetank.
      expect(ids((await get(`/members?doetank=${doetankA}`)).items)).toEqual([anna, fatima, joost]);
      expect(ids((await get(`/members?doetank=${doetankB}`)).items)).toEqual([pieter]);
      expect(ids((await get(`/members?doetank=${doetankA}&sector=overig`)).items)).toEqual([joost]);
      expect(ids((await get(`/members?status=active&sector=politie`)).items)).toEqual([]);
    });

    it('finds members by the start of any word of their name, accents and case ignored (the typeahead)', async () => {
      const { fatima, joost, anna } = history().ids;
      const search = async (q: string) => ids((await get(`/members?q=${encodeURIComponent(q)}`)).items);
      expect(await search('an')).toEqual([anna]);
      expect(await search('BAK')).toEqual([anna]);
      expect(await search('el a')).toEqual([fatima]);
      expect(await search('fatima el amrani')).toEqual([fatima]);
      expect(await search('fátima')).toEqual([fatima]);
      expect(await search('ver')).toEqual([joost]);
      expect(await search('nobody')).toEqual([]);
      // A forgotten member is not found by the name they had.
      expect(await search('pieter')).toEqual([]);
      expect(await search('jansen')).toEqual([]);
      // By the key found, then by name: "amrani" (Fatima el Amrani) before "anna bakker".
      expect(ids((await get(`/members?q=a&status=active`)).items)).toEqual([fatima, anna]);
      expect(ids((await walkPages(api, '/members?q=a&limit=1')).items)).toEqual([fatima, anna]);
      const page = await get('/members?q=bakker');
      expect(JSON.stringify(page)).not.toContain('nameKeys');
      for (const bad of ['!!!', ' ', '']) {
        const refused = await api.request('GET', `/members?q=${encodeURIComponent(bad)}`);
        expect(refused.status).toBe(400);
      }
    });

    it('pages without repeats', async () => {
      const all = ids((await get('/members')).items);
      expect(ids((await walkPages(api, '/members?limit=1')).items)).toEqual(all);
      const active = ids((await get('/members?status=active')).items);
      expect(ids((await walkPages(api, '/members?status=active&limit=2')).items)).toEqual(active);
    });
  });

  describe('Gatherings', () => {
    it('lists them latest first, as summaries', async () => {
      const { grandCafe, cafe } = history().ids;
      const page = await get('/gatherings');
      expect(page.items).toEqual([
        {
          id: cafe,
          kind: 'cafe',
          title: 'Café Den Haag',
          startsAt: '2013-03-14T16:00:00.000Z',
          year: 2013,
          venue: 'Nieuwspoort',
          city: 'Den Haag',
          capacity: 40,
          status: 'cancelled',
          registeredCount: 0,
          attendedCount: 0,
          cancelReason: 'Te weinig aanmeldingen',
        },
        {
          id: grandCafe,
          kind: 'grand-cafe',
          title: 'Grand Café Slimmernetwerk 2012',
          startsAt: '2012-11-22T18:00:00.000Z',
          year: 2012,
          venue: 'Beurs van Berlage',
          city: 'Amsterdam',
          capacity: 100,
          status: 'held',
          registeredCount: 1,
          attendedCount: 3,
          heldOn: expect.stringMatching(/^2012-11-22T/),
        },
      ]);
    });

    it('filters by kind, year and status', async () => {
      const { grandCafe, cafe } = history().ids;
      expect(ids((await get('/gatherings?kind=cafe')).items)).toEqual([cafe]);
      expect(ids((await get('/gatherings?kind=masterclass')).items)).toEqual([]);
      expect(ids((await get('/gatherings?year=2012')).items)).toEqual([grandCafe]);
      expect(ids((await get('/gatherings?status=held')).items)).toEqual([grandCafe]);
      expect(ids((await get('/gatherings?status=scheduled')).items)).toEqual([]);
      expect(ids((await get('/gatherings?year=2013&kind=cafe&status=cancelled')).items)).toEqual([cafe]);
      expect(ids((await get('/gatherings?year=2013&kind=grand-cafe')).items)).toEqual([]);
      expect(ids((await walkPages(api, '/gatherings?limit=1')).items)).toEqual([cafe, grandCafe]);
    });

    it('shows the detail of a gathering, and 404 GATHERING.NOT_FOUND for an unknown one', async () => {
      const { grandCafe, anna, pieter, fatima } = history().ids;
      const detail = await get(`/gatherings/${grandCafe}`);
      expect(detail).toMatchObject({
        id: grandCafe,
        status: 'held',
        registeredMemberIds: [anna],
        attendeeIds: [anna, pieter, fatima],
        programme: [],
      });
      expect(detail).not.toHaveProperty('lastEventPosition');
      const unknown = await get('/gatherings/0f5c3a1e-8b2d-4e7f-9a6c-1d3b5e7f9a20', 404);
      expect(unknown.code).toBe('GATHERING.NOT_FOUND');
    });
  });

  describe('The annual retrospective', () => {
    it('reports 2012 as it happened', async () => {
      const report = await get('/retrospectives/2012');
      expect(report.year).toBe(2012);
      expect(report.members).toMatchObject({ joined: 4, left: 0, forgotten: 0, totalAtYearEnd: 4 });
      expect(report.members.bySector.politie).toEqual({ joined: 1, totalAtYearEnd: 1 });
      expect(report.members.byRole.professional).toEqual({ joined: 2, totalAtYearEnd: 2 });
      expect(report.doetanks).toEqual({
        proposed: 2,
        started: 1,
        concluded: 1,
        stopped: 1,
        activeAtYearEnd: 0,
      });
      expect(report.results).toEqual({
        total: 1,
        byKind: { 'business-case': 1, film: 0, report: 0, tool: 0, lesson: 0 },
      });
      expect(report.lessons).toBe(0);
      expect(report.gatherings).toMatchObject({
        held: 1,
        attendance: 3,
        firstTimeAttendees: 3,
        cancelled: 0,
      });
      expect(report.gatherings.byKind['grand-cafe']).toMatchObject({
        held: 1,
        attendance: 3,
        registrations: 1,
      });
      expect(report.discussions).toEqual({ started: 1, closed: 0 });
      expect(report.themes).toEqual([
        { ...THEMES[0], doetanks: 1 },
        { ...THEMES[1], doetanks: 0 },
      ]);
      expect(report.activityPerMonth).toHaveLength(12);
      expect(report.highlights.results).toEqual([
        expect.objectContaining({
          title: 'Businesscase flexwerken',
          doetankTitle: 'De gemeente zonder huis',
        }),
      ]);
      expect(report.highlights.bestAttendedGathering).toMatchObject({ attendance: 3, kind: 'grand-cafe' });
    });

    it('reports 2013 with the year before as its trend', async () => {
      const report = await get('/retrospectives/2013');
      expect(report.members).toMatchObject({ joined: 0, left: 1, forgotten: 1, totalAtYearEnd: 3 });
      expect(report.gatherings).toMatchObject({ held: 0, cancelled: 1 });
      expect(report.previousYear).toMatchObject({ year: 2012, membersJoined: 4, doetanksProposed: 2 });
      expect(report.trend.membersTotalAtYearEnd).toEqual({ current: 3, previous: 4, change: -1 });
    });

    it('reports a year without activity with zeros', async () => {
      const report = await get('/retrospectives/2005');
      expect(report).toMatchObject({
        year: 2005,
        members: { joined: 0, totalAtYearEnd: 0 },
        doetanks: { proposed: 0, activeAtYearEnd: 0 },
        results: { total: 0 },
        previousYear: null,
        themes: [],
      });
      const later = await get('/retrospectives/2020');
      expect(later.members.totalAtYearEnd).toBe(3);
      expect(later.previousYear).toMatchObject({ year: 2019, membersTotalAtYearEnd: 3 });
    });
  });
});
