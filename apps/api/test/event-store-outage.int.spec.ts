import type { INestApplicationContext } from '@nestjs/common';
import { EVENT_STORE, type EventStore } from '@app/event-store';
import type { ReadStore } from '@app/read-store';
import { withFaults, type FaultControl } from '@app/resilience/testing';
import { ApiHarness, faultyEventStore, until } from './api-harness';
import { projectorBeside } from './projector-beside';
import { scriptHistory, type ScriptedHistory } from './read-model-history';

/** Every call of the event store port: none of them may be made by a query. */
const EVENT_STORE_METHODS = [
  'appendToStream',
  'readStream',
  'streamRevision',
  'readAll',
  'headPosition',
  'countEventsAfter',
  'subscribeToAll',
  'ping',
];

const HEALTH_TIMEOUT_MS = 1000;

/**
 * The api's event store stops answering (every call hangs: what a server that accepts calls and never answers
 * looks like) while the projector runs elsewhere with its own connection. Queries need only the read store, so
 * they keep answering, read-your-writes included; /health and /projections answer within HEALTH_TIMEOUT_MS and
 * say that the event store is down. A read store that hangs is reported by /health in the same way.
 */
describe('Operations: a store that hangs', () => {
  let api: ApiHarness;
  let faults: FaultControl;
  let readFaults: FaultControl;
  let projector: INestApplicationContext;
  let history: ScriptedHistory;
  /** The newest event's position: the projector has applied everything up to it. */
  let head: number;

  beforeAll(async () => {
    api = await ApiHarness.start({
      env: {
        EMBEDDED_PROJECTOR: 'false',
        HEALTH_TIMEOUT_MS: String(HEALTH_TIMEOUT_MS),
        READ_WAIT_MAX_MS: '300',
      },
      wrapStores: {
        eventStore: faultyEventStore((f) => (faults = f)),
        readStore: (store: ReadStore) => {
          const wrapped = withFaults(store, { store: 'read store' });
          readFaults = wrapped.faults;
          return wrapped.store;
        },
      },
    });
    projector = await projectorBeside(api);
    history = await scriptHistory(api);
    head = (await api.get<EventStore>(EVENT_STORE).headPosition())!;
    await until(
      async () =>
        (await api.request('GET', `/timeline?minPosition=${head}`)).headers.get('x-read-model-consistent') ===
        'true',
      'the projector catching up',
    );
  });
  afterAll(async () => {
    faults.clear();
    readFaults.clear();
    await projector?.close();
    await api.stop();
  });
  afterEach(() => {
    faults.clear();
    readFaults.clear();
  });

  const eventStoreCalls = () => EVENT_STORE_METHODS.map((method) => faults.calls(method));

  it('answers queries, with and without minPosition, without calling the event store', async () => {
    faults.hang('*');
    const before = eventStoreCalls();
    const { doetankA } = history.ids;
    const at = head;
    for (const path of [
      `/timeline?minPosition=${at}`,
      `/doetanks/${doetankA}?minPosition=${at}`,
      `/retrospectives/2012?minPosition=${at}`,
      '/timeline',
      `/doetanks/${doetankA}`,
      '/retrospectives/2012',
      '/members',
      '/gatherings',
    ]) {
      const answer = await api.request('GET', path);
      expect({ path, status: answer.status }).toEqual({ path, status: 200 });
      expect(Number(answer.headers.get('x-read-model-position'))).toBe(at);
      if (path.includes('minPosition')) expect(answer.headers.get('x-read-model-consistent')).toBe('true');
    }
    expect((await api.request('GET', `/doetanks/${doetankA}`)).body).toMatchObject({
      id: doetankA,
      stage: 'concluded',
    });
    // A position the read models have not reached: the wait ends after READ_WAIT_MAX_MS, and says so.
    const beyond = await api.request('GET', `/timeline?minPosition=${at + 1000}`);
    expect(beyond.status).toBe(200);
    expect(beyond.headers.get('x-read-model-consistent')).toBe('false');
    expect(eventStoreCalls()).toEqual(before);
    expect(faults.hanging).toBe(0);
  });

  it('answers /health with 503 within its deadline, naming the event store, and recovers', async () => {
    faults.hang('*');
    const started = Date.now();
    const health = await api.request('GET', '/health');
    const took = Date.now() - started;
    expect(health.status).toBe(503);
    expect(took).toBeLessThan(HEALTH_TIMEOUT_MS + 2000);
    expect(health.body.error.stores).toMatchObject({
      status: 'down',
      eventStore: {
        status: 'down',
        message: expect.stringMatching(`^event store ping: no answer within ${HEALTH_TIMEOUT_MS} ms`),
      },
      readStore: { status: 'up' },
    });
    // The projections' positions come from the read store; their lag cannot be measured now.
    expect(health.body.details.projections.timeline).toMatchObject({
      position: head,
      lag: expect.stringMatching(/^unknown: event store .*no answer within/),
    });

    const projections = await api.request('GET', '/projections');
    expect(projections.status).toBe(200);
    expect(projections.body.projections.find((p: { name: string }) => p.name === 'timeline')).toMatchObject({
      position: head,
      lagError: expect.stringMatching(/no answer within/),
    });

    faults.clear();
    await until(async () => (await api.request('GET', '/health')).status === 200, 'the api ready again');
  });

  it('answers /health with 503 within its deadline when the read store hangs, naming it', async () => {
    readFaults.hang('*');
    const started = Date.now();
    const health = await api.request('GET', '/health');
    expect(Date.now() - started).toBeLessThan(HEALTH_TIMEOUT_MS + 2000);
    expect(health.status).toBe(503);
    expect(health.body.error.stores).toMatchObject({
      eventStore: { status: 'up' },
      readStore: {
        status: 'down',
        message: expect.stringMatching(`^read store ping: no answer within ${HEALTH_TIMEOUT_MS} ms`),
      },
    });
    expect(health.body.error.projections.reason).toMatch(/^read store listCheckpoints: no answer within/);

    readFaults.clear();
    await until(async () => (await api.request('GET', '/health')).status === 200, 'the api ready again');
  });
});
