import { randomUUID } from 'node:crypto';
import { EVENT_STORE, type EventStore } from '@app/event-store';
import type { Database } from 'better-sqlite3';
import { SQLITE_DATABASE } from '../src/infrastructure/persistence.module';
import { ApiHarness, joinMember, memberBody } from './api-harness';

describe('Idempotency-Key', () => {
  const api = ApiHarness.forTests();

  const store = () => api.get<EventStore>(EVENT_STORE);

  const proposal = (proposedBy: string) => ({
    title: 'Minder regels, meer werkplezier',
    problemStatement: 'Professionals in de wijk verliezen veel tijd aan dubbele registraties.',
    proposedBy,
  });

  it('gives the first answer again and writes nothing when a request is repeated', async () => {
    const memberId = await joinMember(api);
    const key = `propose-${randomUUID()}`;

    const first = await api.post('/doetanks', proposal(memberId), { 'Idempotency-Key': key });
    const head = await store().headPosition();
    const second = await api.post('/doetanks', proposal(memberId), { 'Idempotency-Key': key });

    expect(first.status).toBe(201);
    expect(second.status).toBe(201);
    expect(second.body).toEqual(first.body);
    expect(second.headers.get('idempotent-replayed')).toBe('true');
    expect(await store().headPosition()).toBe(head);
    expect(await store().readStream(first.body.streamId)).toHaveLength(1);
  });

  it('keeps the answer across a restart of the API', async () => {
    const memberId = await joinMember(api);
    const key = `propose-${randomUUID()}`;
    const first = await api.post('/doetanks', proposal(memberId), { 'Idempotency-Key': key });
    expect(first.status).toBe(201);

    await api.restart();
    const head = await store().headPosition();
    const again = await api.post('/doetanks', proposal(memberId), { 'Idempotency-Key': key });

    expect(again.status).toBe(201);
    expect(again.body).toEqual(first.body);
    expect(await store().headPosition()).toBe(head);
  });

  it('gives the same answer to the same request sent many times at once', async () => {
    const memberId = await joinMember(api);
    const key = `propose-${randomUUID()}`;
    const answers = await Promise.all(
      Array.from({ length: 10 }, () => api.post('/doetanks', proposal(memberId), { 'Idempotency-Key': key })),
    );
    expect(new Set(answers.map((a) => a.status))).toEqual(new Set([201]));
    expect(new Set(answers.map((a) => JSON.stringify(a.body))).size).toBe(1);
    expect(await store().readStream(answers[0].body.streamId)).toHaveLength(1);
  });

  it('recognises a command that was written but never answered (a crash in between)', async () => {
    // Simulates the crash: the events are in the store, the stored answer is not. The repeat must not decide
    // again (it would be refused: the Doetank already started) but answer with what was written.
    const proposer = await joinMember(api);
    const coach = await joinMember(api);
    const created = await api.post('/doetanks', proposal(proposer));
    const doetankId = created.body.aggregateId;
    await api.post(`/doetanks/${doetankId}/coach`, { coachId: coach });
    const key = `start-${randomUUID()}`;
    const started = await api.post(`/doetanks/${doetankId}/start`, {}, { 'Idempotency-Key': key });
    expect(started.status).toBe(200);
    const db = api.get<Database>(SQLITE_DATABASE);
    db.prepare('DELETE FROM idempotency_keys WHERE key = ?').run(key);

    const again = await api.post(`/doetanks/${doetankId}/start`, {}, { 'Idempotency-Key': key });

    expect(again.status).toBe(200);
    expect(again.body).toEqual(started.body);
    expect(
      (await store().readStream(`doetank-${doetankId}`)).filter((e) => e.type === 'DoetankStarted'),
    ).toHaveLength(1);
  });

  it('recognises a JoinNetwork that was written but never answered, rather than "already a member"', async () => {
    const key = `join-${randomUUID()}`;
    const memberId = randomUUID();
    const body = memberBody(memberId);
    const joined = await api.post('/members', body, { 'Idempotency-Key': key });
    expect(joined.status).toBe(201);
    api.get<Database>(SQLITE_DATABASE).prepare('DELETE FROM idempotency_keys WHERE key = ?').run(key);
    const head = await store().headPosition();

    const again = await api.post('/members', body, { 'Idempotency-Key': key });

    expect(again.status).toBe(201);
    expect(again.body).toEqual(joined.body);
    expect(await store().headPosition()).toBe(head);
  });

  it('refuses the same key with a different request (422) and writes nothing', async () => {
    const memberId = await joinMember(api);
    const key = `propose-${randomUUID()}`;
    await api.post('/doetanks', proposal(memberId), { 'Idempotency-Key': key });
    const head = await store().headPosition();

    const other = await api.post(
      '/doetanks',
      { ...proposal(memberId), title: 'Iets anders' },
      { 'Idempotency-Key': key },
    );

    expect(other.status).toBe(422);
    expect(other.body.code).toBe('IDEMPOTENCY.KEY_REUSED');
    expect(await store().headPosition()).toBe(head);
  });

  it('makes the new aggregate id from the key, so a repeat creates nothing new', async () => {
    const memberId = await joinMember(api);
    const key = `propose-${randomUUID()}`;
    const a = await api.post('/doetanks', proposal(memberId), { 'Idempotency-Key': key });
    const b = await api.post('/doetanks', proposal(memberId), { 'Idempotency-Key': key });
    expect(a.body.aggregateId).toBe(b.body.aggregateId);
  });

  it('refuses a malformed key with 400', async () => {
    const memberId = await joinMember(api);
    const answer = await api.post('/doetanks', proposal(memberId), { 'Idempotency-Key': 'a'.repeat(201) });
    expect(answer.status).toBe(400);
  });
});
