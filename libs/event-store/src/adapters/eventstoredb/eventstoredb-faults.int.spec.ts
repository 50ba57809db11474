import { isPermanentStoreError, StoreTimeoutError, StoreUnavailableError } from '@app/resilience';
import { iterate, newEvent } from '../../testing/event-store.fixtures';
import { EventStoreDbEventStore } from './eventstoredb-event-store';
import { GRPC_STATUS, startGrpcFaultServer, type GrpcFaultServer } from './testing/grpc-fault-server';

// The adapter with the real @eventstore/db-client against a local HTTP/2 server that accepts connections and calls
// and then does not answer (or answers with a chosen gRPC status). No EventStoreDB needed: this runs in every CI.
// Each test's own Jest timeout is the deadline plus a margin for a busy machine: a call that hangs past it fails
// the test (nothing here waits a fixed time).
const TIMEOUT_MS = 400;
const APPEND_TIMEOUT_MS = 500;
const MARGIN_MS = 4_000;

const STREAMS = '/event_store.client.streams.Streams';

describe('EventStoreDbEventStore against a node that accepts calls and never answers', () => {
  let server: GrpcFaultServer;
  let store: EventStoreDbEventStore;

  beforeEach(async () => {
    server = await startGrpcFaultServer();
    store = EventStoreDbEventStore.connect(server.url, {
      timeoutMs: TIMEOUT_MS,
      appendTimeoutMs: APPEND_TIMEOUT_MS,
    });
  });

  afterEach(async () => {
    await store.close();
    await server.close();
  });

  /** Waits until the server saw the call and the client cancelled it again (nothing left open on the server). */
  async function readWasCancelled(path: string): Promise<void> {
    await server.waitForCalls(1);
    expect(server.calls).toContain(path);
    while (server.openCalls > 0) await new Promise((resolve) => setImmediate(resolve));
  }

  it.each([
    ['ping', () => store.ping()],
    ['headPosition', () => store.headPosition()],
    ['readStream', () => store.readStream('doetank-1')],
    ['readAll', () => store.readAll({ maxCount: 10 })],
    ['streamRevision', () => store.streamRevision('doetank-1')],
  ])(
    '%s rejects with a StoreTimeoutError within its deadline and cancels the read',
    async (_operation, call) => {
      const error = await call().catch((e: unknown) => e);
      expect(error).toBeInstanceOf(StoreTimeoutError);
      expect(error).toMatchObject({ transient: true, timeoutMs: TIMEOUT_MS });
      await readWasCancelled(`${STREAMS}/Read`);
    },
    TIMEOUT_MS + MARGIN_MS,
  );

  it(
    'appendToStream rejects with a StoreTimeoutError within its deadline (the client waits for its feature probe)',
    async () => {
      const error = await store
        .appendToStream('doetank-1', [newEvent('DoetankProposed')], 'no_stream')
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(StoreTimeoutError);
      expect(error).toMatchObject({ operation: 'appendToStream', timeoutMs: APPEND_TIMEOUT_MS });
      // The client asked the server which methods it supports and is still waiting for that answer.
      expect(server.calls).toEqual([
        '/event_store.client.server_features.ServerFeatures/GetSupportedMethods',
      ]);
    },
    APPEND_TIMEOUT_MS + MARGIN_MS,
  );

  it(
    "a subscription's first batch rejects with a StoreTimeoutError within its deadline",
    async () => {
      const subscription = store.subscribeToAll();
      try {
        await expect(iterate(subscription).next()).rejects.toBeInstanceOf(StoreTimeoutError);
        await readWasCancelled(`${STREAMS}/Read`);
      } finally {
        await subscription.close();
      }
    },
    TIMEOUT_MS + MARGIN_MS,
  );
});

describe('EventStoreDbEventStore against a node that answers with a failure', () => {
  let server: GrpcFaultServer | undefined;
  let store: EventStoreDbEventStore | undefined;

  afterEach(async () => {
    await store?.close();
    await server?.close();
  });

  async function start(answer: (path: string) => 'hang' | { status: number; message?: string }) {
    server = await startGrpcFaultServer({ answer });
    store = EventStoreDbEventStore.connect(server.url, { timeoutMs: 2_000, appendTimeoutMs: 2_000 });
    return store;
  }

  it('reports a node that is not ready as unavailable (transient), not as a timeout', async () => {
    const eventStore = await start(() => ({
      status: GRPC_STATUS.unavailable,
      message: 'Server Is Not Ready',
    }));
    const error = await eventStore.ping().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StoreUnavailableError);
    expect(error).not.toBeInstanceOf(StoreTimeoutError);
    expect(error).toMatchObject({ transient: true, operation: 'ping' });
  });

  it('reports a failure the server will repeat (gRPC UNKNOWN) as permanent', async () => {
    const eventStore = await start(() => ({
      status: GRPC_STATUS.unknown,
      message: 'Unexpected ReadAllResult',
    }));
    const error = await eventStore.readAll({ maxCount: 1 }).catch((e: unknown) => e);
    expect(isPermanentStoreError(error)).toBe(true);
    expect(error).toMatchObject({
      operation: 'readAll',
      cause: { type: 'unknown', code: GRPC_STATUS.unknown },
    });
  });

  it('reports an append refused as unavailable as transient, after the feature probe was refused too', async () => {
    const eventStore = await start((path) =>
      path.endsWith('/GetSupportedMethods')
        ? { status: GRPC_STATUS.unimplemented }
        : { status: GRPC_STATUS.unavailable, message: 'Server Is Too Busy' },
    );
    const error = await eventStore
      .appendToStream('doetank-1', [newEvent('DoetankProposed')], 'no_stream')
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StoreUnavailableError);
    expect(error).toMatchObject({ transient: true, operation: 'appendToStream' });
    expect(server?.calls).toEqual([
      '/event_store.client.server_features.ServerFeatures/GetSupportedMethods',
      `${STREAMS}/Append`,
    ]);
  });
});
