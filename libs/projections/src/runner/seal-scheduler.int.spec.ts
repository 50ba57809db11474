import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Database } from 'better-sqlite3';
import { openSqliteDatabase } from '@app/event-store/adapters/sqlite/sqlite-database';
import { SqliteEventStore } from '@app/event-store/adapters/sqlite/sqlite-event-store';
import { SEAL_STREAM, StoreSealer, StreamHeads, toSeal, verifyStore } from '@app/event-store/integrity';
import type { EventStore } from '@app/event-store';
import { newEvents } from '@app/event-store/testing';
import { SqliteReadStore } from '@app/read-store/adapters/sqlite/sqlite-read-store';
import { SealScheduler } from './seal-scheduler';

const quiet = { log: () => undefined, warn: () => undefined };
/** The store's methods as a plain object, so that one can be left out. */
const bare = (store: SqliteEventStore): EventStore => ({
  appendToStream: store.appendToStream.bind(store),
  readStream: store.readStream.bind(store),
  streamRevision: store.streamRevision.bind(store),
  readAll: store.readAll.bind(store),
  headPosition: store.headPosition.bind(store),
  subscribeToAll: store.subscribeToAll.bind(store),
  ping: store.ping.bind(store),
  close: () => Promise.resolve(),
});

/**
 * The periodic seals over a real SQLite event store, with the lease in a real read store that two schedulers (two
 * projector processes, each with its own connection) share.
 */
