import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LeaseLostError } from '../../read-store.port';
import { SqliteReadStore } from './sqlite-read-store';

/**
 * Leases between two connections to one file, as two projector processes on one machine hold them: both read the
 * same clock (here one test clock, moved by hand, so expiry needs no waiting).
 */
describe('SqliteReadStore leases across connections', () => {
  let dir: string;
  let connections: Database.Database[];
  let a: SqliteReadStore;
  let b: SqliteReadStore;
  let clock: number;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'read-store-leases-'));
    clock = Date.parse('2012-11-22T19:30:00Z');
    connections = [0, 1].map(() => {
      const db = new Database(join(dir, 'read-models.db'));
      db.pragma('journal_mode = WAL');
      db.pragma('busy_timeout = 5000');
      return db;
    });
    [a, b] = connections.map((db) => new SqliteReadStore(db, { now: () => new Date(clock) }));
  });

  afterEach(async () => {
    await a.close();
    await b.close();
    connections.forEach((db) => db.close());
    rmSync(dir, { recursive: true, force: true });
  });

  it('gives the lease to one connection at a time, and to the other only once it has expired by the clock', async () => {
    expect(await a.acquireLease('timeline', 'a', 2000)).toMatchObject({ held: true, expiresInMs: 2000 });
    clock += 1999;
    expect(await b.acquireLease('timeline', 'b', 2000)).toEqual({
      name: 'timeline',
      held: false,
      owner: 'a',
      expiresAt: new Date(clock + 1).toISOString(),
      expiresInMs: 1,
    });
    clock += 1;
    expect(await b.acquireLease('timeline', 'b', 2000)).toMatchObject({ held: true, owner: 'b' });
    expect(await a.acquireLease('timeline', 'a', 2000)).toMatchObject({ held: false, owner: 'b' });
  });

  it("refuses the old owner's batch on its own connection once the other has taken over", async () => {
    await a.ensureCollections([{ name: 'timeline' }]);
    await a.acquireLease('timeline', 'a', 2000);
    await a.applyBatch({
      changes: [{ collection: 'timeline', upserts: [{ id: 'e1' }] }],
      checkpoints: [{ name: 'timeline@v1', position: 1 }],
      lease: { name: 'timeline', owner: 'a', ttlMs: 2000 },
    });
    clock += 2000;
    await b.acquireLease('timeline', 'b', 2000);

    await expect(
      a.applyBatch({
        changes: [{ collection: 'timeline', upserts: [{ id: 'e2' }] }],
        checkpoints: [{ name: 'timeline@v1', position: 2 }],
        lease: { name: 'timeline', owner: 'a', ttlMs: 2000 },
      }),
    ).rejects.toThrow(new LeaseLostError('timeline', 'a', 'b'));
    expect((await b.find('timeline')).items).toEqual([{ id: 'e1' }]);
    expect((await b.getCheckpoint('timeline@v1'))?.position).toBe(1);
  });

  it('renews with each batch: the lease lasts ttl from the last write, not from the acquisition', async () => {
    await a.ensureCollections([{ name: 'timeline' }]);
    await a.acquireLease('timeline', 'a', 2000);
    clock += 1500;
    await a.applyBatch({ lease: { name: 'timeline', owner: 'a', ttlMs: 2000 } });
    clock += 1500; // 3 s after the acquisition, 1.5 s after the batch
    expect(await b.acquireLease('timeline', 'b', 2000)).toMatchObject({ held: false, expiresInMs: 500 });
  });
});
