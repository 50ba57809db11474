import { ApiHarness } from './api-harness';
import { concludedDoetankDocument, walkThrough } from './walkthrough';

/**
 * The README's walk-through (`walkThrough`, as in walkthrough.e2e.spec.ts), then what the read models show of it: the
 * timeline, the Doetank, the member directory and the retrospective of 2012 say exactly what happened.
 */
describe('The walk-through, as the read models show it', () => {
  const api = ApiHarness.forTests({ env: { EMBEDDED_PROJECTOR: 'true' } });

  it('shows the Doetank from proposal to conclusion in the timeline, the Doetank, the directory and 2012', async () => {
    const { doetankId, proposer, coach, anna, pieter, concluded } = await walkThrough(api);
    const minPosition = concluded.body.position as number;
    const read = async (path: string) => {
      const separator = path.includes('?') ? '&' : '?';
      const answer = await api.request('GET', `${path}${separator}minPosition=${minPosition}`);
      expect(answer.status).toBe(200);
      expect(answer.headers.get('x-read-model-consistent')).toBe('true');
      expect(Number(answer.headers.get('x-read-model-position'))).toBeGreaterThanOrEqual(minPosition);
      return answer.body;
    };

    // The timeline: eleven entries, newest first, in plain Dutch and English.
    const timeline = await read('/timeline');
    expect(timeline.nextCursor).toBeUndefined();
    expect(timeline.items.map((e: { summary: string }) => e.summary)).toEqual([
      "Doetank 'De gemeente zonder huis' is afgerond",
      "Anna Bakker deelde een business case 'Businesscase flexwerken' uit Doetank 'De gemeente zonder huis'",
      "Pieter Jansen sloot zich aan bij Doetank 'De gemeente zonder huis'",
      "Anna Bakker sloot zich aan bij Doetank 'De gemeente zonder huis'",
      "Doetank 'De gemeente zonder huis' is gestart",
      "Joost Verhoeven werd coach van Doetank 'De gemeente zonder huis'",
      "Fatima El Amrani stelde Doetank 'De gemeente zonder huis' voor",
      'Pieter Jansen sloot zich aan bij het netwerk (Gemeente Zaanstad)',
      'Anna Bakker sloot zich aan bij het netwerk (Gemeente Zaanstad)',
      'Joost Verhoeven sloot zich aan bij het netwerk (Gemeente Zaanstad)',
      'Fatima El Amrani sloot zich aan bij het netwerk (Gemeente Zaanstad)',
    ]);
    expect(timeline.items.map((e: { occurredAt: string }) => e.occurredAt)).toEqual([
      '2012-11-22T15:00:00.000Z',
      '2012-09-20T10:00:00.000Z',
      '2012-03-06T10:00:00.000Z',
      '2012-03-05T10:00:00.000Z',
      '2012-03-01T10:00:00.000Z',
      '2012-02-15T10:00:00.000Z',
      '2012-02-01T10:00:00.000Z',
      '2012-01-13T09:00:00.000Z',
      '2012-01-12T09:00:00.000Z',
      '2012-01-11T09:00:00.000Z',
      '2012-01-10T09:00:00.000Z',
    ]);
    expect(timeline.items[0]).toMatchObject({
      type: 'DoetankConcluded',
      kind: 'doetank',
      doetankId,
      actorId: coach,
      year: 2012,
      month: '2012-11',
    });
    const inEnglish = await read(`/timeline?doetank=${doetankId}&lang=en&limit=2`);
    expect(inEnglish.items.map((e: { summary: string }) => e.summary)).toEqual([
      "Doetank 'De gemeente zonder huis' concluded",
      "Anna Bakker shared a business case 'Businesscase flexwerken' from Doetank 'De gemeente zonder huis'",
    ]);

    // The Doetank.
    const doetank = await read(`/doetanks/${doetankId}`);
    expect(doetank).toEqual(
      concludedDoetankDocument({
        id: doetankId,
        proposedBy: proposer,
        coachId: coach,
        memberIds: [proposer, anna, pieter],
        sharedBy: anna,
      }),
    );
    expect((await read('/doetanks')).items.map((d: { id: string }) => d.id)).toEqual([doetankId]);

    // The member directory: four members of Gemeente Zaanstad, their Doetank, no e-mail addresses.
    const directory = await read(`/members?doetank=${doetankId}`);
    expect(
      directory.items.map((m: { name: string; memberOf: string[]; coachOf: string[] }) => [
        m.name,
        m.memberOf,
        m.coachOf,
      ]),
    ).toEqual([
      ['Anna Bakker', [doetankId], []],
      ['Fatima El Amrani', [doetankId], []],
      ['Joost Verhoeven', [], [doetankId]],
      ['Pieter Jansen', [doetankId], []],
    ]);
    const everyone = await read('/members');
    expect(everyone.items.map((m: { name: string }) => m.name)).toEqual([
      'Pieter Jansen',
      'Anna Bakker',
      'Joost Verhoeven',
      'Fatima El Amrani',
    ]);
    expect(JSON.stringify(everyone)).not.toMatch(/email|@/);

    // The retrospective of 2012.
    const report = await read('/retrospectives/2012');
    expect(report).toMatchObject({
      year: 2012,
      members: { joined: 4, left: 0, forgotten: 0, totalAtYearEnd: 4 },
      doetanks: { proposed: 1, started: 1, concluded: 1, stopped: 0, activeAtYearEnd: 0 },
      results: { total: 1, byKind: { 'business-case': 1 } },
      lessons: 0,
      gatherings: { held: 0, attendance: 0 },
      previousYear: null,
    });
    expect(report.members.bySector.gemeente).toEqual({ joined: 4, totalAtYearEnd: 4 });
    expect(report.members.byRole.professional).toEqual({ joined: 4, totalAtYearEnd: 4 });
    expect(report.highlights.results).toEqual([
      expect.objectContaining({
        title: 'Businesscase flexwerken',
        doetankId,
        doetankTitle: 'De gemeente zonder huis',
      }),
    ]);
    const perMonth = Object.fromEntries(
      report.activityPerMonth.map((m: { month: string; events: number }) => [m.month, m.events]),
    );
    expect(perMonth).toMatchObject({
      '2012-01': 4,
      '2012-02': 2,
      '2012-03': 3,
      '2012-09': 1,
      '2012-11': 1,
      '2012-12': 0,
    });
  });

  it('documents every read endpoint in OpenAPI, with minPosition and the read-model headers', async () => {
    const { body } = await api.request('GET', '/docs/openapi.json');
    for (const path of [
      '/timeline',
      '/doetanks',
      '/doetanks/{doetankId}',
      '/members',
      '/gatherings',
      '/gatherings/{gatheringId}',
      '/retrospectives/{year}',
    ]) {
      const get = body.paths[path]?.get;
      expect({ path, documented: get !== undefined }).toEqual({ path, documented: true });
      expect(get.parameters.map((p: { name: string }) => p.name)).toContain('minPosition');
      expect(Object.keys(get.responses['200'].headers)).toEqual([
        'X-Read-Model-Position',
        'X-Read-Model-Consistent',
      ]);
      expect(get.responses['400']).toBeDefined();
    }
    expect(body.paths['/doetanks/{doetankId}'].get.responses['404']).toBeDefined();
    expect(body.paths['/doetanks/{doetankId}/history'].get).toBeDefined();
    const timelineParameters = body.paths['/timeline'].get.parameters.map((p: { name: string }) => p.name);
    for (const name of [
      'from',
      'to',
      'year',
      'kind',
      'doetank',
      'member',
      'gathering',
      'theme',
      'limit',
      'cursor',
      'lang',
    ]) {
      expect(timelineParameters).toContain(name);
    }
  });
});