describe('SealScheduler', () => {
  let dir: string;
  let db: Database;
  let events: SqliteEventStore;
  const opened: Database[] = [];

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'slimmernetwerk-seal-'));
    db = openSqliteDatabase(join(dir, 'test.db'));
    events = new SqliteEventStore(db);
  });
  afterEach(async () => {
    await events.close();
    for (const other of opened.splice(0)) other.close();
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const readStore = () => {
    const connection = openSqliteDatabase(join(dir, 'read-models.db'));
    opened.push(connection);
    return new SqliteReadStore(connection);
  };
  const seals = async () =>
    (await events.streamRevision(SEAL_STREAM)) === undefined
      ? []
      : (await events.readStream(SEAL_STREAM)).map((event) => toSeal(event)!);
  const append = (stream: string, count: number) =>
    events.appendToStream(stream, newEvents('Happened', count), 'any');

  it('seals every N events, only from the process holding the lease, and the seals verify', async () => {
    const schedule = { intervalMs: 0, everyEvents: 5, checkEveryMs: 1000 };
    const first = new SealScheduler(events, readStore(), schedule, quiet);
    const second = new SealScheduler(events, readStore(), schedule, quiet);

    await append('doetank-a', 3);
    expect(await first.tick()).toBeUndefined(); // 3 < 5
    await append('doetank-b', 2);
    const seal = await first.tick();
    expect(seal).toMatchObject({ revision: 0, streams: 2, events: 5 });
    // The second process waits for the lease, however many events come.
    await append('doetank-a', 10);
    expect(await second.tick()).toBeUndefined();
    expect(await first.tick()).toMatchObject({ revision: 1, streams: 3, events: 16 });
    expect(await first.tick()).toBeUndefined(); // nothing new but its own seal

    // The holder stops and gives the lease up: the other one takes over at once, from the start of the store.
    await first.stop();
    await append('doetank-c', 5);
    expect(await second.tick()).toMatchObject({ revision: 2, streams: 4, events: 22 });
    await second.stop();

    expect(await seals()).toHaveLength(3);
    const verification = await verifyStore(events);
    expect(verification).toMatchObject({ verified: true, seals: 3, events: 23, problems: [] });
  });

  it('reads the heads at a past position from the streams table, and seals as the log-reading sealer would', async () => {
    for (let i = 0; i < 12; i++) await append(`doetank-${String(i % 5)}`, 1 + (i % 3));
    const position = (await events.headPosition())!;
    await append('doetank-1', 4); // heads moved after the position
    await append('doetank-9', 1); // a stream begun after it
    const fromTable = [];
    let afterStreamId: string | undefined;
    for (;;) {
      const page = await events.readStreamHeads({ atPosition: position, afterStreamId, maxCount: 2 });
      fromTable.push(...page);
      if (page.length < 2) break;
      afterStreamId = page[page.length - 1].streamId;
    }
    const log = new StreamHeads();
    for (const event of await events.readAll({ maxCount: 1000 }))
      if (event.position <= position) log.apply(event);
    expect(fromTable).toEqual(
      [...log.heads].sort(([a], [b]) => a.localeCompare(b)).map(([streamId, h]) => ({ streamId, ...h })),
    );

    // A store without the table (as EventStoreDB) reads the log: both sealers write the same root.
    const byLog = new StoreSealer({ ...bare(events), readStreamHeads: undefined });
    const byHeads = new StoreSealer(events);
    await byLog.catchUp();
    const fromLog = (byLog as unknown as { sealFromLog(): { seal: { root: string } } }).sealFromLog();
    const sealed = await byHeads.seal();
    expect(sealed).toMatchObject({ root: fromLog.seal.root, events: 29, streams: 6 });
    expect(await verifyStore(events)).toMatchObject({ verified: true, seals: 1 });
  });

  it('seals over several pages of heads as the log-reading sealer would', async () => {
    // More streams than two pages of heads: asked together, the appends commit in one group.
    await Promise.all(Array.from({ length: 1_234 }, (_, i) => append(`member-${String(i)}`, 1 + (i % 2))));
    const byLog = new StoreSealer({ ...bare(events), readStreamHeads: undefined });
    await byLog.catchUp();
    const fromLog = (byLog as unknown as { sealFromLog(): { seal: { root: string } } }).sealFromLog();
    const sealed = await new StoreSealer(events).seal();
    expect(sealed).toMatchObject({ root: fromLog.seal.root, streams: 1_234, events: 1_851 });
    expect(await verifyStore(events)).toMatchObject({ verified: true, seals: 1 });
  });

  it('seals after the interval when anything was appended, and not before', async () => {
    let now = new Date('2026-01-01T00:00:00Z');
    const scheduler = new SealScheduler(
      events,
      readStore(),
      { intervalMs: 60_000, everyEvents: 0 },
      quiet,
      () => now,
    );
    expect(await scheduler.tick()).toBeUndefined(); // an empty store
    await append('doetank-a', 1);
    expect(await scheduler.tick()).toBeUndefined(); // the interval counts from the start
    now = new Date('2026-01-01T00:00:30Z');
    expect(await scheduler.tick()).toBeUndefined();
    now = new Date('2026-01-01T00:01:00Z');
    expect(await scheduler.tick()).toMatchObject({ revision: 0, sealedAt: '2026-01-01T00:01:00.000Z' });
    await append('doetank-a', 1);
    now = new Date('2026-01-01T00:01:59Z');
    expect(await scheduler.tick()).toBeUndefined();
    now = new Date('2026-01-01T00:02:00Z');
    expect(await scheduler.tick()).toMatchObject({ revision: 1, sealedAt: '2026-01-01T00:02:00.000Z' });
    now = new Date('2026-01-01T00:05:00Z');
    expect(await scheduler.tick()).toBeUndefined(); // only its own seal since
    await scheduler.stop();
  });

  it('runs on its own once started, and stops', async () => {
    const scheduler = new SealScheduler(
      events,
      readStore(),
      { intervalMs: 0, everyEvents: 1, checkEveryMs: 20 },
      quiet,
    );
    scheduler.start();
    await append('doetank-a', 2);
    const deadline = Date.now() + 10_000;
    while ((await seals()).length === 0 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    await scheduler.stop();
    expect((await seals()).length).toBeGreaterThan(0);
  });
});
