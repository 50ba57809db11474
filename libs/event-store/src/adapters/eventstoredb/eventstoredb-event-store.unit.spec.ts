import { isPermanentStoreError, StoreTimeoutError } from '@app/resilience';
import {
  DuplicateEventIdError,
  type RecordedEvent,
  StreamNotFoundError,
  WrongExpectedRevisionError,
} from '../../event-store.port';
import { collectUntil, iterate, newEvent, newEvents, withTimeout } from '../../testing/event-store.fixtures';
import { ChainChecker } from '../../integrity/verify';
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

      const error = await withTimeout(pending, 1000).catch((e: unknown) => e);
      expect(isPermanentStoreError(error)).toBe(true);
      expect(error).toMatchObject({ operation: 'subscribeToAll', cause: { type: 'access-denied' } });
    });
  });

  describe('round trips', () => {
    it('trusts the answer to a one-event append at an exact revision: one call, no read', async () => {
      const created = await store.appendToStream(stream('rt1'), [newEvent('A')], 'no_stream');
      const reads = client.reads;

      const appended = await store.appendToStream(stream('rt1'), [newEvent('B')], 0);

      expect(client.reads).toBe(reads);
      const [, second] = await store.readStream(stream('rt1'));
      expect(appended).toEqual({ nextExpectedRevision: 1, position: second.position });
      expect(second.position).toBeGreaterThan(created.position);
    });

    it('reads only the last event of a multi-event append, for its position', async () => {
      const reads = client.reads;
      const result = await store.appendToStream(stream('rt2'), newEvents('A', 4), 'no_stream');
      expect(client.reads).toBe(reads + 1);
      expect(result.position).toBe((await store.readStream(stream('rt2')))[3].position);
    });

    it('returns the original result of a repeat at the same exact revision, reading only the link', async () => {
      await store.appendToStream(stream('rt3'), [newEvent('A')], 'no_stream');
      const event = newEvent('B');
      const original = await store.appendToStream(stream('rt3'), [event], 0);
      await store.appendToStream(stream('rt3'), [newEvent('C')], 1);
      const reads = client.reads;

      expect(await store.appendToStream(stream('rt3'), [event], 0)).toEqual(original);
      // The hash of revision 0, which the repeat chains to: the adapter knows only the stream's newest link.
      expect(client.reads).toBe(reads + 1);
    });

    it('chains every event to the one before it, through the hash in its metadata', async () => {
      const id = stream('rt9');
      await store.appendToStream(id, newEvents('A', 2), 'no_stream');
      await store.appendToStream(id, [newEvent('B')], 1);
      await store.appendToStream(id, [newEvent('C')], 'any');
      const events = await store.readStream(id);
      const chain = new ChainChecker();
      expect(events.map((event) => chain.check(event))).toEqual([undefined, undefined, undefined, undefined]);
      expect(events.every((event) => /^[0-9a-f]{64}$/.test(event.hash ?? ''))).toBe(true);
      expect(events[0].metadata).not.toHaveProperty('chainHash');
    });

    it('reads the event when a repeat is answered without a usable position', async () => {
      const event = newEvent('A');
      const original = await store.appendToStream(stream('rt8'), [event], 'no_stream');
      client.repeatsWithoutPosition = true;
      const reads = client.reads;

      expect(await store.appendToStream(stream('rt8'), [event], 'no_stream')).toEqual(original);
      expect(client.reads).toBe(reads + 1);
    });

    it('reads back what an append with `any` wrote: the answer may be a repeat found elsewhere', async () => {
      const reads = client.reads;
      await store.appendToStream(stream('rt4'), newEvents('A', 2), 'any');
      // The head it chains to, then the events written.
      expect(client.reads).toBe(reads + 2);
    });

    it('asks the server for bounded pages of $all, and finds the head in one call', async () => {
      await store.appendToStream(stream('rt5'), newEvents('DoetankProposed', 5), 'no_stream');
      client.readAllCalls.length = 0;

      expect(await store.readAll({ maxCount: 3 })).toHaveLength(3);
      expect(client.readAllCalls.map((call) => call.maxCount)).toEqual([4]);

      client.readAllCalls.length = 0;
      await store.headPosition();
      expect(client.readAllCalls).toHaveLength(1);
      expect(client.readAllCalls[0]).toMatchObject({ direction: 'backwards', fromPosition: 'end' });
    });

    it('pages past foreign events for readAll and the head, however many there are', async () => {
      const ours = await store.appendToStream(stream('rt6'), [newEvent('DoetankProposed')], 'no_stream');
      for (let i = 0; i < 3; i++) {
        await store.appendToStream(`invoice-${i}`, newEvents('InvoiceSent', 30), 'no_stream');
      }
      const later = await store.appendToStream(stream('rt7'), [newEvent('DoetankProposed')], 'no_stream');
      await store.appendToStream('invoice-9', newEvents('InvoiceSent', 40), 'no_stream');
      client.readAllCalls.length = 0;

      expect(await store.headPosition()).toBe(later.position);
      expect(client.readAllCalls.length).toBeGreaterThan(1);
      const page = await store.readAll({ after: ours.position, maxCount: 1 });
      expect(page.map((e) => e.position)).toEqual([later.position]);
    });
  });

  describe('against a node that never answers', () => {
    let hanging: EventStoreDbEventStore;

    beforeEach(() => {
      client.hanging = true;
      hanging = new EventStoreDbEventStore(client.asClient(), { timeoutMs: 30, appendTimeoutMs: 40 });
    });

    afterEach(() => hanging.close());

    it('times every call out with a StoreTimeoutError and cancels the reads', async () => {
      const calls: [string, () => Promise<unknown>][] = [
        ['ping', () => hanging.ping()],
        ['headPosition', () => hanging.headPosition()],
        ['readAll', () => hanging.readAll({ maxCount: 10 })],
        ['readStream', () => hanging.readStream(stream('h'))],
        ['streamRevision', () => hanging.streamRevision(stream('h'))],
        ['appendToStream', () => hanging.appendToStream(stream('h'), [newEvent('A')], 'no_stream')],
      ];
      for (const [name, call] of calls) {
        const error = await withTimeout(call(), 2000).catch((e: unknown) => e);
        expect([name, error]).toEqual([name, expect.any(StoreTimeoutError)]);
        expect(error).toMatchObject({ transient: true, store: 'EventStoreDB' });
      }
      // Every read that was started was also cancelled on the server side.
      expect(client.hung.cancelled).toBe(5);
    });

    it("ends a subscription's first batch with a StoreTimeoutError", async () => {
      const iterator = iterate(hanging.subscribeToAll());
      await expect(withTimeout(iterator.next(), 2000)).rejects.toBeInstanceOf(StoreTimeoutError);
      expect(client.subscriptions[0].sub.unsubscribed).toBe(true);
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
