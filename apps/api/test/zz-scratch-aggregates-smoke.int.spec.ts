import { randomUUID } from 'node:crypto';
import { ApiHarness, joinMember } from './api-harness';

// Temporary smoke test (deleted after use).
describe('aggregate command endpoints (smoke)', () => {
  let api: ApiHarness;
  beforeAll(async () => {
    api = await ApiHarness.start();
  });
  afterAll(() => api.stop());

  it('walks the happy paths', async () => {
    const log: string[] = [];
    const check = async (p: Promise<{ status: number; body: any }>, expected: number, label: string) => {
      const a = await p;
      log.push(`${label}: ${a.status}${a.status !== expected ? ' ' + JSON.stringify(a.body) : ''}`);
      return a;
    };
    const alice = await joinMember(api);
    const bob = await joinMember(api);
    await check(
      api.put('/network-years/2013/themes', {
        themes: [{ themeId: '2013-sociaal-domein', title: 'Sociaal' }],
      }),
      200,
      'themes',
    );
    await check(
      api.put('/network-years/13/themes', { themes: [{ themeId: '2013-x', title: 'x' }] }),
      400,
      'bad year',
    );
    const p = await check(
      api.post(
        '/doetanks',
        { title: 'T', problemStatement: 'P', proposedBy: alice, themeId: '2013-sociaal-domein' },
        { 'Idempotency-Key': 'k-propose-1' },
      ),
      201,
      'propose',
    );
    const doetankId = p.body.aggregateId;
    await check(
      api.post('/doetanks', {
        title: 'T',
        problemStatement: 'P',
        proposedBy: alice,
        themeId: '2014-onbekend',
      }),
      404,
      'unknown theme',
    );
    await check(
      api.post('/doetanks', {
        title: 'T',
        problemStatement: 'P',
        proposedBy: randomUUID(),
        themeId: '2013-sociaal-domein',
      }),
      409,
      'unknown proposer',
    );

    const hist = await api.request('GET', `/doetanks/${doetankId}/history`);
    log.push(
      `history: ${JSON.stringify(hist.body.events.map((e: any) => [e.type, e.metadata.causationId, e.metadata.actorId]))}`,
    );
    const ny = await api.request('GET', '/network-years/2013');
    log.push(`ny get (no route expected): ${ny.status}`);
    await check(
      api.post(`/doetanks/${doetankId}/problem-statement`, { problemStatement: 'P2', sharpenedBy: alice }),
      200,
      'sharpen',
    );
    await check(api.post(`/doetanks/${doetankId}/coach`, { coachId: bob }), 200, 'coach');
    await check(api.post(`/doetanks/${doetankId}/client`, { organisation: 'Gemeente X' }), 200, 'client');
    await check(api.post(`/doetanks/${doetankId}/start`, {}), 200, 'start');
    const carol = await joinMember(api);
    await check(api.post(`/doetanks/${doetankId}/members`, { memberId: carol }), 200, 'join');
    await check(
      api.post(`/doetanks/${doetankId}/results`, { kind: 'report', title: 'R', sharedBy: carol }),
      201,
      'result',
    );
    await check(api.post(`/doetanks/${doetankId}/lessons`, { lesson: 'L', recordedBy: bob }), 201, 'lesson');
    await check(api.post(`/doetanks/${doetankId}/members/${carol}/leave`, {}), 200, 'leave');
    await check(api.post(`/doetanks/${doetankId}/conclude`, { conclusion: 'done' }), 200, 'conclude');
    await check(api.post(`/doetanks/${doetankId}/stop`, { reason: 'x' }), 409, 'stop after conclude');
    await check(api.post(`/doetanks/not-a-uuid/start`, {}), 400, 'bad uuid');

    const g = await check(
      api.post('/gatherings', {
        kind: 'grand-cafe',
        title: 'GC',
        startsAt: '2012-11-22T15:00:00+01:00',
        venue: 'Beurs',
        capacity: 2,
        occurredAt: '2012-10-01T10:00:00+02:00',
      }),
      201,
      'schedule',
    );
    const gatheringId = g.body.aggregateId;
    await check(
      api.post(`/gatherings/${gatheringId}/registrations`, {
        memberId: alice,
        occurredAt: '2012-10-02T10:00:00Z',
      }),
      200,
      'register',
    );
    await check(
      api.post(`/gatherings/${gatheringId}/registrations/${alice}/cancel`, {
        occurredAt: '2012-10-03T10:00:00Z',
      }),
      200,
      'cancel reg',
    );
    await check(
      api.post(`/gatherings/${gatheringId}/programme`, {
        title: 'Pitch',
        doetankId,
        occurredAt: '2012-10-03T10:00:00Z',
      }),
      201,
      'programme',
    );
    await check(
      api.post(`/gatherings/${gatheringId}/programme`, { title: 'Pitch', doetankId: randomUUID() }),
      404,
      'programme unknown doetank',
    );
    await check(
      api.post(`/gatherings/${gatheringId}/held`, {
        attendees: [alice, randomUUID()],
        occurredAt: '2012-11-22T18:00:00+01:00',
      }),
      404,
      'held unknown attendee',
    );
    await check(
      api.post(`/gatherings/${gatheringId}/held`, {
        attendees: [alice, bob],
        occurredAt: '2012-11-22T18:00:00+01:00',
      }),
      200,
      'held',
    );
    await check(api.post(`/gatherings/${gatheringId}/cancel`, { reason: 'x' }), 409, 'cancel after held');

    await check(api.post('/network-years/2013/strategic-partners', { organisation: 'KING' }), 200, 'partner');
    await check(api.post('/network-years/2013/supporters', { name: 'H' }), 201, 'supporter');
    const d = await check(
      api.post('/discussions', {
        title: 'D',
        link: 'https://example.nl/d',
        startedBy: alice,
        themeId: '2013-sociaal-domein',
        doetankId,
      }),
      201,
      'discussion',
    );
    await check(api.post(`/discussions/${d.body.aggregateId}/close`, {}), 200, 'close');
    await check(
      api.put('/network-years/2013/themes', { themes: [{ themeId: '2013-ander', title: 'A' }] }),
      409,
      'remove theme in use',
    );
    console.log(log.join('\n'));
  });
});
