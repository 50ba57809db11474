import { randomUUID } from 'node:crypto';
import { streams } from '@app/contracts';
import { EVENT_STORE, type EventStore } from '@app/event-store';
import { StoreUnavailableError } from '@app/resilience';
import { ApiHarness, joinMember, type HttpAnswer } from './api-harness';

/**
 * Security finding: two proposals of one Doetank id with different themes, at once. The loser got 409, but the
 * theme adoption it wrote first stayed (13 of 15 trials), and that theme could never be removed. A refused command
 * writes nothing, also under races: in every round exactly one proposal and its own theme adoption exist.
 */
describe('Two proposals of one Doetank at once', () => {
  const ROUNDS = 20;
  let first: ApiHarness;
  let second: ApiHarness;
  let proposers: [string, string];
  beforeAll(async () => {
    first = await ApiHarness.start();
    // A second api process on the same store: the proposals race across processes too, not only in one.
    second = await ApiHarness.start({ dir: first.dir });
    for (const year of [2013, 2014]) {
      const themes = [
        { themeId: `${year}-open-data`, title: 'Open data' },
        { themeId: `${year}-sociaal-domein`, title: 'Sociaal domein' },
      ];
      expect((await first.put(`/network-years/${year}/themes`, { themes })).status).toBe(200);
    }
    proposers = [await joinMember(first), await joinMember(first)];
  });
  afterAll(async () => {
    await second.stop({ keepFiles: true });
    await first.stop();
  });

  /** Every adoption of the Doetank in either year's stream: [themeId]. */
  async function adoptionsOf(doetankId: string): Promise<string[]> {
    const store = first.get<EventStore>(EVENT_STORE);
    const adoptions: string[] = [];
    for (const year of [2013, 2014]) {
      for (const event of await store.readStream(streams.networkYear(year))) {
        const data = event.data as { doetankId?: string; themeId?: string };
        if (event.type === 'ThemeAdoptedByDoetank' && data.doetankId === doetankId)
          adoptions.push(data.themeId!);
      }
    }
    return adoptions;
  }

  it(`leaves exactly one proposal and its adoption, in ${ROUNDS} rounds`, async () => {
    const store = first.get<EventStore>(EVENT_STORE);
    for (let round = 0; round < ROUNDS; round++) {
      const doetankId = randomUUID();
      // Half the rounds with themes of one year (one network-year stream), half across two years.
      const themes =
        round % 2 === 0
          ? ['2013-open-data', '2013-sociaal-domein']
          : ['2013-open-data', '2014-sociaal-domein'];
      const propose = (api: ApiHarness, index: 0 | 1): Promise<HttpAnswer> =>
        api.post('/doetanks', {
          doetankId,
          title: `Voorstel ${index}`,
          problemStatement: 'Wie was eerst?',
          proposedBy: proposers[index],
          themeId: themes[index],
        });
      const answers = await Promise.all([propose(first, 0), propose(second, 1)]);
      const statuses = answers.map((a) => a.status).sort();
      expect(statuses).toEqual([201, 409]);

      const winner = answers.findIndex((a) => a.status === 201);
      const proposal = await store.readStream(streams.doetank(doetankId));
      expect(proposal.map((e) => e.type)).toEqual(['DoetankProposed']);
      expect(proposal[0].data).toMatchObject({ proposedBy: proposers[winner], themeId: themes[winner] });
      expect(await adoptionsOf(doetankId)).toEqual([themes[winner]]);
    }
  });

  it('records the adoption a failed second append left out when the proposal is repeated with its key', async () => {
    const store = first.get<EventStore>(EVENT_STORE);
    const append = store.appendToStream;
    // The Doetank is written, then the network year's append fails (as a crash between the two would leave it).
    store.appendToStream = async (...args) => {
      if (args[0].startsWith('network-')) {
        store.appendToStream = append;
        throw new StoreUnavailableError('eventstoredb', 'append', 'connection lost');
      }
      return append.apply(store, args);
    };
    const doetankId = randomUUID();
    const body = {
      doetankId,
      title: 'Half geschreven',
      problemStatement: 'Wat als het tweede deel mislukt?',
      proposedBy: proposers[0],
      themeId: '2014-open-data',
    };
    const headers = { 'idempotency-key': `proposal-${doetankId}` };
    try {
      expect((await first.post('/doetanks', body, headers)).status).toBe(503);
    } finally {
      store.appendToStream = append;
    }
    expect(await store.streamRevision(streams.doetank(doetankId))).toBe(0);
    expect(await adoptionsOf(doetankId)).toEqual([]);

    const repeated = await first.post('/doetanks', body, headers);
    expect(repeated.status).toBe(201);
    expect(repeated.body.events).toEqual([expect.objectContaining({ type: 'DoetankProposed', revision: 0 })]);
    expect(await store.streamRevision(streams.doetank(doetankId))).toBe(0);
    expect(await adoptionsOf(doetankId)).toEqual(['2014-open-data']);
  });
});
