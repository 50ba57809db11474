import { type EventStore } from '@app/event-store';
import { openSqliteDatabase } from '@app/event-store/adapters/sqlite/sqlite-database';
import { SqliteEventStore } from '@app/event-store/adapters/sqlite/sqlite-event-store';
import { newEvent } from '@app/event-store/testing';
import { withFaults } from '@app/resilience/testing';
import { COUNT_CAP, READ_COUNT_CAP, withLag, withLags } from './lag';

/**
 * The lag of a projection on a real event store: counted exactly where the store counts (SQLite), counted by
 * reading up to a cap and flagged as a lower bound where it cannot (what the EventStoreDB adapter does: here the
 * SQLite store with its count hidden), and in seconds from the oldest unapplied event's `recordedAt`.
 */
describe('Projection lag', () => {
  const recordedAt = '2030-01-01T12:00:00.000Z';
  const thirtySecondsLater = new Date(Date.parse(recordedAt) + 30_000);
  let db: ReturnType<typeof openSqliteDatabase>;
  let store: SqliteEventStore;
  let head: number;

  beforeAll(async () => {
    db = openSqliteDatabase(':memory:');
    store = new SqliteEventStore(db);
    const events = Array.from({ length: 1500 }, (_, n) =>
      newEvent('Noted', { n }, { metadata: { recordedAt } }),
    );
    head = (await store.appendToStream('notes-1', events, 'no_stream')).position;
  });
  afterAll(async () => {
    await store.close();
    db.close();
  });

  /** The same store as an adapter that cannot count without reading. */
  const withoutCount = (): EventStore =>
    new Proxy(store, {
      get: (target, property) => {
        if (property === 'countEventsAfter') return undefined;
        const value: unknown = Reflect.get(target, property, target);
        return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
      },
    });

  it('counts exactly where the store counts, however far behind', async () => {
    expect(COUNT_CAP).toBeGreaterThan(1500);
    expect(await withLag({ position: 0 }, store, thirtySecondsLater)).toEqual({
      position: 0,
      headPosition: head,
      lagEvents: 1500,
      lagSeconds: 30,
    });
  });

  it('counts by reading up to a cap elsewhere, and says when the count is a lower bound', async () => {
    expect(READ_COUNT_CAP).toBe(1000);
    expect(await withLag({ position: 0 }, withoutCount(), thirtySecondsLater)).toEqual({
      position: 0,
      headPosition: head,
      lagEvents: 1000,
      lagEventsAtLeast: true,
      lagSeconds: 30,
    });
    expect(await withLag({ position: head - 10 }, withoutCount(), thirtySecondsLater)).toEqual({
      position: head - 10,
      headPosition: head,
      lagEvents: 10,
      lagSeconds: 30,
    });
  });

  it('is nothing when caught up, and measures each position once with one read of the head', async () => {
    const { store: counted, faults } = withFaults(store as EventStore, { passThrough: ['onAppended'] });
    const lags = await withLags(
      [
        { name: 'a', position: head },
        { name: 'b', position: head - 5 },
        { name: 'c', position: head - 5 },
      ],
      counted,
      thirtySecondsLater,
    );
    expect(lags.map(({ name, lagEvents, lagSeconds }) => ({ name, lagEvents, lagSeconds }))).toEqual([
      { name: 'a', lagEvents: 0, lagSeconds: 0 },
      { name: 'b', lagEvents: 5, lagSeconds: 30 },
      { name: 'c', lagEvents: 5, lagSeconds: 30 },
    ]);
    expect(faults.calls('headPosition')).toBe(1);
    expect(faults.calls('countEventsAfter')).toBe(1);
    expect(faults.calls('readAll')).toBe(1);
  });
});
