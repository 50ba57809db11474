import { type AppendResult } from '@app/event-store';
import { openSqliteDatabase } from '@app/event-store/adapters/sqlite/sqlite-database';
import { SqliteEventStore } from '@app/event-store/adapters/sqlite/sqlite-event-store';
import { groupCommitFor } from '@app/event-store/adapters/sqlite/sqlite-group-commit';
import { verifyStore } from '@app/event-store/integrity';
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
import { tempSqliteFile } from '@app/event-store/testing/sqlite-files';
import { isTransientStoreError } from '@app/resilience';
import Database from 'better-sqlite3';
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

/** Commits what is pending (and stops a writer thread), closes the store, its connection and the others. */
async function closeAll(store: SqliteEventStore, db: Database.Database, ...others: Database.Database[]) {
  await groupCommitFor(db).close();
  await store.close();
  for (const connection of [db, ...others]) connection.close();
}

// Both shapes of the group commit: on the connection's own thread, and on a writer thread (the api's).
for (const writerThread of [false, true]) {
  eventStoreContract(`SqliteEventStore${writerThread ? ' (writes on a writer thread)' : ''}`, async () => {
    const file = tempSqliteFile({ writerThread });
    const store = new SqliteEventStore(file.db);
    return {
      store,
      async cleanup() {
        await store.close();
        await file.cleanup();
      },
    };
  });
}

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

  it('tells its appended listeners, and wakes another instance at once when told of an append elsewhere', async () => {
    const file = tempFile();
    const writerDb = openSqliteDatabase(file);
    const readerDb = openSqliteDatabase(file);
    const writer = new SqliteEventStore(writerDb);
    // Without the wake-up the reader would only look again after a minute.
    const reader = new SqliteEventStore(readerDb, { pollIntervalMs: 60_000 });
    const type = uniqueEventType();
    const subscription = reader.subscribeToAll({ eventTypes: [type] });
    const told: number[] = [];
    const stopTelling = writer.onAppended((position) => {
      told.push(position);
      reader.notifyAppendedElsewhere();
    });
    try {
      const iterator = iterate(subscription);
      expect((await withTimeout(iterator.next(), 2000)).value).toEqual({ events: [], caughtUp: true });

      const delivered = collectUntil(iterator, (events) => events.length >= 2, 2000);
      const appended = await writer.appendToStream(uniqueStreamId(), newEvents(type, 2), 'no_stream');
      expect((await delivered).events.map((event) => event.position)).toEqual([
        appended.position - 1,
        appended.position,
      ]);
      // Writing nothing tells nobody; a removed listener hears nothing more.
      await writer.appendToStream(uniqueStreamId(), [], 'no_stream');
      stopTelling();
      await writer.appendToStream(uniqueStreamId(), [newEvent(type)], 'no_stream');
      expect(told).toEqual([appended.position]);
    } finally {
      await subscription.close();
      await Promise.all([writer.close(), reader.close()]);
      writerDb.close();
      readerDb.close();
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

  describe.each([false, true])('group commit (on a writer thread: %s)', (writerThread) => {
    it('commits the appends of one event-loop turn together, each succeeding or failing on its own', async () => {
      const file = tempFile();
      const [db, observer] = [openSqliteDatabase(file), openSqliteDatabase(file)];
      groupCommitFor(db, { writerThread });
      const store = new SqliteEventStore(db);
      const taken = uniqueStreamId();
      await store.appendToStream(taken, [newEvent('ThingHappened')], 'no_stream');
      const streams = [uniqueStreamId(), uniqueStreamId(), uniqueStreamId()];
      const count = () =>
        observer
          .prepare('SELECT count(*) FROM events WHERE stream_id IN (?, ?, ?, ?)')
          .pluck()
          .get(taken, ...streams);
      try {
        const appends = [
          store.appendToStream(streams[0], [newEvent('ThingHappened')], 'no_stream'),
          store.appendToStream(taken, [newEvent('ThingHappened')], 'no_stream'), // conflicts
          store.appendToStream(streams[1], newEvents('ThingHappened', 2), 'no_stream'),
          store.appendToStream(streams[2], [newEvent('ThingHappened')], 'no_stream'),
        ];
        expect(count()).toBe(1); // nothing of the group is committed before the turn ends
        const settled = await Promise.allSettled(appends);
        expect(settled.map((s) => s.status)).toEqual(['fulfilled', 'rejected', 'fulfilled', 'fulfilled']);
        expect((settled[1] as PromiseRejectedResult).reason).toMatchObject({
          name: 'WrongExpectedRevisionError',
        });
        // Every fulfilled append is visible to another connection when its promise resolves.
        expect(count()).toBe(5);
        const positions = settled
          .filter((s): s is PromiseFulfilledResult<AppendResult> => s.status === 'fulfilled')
          .map((s) => s.value.position);
        expect(positions).toEqual([...positions].sort((x, y) => x - y));
        expect(await store.streamRevision(taken)).toBe(0);
      } finally {
        await closeAll(store, db, observer);
      }
    });

    it('acknowledges nothing of a group whose commit fails', async () => {
      const file = tempFile();
      const db = openSqliteDatabase(file, { busyTimeoutMs: 0 });
      const other = openSqliteDatabase(file);
      groupCommitFor(db, { writerThread });
      const store = new SqliteEventStore(db);
      const streams = [uniqueStreamId(), uniqueStreamId()];
      try {
        other.exec('BEGIN IMMEDIATE'); // another process holds the write lock
        const settled = await Promise.allSettled(
          streams.map((id) => store.appendToStream(id, [newEvent('ThingHappened')], 'no_stream')),
        );
        other.exec('ROLLBACK');
        expect(settled.map((s) => s.status)).toEqual(['rejected', 'rejected']);
        // A lock held by another process is an outage to wait out, not a refusal: transient, with SQLite's code.
        const reason = (settled[0] as PromiseRejectedResult).reason as Error;
        expect(isTransientStoreError(reason)).toBe(true);
        expect(reason.message).toMatch(
          /^SQLite event store appendToStream: database is locked \(SQLITE_BUSY\)/,
        );
        expect(reason.cause).toMatchObject({ code: 'SQLITE_BUSY' });
        for (const id of streams) expect(await store.streamRevision(id)).toBeUndefined();
        // The store goes on working once the lock is free.
        await store.appendToStream(streams[0], [newEvent('ThingHappened')], 'no_stream');
        expect(await store.streamRevision(streams[0])).toBe(0);
      } finally {
        await closeAll(store, db, other);
      }
    });
  });

  describe('writer thread', () => {
    it('answers the group in flight as unavailable when the thread stops, and the next write starts another', async () => {
      const file = tempFile();
      const db = openSqliteDatabase(file);
      const other = openSqliteDatabase(file);
      const group = groupCommitFor(db, { writerThread: true });
      const store = new SqliteEventStore(db);
      const streamId = uniqueStreamId();
      try {
        await store.appendToStream(uniqueStreamId(), [newEvent('ThingHappened')], 'no_stream');
        const first = group.writerThread!.thread!;
        expect(first.threadId).toBeGreaterThan(0);
        // The group waits for a lock another process holds while its thread is stopped: whether it commits
        // before the thread dies is open, as in a crash.
        other.exec('BEGIN IMMEDIATE');
        const events = [newEvent('ThingHappened')];
        const append = store.appendToStream(streamId, events, 'no_stream');
        await new Promise((resolve) => setImmediate(resolve));
        expect(group.pending).toBe(0); // posted to the thread
        const stopped = first.terminate();
        other.exec('ROLLBACK');
        await stopped;
        const failure = await append.then(
          () => 'acknowledged',
          (error: unknown) => error,
        );
        expect(isTransientStoreError(failure)).toBe(true);
        expect(String(failure)).toMatch(/writer thread stopped before answering/);

        // Retrying is safe: the append is idempotent by its event ids, committed or not before the crash.
        await store.appendToStream(streamId, events, 'no_stream');
        expect(group.writerThread!.thread).toBeDefined();
        expect(group.writerThread!.thread).not.toBe(first);
        expect((await store.readStream(streamId)).map((event) => event.id)).toEqual([events[0].id]);
        await expect(
          store.appendToStream(streamId, [newEvent('ThingHappened')], 'no_stream'),
        ).rejects.toMatchObject({ name: 'WrongExpectedRevisionError', actual: 0 });
      } finally {
        await closeAll(store, db, other);
      }
    });

    it('commits what was asked before it closes, then stops its thread', async () => {
      const db = openSqliteDatabase(tempFile());
      const group = groupCommitFor(db, { writerThread: true });
      const store = new SqliteEventStore(db);
      const streams = [uniqueStreamId(), uniqueStreamId()];
      const appends = streams.map((id) => store.appendToStream(id, [newEvent('ThingHappened')], 'no_stream'));
      await group.close();
      await Promise.all(appends);
      expect(group.writerThread!.thread).toBeUndefined();
      for (const id of streams) expect(await store.streamRevision(id)).toBe(0);
      await store.close();
      db.close();
    });
  });

  it('fails to open a file another process holds locked with a transient error, and opens it once free', () => {
    const file = tempFile();
    openSqliteDatabase(file).close(); // create the directory
    // A file in rollback-journal mode (as another tool may leave it): switching it to WAL needs its lock.
    const other = new Database(file);
    other.pragma('journal_mode = DELETE');
    other.exec('CREATE TABLE IF NOT EXISTS held (x)');
    other.exec('BEGIN EXCLUSIVE');
    try {
      let failure: unknown;
      try {
        openSqliteDatabase(file, { busyTimeoutMs: 20 }).close();
      } catch (error) {
        failure = error;
      }
      expect(isTransientStoreError(failure)).toBe(true);
      expect(String(failure)).toMatch(/SQLite open: database is locked \(SQLITE_BUSY\)/);
      other.exec('COMMIT');
      const db = openSqliteDatabase(file, { busyTimeoutMs: 20 });
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
      db.close();
    } finally {
      other.close();
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

describe('SqliteEventStore on a file written before events were hashed', () => {
  it('adds the hash columns, keeps the old events unhashed, and starts each chain after them', async () => {
    const file = tempFile();
    const db = openSqliteDatabase(file);
    // The schema and rows as the adapter wrote them before hashing.
    db.exec(`
      CREATE TABLE events (position INTEGER PRIMARY KEY AUTOINCREMENT, event_id TEXT NOT NULL UNIQUE,
        stream_id TEXT NOT NULL, revision INTEGER NOT NULL, type TEXT NOT NULL, data TEXT NOT NULL,
        metadata TEXT NOT NULL, UNIQUE (stream_id, revision));
      CREATE TABLE streams (stream_id TEXT PRIMARY KEY, revision INTEGER NOT NULL, position INTEGER NOT NULL)
        WITHOUT ROWID;
    `);
    const old = newEvents('ThingHappened', 2);
    old.forEach((event, revision) =>
      db
        .prepare(
          'INSERT INTO events (event_id, stream_id, revision, type, data, metadata) VALUES (?, ?, ?, ?, ?, ?)',
        )
        .run(
          event.id,
          'doetank-old',
          revision,
          event.type,
          JSON.stringify(event.data),
          JSON.stringify(event.metadata),
        ),
    );
    db.prepare('INSERT INTO streams (stream_id, revision, position) VALUES (?, ?, ?)').run(
      'doetank-old',
      1,
      2,
    );

    const store = new SqliteEventStore(db);
    try {
      await store.appendToStream('doetank-old', [newEvent('ThingHappened')], 1);
      await store.appendToStream('doetank-new', [newEvent('ThingHappened')], 'no_stream');
      const events = await store.readStream('doetank-old');
      expect(events.map((event) => event.hash === undefined)).toEqual([true, true, false]);

      const verification = await verifyStore(store);
      expect(verification).toMatchObject({ verified: true, unhashed: 2, events: 4, problems: [] });

      // Once a stream has hashes, taking one away is a break, not an "old" event. (Taking away every hash from
      // some revision to the end makes the stream look older than it is: the seals catch that.)
      await store.appendToStream('doetank-old', [newEvent('ThingHappened')], 2);
      db.prepare("UPDATE events SET hash = NULL WHERE stream_id = 'doetank-old' AND revision = 3").run();
      expect((await verifyStore(store)).problems).toEqual([
        expect.objectContaining({
          streamId: 'doetank-old',
          revision: 3,
          reason: expect.stringContaining('no hash'),
        }),
      ]);
      // A second adapter on the upgraded file changes nothing more.
      expect(() => SqliteEventStore.migrate(db)).not.toThrow();
    } finally {
      await store.close();
      db.close();
    }
  });
});
