import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isPermanentStoreError, isTransientStoreError } from '@app/resilience';
import {
  CollectionDeclaration,
  FindQuery,
  ReadDocument,
  ReadStoreValidationError,
} from '../../read-store.port';
import { readStoreContract } from '../../testing/read-store.contract';
import { SqliteReadStore } from './sqlite-read-store';

const openFile = (file: string) => {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('busy_timeout = 5000');
  return db;
};

const openTempDatabase = () => {
  const dir = mkdtempSync(join(tmpdir(), 'read-store-'));
  const file = join(dir, 'read-store.db');
  return { db: openFile(file), file, remove: () => rmSync(dir, { recursive: true, force: true }) };
};

readStoreContract('SqliteReadStore', async () => {
  const { db, file, remove } = openTempDatabase();
  const store = new SqliteReadStore(db);
  return {
    store,
    // Another process: a connection of its own to the same file.
    another: async () => new SqliteReadStore(openFile(file), { ownsDatabase: true }),
    cleanup: async () => {
      await store.close();
      db.close();
      remove();
    },
  };
});

describe('SqliteReadStore', () => {
  let db: Database.Database;
  let remove: () => void;
  let store: SqliteReadStore;

  beforeAll(() => {
    ({ db, remove } = openTempDatabase());
    store = new SqliteReadStore(db);
  });

  afterAll(async () => {
    await store.close();
    db.close();
    remove();
  });

  const schemaNames = (like: string) =>
    db
      .prepare('SELECT name FROM sqlite_schema WHERE name LIKE ? ORDER BY name')
      .pluck()
      .all(like) as string[];

  describe('query plans of the timeline', () => {
    const timeline: CollectionDeclaration = {
      name: 'timeline_plans',
      arrayFields: ['memberIds'],
      indexes: [
        { name: 'by_time', fields: [{ field: 'occurredAt', order: 'desc' }] },
        { name: 'by_doetank', fields: [{ field: 'doetankId' }, { field: 'occurredAt', order: 'desc' }] },
        { name: 'by_kind', fields: [{ field: 'kind' }, { field: 'occurredAt', order: 'desc' }] },
        { name: 'by_member', fields: [{ field: 'memberIds' }, { field: 'occurredAt', order: 'desc' }] },
      ],
    };
    const newestFirst = [{ field: 'occurredAt', order: 'desc' as const }];
    let cursor: string;
    let memberCursor: string;

    beforeAll(async () => {
      await store.ensureCollections([timeline]);
      const docs: ReadDocument[] = Array.from({ length: 3_000 }, (_, i) => ({
        id: `event-${i}`,
        occurredAt: new Date(Date.UTC(2010, 0, 1) + i * 3_600_000).toISOString(),
        kind: ['DoetankStarted', 'ResultShared', 'MemberJoined'][i % 3],
        doetankId: `doetank-${i % 40}`,
        memberIds: [`member-${i % 300}`, `member-${(i * 7) % 300}`],
      }));
      await store.applyBatch({ changes: [{ collection: 'timeline_plans', upserts: docs }] });
      cursor = (await store.find('timeline_plans', { sort: newestFirst, limit: 1_000 })).nextCursor!;
      memberCursor = (
        await store.find('timeline_plans', { filter: { memberIds: 'member-7' }, sort: newestFirst, limit: 3 })
      ).nextCursor!;
    });

    /**
     * A page of 20, newest first (what the timeline asks), with `query`'s filter and cursor, served by the index: an
     * index search, no full scan, no sort in a temporary b-tree.
     */
    const expectIndexed = (query: Pick<FindQuery, 'filter' | 'after'>, uses: RegExp) => {
      const plan = store.explainFind('timeline_plans', { ...query, sort: newestFirst, limit: 20 });
      expect(plan.join('\n')).toMatch(uses);
      expect(plan.join('\n')).not.toMatch(/TEMP B-TREE/);
      expect(plan.filter((line) => /^SCAN t\b/.test(line) && !/USING/.test(line))).toEqual([]);
    };

    it('serves a Doetank filter newest first from its index', () => {
      expectIndexed(
        { filter: { doetankId: 'doetank-3' } },
        /SEARCH t USING INDEX \S+by_doetank \(f:doetankId=\?\)/,
      );
    });

    it('seeks a deep cursor page instead of scanning up to it', () => {
      expectIndexed(
        { filter: { doetankId: 'doetank-3' }, after: cursor },
        /SEARCH t USING INDEX \S+by_doetank \(f:doetankId=\? AND \(f:occurredAt,id\)<\(\?,\?\)\)/,
      );
      expectIndexed({ after: cursor }, /SEARCH t USING INDEX \S+by_time \(\(f:occurredAt,id\)<\(\?,\?\)\)/);
    });

    it('serves a period newest first from the time index', () => {
      expectIndexed(
        { filter: { occurredAt: { $gte: '2010-02-01', $lt: '2010-03-01' } } },
        /SEARCH t USING INDEX \S+by_time \(f:occurredAt>\? AND f:occurredAt<\?\)/,
      );
    });

    it('serves a kind filter within a period from the kind index', () => {
      expectIndexed(
        { filter: { kind: 'ResultShared', occurredAt: { $gte: '2010-02-01' } }, after: cursor },
        /SEARCH t USING INDEX \S+by_kind \(f:kind=\?/,
      );
    });

    it('serves a member filter from the multikey side table, also on deep pages', () => {
      expectIndexed({ filter: { memberIds: 'member-7' } }, /SEARCH s USING PRIMARY KEY \(k0=\?\)/);
      expectIndexed(
        { filter: { memberIds: 'member-7', kind: 'ResultShared' }, after: memberCursor },
        /SEARCH s USING PRIMARY KEY \(k0=\? AND \(k1,id\)<\(\?,\?\)\)/,
      );
    });

    it('returns the same pages through the side table as through a scan', async () => {
      const viaIndex = await store.find('timeline_plans', {
        filter: { memberIds: 'member-7' },
        sort: newestFirst,
      });
      const viaScan = await store.find('timeline_plans', {
        filter: { memberIds: { $in: ['member-7', 'nobody'] } },
        sort: newestFirst,
      });
      expect(viaIndex.items.length).toBeGreaterThan(10);
      expect(viaIndex.items).toEqual(viaScan.items);
    });
  });

  describe('physical layout', () => {
    it('keeps one table per version with generated columns, indexes and a side table per multikey index', async () => {
      await store.ensureCollections([
        {
          name: 'layout',
          arrayFields: ['tags'],
          indexes: [
            { name: 'by_at', fields: [{ field: 'at', order: 'desc' }] },
            { name: 'by_tag', fields: [{ field: 'tags' }, { field: 'at' }] },
          ],
        },
      ]);
      expect(schemaNames('rs_layout__%')).toEqual([
        'rs_layout__v1',
        'rs_layout__v1__ix_by_at',
        'rs_layout__v1__mk_by_tag',
        'rs_layout__v1__mk_by_tag__ad',
        'rs_layout__v1__mk_by_tag__ai',
        'rs_layout__v1__mk_by_tag__au',
      ]);
      const columns = db.prepare('PRAGMA table_xinfo("rs_layout__v1")').all() as {
        name: string;
        hidden: number;
      }[];
      // The key column is generated and stored (hidden 3: computed when a document is written).
      expect(columns.map((c) => [c.name, c.hidden])).toEqual([
        ['id', 0],
        ['doc', 0],
        ['f:at', 3],
      ]);

      // Declaring less drops nothing (another build may still declare it); pruning does, and rebuilds by_at as
      // now declared.
      const fewer: CollectionDeclaration = {
        name: 'layout',
        indexes: [{ name: 'by_at', fields: [{ field: 'at' }] }],
      };
      const everything = schemaNames('rs_layout__%');
      await store.ensureCollections([fewer]);
      expect(schemaNames('rs_layout__%')).toEqual(everything);
      expect(
        db.prepare("SELECT sql FROM sqlite_schema WHERE name = 'rs_layout__v1__ix_by_at'").pluck().get(),
      ).toMatch(/"f:at" DESC, id DESC/);
      await store.pruneIndexes([fewer], { dryRun: true });
      expect(schemaNames('rs_layout__%')).toEqual(everything);
      await store.pruneIndexes([fewer]);
      expect(schemaNames('rs_layout__%')).toEqual(['rs_layout__v1', 'rs_layout__v1__ix_by_at']);
      expect(
        db.prepare("SELECT sql FROM sqlite_schema WHERE name = 'rs_layout__v1__ix_by_at'").pluck().get(),
      ).toMatch(/"f:at" ASC, id ASC/);
    });

    it('creates no index, side table or trigger for deferred indexes until they are built', async () => {
      const declaration: CollectionDeclaration = {
        name: 'bulk',
        arrayFields: ['tags'],
        indexes: [
          { name: 'by_at', fields: [{ field: 'at', order: 'desc' }] },
          { name: 'by_tag', fields: [{ field: 'tags' }, { field: 'at' }] },
        ],
      };
      const other = new SqliteReadStore(db);
      await store.ensureCollections([declaration], { version: 2, deferIndexes: true });
      expect(schemaNames('rs_bulk__%')).toEqual(['rs_bulk__v2']);
      const docs = [
        { id: 'a', at: '2012', tags: ['x', 'y', 'x'] },
        { id: 'b', at: '2011', tags: ['y'] },
      ];
      await store.applyBatch({ changes: [{ collection: { name: 'bulk', version: 2 }, upserts: docs }] });
      // Another store on the database reads the deferred version by scanning, and sees the build.
      expect(
        other.explainFind({ name: 'bulk', version: 2 }, { filter: { tags: 'y' } }).join('\n'),
      ).not.toMatch(/__mk_/);
      expect(
        (await other.find({ name: 'bulk', version: 2 }, { filter: { tags: 'y' }, sort: [{ field: 'at' }] }))
          .items,
      ).toEqual([docs[1], docs[0]]);

      // A resumed load declares it deferred again: nothing is built.
      await store.ensureCollections([declaration], { version: 2, deferIndexes: true });
      expect(schemaNames('rs_bulk__%')).toEqual(['rs_bulk__v2']);

      await store.buildIndexes('bulk', 2);
      expect(schemaNames('rs_bulk__%')).toEqual([
        'rs_bulk__v2',
        'rs_bulk__v2__ix_by_at',
        'rs_bulk__v2__mk_by_tag',
        'rs_bulk__v2__mk_by_tag__ad',
        'rs_bulk__v2__mk_by_tag__ai',
        'rs_bulk__v2__mk_by_tag__au',
      ]);
      expect(db.prepare('SELECT k0, id FROM "rs_bulk__v2__mk_by_tag" ORDER BY k0, id').all()).toEqual([
        { k0: 'x', id: 'a' },
        { k0: 'y', id: 'a' },
        { k0: 'y', id: 'b' },
      ]);
      expect(other.explainFind({ name: 'bulk', version: 2 }, { filter: { tags: 'y' } }).join('\n')).toMatch(
        /USING PRIMARY KEY \(k0=\?\)/,
      );
      expect(
        other
          .explainFind({ name: 'bulk', version: 2 }, { sort: [{ field: 'at', order: 'desc' }] })
          .join('\n'),
      ).toMatch(/USING INDEX rs_bulk__v2__ix_by_at/);
      // Built once, declaring it deferred again changes nothing; dropping the version forgets it was deferred.
      await store.ensureCollections([declaration], { version: 2, deferIndexes: true });
      expect(schemaNames('rs_bulk__v2__%')).toHaveLength(5);
      await store.ensureCollections([declaration], { version: 3 });
      await store.activateVersion('bulk', 3);
      await store.dropVersion('bulk', 2);
      expect(db.prepare("SELECT count(*) FROM rs__deferred_indexes WHERE name = 'bulk'").pluck().get()).toBe(
        0,
      );
      await other.close();
    });

    it('keeps exactly one side row per distinct element through inserts, updates and deletes', async () => {
      await store.ensureCollections([
        {
          name: 'sides',
          arrayFields: ['tags'],
          indexes: [{ name: 'by_tag', fields: [{ field: 'tags' }, { field: 'at' }] }],
        },
      ]);
      const sideRows = () =>
        db
          .prepare('SELECT k0, k1, id FROM "rs_sides__v1__mk_by_tag" ORDER BY id, k0')
          .raw()
          .all() as unknown[][];
      await store.applyBatch({
        changes: [
          {
            collection: 'sides',
            upserts: [
              { id: 'a', at: 1, tags: ['x', 'y', 'x'] },
              { id: 'b', at: 2, tags: ['y'] },
              { id: 'c', at: 3, tags: 'z' },
              { id: 'd', at: 4 },
            ],
          },
        ],
      });
      expect(sideRows()).toEqual([
        ['x', 1, 'a'],
        ['y', 1, 'a'],
        ['y', 2, 'b'],
        ['z', 3, 'c'],
      ]);
      await store.applyBatch({
        changes: [
          {
            collection: 'sides',
            upserts: [
              { id: 'a', at: 5, tags: ['y', 'w'] },
              { id: 'd', at: 4, tags: [] },
            ],
            deletes: ['b'],
          },
        ],
      });
      expect(sideRows()).toEqual([
        ['w', 5, 'a'],
        ['y', 5, 'a'],
        ['z', 3, 'c'],
      ]);
    });

    it('refuses a field whose column would clash with another by case', async () => {
      await store.ensureCollections([{ name: 'cases', indexes: [{ fields: [{ field: 'kind' }] }] }]);
      await expect(
        store.ensureCollections([
          { name: 'cases', indexes: [{ fields: [{ field: 'kind' }] }, { fields: [{ field: 'Kind' }] }] },
        ]),
      ).rejects.toThrow(ReadStoreValidationError);
      // Also when both come with the table
      await expect(
        store.ensureCollections([
          { name: 'cases2', indexes: [{ fields: [{ field: 'kind' }] }, { fields: [{ field: 'Kind' }] }] },
        ]),
      ).rejects.toThrow(ReadStoreValidationError);
    });

    it('stores the keys of a new table once per write, and computes those of a field indexed later on read', async () => {
      // Given a collection created with one index, and a second index declared later
      await store.ensureCollections([{ name: 'keys', indexes: [{ fields: [{ field: 'kind' }] }] }]);
      await store.applyBatch({ changes: [{ collection: 'keys', upserts: [{ id: 'a', kind: 'x', at: 2 }] }] });
      await store.ensureCollections([
        { name: 'keys', indexes: [{ fields: [{ field: 'kind' }] }, { fields: [{ field: 'at' }] }] },
      ]);
      // Then the first key column is stored (hidden 3), the later one virtual (hidden 2), and both answer queries
      const columns = db.prepare(`PRAGMA table_xinfo("rs_keys__v1")`).all() as {
        name: string;
        hidden: number;
      }[];
      expect(columns.filter((c) => c.hidden > 0).map((c) => [c.name, c.hidden])).toEqual([
        ['f:kind', 3],
        ['f:at', 2],
      ]);
      await store.applyBatch({ changes: [{ collection: 'keys', upserts: [{ id: 'a', kind: 'y', at: 1 }] }] });
      expect((await store.find('keys', { filter: { kind: 'y' } })).items.map((d) => d.id)).toEqual(['a']);
      expect((await store.find('keys', { filter: { kind: 'x' } })).items).toEqual([]);
      expect((await store.find('keys', { filter: { at: { $lt: 2 } } })).items.map((d) => d.id)).toEqual([
        'a',
      ]);
    });
  });

  describe('transactions', () => {
    it('rolls back documents and checkpoint when a write fails halfway through the transaction', async () => {
      await store.ensureCollections([{ name: 'halfway' }]);
      db.exec(`CREATE TRIGGER halfway_boom BEFORE INSERT ON "rs_halfway__v1" WHEN NEW.id = 'boom'
               BEGIN SELECT RAISE(ABORT, 'boom'); END`);
      // better-sqlite3's native addon keeps the SqliteError class of the first Jest module registry that loaded it,
      // so in a shared worker the error is not an `Error` of this test's realm: match the rejection's message.
      const failure = await store
        .applyBatch({
          changes: [{ collection: 'halfway', upserts: [{ id: 'first' }, { id: 'second' }, { id: 'boom' }] }],
          checkpoints: [{ name: 'halfway-checkpoint', position: 3 }],
        })
        .then(
          () => undefined,
          (error: unknown) => error,
        );
      expect(String(failure)).toMatch(/boom/);
      expect(await store.count('halfway')).toBe(0);
      expect(await store.getCheckpoint('halfway-checkpoint')).toBeUndefined();
      db.exec('DROP TRIGGER halfway_boom');
    });
  });

  describe('a file locked by another process', () => {
    it('fails writes with a transient error while the lock is held, reads meanwhile, and writes once it is free', async () => {
      const { db: mine, file, remove: removeFile } = openTempDatabase();
      mine.pragma('busy_timeout = 50'); // the adapter waits this long for the lock before giving up
      const locked = new SqliteReadStore(mine);
      const holder = openFile(file);
      try {
        await locked.ensureCollections([{ name: 'busy', indexes: [{ fields: [{ field: 'n' }] }] }]);
        await locked.applyBatch({ changes: [{ collection: 'busy', upserts: [{ id: 'a', n: 1 }] }] });
        holder.exec('BEGIN EXCLUSIVE'); // another process holds the write lock (as `sqlite3` would)

        const batch = await locked
          .applyBatch({
            changes: [{ collection: 'busy', upserts: [{ id: 'b', n: 2 }] }],
            checkpoints: [{ name: 'busy', position: 2 }],
          })
          .then(
            () => undefined,
            (error: unknown) => error,
          );
        expect(isTransientStoreError(batch)).toBe(true);
        expect(String(batch)).toMatch(/SQLite read store applyBatch: database is locked \(SQLITE_BUSY\)/);
        // Start-up's declaration waits the same way (the api used to exit here).
        const declare = await locked
          .ensureCollections([{ name: 'busy_too' }])
          .catch((error: unknown) => error);
        expect(isTransientStoreError(declare)).toBe(true);
        const checkpoint = await locked
          .applyBatch({ checkpoints: [{ name: 'busy', position: 2 }] })
          .catch((error: unknown) => error);
        expect(isTransientStoreError(checkpoint)).toBe(true);
        // WAL: readers are not blocked by a writer.
        expect(await locked.count('busy')).toBe(1);

        holder.exec('ROLLBACK');
        await locked.applyBatch({
          changes: [{ collection: 'busy', upserts: [{ id: 'b', n: 2 }] }],
          checkpoints: [{ name: 'busy', position: 2 }],
        });
        expect(await locked.count('busy')).toBe(2);
        expect((await locked.getCheckpoint('busy'))?.position).toBe(2);
      } finally {
        holder.close();
        await locked.close();
        mine.close();
        removeFile();
      }
    });

    it('reports what retrying cannot fix as permanent (a trigger refusing a row)', async () => {
      await store.ensureCollections([{ name: 'strict' }]);
      db.exec(`CREATE TRIGGER strict_refuse BEFORE INSERT ON "rs_strict__v1" WHEN NEW.id = 'refused'
               BEGIN SELECT RAISE(ABORT, 'refused by a trigger'); END`);
      try {
        const failure = await store
          .applyBatch({ changes: [{ collection: 'strict', upserts: [{ id: 'refused' }] }] })
          .catch((error: unknown) => error);
        expect(isPermanentStoreError(failure)).toBe(true);
        expect(String(failure)).toMatch(/refused by a trigger \(SQLITE_CONSTRAINT_TRIGGER\)/);
      } finally {
        db.exec('DROP TRIGGER strict_refuse');
      }
    });
  });

  describe('several stores on one database', () => {
    it('see each other’s declarations, documents and version switches', async () => {
      const other = new SqliteReadStore(db);
      await store.ensureCollections([{ name: 'shared', indexes: [{ fields: [{ field: 'n' }] }] }]);
      await store.applyBatch({
        changes: [{ collection: 'shared', upserts: [{ id: 'a', n: 1, tags: ['x'] }] }],
      });
      expect(await other.find('shared', { filter: { n: 1 } })).toEqual({
        items: [{ id: 'a', n: 1, tags: ['x'] }],
      });

      // A new multikey index declared by one store is used and maintained by the other.
      await store.ensureCollections([
        { name: 'shared', arrayFields: ['tags'], indexes: [{ name: 'by_tag', fields: [{ field: 'tags' }] }] },
      ]);
      await other.applyBatch({
        changes: [{ collection: 'shared', upserts: [{ id: 'b', n: 2, tags: ['x', 'y'] }] }],
      });
      expect((await store.find('shared', { filter: { tags: 'y' } })).items.map((d) => d.id)).toEqual(['b']);
      expect(other.explainFind('shared', { filter: { tags: 'x' } }).join('\n')).toMatch(
        /USING PRIMARY KEY \(k0=\?\)/,
      );
      expect((await other.find('shared', { filter: { tags: 'x' } })).items.map((d) => d.id)).toEqual([
        'a',
        'b',
      ]);

      await store.ensureCollections([{ name: 'shared' }], { version: 2 });
      await store.activateVersion('shared', 2);
      expect(await other.count('shared')).toBe(0);
      await other.close();
      expect(db.open).toBe(true);
    });
  });

  describe('close', () => {
    it('leaves a shared database open, closes one it owns, and refuses work afterwards', async () => {
      const shared = new SqliteReadStore(db);
      await shared.close();
      expect(db.open).toBe(true);
      await expect(shared.ping()).rejects.toThrow(/closed/);

      const own = openTempDatabase();
      const owner = new SqliteReadStore(own.db, { ownsDatabase: true });
      await owner.ping();
      await owner.close();
      expect(own.db.open).toBe(false);
      own.remove();
    });
  });
});
