import { ApiHarness, joinMember, ok, setUpDoetank, until } from './api-harness';

/**
 * The history of a Doetank explains itself: each entry says what it changed (the state's fields before and after),
 * why (where the command gave a reason), and the members it names come with their names, never their e-mail
 * addresses. Times stay UTC in the API.
 */
describe('A Doetank history that explains itself', () => {
  let api: ApiHarness;
  beforeAll(async () => {
    api = await ApiHarness.start({ env: { EMBEDDED_PROJECTOR: 'true' } });
  });
  afterAll(() => api.stop());

  const EARLY = { occurredAt: '2011-01-01T09:00:00Z' };

  it('tells what each step changed, why, and by whom by name', async () => {
    const fatima = await joinMember(api, { name: 'Fatima El Amrani', ...EARLY });
    const joost = await joinMember(api, { name: 'Joost Verhoeven', ...EARLY });
    const pieter = await joinMember(api, { name: 'Pieter de Boer', ...EARLY });
    const anna = await joinMember(api, { name: 'Anna Jansen', ...EARLY });
    const doetankId = await setUpDoetank(api, {
      title: 'De gemeente zonder huis',
      problemStatement: 'Wat als het gemeentehuis verdwijnt?',
      proposedBy: fatima,
      proposedAt: '2012-02-01T10:00:00+01:00',
      coachId: joost,
      coachedAt: '2012-02-15T10:00:00Z',
    });
    await ok(
      api.post(`/doetanks/${doetankId}/coach`, {
        coachId: pieter,
        reason: 'Joost vertrekt naar het Rijk.',
        occurredAt: '2012-03-01T10:00:00Z',
      }),
    );
    await ok(
      api.post(`/doetanks/${doetankId}/members`, { memberId: anna, occurredAt: '2012-03-02T10:00:00Z' }),
    );
    const { position } = await ok(
      api.post(`/doetanks/${doetankId}/members/${anna}/leave`, {
        reason: 'Andere baan.',
        occurredAt: '2012-04-02T10:00:00Z',
      }),
    );
    await until(
      async () => (await api.request('GET', `/members?minPosition=${position}`)).status === 200,
      'the member directory caught up',
    );

    const history = await api.request('GET', `/doetanks/${doetankId}/history`);
    expect(history.status).toBe(200);
    const [proposed, coached, recoached, joined, left] = history.body.events;
    expect(proposed.metadata.occurredAt).toBe('2012-02-01T09:00:00.000Z');
    expect(proposed.changes).toEqual(
      expect.arrayContaining([
        { field: 'status', before: 'none', after: 'proposed' },
        { field: 'title', after: 'De gemeente zonder huis' },
        { field: 'members', added: [fatima] },
      ]),
    );
    expect(coached.changes).toEqual([{ field: 'coachId', after: joost }]);
    expect(coached.reason).toBeUndefined();
    expect(recoached).toMatchObject({
      changes: [{ field: 'coachId', before: joost, after: pieter }],
      reason: 'Joost vertrekt naar het Rijk.',
      data: { previousCoachId: joost, reason: 'Joost vertrekt naar het Rijk.' },
    });
    expect(joined.changes).toEqual([{ field: 'members', added: [anna] }]);
    expect(left).toMatchObject({ changes: [{ field: 'members', removed: [anna] }], reason: 'Andere baan.' });

    expect(history.body.names).toEqual({
      [fatima]: 'Fatima El Amrani',
      [joost]: 'Joost Verhoeven',
      [pieter]: 'Pieter de Boer',
      [anna]: 'Anna Jansen',
    });
    expect(JSON.stringify(history.body)).not.toMatch(/@example\.nl/);

    // A page further on still says what its first entry changed.
    const page = await api.request('GET', `/doetanks/${doetankId}/history?from=2&limit=1`);
    expect(page.body.events).toHaveLength(1);
    expect(page.body.events[0].changes).toEqual([{ field: 'coachId', before: joost, after: pieter }]);
    expect(Object.keys(page.body.names).sort()).toEqual([pieter, joost].sort());
  });

  it('refuses a reason that is blank or too long (400), writing nothing', async () => {
    const fatima = await joinMember(api, EARLY);
    const joost = await joinMember(api, EARLY);
    const { aggregateId: doetankId } = await ok(
      api.post('/doetanks', { title: 'T', problemStatement: 'P', proposedBy: fatima }),
    );
    for (const reason of ['   ', 'x'.repeat(1001)]) {
      const answer = await api.post(`/doetanks/${doetankId}/coach`, { coachId: joost, reason });
      expect({ status: answer.status, detail: answer.body.detail }).toMatchObject({
        status: 400,
        detail: expect.stringMatching(/reason/),
      });
    }
    const history = await api.request('GET', `/doetanks/${doetankId}/history`);
    expect(history.body.events).toHaveLength(1);
  });
});
