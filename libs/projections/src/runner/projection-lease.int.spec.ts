import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Database } from 'better-sqlite3';
import { openSqliteDatabase } from '@app/event-store/adapters/sqlite/sqlite-database';
import { SqliteEventStore } from '@app/event-store/adapters/sqlite/sqlite-event-store';
import { newEvent } from '@app/event-store/testing';
import { type ReadStore } from '@app/read-store';
import { SqliteReadStore } from '@app/read-store/adapters/sqlite/sqlite-read-store';
import { withFaults, type FaultControl } from '@app/resilience/testing';
import type { ProjectedDocument, Projection, ProjectionEvent } from '../projection';
import { checkpointName, ProjectionRunner, type ProjectionRunnerOptions } from './projection-runner';

/** Counts ResultShared events per Doetank, with the positions applied: a document applied twice would show. */
interface ResultCount extends ProjectedDocument {
  results: number;
  positions: number[];
}

const resultCounts: Projection = {
  name: 'result_counts',
  collections: [{ name: 'result_counts' }],
  handles: ['ResultShared'],
  targets: (event: ProjectionEvent) => [
    { collection: 'result_counts', id: (event.data as { doetankId: string }).doetankId },
  ],
  evolve: (doc, event, target) => {
    const current = doc as ResultCount | null;
    return {
      id: target.id,
      results: (current?.results ?? 0) + 1,
      positions: [...(current?.positions ?? []), event.position],
      lastEventPosition: event.position,
    } satisfies ResultCount;
  },
};

const shared = (doetankId: string, n: number) =>
  newEvent('ResultShared', { doetankId, resultId: `r${n}`, kind: 'report', title: `R${n}`, sharedBy: 'm1' });

/**
 * Two runners of one projection, each with its own connection to the read models' file (as two projector
 * processes have): the lease lets one apply while the other waits in standby, and hands over when the holder
 * stops, dies or freezes. Waits are for conditions, bounded generously.
 */
