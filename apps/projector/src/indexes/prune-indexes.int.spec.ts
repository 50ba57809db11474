import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSqliteDatabase, type SqliteDatabase } from '@app/event-store/adapters/sqlite/sqlite-database';
import { ALL_PROJECTIONS, type Projection } from '@app/projections';
import { SqliteReadStore } from '@app/read-store/adapters/sqlite/sqlite-read-store';
import { parseIndexArguments, pruneProjectionIndexes } from './prune-indexes';

const projection = (name: string): Projection => ALL_PROJECTIONS.find((p) => p.name === name)!;

describe('projections:indexes', () => {
  let dir: string;
  let db: SqliteDatabase;
  let store: SqliteReadStore;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'prune-indexes-'));
    db = openSqliteDatabase(join(dir, 'read-models.db'), { synchronous: 'NORMAL' });
    store = new SqliteReadStore(db);
  });

  afterEach(async () => {
    await store.close();
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('lists the indexes an older build left, changes nothing without --drop-undeclared, then drops them', async () => {
    const timeline = projection('timeline');
    const [main, ...others] = timeline.collections;
    // An older build declared one more index; the current build starts and declares its own: nothing dropped.
    await store.ensureCollections([
      { ...main, indexes: [...(main.indexes ?? []), { name: 'by_legacy', fields: [{ field: 'legacy' }] }] },
      ...others,
    ]);
    await store.ensureCollections(timeline.collections);
    const legacyIndex = () =>
      db.prepare("SELECT name FROM sqlite_schema WHERE name LIKE '%__ix_by_legacy'").pluck().all();
    expect(legacyIndex()).toHaveLength(1);

    const dryRun = await pruneProjectionIndexes(store, [timeline], false);
    expect(dryRun).toEqual([
      `${main.name} v1: index by_legacy (no longer declared) would be dropped`,
      '1 to drop; run again with --drop-undeclared to drop them.',
    ]);
    expect(await pruneProjectionIndexes(store, [timeline], false)).toEqual(dryRun);
    expect(legacyIndex()).toHaveLength(1);

    expect(await pruneProjectionIndexes(store, [timeline], true)).toEqual([
      `${main.name} v1: index by_legacy (no longer declared) dropped`,
    ]);
    expect(legacyIndex()).toHaveLength(0);
    expect(await pruneProjectionIndexes(store, [timeline], true)).toEqual([
      'Every index is a declared one; nothing to drop.',
    ]);
  });

  it('skips collections the projector has not created yet', async () => {
    const members = projection('members');
    expect(await pruneProjectionIndexes(store, [members], false)).toEqual([
      ...members.collections.map((c) => `${c.name}: not created yet (the projector creates it); skipped`),
      'Every index is a declared one; nothing to drop.',
    ]);
  });

  it('takes a projection or all, and --drop-undeclared; a dry run is the default', () => {
    expect(parseIndexArguments([], ALL_PROJECTIONS)).toEqual({
      projections: [...ALL_PROJECTIONS],
      drop: false,
    });
    expect(parseIndexArguments(['timeline', '--drop-undeclared'], ALL_PROJECTIONS)).toEqual({
      projections: [projection('timeline')],
      drop: true,
    });
    expect(parseIndexArguments(['--dry-run', 'all'], ALL_PROJECTIONS)).toMatchObject({ drop: false });
    expect(parseIndexArguments(['nope'], ALL_PROJECTIONS)).toMatchObject({ exit: 2 });
    expect(parseIndexArguments(['--drop'], ALL_PROJECTIONS)).toMatchObject({ exit: 2 });
    expect(parseIndexArguments(['--dry-run', '--drop-undeclared'], ALL_PROJECTIONS)).toMatchObject({
      exit: 2,
    });
    expect(parseIndexArguments(['--help'], ALL_PROJECTIONS)).toMatchObject({ exit: 0 });
  });
});
