import {
  DuplicateEventIdError,
  type RecordedEvent,
  StreamNotFoundError,
  WrongExpectedRevisionError,
} from '../../event-store.port';
import { collectUntil, iterate, newEvent, newEvents, withTimeout } from '../../testing/event-store.fixtures';
import { SYSTEM_STREAM_PREFIXES } from './esdb-filter';
import { EventStoreDbEventStore } from './eventstoredb-event-store';
import { FakeEsdbClient } from './testing/fake-esdb-client';

// The adapter over an in-memory imitation of EventStoreDB's rules (see testing/fake-esdb-client.ts): this checks
// the adapter's own logic, not that it works against a server.
describe('EventStoreDbEventStore (over a fake client)', () => {
  let client: FakeEsdbClient;
  let store: EventStoreDbEventStore;
  const stream = (id: string) => `doetank-${id}`;

  beforeEach(() => {
    client = new FakeEsdbClient(4096);
    store = new EventStoreDbEventStore(client.asClient(), {
      streamPrefixes: SYSTEM_STREAM_PREFIXES,
      backoff: { initialMs: 5, maxMs: 20 },
    });
  });

  afterEach(() => store.close());

  describe('appending', () => {
    it('returns the position of the last event, not of the first', async () => {
      const result = await store.appendToStream(stream('a'), newEvents('DoetankProposed', 3), 'no_stream');
      const read = await store.readStream(stream('a'));
      expect(result).toEqual({ nextExpectedRevision: 2, position: read[2].position });
      expect(read[2].position).toBeGreaterThan(read[0].position);
    });

    it('returns the original result for a repeat that ESDB recognises, writing nothing', async () => {
      const events = newEvents('DoetankProposed', 2);
      const original = await store.appendToStream(stream('b'), events, 'no_stream');
      await store.appendToStream(stream('b'), [newEvent('DoetankStarted')], 1);

      expect(await store.appendToStream(stream('b'), events, 'no_stream')).toEqual(original);
      expect(await store.appendToStream(stream('b'), events, 'any')).toEqual(original);
      expect(await store.streamRevision(stream('b'))).toBe(2);
    });

    it('refuses a repeat that ESDB accepts but that would have landed elsewhere (stream_exists at the start)', async () => {
      const events = newEvents('DoetankProposed', 2);
      await store.appendToStream(stream('c'), events, 'no_stream');

      await expect(store.appendToStream(stream('c'), events, 'stream_exists')).rejects.toBeInstanceOf(
        DuplicateEventIdError,
      );
    });

    it('turns a partial repeat into DuplicateEventIdError', async () => {
      const [a, b] = newEvents('DoetankProposed', 2);
      await store.appendToStream(stream('d'), [a, b], 'no_stream');

      await expect(
        store.appendToStream(stream('d'), [a, newEvent('DoetankProposed')], 'no_stream'),
      ).rejects.toMatchObject({ name: 'DuplicateEventIdError', eventId: a.id });
    });

    it('reports a real conflict with the actual revision', async () => {
      await store.appendToStream(stream('e'), newEvents('DoetankProposed', 3), 'no_stream');

      await expect(store.appendToStream(stream('e'), [newEvent('X')], 0)).rejects.toMatchObject({
        name: 'WrongExpectedRevisionError',
        expected: 0,
        actual: 2,
      });
      await expect(
        store.appendToStream(stream('f'), [newEvent('X')], 'stream_exists'),
      ).rejects.toBeInstanceOf(WrongExpectedRevisionError);
    });

    it('checks an empty append without writing', async () => {
      expect(await store.appendToStream(stream('g'), [], 'no_stream')).toEqual({
        nextExpectedRevision: -1,
        position: -1,
      });
      const appended = await store.appendToStream(stream('g'), [newEvent('X')], 'no_stream');
      expect(await store.appendToStream(stream('g'), [], 0)).toEqual(appended);
      await expect(store.appendToStream(stream('g'), [], 'no_stream')).rejects.toMatchObject({ actual: 0 });
    });

    it('refuses an id twice in one append before sending anything', async () => {
      const event = newEvent('X');
      const reads = client.log.length;
      await expect(
        store.appendToStream(stream('h'), [event, { ...event }], 'no_stream'),
      ).rejects.toBeInstanceOf(DuplicateEventIdError);
      expect(client.log.length).toBe(reads);
    });
  });

  describe('reading', () => {
    it('throws StreamNotFoundError for a missing stream and knows no revision for it', async () => {
      await expect(store.readStream(stream('none'))).rejects.toBeInstanceOf(StreamNotFoundError);
      await expect(store.readStream(stream('none'), { maxCount: 0 })).rejects.toBeInstanceOf(
        StreamNotFoundError,
      );
      expect(await store.streamRevision(stream('none'))).toBeUndefined();
    });

    it("reads this system's events after a position, exclusive, skipping system and foreign events", async () => {
      await store.appendToStream('invoice-1', [newEvent('InvoiceSent')], 'no_stream');
      const first = await store.appendToStream(stream('r'), newEvents('DoetankProposed', 3), 'no_stream');
      await store.appendToStream('invoice-1', [newEvent('InvoiceSent')], 0);

      const all = await store.readAll({ maxCount: 100 });
      expect(all.map((e) => e.streamId)).toEqual([stream('r'), stream('r'), stream('r')]);
      const after = await store.readAll({ after: all[0].position, maxCount: 1 });
      expect(after.map((e) => e.revision)).toEqual([1]);
      expect(await store.readAll({ after: first.position, maxCount: 10 })).toEqual([]);
    });

    it('reads after a position that is not an event position by starting at its chunk', async () => {
      await store.appendToStream(stream('s'), newEvents('DoetankProposed', 30), 'no_stream');
      const events = await store.readStream(stream('s'));

      const page = await store.readAll({ after: events[20].position - 1, maxCount: 2 });

      expect(page.map((e) => e.revision)).toEqual([20, 21]);
    });

    it('filters by type on the client', async () => {
      await store.appendToStream(stream('t'), [newEvent('A'), newEvent('B'), newEvent('A')], 'no_stream');
      expect((await store.readAll({ maxCount: 10, eventTypes: ['A'] })).map((e) => e.revision)).toEqual([
        0, 2,
      ]);
    });

    it("finds the head among this system's events only", async () => {
      expect(await store.headPosition()).toBeUndefined();
      const result = await store.appendToStream(stream('u'), [newEvent('A')], 'no_stream');
      await store.appendToStream('invoice-2', [newEvent('InvoiceSent')], 'no_stream');
      expect(await store.headPosition()).toBe(result.position);
    });
  });

  describe('subscribing', () => {
    it('resumes after a dropped connection from the last event it took, without repeats', async () => {
      await store.appendToStream(stream('v'), newEvents('A', 3), 'no_stream');
      const subscription = store.subscribeToAll({ batchSize: 10 });
      try {
        const iterator = iterate(subscription);
        const before = await collectUntil(iterator, (_, batches) => batches.at(-1)?.caughtUp === true);
        expect(before.events.map((e) => e.revision)).toEqual([0, 1, 2]);

        client.dropSubscriptions();
        await store.appendToStream(stream('v'), newEvents('A', 2), 2);
        const after = await collectUntil(iterator, (events) => events.length >= 2, 2000);

        const revisions = (events: RecordedEvent[]) => events.map((e) => e.revision);
        expect(revisions(after.events)).toEqual([3, 4]);
        expect(after.batches.at(-1)?.caughtUp).toBe(true);
      } finally {
        await subscription.close();
      }
    });

    it('ends the iteration with the error when the server refuses for good', async () => {
      const subscription = store.subscribeToAll();
      const iterator = iterate(subscription);
      await withTimeout(iterator.next(), 1000);
      const pending = iterator.next();

      client.dropSubscriptions('access-denied');

      await expect(withTimeout(pending, 1000)).rejects.toMatchObject({ type: 'access-denied' });
    });
  });

  it('disposes only a client it created', async () => {
    await store.close();
    expect(client.disposed).toBe(false);
    const owned = new EventStoreDbEventStore(client.asClient(), { ownsClient: true });
    await owned.close();
    expect(client.disposed).toBe(true);
    await expect(owned.ping()).rejects.toThrow(/closed/);
  });
});