describe('ProjectionRunner with a lease', () => {
  let dir: string;
  let db: Database;
  let events: SqliteEventStore;
  const opened: Database[] = [];
  const runners: ProjectionRunner[] = [];
  /** Faults still set when a test ends are cleared first, so that its runners can stop. */
  const faultControls: FaultControl[] = [];

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'slimmernetwerk-lease-'));
    db = openSqliteDatabase(join(dir, 'test.db'));
    events = new SqliteEventStore(db, { pollIntervalMs: 10 });
  });
  afterEach(async () => {
    faultControls.splice(0).forEach((faults) => faults.clear());
    await Promise.all(runners.splice(0).map((r) => r.stop()));
    await events.close();
    opened.splice(0).forEach((c) => c.close());
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  /** A read store on a connection of its own to the read models' file. */
  const readStore = () => {
    const connection = openSqliteDatabase(join(dir, 'read-models.db'), { synchronous: 'NORMAL' });
    opened.push(connection);
    return new SqliteReadStore(connection);
  };
  const runner = (
    owner: string,
    ttlMs: number,
    store: ReadStore = readStore(),
    options: ProjectionRunnerOptions = {},
  ) => {
    const started = new ProjectionRunner(resultCounts, events, store, {
      batchSize: 5,
      retryDelayMs: 10,
      lease: { owner, ttlMs },
      ...options,
    }).start();
    runners.push(started);
    return started;
  };
  const appendMany = async (count: number, from = 0) => {
    let position = 0;
    for (let i = from; i < from + count; i++) {
      position = (await events.appendToStream(`doetank-${i % 4}`, [shared(`d${i % 4}`, i)], 'any')).position;
    }
    return position;
  };
  const until = async (condition: () => boolean | Promise<boolean>, what: string, ms = 20_000) => {
    const deadline = Date.now() + ms;
    while (!(await condition())) {
      if (Date.now() > deadline) throw new Error(`Not within ${ms} ms: ${what}`);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  };
  /** Every document: each event applied exactly once shows as positions without repeats, all of them. */
  const documents = async () =>
    (await readStore().find<ResultCount>('result_counts', { sort: [{ field: 'id' }] })).items;
  const expectEachEventOnce = async (count: number) => {
    const docs = await documents();
    const positions = docs.flatMap((d) => d.positions);
    expect(new Set(positions).size).toBe(positions.length);
    expect(positions).toHaveLength(count);
    expect(docs.map((d) => d.results).reduce((a, b) => a + b, 0)).toBe(count);
  };
  const applied = (...rs: ProjectionRunner[]) =>
    rs.map((r) => r.status().eventsApplied ?? 0).reduce((a, b) => a + b, 0);

  it('lets one runner apply while the other waits in standby at the position written', async () => {
    const head = await appendMany(40);
    const a = runner('a', 60_000);
    const b = runner('b', 60_000);
    await until(
      () => [a, b].some((r) => r.status().state === 'live' && r.status().position === head),
      'one runner live at the head',
    );
    const [active, waiting] = a.status().lease!.held ? [a, b] : [b, a];
    await until(() => waiting.status().position === head, 'the standby showing the position written');

    expect(active.status()).toMatchObject({ state: 'live', lease: { held: true, acquisitions: 1 } });
    expect(waiting.status()).toMatchObject({
      state: 'standby',
      lease: { held: false, holder: active.status().lease!.owner, acquisitions: 0 },
      eventsApplied: 0,
    });
    expect(await waiting.waitForPosition(head, 1000)).toBe(true);
    expect(active.status().eventsApplied).toBe(40);
    await expectEachEventOnce(40);
  });

  it('hands over on stop: the lease is released and the other takes over long before it would expire', async () => {
    await appendMany(10);
    const a = runner('a', 120_000);
    await until(() => a.status().state === 'live', 'a live');
    const b = runner('b', 120_000);
    await until(() => b.status().state === 'standby', 'b in standby');

    await a.stop();
    expect(a.status().lease).toMatchObject({ held: false });
    // A standby asks at least every second: a released lease passes in about that, far below its 120 s.
    await until(() => b.status().lease!.held && b.status().state === 'live', 'b took over', 20_000);
    const head = await appendMany(10, 10);
    expect(await b.waitForPosition(head, 10_000)).toBe(true);
    expect(applied(a, b)).toBe(20);
    await expectEachEventOnce(20);
  });

  it('keeps its lease while idle: renewed every ttl/3 without any batch to write', async () => {
    await appendMany(3);
    const ttlMs = 900;
    const a = runner('a', ttlMs);
    await until(() => a.status().state === 'live', 'a live');
    const probe = readStore();
    // Three lease lengths with nothing to apply, asking all the time: never free.
    const started = Date.now();
    while (Date.now() - started < 3 * ttlMs) {
      expect(await probe.acquireLease('result_counts', 'probe', ttlMs)).toMatchObject({
        held: false,
        owner: 'a',
      });
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(a.status()).toMatchObject({ state: 'live', lease: { held: true, acquisitions: 1 } });
  });

  it('takes over from a frozen holder after the lease expires; the holder, back, writes nothing and stands by', async () => {
    await appendMany(10);
    const frozen: { store: ReadStore; faults: FaultControl } = withFaults(readStore(), {
      store: 'read store',
    });
    faultControls.push(frozen.faults);
    const ttlMs = 600;
    const a = runner('a', ttlMs, frozen.store);
    await until(() => a.status().state === 'live' && a.status().position > 0, 'a live');
    const b = runner('b', ttlMs);
    await until(() => b.status().state === 'standby', 'b in standby');

    // A stops answering (a long GC pause, a stalled disk): its renewals and its next batch hang.
    frozen.faults.hang(['acquireLease', 'applyBatch', 'releaseLease']);
    const head = await appendMany(15, 10);
    await until(() => b.status().lease!.held, 'b took the lease once a stopped renewing');
    expect(await b.waitForPosition(head, 10_000)).toBe(true);
    await until(() => b.status().state === 'live', 'b live');
    expect(a.status().lease!.held).toBe(true); // as far as a knows: its calls have not answered

    // A comes back: its batch is refused by the store, it drops what it held in memory and waits.
    frozen.faults.clear();
    await until(() => a.status().state === 'standby' && !a.status().lease!.held, 'a back in standby');
    await until(() => a.status().position === head, 'a showing what b wrote');
    expect(a.status().lease!.holder).toBe('b');
    expect(applied(a, b)).toBe(25);
    await expectEachEventOnce(25);
    const checkpoint = await readStore().getCheckpoint(checkpointName('result_counts', 1));
    expect(checkpoint?.position).toBe(head);

    // And it takes over again, from the stored checkpoint, when b goes.
    await b.stop();
    await until(() => a.status().lease!.held && a.status().state === 'live', 'a took over again');
    const last = await appendMany(5, 25);
    expect(await a.waitForPosition(last, 10_000)).toBe(true);
    expect(a.status().lease!.acquisitions).toBe(2);
    await expectEachEventOnce(30);
  });

  it('keeps the lease of a projection failed on its own event, so the other projector does not fail in turn', async () => {
    await appendMany(3);
    await events.appendToStream('doetank-x', [shared('poison', 99)], 'any');
    const poisoned: Projection = {
      ...resultCounts,
      evolve: (doc, event, target) => {
        if (target.id === 'poison') throw new Error('cannot project this one');
        return resultCounts.evolve(doc, event, target, new Map());
      },
    };
    const failing = (owner: string) => {
      const started = new ProjectionRunner(poisoned, events, readStore(), {
        batchSize: 5,
        retryDelayMs: 10,
        maxAttempts: 2,
        lease: { owner, ttlMs: 1000 },
      }).start();
      runners.push(started);
      return started;
    };
    const a = failing('a');
    await until(() => a.status().state === 'failed', 'a failed');
    const b = failing('b');
    await until(() => b.status().state === 'standby', 'b in standby');
    // Four lease lengths on, asking all the time: a still holds it (renewed while failed), and b still waits.
    const probe = readStore();
    const since = Date.now();
    while (Date.now() - since < 4 * 300) {
      expect(await probe.acquireLease('result_counts', 'probe', 300)).toMatchObject({
        held: false,
        owner: 'a',
      });
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(b.status()).toMatchObject({
      state: 'standby',
      failedPosition: a.status().failedPosition,
      lease: { held: false, holder: 'a' },
    });

    // Stopped (a fix deployed, say), a gives it up, and b starts from the stored checkpoint: at the same event.
    await a.stop();
    await until(() => b.status().state === 'failed', 'b failed where a failed');
    expect(b.status().failedPosition).toBe(a.status().failedPosition);
    expect(b.status().lease).toMatchObject({ held: true, acquisitions: 1 });
  });

  it('notices a lease lost while idle and stands by', async () => {
    await appendMany(5);
    const a = runner('a', 300);
    await until(() => a.status().state === 'live', 'a live');
    // Another owner takes it (an operator's tool, or a projector whose clock says it expired): a's renewal finds out.
    const other = readStore();
    await other.releaseLease('result_counts', 'a');
    await other.acquireLease('result_counts', 'intruder', 60_000);
    await until(() => a.status().state === 'standby', 'a in standby');
    expect(a.status().lease).toMatchObject({ held: false, holder: 'intruder' });
    await other.releaseLease('result_counts', 'intruder');
    await until(() => a.status().state === 'live' && a.status().lease!.held, 'a live again');
    const head = await appendMany(5, 5);
    expect(await a.waitForPosition(head, 10_000)).toBe(true);
    await expectEachEventOnce(10);
  });
});
