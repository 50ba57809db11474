import { openSqliteDatabase, SqliteEventStore } from '@app/event-store';
import {
  collectUntil,
  eventStoreContract,
  iterate,
  newEvent,
  newEvents,
  uniqueEventType,
  uniqueStreamId,
  withTimeout,
} from '@app/event-store/testing';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const tempDirs: string[] = [];

function tempFile(): string {
  const dir = mkdtempSync(join(tmpdir(), 'sqlite-event-store-'));
  tempDirs.push(dir);
  return join(dir, 'nested', 'events.sqlite');
}

afterAll(() => {
  for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
});

eventStoreContract('SqliteEventStore', async () => {
  const db = openSqliteDatabase(tempFile());
  const store = new SqliteEventStore(db);
  return {
    store,
    async cleanup() {
      await store.close();
      db.close();
    },
  };
});

describe('SqliteEventStore on a file', () => {
  it('opens the file with WAL, full sync, a busy timeout and foreign keys', () => {
    const db = openSqliteDatabase(tempFile());
    try {
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(db.pragma('synchronous', { simple: true })).toBe(2);
      expect(db.pragma('busy_timeout', { simple: true })).toBe(5000);
      expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    } finally {
      db.close();
    }
  });

  it('keeps its events after the file is closed and opened again', async () => {
    const file = tempFile();
    const streamId = uniqueStreamId();
    const events = newEvents('ThingHappened', 3);
    const firstDb = openSqliteDatabase(file);
    const first = new SqliteEventStore(firstDb);
    const appended = await first.appendToStream(streamId, events, 'no_stream');
    await first.close();
    firstDb.close();

    const db = openSqliteDatabase(file);
    const reopened = new SqliteEventStore(db);
    try {
      const read = await reopened.readStream(streamId);
      expect(read.map((event) => event.id)).toEqual(events.map((event) => event.id));
      expect(read.map((event) => event.data)).toEqual([{ n: 0 }, { n: 1 }, { n: 2 }]);
      expect(await reopened.headPosition()).toBe(appended.position);
      expect(await reopened.appendToStream(streamId, events, 'no_stream')).toEqual(appended);
      const next = await reopened.appendToStream(streamId, [newEvent('ThingHappened')], 2);
      expect(next.position).toBeGreaterThan(appended.position);
    } finally {
      await reopened.close();
      db.close();
    }
  });

  it('shares the file with another instance, whose subscription sees the appends by polling', async () => {
    const file = tempFile();
    const writerDb = openSqliteDatabase(file);
    const readerDb = openSqliteDatabase(file);
    const writer = new SqliteEventStore(writerDb);
    const reader = new SqliteEventStore(readerDb, { pollIntervalMs: 20 });
    const type = uniqueEventType();
    const subscription = reader.subscribeToAll({ eventTypes: [type] });
    try {
      const iterator = iterate(subscription);
      expect((await withTimeout(iterator.next(), 2000)).value).toEqual({ events: [], caughtUp: true });

      const delivered = collectUntil(iterator, (events) => events.length >= 3, 3000);
      await writer.appendToStream(uniqueStreamId(), newEvents(type, 2), 'no_stream');
      await writer.appendToStream(uniqueStreamId(), [newEvent(type)], 'no_stream');

      expect((await delivered).events.map((event) => event.revision)).toEqual([0, 1, 0]);
      await expect(writer.appendToStream(uniqueStreamId(), [], 'no_stream')).resolves.toBeDefined();
    } finally {
      await subscription.close();
      await Promise.all([writer.close(), reader.close()]);
      writerDb.close();
      readerDb.close();
    }
  });

  it('wakes a subscription at once on an append through the same instance', async () => {
    const db = openSqliteDatabase(':memory:');
    const store = new SqliteEventStore(db, { pollIntervalMs: 60_000 });
    const subscription = store.subscribeToAll();
    try {
      const iterator = iterate(subscription);
      expect((await withTimeout(iterator.next(), 1000)).value).toEqual({ events: [], caughtUp: true });

      const delivered = collectUntil(iterator, (events) => events.length >= 1, 1000);
      await store.appendToStream(uniqueStreamId(), [newEvent('ThingHappened')], 'no_stream');

      expect((await delivered).events).toHaveLength(1);
    } finally {
      await store.close();
      db.close();
    }
  });

  it('serialises concurrent appends from two connections to one stream', async () => {
    const file = tempFile();
    const dbs = [openSqliteDatabase(file), openSqliteDatabase(file)];
    const [a, b] = dbs.map((db) => new SqliteEventStore(db));
    const streamId = uniqueStreamId();
    try {
      await a.appendToStream(streamId, [newEvent('ThingHappened')], 'no_stream');
      await b.appendToStream(streamId, [newEvent('ThingHappened')], 0);
      await expect(a.appendToStream(streamId, [newEvent('ThingHappened')], 0)).rejects.toMatchObject({
        name: 'WrongExpectedRevisionError',
        actual: 1,
      });
      expect(await a.streamRevision(streamId)).toBe(1);
    } finally {
      await Promise.all([a.close(), b.close()]);
      for (const db of dbs) db.close();
    }
  });

  it('refuses work after close but leaves the shared connection open', async () => {
    const db = openSqliteDatabase(':memory:');
    const store = new SqliteEventStore(db);
    await store.close();

    await expect(store.ping()).rejects.toThrow(/closed/);
    expect(db.open).toBe(true);
    db.close();
  });
});
