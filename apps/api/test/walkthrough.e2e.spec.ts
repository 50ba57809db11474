import { ApiHarness } from './api-harness';
import { walkThrough } from './walkthrough';

/**
 * The README's walk-through, from the outside: a coordinator registers four members; one proposes a Doetank and
 * assigns a coach, the coach starts it, two members join, one shares a result, the coach concludes it; the audit
 * shows it all, each step with the member who acted (their token's subject).
 */
describe('A Doetank from proposal to conclusion', () => {
  const api = ApiHarness.forTests();

  it('records every step with business time, actor and correlation id, and shows the state at any moment', async () => {
    const { doetankId, proposer, coach, anna, pieter, proposed, started, concluded } = await walkThrough(api);
    expect(proposed.body).toMatchObject({ revision: 0, events: [{ type: 'DoetankProposed', revision: 0 }] });
    expect(proposed.body.position).toEqual(expect.any(Number));
    expect(started.body.revision).toBe(2);
    expect(concluded.body.revision).toBe(6);

    const history = await api.request('GET', `/doetanks/${doetankId}/history`);
    expect(history.status).toBe(200);
    expect(history.body.events.map((e: { type: string }) => e.type)).toEqual([
      'DoetankProposed',
      'CoachAssigned',
      'DoetankStarted',
      'MemberJoinedDoetank',
      'MemberJoinedDoetank',
      'ResultShared',
      'DoetankConcluded',
    ]);
    expect(history.body.events.map((e: { revision: number }) => e.revision)).toEqual([0, 1, 2, 3, 4, 5, 6]);
    const [proposal, , start, , , result] = history.body.events;
    expect(proposal.metadata).toMatchObject({
      occurredAt: '2012-02-01T10:00:00.000Z',
      actorId: proposer,
      correlationId: 'walkthrough-propose',
      schemaVersion: 1,
    });
    expect(proposal.metadata.recordedAt).toEqual(expect.any(String));
    expect(proposal.metadata.recordedBy).toBeUndefined();
    expect(proposal.metadata.causationId).toEqual(expect.any(String));
    expect(start.metadata).toMatchObject({ actorId: coach, occurredAt: '2012-03-01T10:00:00.000Z' });
    expect(result.data).toMatchObject({ kind: 'business-case', sharedBy: anna });
    expect(result.metadata.actorId).toBe(anna);

    const page = await api.request('GET', `/doetanks/${doetankId}/history?from=2&limit=2`);
    expect(page.body.events.map((e: { revision: number }) => e.revision)).toEqual([2, 3]);
    expect(page.body.nextFrom).toBe(4);

    const inMarch = await api.request('GET', `/doetanks/${doetankId}/state?at=2012-03-05T12:00:00Z`);
    expect(inMarch.status).toBe(200);
    expect(inMarch.body.revision).toBe(3);
    expect(inMarch.body.state).toMatchObject({
      status: 'started',
      coachId: coach,
      members: [proposer, anna],
    });
    expect(inMarch.body.state.results).toEqual([]);

    const atRevision1 = await api.request('GET', `/doetanks/${doetankId}/state?revision=1`);
    expect(atRevision1.body.state).toMatchObject({ status: 'proposed', coachId: coach });

    const now = await api.request('GET', `/doetanks/${doetankId}/state`);
    expect(now.body.state).toMatchObject({ status: 'concluded', members: [proposer, anna, pieter] });

    const before = await api.request('GET', `/doetanks/${doetankId}/state?at=2011-12-31T00:00:00Z`);
    expect(before.status).toBe(404);
    expect(before.body.code).toBe('DOETANK.NOT_YET_PROPOSED');
  });

  it('serves the OpenAPI document with every command endpoint', async () => {
    const answer = await api.request('GET', '/docs/openapi.json');
    expect(answer.status).toBe(200);
    const paths = Object.keys(answer.body.paths);
    for (const path of [
      '/members',
      '/members/{memberId}/affiliation',
      '/members/{memberId}/leave',
      '/members/{memberId}/forget',
      '/doetanks',
      '/doetanks/{doetankId}/problem-statement',
      '/doetanks/{doetankId}/coach',
      '/doetanks/{doetankId}/client',
      '/doetanks/{doetankId}/start',
      '/doetanks/{doetankId}/members',
      '/doetanks/{doetankId}/members/{memberId}/leave',
      '/doetanks/{doetankId}/results',
      '/doetanks/{doetankId}/lessons',
      '/doetanks/{doetankId}/conclude',
      '/doetanks/{doetankId}/stop',
      '/doetanks/{doetankId}/history',
      '/doetanks/{doetankId}/state',
      '/gatherings',
      '/gatherings/{gatheringId}/registrations',
      '/gatherings/{gatheringId}/registrations/{memberId}/cancel',
      '/gatherings/{gatheringId}/programme',
      '/gatherings/{gatheringId}/held',
      '/gatherings/{gatheringId}/cancel',
      '/network-years/{year}/themes',
      '/network-years/{year}/strategic-partners',
      '/network-years/{year}/supporters',
      '/discussions',
      '/discussions/{discussionId}/close',
    ]) {
      expect(paths).toContain(path);
    }
    const html = await fetch(`${api.baseUrl}/docs`);
    expect(html.status).toBe(200);
  });
});
