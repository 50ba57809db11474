import { randomUUID } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import { SQLITE_DATABASE } from '../src/infrastructure/persistence.module';
import { ApiHarness, joinMember, memberBody, type HttpAnswer } from './api-harness';

/** Sends a request again: the answer `first` got, and not one event written. Returns the answer. */
const repeated = async (api: ApiHarness, send: () => Promise<HttpAnswer>, first: HttpAnswer) => {
  const head = await api.eventStore.headPosition();
  const again = await send();
  expect(again.status).toBe(first.status);
  expect(again.body).toEqual(first.body);
  expect(await api.eventStore.headPosition()).toBe(head);
  return again;
};

describe('Idempotency-Key', () => {
  const api = ApiHarness.forTests();

  const store = () => api.eventStore;

  const proposal = (proposedBy: string) => ({
    title: 'Minder regels, meer werkplezier',
    problemStatement: 'Professionals in de wijk verliezen veel tijd aan dubbele registraties.',
    proposedBy,
  });

  /** A member's proposal, sent with a fresh Idempotency-Key, and its first answer (201). */
  const proposedWithKey = async () => {
    const memberId = await joinMember(api);
    const key = `propose-${randomUUID()}`;
    const send = () => api.post('/doetanks', proposal(memberId), { 'Idempotency-Key': key });
    const first = await send();
    expect(first.status).toBe(201);
    return { send, first };
  };

  it('gives the first answer again and writes nothing when a request is repeated', async () => {
    const { send, first } = await proposedWithKey();

    const second = await repeated(api, send, first);

    expect(second.headers.get('idempotent-replayed')).toBe('true');
    expect(await store().readStream(first.body.streamId)).toHaveLength(1);
  });

  it('keeps the answer across a restart of the API', async () => {
    const { send, first } = await proposedWithKey();

    await api.restart();

    await repeated(api, send, first);
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

    await repeated(
      api,
      () => api.post(`/doetanks/${doetankId}/start`, {}, { 'Idempotency-Key': key }),
      started,
    );

    expect(
      (await store().readStream(`doetank-${doetankId}`)).filter((e) => e.type === 'DoetankStarted'),
    ).toHaveLength(1);
  });

  it("does not answer another sender's repeat of a lead-only command from the stream (422, nothing decided)", async () => {
    // The proposer stops their Doetank with a key; the stored answer is lost (a crash, or an expired record). An
    // outsider sending "stop" with the same key must not get the proposer's result without a decision of their own.
    const proposer = await joinMember(api);
    const outsider = await joinMember(api);
    const created = await api.post('/doetanks', proposal(proposer));
    const doetankId = created.body.aggregateId;
    const key = `stop-${randomUUID()}`;
    const stop = (sender: string) =>
      api
        .as('member', sender)
        .post(`/doetanks/${doetankId}/stop`, { reason: 'Klaar' }, { 'Idempotency-Key': key });
    const stopped = await stop(proposer);
    expect(stopped.status).toBe(200);
    api.get<Database>(SQLITE_DATABASE).prepare('DELETE FROM idempotency_keys WHERE key = ?').run(key);
    const head = await store().headPosition();

    const replayed = await stop(outsider);

    expect(replayed.status).toBe(422);
    expect(replayed.body).toMatchObject({ code: 'IDEMPOTENCY.KEY_REUSED' });
    expect(replayed.body.detail).toContain('by another sender');
    expect(await store().headPosition()).toBe(head);
    // The proposer's own repeat is still answered as before.
    const again = await stop(proposer);
    expect(again.status).toBe(200);
    expect(again.body).toEqual(stopped.body);
  });

  it('recognises a JoinNetwork that was written but never answered, rather than "already a member"', async () => {
    const key = `join-${randomUUID()}`;
    const memberId = randomUUID();
    const body = memberBody(memberId);
    const send = () => api.post('/members', body, { 'Idempotency-Key': key });
    const joined = await send();
    expect(joined.status).toBe(201);
    api.get<Database>(SQLITE_DATABASE).prepare('DELETE FROM idempotency_keys WHERE key = ?').run(key);

    await repeated(api, send, joined);
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

describe('Idempotency records expire, and go with a forgotten member', () => {
  let api: ApiHarness;
  let offsetMs = 0;
  const HOUR = 3_600_000;
  beforeAll(async () => {
    api = await ApiHarness.start({
      env: { IDEMPOTENCY_RETENTION_HOURS: '1' },
      clock: { now: () => new Date(Date.now() + offsetMs) },
    });
  });
  afterAll(() => api.stop());

  const store = () => api.eventStore;
  const recordsOf = (key: string) =>
    (
      api
        .get<Database>(SQLITE_DATABASE)
        .prepare('SELECT count(*) AS n FROM idempotency_keys WHERE key = ?')
        .get(key) as { n: number }
    ).n;

  it('answers a repeat within IDEMPOTENCY_RETENTION_HOURS, and after it decides afresh, writing nothing twice', async () => {
    const memberId = await joinMember(api);
    const key = `propose-${randomUUID()}`;
    const untouched = `propose-${randomUUID()}`;
    const body = {
      title: 'Minder regels',
      problemStatement: 'Dubbele registraties kosten tijd.',
      proposedBy: memberId,
    };
    const first = await api.post('/doetanks', body, { 'Idempotency-Key': key });
    await api.post('/doetanks', { ...body, title: 'Nog een' }, { 'Idempotency-Key': untouched });
    expect(first.status).toBe(201);
    const head = await store().headPosition();

    offsetMs = HOUR - 60_000;
    const within = await api.post('/doetanks', body, { 'Idempotency-Key': key });
    expect(within.headers.get('idempotent-replayed')).toBe('true');
    expect(within.body).toEqual(first.body);

    offsetMs = HOUR + 60_000;
    const after = await api.post('/doetanks', body, { 'Idempotency-Key': key });
    // Decided again: the events the key derives are in the stream already, so the answer is the first one.
    expect(after.status).toBe(201);
    expect(after.headers.get('idempotent-replayed')).toBeNull();
    expect(after.body).toEqual(first.body);
    expect(await store().headPosition()).toBe(head);
    // The expired record of the other key was deleted by that write.
    expect(recordsOf(untouched)).toBe(0);
    expect(recordsOf(key)).toBe(1);
  });

  it("deletes a forgotten member's records, and only theirs", async () => {
    const forgotten = randomUUID();
    const kept = randomUUID();
    const forgottenKey = `join-${randomUUID()}`;
    const keptKey = `join-${randomUUID()}`;
    const self = api.as('member', forgotten);
    expect(
      (await self.post('/members', memberBody(forgotten), { 'Idempotency-Key': forgottenKey })).status,
    ).toBe(201);
    expect((await api.post('/members', memberBody(kept), { 'Idempotency-Key': keptKey })).status).toBe(201);
    const leaveKey = `leave-${randomUUID()}`;
    expect((await self.post(`/members/${forgotten}/leave`, {}, { 'Idempotency-Key': leaveKey })).status).toBe(
      200,
    );

    expect((await api.post(`/members/${forgotten}/forget`, { reason: 'AVG art. 17' })).status).toBe(200);

    expect([recordsOf(forgottenKey), recordsOf(leaveKey)]).toEqual([0, 0]);
    expect(recordsOf(keptKey)).toBe(1);
  });
});
