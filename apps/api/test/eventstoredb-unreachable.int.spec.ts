import { randomUUID } from 'node:crypto';
import { EventStoreDbEventStore } from '@app/event-store/adapters/eventstoredb';
import { startGrpcFaultServer, type GrpcFaultServer } from '@app/event-store/adapters/eventstoredb/testing';
import { ApiHarness } from './api-harness';

const EVENTSTOREDB_TIMEOUT_MS = 500;
const EVENTSTOREDB_APPEND_TIMEOUT_MS = 800;
const HEALTH_TIMEOUT_MS = 1000;
/** Room for a busy machine on top of a deadline: what is asserted is that the answer comes, not how fast. */
const MARGIN_MS = 4000;

/** The answer and how long it took. */
async function timed<T>(work: () => Promise<T>): Promise<{ answer: T; ms: number }> {
  const started = performance.now();
  const answer = await work();
  return { answer, ms: performance.now() - started };
}

/**
 * The api with its events in EventStoreDB, against an EventStoreDB endpoint that accepts connections and gRPC calls
 * and never answers: the real adapter and client, over a real socket, to a local HTTP/2 server (the adapters' hang
 * fixture). The read models stay in the embedded store (no MongoDB here), so the event store is swapped in under
 * the api as a test hook; the configuration supports EventStoreDB only with MongoDB. The client's own per-call deadlines do not hold for every call,
 * so this is what the adapter's deadlines are for: the api starts, /health says within its deadline that the event
 * store is down, queries answer from the read store alone, and a command answers 503 (try again with the same
 * Idempotency-Key) instead of hanging.
 */
describe('Operations: an EventStoreDB endpoint that never answers', () => {
  let server: GrpcFaultServer;
  let api: ApiHarness;

  beforeAll(async () => {
    server = await startGrpcFaultServer();
    api = await ApiHarness.start({
      env: {
        HEALTH_TIMEOUT_MS: String(HEALTH_TIMEOUT_MS),
        READ_WAIT_MAX_MS: '300',
        EMBEDDED_PROJECTOR: 'false',
      },
      wrapStores: {
        eventStore: () =>
          EventStoreDbEventStore.connect(server.url, {
            timeoutMs: EVENTSTOREDB_TIMEOUT_MS,
            appendTimeoutMs: EVENTSTOREDB_APPEND_TIMEOUT_MS,
          }),
      },
    });
  });

  afterAll(async () => {
    await api?.stop();
    await server?.close();
  });

  it('starts, stays live, and reports the event store down on /health within its deadline', async () => {
    expect((await api.request('GET', '/health/live')).status).toBe(200);
    const { answer, ms } = await timed(() => api.request('GET', '/health'));
    expect(answer.status).toBe(503);
    expect(JSON.stringify(answer.body)).toMatch(/eventStore/);
    expect(ms).toBeLessThan(HEALTH_TIMEOUT_MS + MARGIN_MS);
    // The client really was asked (the endpoint saw gRPC calls), and did not answer.
    expect(server.calls.length).toBeGreaterThan(0);
  });

  it('answers queries from the read store alone, read-your-writes included', async () => {
    for (const path of ['/timeline', '/doetanks', '/members', '/gatherings', '/retrospectives/2012']) {
      const { answer, ms } = await timed(() => api.request('GET', path));
      expect({ path, status: answer.status }).toEqual({ path, status: 200 });
      expect(ms).toBeLessThan(MARGIN_MS);
    }
    expect((await api.request('GET', `/doetanks/${randomUUID()}`)).status).toBe(404);
    const waited = await api.request('GET', '/timeline?minPosition=1');
    expect(waited.status).toBe(200);
    expect(waited.headers.get('x-read-model-consistent')).toBe('false');
  });

  it('answers a command with 503 and Retry-After once the store call runs out of time', async () => {
    const { answer, ms } = await timed(() =>
      api.post(
        '/members',
        {
          memberId: randomUUID(),
          name: 'Noor Visser',
          email: `noor-${randomUUID()}@example.nl`,
          organisation: 'Gemeente Almere',
          sector: 'gemeente',
          role: 'professional',
        },
        { 'idempotency-key': `hang-${randomUUID()}` },
      ),
    );
    expect(answer.status).toBe(503);
    expect(answer.body).toMatchObject({ code: 'STORE.UNAVAILABLE' });
    expect(answer.headers.get('retry-after')).toMatch(/^\d+$/);
    expect(ms).toBeLessThan(EVENTSTOREDB_TIMEOUT_MS * 4 + EVENTSTOREDB_APPEND_TIMEOUT_MS + MARGIN_MS);
  });
});
