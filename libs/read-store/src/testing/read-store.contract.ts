import { randomBytes } from 'node:crypto';
import {
  CollectionDeclaration,
  CollectionRef,
  Filter,
  FindQuery,
  InvalidCursorError,
  ReadDocument,
  PrunedIndex,
  ReadStore,
  ReadStoreValidationError,
  SortField,
  UnknownCollectionError,
} from '../read-store.port';
import { leaseContract } from './lease.contract';
import { textSearchContract } from './text-search.contract';
import { elementSortContract } from './element-sort.contract';
import { MIXED_DOCUMENTS } from './mixed-documents';

export interface ReadStoreFixture {
  store: ReadStore;
  /** Closes the store and removes what `create` made (a temp file, a test database). */
  cleanup(): Promise<void>;
  /**
   * Another store on the same data, as another process would open it (its own connection and caches); closed by
   * the suite. The cases that need two processes run only when the fixture offers it.
   */
  another?(): Promise<ReadStore>;
}

/** Polls until `check` passes (a switch made elsewhere is seen after the adapter's metadata cache time). */
async function eventually(check: () => Promise<void>, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      await check();
      return;
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
}

/**
 * The behaviour every read store adapter must have. Each test declares its own collections with a random suffix,
 * so the suite can run against a shared server; they are dropped at the end.
 */
export function readStoreContract(name: string, create: () => Promise<ReadStoreFixture>): void {
  describe(`${name} (read store contract)`, () => {
    let store: ReadStore;
    let cleanup: () => Promise<void>;
    let another: (() => Promise<ReadStore>) | undefined;
    const others: ReadStore[] = [];
    const created: string[] = [];
    const suffix = () => randomBytes(5).toString('hex');
    const collection = (base: string) => {
      const unique = `${base}_${suffix()}`;
      created.push(unique);
      return unique;
    };

    beforeAll(async () => {
      ({ store, cleanup, another } = await create());
    });

    afterAll(async () => {
      for (const other of others) await other.close();
      if (!store) return;
      for (const c of created) await store.dropCollection(c).catch(() => undefined);
      await cleanup();
    });

    const ids = (docs: readonly ReadDocument[]) => docs.map((d) => d.id);
    const put = (c: string, docs: readonly ReadDocument[]) =>
      store.applyBatch({ changes: [{ collection: c, upserts: docs }] });
    const findIds = async (c: CollectionRef, query: FindQuery) => ids((await store.find(c, query)).items);
    const byIndex = (a: PrunedIndex, b: PrunedIndex) => (a.index < b.index ? -1 : 1);
    /** A collection with an array field `tags`, its indexes by `when` (alone, after `kind`, after a tag) and by `n`. */
    const basicsDeclaration = (name: string): CollectionDeclaration => ({
      name,
      arrayFields: ['tags'],
      indexes: [
        { name: 'by_when', fields: [{ field: 'when', order: 'desc' }] },
        { name: 'by_kind', fields: [{ field: 'kind' }, { field: 'when', order: 'desc' }] },
        { name: 'by_tag', fields: [{ field: 'tags' }, { field: 'when', order: 'desc' }] },
        { fields: [{ field: 'n' }] },
      ],
    });
    /** Another store on the same data (another process); undefined when the fixture has none. */
    const otherStore = async () => {
      const other = await another?.();
      if (other) others.push(other);
      return other;
    };

    /** Every page of a query, following cursors. */
    const allPages = async (c: string, query: FindQuery): Promise<string[]> => {
      const seen: string[] = [];
      let after: string | undefined;
      for (let page = 0; page < 1_000; page++) {
        const result = await store.find(c, { ...query, after });
        seen.push(...ids(result.items));
        if (!result.nextCursor) return seen;
        expect(result.items).toHaveLength(query.limit!);
        after = result.nextCursor;
      }
      throw new Error('pagination did not end');
    };

    describe('ensureCollections', () => {
      it('is idempotent: declaring again keeps the documents', async () => {
        const c = collection('idem');
        const declaration: CollectionDeclaration = {
          name: c,
          indexes: [{ name: 'by_kind', fields: [{ field: 'kind' }, { field: 'at', order: 'desc' }] }],
        };
        await store.ensureCollections([declaration]);
        await put(c, [{ id: '1', kind: 'a', at: '2012' }]);
        await store.ensureCollections([declaration]);
        await store.ensureCollections([declaration]);
        expect(await store.get(c, '1')).toEqual({ id: '1', kind: 'a', at: '2012' });
        expect(await findIds(c, { filter: { kind: 'a' } })).toEqual(['1']);
      });

      it('adds indexes on a later declaration, documents intact, new indexes filled', async () => {
        const c = collection('evolve');
        await store.ensureCollections([{ name: c, indexes: [{ fields: [{ field: 'kind' }] }] }]);
        const docs = Array.from({ length: 30 }, (_, i) => ({
          id: `d${String(i).padStart(2, '0')}`,
          kind: i % 2 ? 'odd' : 'even',
          at: `2012-01-${String(1 + (i % 28)).padStart(2, '0')}`,
          tags: [`t${i % 3}`, 'all'],
        }));
        await put(c, docs);
        await store.ensureCollections([
          {
            name: c,
            arrayFields: ['tags'],
            indexes: [
              { name: 'by_at', fields: [{ field: 'at', order: 'desc' }] },
              { name: 'by_tag', fields: [{ field: 'tags' }, { field: 'at', order: 'desc' }] },
            ],
          },
        ]);
        expect(await store.count(c)).toBe(30);
        expect(await store.count(c, { kind: 'odd' })).toBe(15);
        const t1 = docs.filter((d) => d.tags.includes('t1'));
        const byAtDesc = (a: (typeof docs)[number], b: (typeof docs)[number]) =>
          a.at === b.at ? (a.id < b.id ? 1 : -1) : a.at < b.at ? 1 : -1;
        expect(await findIds(c, { filter: { tags: 't1' }, sort: [{ field: 'at', order: 'desc' }] })).toEqual(
          ids([...t1].sort(byAtDesc)),
        );
      });

      it('rejects unsafe collection, index and field names', async () => {
        for (const bad of ['Timeline', 'a-b', 'x; DROP TABLE y', 'a__v1', '', '1abc', 'a'.repeat(65)]) {
          await expect(store.ensureCollections([{ name: bad }])).rejects.toThrow(ReadStoreValidationError);
        }
        const c = collection('names');
        for (const field of ["x')", 'a b', 'a..b', '$where', 'x"', '']) {
          await expect(
            store.ensureCollections([{ name: c, indexes: [{ fields: [{ field }] }] }]),
          ).rejects.toThrow(ReadStoreValidationError);
        }
        await expect(
          store.ensureCollections([{ name: c, indexes: [{ name: 'Bad-Name', fields: [{ field: 'a' }] }] }]),
        ).rejects.toThrow(ReadStoreValidationError);
        await expect(
          store.ensureCollections([
            { name: c, arrayFields: ['a', 'b'], indexes: [{ fields: [{ field: 'a' }, { field: 'b' }] }] },
          ]),
        ).rejects.toThrow(ReadStoreValidationError);
      });

      it('reports a collection that was never ensured', async () => {
        const never = `never_${suffix()}`;
        await expect(store.get(never, 'x')).rejects.toThrow(UnknownCollectionError);
        await expect(store.find(never)).rejects.toThrow(UnknownCollectionError);
        await expect(store.count(never)).rejects.toThrow(UnknownCollectionError);
        await expect(
          store.applyBatch({ changes: [{ collection: never, upserts: [{ id: 'x' }] }] }),
        ).rejects.toThrow(UnknownCollectionError);
      });
    });

    describe('indexes are dropped only on purpose (pruneIndexes)', () => {
      const docs = [
        { id: 'a', kind: 'k', at: '2012-03', n: 1, tags: ['x', 'y'] },
        { id: 'b', kind: 'j', at: '2012-01', n: 2, tags: ['y'] },
        { id: 'c', kind: 'k', at: '2012-02', n: 3, tags: ['x'] },
      ];
      const full = (c: string): CollectionDeclaration => ({
        name: c,
        arrayFields: ['tags'],
        indexes: [
          { name: 'by_kind', fields: [{ field: 'kind' }, { field: 'at' }] },
          { name: 'by_tag', fields: [{ field: 'tags' }, { field: 'at', order: 'desc' }] },
          { name: 'by_at', fields: [{ field: 'at' }] },
        ],
      });
      // What another build declares: by_at the other way round, by_n new, by_kind and by_tag not at all.
      const fewer = (c: string): CollectionDeclaration => ({
        name: c,
        indexes: [
          { name: 'by_at', fields: [{ field: 'at', order: 'desc' }] },
          { name: 'by_n', fields: [{ field: 'n' }] },
        ],
      });

      it('keeps the indexes and array fields a later declaration lacks, until pruneIndexes drops them', async () => {
        const c = collection('prune');
        await store.ensureCollections([full(c)]);
        await put(c, docs);
        // A build that declares less (the old one, during a rolling deploy) starts: nothing is dropped.
        await store.ensureCollections([fewer(c)]);
        expect(await findIds(c, { filter: { tags: 'x' }, sort: [{ field: 'at', order: 'desc' }] })).toEqual([
          'a',
          'c',
        ]);
        expect(await findIds(c, { filter: { kind: 'k' }, sort: [{ field: 'at' }] })).toEqual(['c', 'a']);
        expect(await findIds(c, { filter: { n: { $gte: 2 } } })).toEqual(['b', 'c']);

        const expected: PrunedIndex[] = [
          { collection: c, version: 1, index: 'by_at', reason: 'changed' },
          { collection: c, version: 1, index: 'by_kind', reason: 'undeclared' },
          { collection: c, version: 1, index: 'by_tag', reason: 'undeclared' },
        ];
        const dryRun = await store.pruneIndexes([fewer(c)], { dryRun: true });
        expect([...dryRun].sort(byIndex)).toEqual(expected);
        // A dry run changes nothing: the same answer again, and the same reads.
        expect([...(await store.pruneIndexes([fewer(c)], { dryRun: true }))].sort(byIndex)).toEqual(expected);
        expect(await findIds(c, { filter: { tags: 'y' } })).toEqual(['a', 'b']);

        expect([...(await store.pruneIndexes([fewer(c)]))].sort(byIndex)).toEqual(expected);
        expect(await store.pruneIndexes([fewer(c)], { dryRun: true })).toEqual([]);
        expect(await store.pruneIndexes([fewer(c)])).toEqual([]);
        expect(await findIds(c, { sort: [{ field: 'at', order: 'desc' }] })).toEqual(['a', 'c', 'b']);
        expect(await findIds(c, { filter: { kind: 'k' }, sort: [{ field: 'at' }] })).toEqual(['c', 'a']);
        expect(await store.count(c)).toBe(3);

        // Declared in full again: the missing indexes come back, by_at keeps the form it has now.
        await store.ensureCollections([full(c)]);
        expect([...(await store.pruneIndexes([full(c)], { dryRun: true }))].sort(byIndex)).toEqual([
          { collection: c, version: 1, index: 'by_at', reason: 'changed' },
          { collection: c, version: 1, index: 'by_n', reason: 'undeclared' },
        ]);
        expect(await findIds(c, { filter: { tags: 'x' }, sort: [{ field: 'at', order: 'desc' }] })).toEqual([
          'a',
          'c',
        ]);
      });

      it('gives a new version exactly its declared indexes, and prunes the version asked for', async () => {
        const c = collection('prune_version');
        await store.ensureCollections([full(c)]);
        await store.ensureCollections([fewer(c)], { version: 2 });
        expect(await store.pruneIndexes([fewer(c)], { version: 2, dryRun: true })).toEqual([]);
        // The active version (1) still has all of full's indexes.
        expect((await store.pruneIndexes([fewer(c)], { dryRun: true })).map((p) => p.version)).toEqual([
          1, 1, 1,
        ]);
        await expect(store.pruneIndexes([fewer(c)], { version: 3 })).rejects.toThrow(UnknownCollectionError);
        await expect(store.pruneIndexes([{ name: `never_${suffix()}` }])).rejects.toThrow(
          UnknownCollectionError,
        );
      });
    });

    describe('documents', () => {
      it('upserts, gets, replaces whole documents and deletes', async () => {
        const c = collection('docs');
        await store.ensureCollections([{ name: c }]);
        await put(c, [{ id: 'a', title: 'first', extra: 1 }]);
        expect(await store.get(c, 'a')).toEqual({ id: 'a', title: 'first', extra: 1 });
        await put(c, [{ id: 'a', title: 'second' }]);
        expect(await store.get(c, 'a')).toEqual({ id: 'a', title: 'second' });
        await store.applyBatch({ changes: [{ collection: c, deletes: ['a', 'absent'] }] });
        expect(await store.get(c, 'a')).toBeUndefined();
        expect(await store.get(c, 'never-written')).toBeUndefined();
      });

      it('getMany returns the documents found, keyed by id, also for thousands of ids', async () => {
        const c = collection('many');
        await store.ensureCollections([{ name: c }]);
        const docs = Array.from({ length: 6_000 }, (_, i) => ({ id: `doc-${i}`, i }));
        await put(c, docs);
        const wanted = [
          ...docs.map((d) => d.id),
          ...Array.from({ length: 6_000 }, (_, i) => `missing-${i}`),
          'doc-1',
        ];
        const found = await store.getMany(c, wanted);
        expect(found.size).toBe(6_000);
        expect(found.get('doc-4321')).toEqual({ id: 'doc-4321', i: 4321 });
        expect(found.has('missing-1')).toBe(false);
        expect((await store.getMany(c, [])).size).toBe(0);
      });

      it('round-trips unicode and nested documents exactly', async () => {
        const c = collection('unicode');
        await store.ensureCollections([{ name: c, indexes: [{ fields: [{ field: 'title' }] }] }]);
        const doc = {
          id: 'ünïcødé-😀-文档',
          title: 'Grand Café in de Beurs van Berlage — 22 november ✓',
          rtl: 'مرحبا',
          quotes: `it's "quoted" \\ back\\slash`,
          injection: "'; DROP TABLE documents; --",
          lines: 'one\ntwo\r\nthree\ttab',
          empty: '',
          numbers: { zero: 0, negative: -42, float: 3.14159, big: Number.MAX_SAFE_INTEGER, tiny: 1e-12 },
          flags: [true, false, null],
          nested: {
            deeper: { deepest: { list: [1, 'two', { three: [3] }], emptyObject: {}, emptyList: [] } },
          },
        };
        await put(c, [doc]);
        expect(await store.get(c, doc.id)).toEqual(doc);
        expect((await store.getMany(c, [doc.id])).get(doc.id)).toEqual(doc);
        expect(await findIds(c, { filter: { title: doc.title } })).toEqual([doc.id]);
        expect(await findIds(c, { filter: { injection: doc.injection } })).toEqual([doc.id]);
        expect(await findIds(c, { filter: { 'nested.deeper.deepest': { $in: ['x'] } } })).toEqual([]);
      });
    });

    describe('applyBatch', () => {
      it('writes several collections and checkpoints together', async () => {
        const [a, b] = [collection('batch_a'), collection('batch_b')];
        const checkpoint = `cp-${suffix()}`;
        await store.ensureCollections([{ name: a }, { name: b }]);
        await put(b, [{ id: 'old' }]);
        await store.applyBatch({
          changes: [
            { collection: a, upserts: [{ id: '1' }, { id: '2' }] },
            { collection: b, upserts: [{ id: 'new' }], deletes: ['old'] },
          ],
          checkpoints: [{ name: checkpoint, position: 17 }],
        });
        expect([...(await store.getMany(a, ['1', '2'])).keys()].sort()).toEqual(['1', '2']);
        expect(await findIds(b, {})).toEqual(['new']);
        expect((await store.getCheckpoint(checkpoint))?.position).toBe(17);
      });

      it('writes neither documents nor checkpoint when a document is invalid', async () => {
        const c = collection('atomic');
        const checkpoint = `cp-${suffix()}`;
        await store.ensureCollections([{ name: c }]);
        await put(c, [{ id: 'kept', v: 1 }]);
        await store.applyBatch({ checkpoints: [{ name: checkpoint, position: 1 }] });
        const invalid = { title: 'no id' } as unknown as ReadDocument;
        await expect(
          store.applyBatch({
            changes: [
              { collection: c, upserts: [{ id: 'new-1' }, { id: 'kept', v: 2 }], deletes: [] },
              { collection: c, upserts: [{ id: 'new-2' }, invalid] },
            ],
            checkpoints: [{ name: checkpoint, position: 2 }],
          }),
        ).rejects.toThrow(ReadStoreValidationError);
        expect(await findIds(c, {})).toEqual(['kept']);
        expect(await store.get(c, 'kept')).toEqual({ id: 'kept', v: 1 });
        expect((await store.getCheckpoint(checkpoint))?.position).toBe(1);
      });

      it('writes nothing when a change targets an unknown collection', async () => {
        const c = collection('atomic_unknown');
        const checkpoint = `cp-${suffix()}`;
        await store.ensureCollections([{ name: c }]);
        await expect(
          store.applyBatch({
            changes: [
              { collection: c, upserts: [{ id: 'x' }] },
              { collection: `never_${suffix()}`, upserts: [{ id: 'y' }] },
            ],
            checkpoints: [{ name: checkpoint, position: 5 }],
          }),
        ).rejects.toThrow(UnknownCollectionError);
        expect(await store.count(c)).toBe(0);
        expect(await store.getCheckpoint(checkpoint)).toBeUndefined();
      });

      it('rejects an id twice in one change, non-object documents and bad ids', async () => {
        const c = collection('dupes');
        await store.ensureCollections([{ name: c }]);
        const bad: ReadDocument[][] = [
          [{ id: 'a' }, { id: 'a' }],
          [{ id: '' }],
          [{ id: 42 } as unknown as ReadDocument],
          [null as unknown as ReadDocument],
          [['id'] as unknown as ReadDocument],
        ];
        for (const upserts of bad) {
          await expect(store.applyBatch({ changes: [{ collection: c, upserts }] })).rejects.toThrow(
            ReadStoreValidationError,
          );
        }
        await expect(
          store.applyBatch({ changes: [{ collection: c, upserts: [{ id: 'a' }], deletes: ['a'] }] }),
        ).rejects.toThrow(ReadStoreValidationError);
        expect(await store.count(c)).toBe(0);
      });

      it('is idempotent when the same batch is applied again (redelivery)', async () => {
        const c = collection('redeliver');
        const checkpoint = `cp-${suffix()}`;
        await store.ensureCollections([{ name: c, indexes: [{ fields: [{ field: 'n' }] }] }]);
        const batch = {
          changes: [
            {
              collection: c,
              upserts: [
                { id: 'a', n: 1 },
                { id: 'b', n: 2 },
              ],
              deletes: ['z'],
            },
          ],
          checkpoints: [{ name: checkpoint, position: 9 }],
        };
        await store.applyBatch(batch);
        await store.applyBatch(batch);
        expect(await findIds(c, { sort: [{ field: 'n' }] })).toEqual(['a', 'b']);
        expect((await store.getCheckpoint(checkpoint))?.position).toBe(9);
      });
    });

    describe('checkpoints', () => {
      it('is undefined before the first write', async () => {
        expect(await store.getCheckpoint(`cp-${suffix()}`)).toBeUndefined();
      });

      it('round-trips position, status fields and details, and replaces them as a whole', async () => {
        const failed = {
          name: `timeline@v2-${suffix()}`,
          position: 1234,
          state: 'failed' as const,
          error: 'evolve threw: boom',
          failedPosition: 1235,
          details: { attempts: 3, version: 2 },
          updatedAt: '2012-11-22T19:30:00.000Z',
        };
        const checkpoint = failed.name;
        await store.applyBatch({ checkpoints: [failed] });
        expect(await store.getCheckpoint(checkpoint)).toEqual(failed);
        await store.applyBatch({ checkpoints: [{ name: checkpoint, position: 1300, state: 'running' }] });
        const replaced = await store.getCheckpoint(checkpoint);
        expect(replaced).toEqual({
          name: checkpoint,
          position: 1300,
          state: 'running',
          updatedAt: expect.any(String),
        });
        expect(Number.isNaN(Date.parse(replaced!.updatedAt))).toBe(false);
        expect((await store.listCheckpoints()).map((c) => c.name)).toContain(checkpoint);
      });

      it('rejects malformed checkpoints', async () => {
        const name = `cp-${suffix()}`;
        for (const bad of [
          { name, position: 1.5 },
          { name, position: '7' },
          { name: '', position: 1 },
          { name, position: 1, state: 'sleeping' },
          { name, position: 1, updatedAt: 'yesterday' },
        ]) {
          await expect(store.applyBatch({ checkpoints: [bad as never] })).rejects.toThrow(
            ReadStoreValidationError,
          );
        }
        expect(await store.getCheckpoint(name)).toBeUndefined();
      });
    });

    leaseContract(() => store, collection);
    textSearchContract(() => store, collection);
    elementSortContract(() => store, collection);

    describe('find', () => {
      const basics = MIXED_DOCUMENTS;
      let c: string;

      beforeAll(async () => {
        c = collection('basics');
        await store.ensureCollections([basicsDeclaration(c)]);
        await put(c, basics);
      });

      const cases: [string, Filter, string[]][] = [
        ['equality', { kind: 'x' }, ['a', 'c', 'e']],
        ['equality with null: null or missing', { kind: null }, ['g', 'h']],
        ['equality with null on a number field', { n: null }, ['d', 'e']],
        ['$eq', { kind: { $eq: 'y' } }, ['b', 'd']],
        ['a boolean, not the number 1', { flag: true }, ['a']],
        ['the number 1, not true', { flag: 1 }, ['c']],
        ['false, not 0', { flag: false }, ['b']],
        ['a numeric range, not booleans', { flag: { $gte: 0 } }, ['c']],
        ['$in with numbers, not booleans', { flag: { $in: [0, 1, 2] } }, ['c']],
        ['a number, not a numeric string', { s: 10 }, []],
        ['a numeric string, not a number', { s: '10' }, ['e']],
        ['$in', { kind: { $in: ['x', 'z'] } }, ['a', 'c', 'e', 'f']],
        ['$in with null', { kind: { $in: ['y', null] } }, ['b', 'd', 'g', 'h']],
        ['$in with booleans', { flag: { $in: [true, false] } }, ['a', 'b']],
        ['empty $in: nothing', { kind: { $in: [] } }, []],
        ['$in and a range together', { n: { $in: [1, 2, 3], $gt: 1 } }, ['b', 'c']],
        ['a numeric range', { n: { $gt: 1, $lte: 3 } }, ['b', 'c', 'f']],
        ['a numeric upper bound excludes null and missing', { n: { $lt: 2 } }, ['a', 'g']],
        ['a numeric lower bound excludes strings', { n: { $gte: 0 } }, ['a', 'b', 'c', 'f']],
        ['a string range matches strings only', { n: { $gte: 'a' } }, ['h']],
        [
          'a period of ISO timestamps',
          { when: { $gte: '2012-01-01', $lt: '2013-01-01' } },
          ['a', 'b', 'c', 'f', 'g', 'h'],
        ],
        ['a string upper bound excludes numbers', { s: { $lt: 'c' } }, ['a', 'b', 'e']],
        ['a dotted path', { 'nested.k': 'v1' }, ['a']],
        ['a dotted path, missing', { 'nested.k': null }, ['c', 'd', 'e', 'f', 'g', 'h']],
        ['the id with $in', { id: { $in: ['a', 'c', 'zz'] } }, ['a', 'c']],
        ['the id with a range', { id: { $gte: 'b', $lt: 'd' } }, ['b', 'c']],
        ['the id with a number', { id: 5 }, []],
        ['an array field contains the value', { tags: 'red' }, ['a', 'c', 'f']],
        ['an array field, each document once', { tags: 'green' }, ['a', 'e']],
        ['an array field with $in', { tags: { $in: ['yellow', 'blue'] } }, ['b', 'f']],
        ['an array field with a range on one element', { tags: { $gte: 'r', $lt: 's' } }, ['a', 'c', 'f']],
        ['an array field, lower bound only', { tags: { $gt: 'x' } }, ['b']],
        ['an array field with null: missing', { tags: null }, ['g']],
        ['several fields', { kind: 'x', tags: 'red' }, ['a', 'c']],
        [
          'several fields with a range',
          { kind: { $in: ['x', 'y'] }, when: { $lt: '2012-06-01' } },
          ['a', 'b', 'e'],
        ],
      ];
      it.each(cases)('filters by %s', async (_, filter, expected) => {
        expect(await findIds(c, { filter })).toEqual(expected);
        expect(await store.count(c, filter)).toBe(expected.length);
      });

      const sorts: [string, SortField[], string[]][] = [
        ['by id when no sort is given', [], ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h']],
        [
          'ascending: null and missing first, numbers, then strings',
          [{ field: 'n' }],
          ['d', 'e', 'g', 'a', 'b', 'f', 'c', 'h'],
        ],
        [
          'descending: the exact reverse',
          [{ field: 'n', order: 'desc' }],
          ['h', 'c', 'f', 'b', 'a', 'g', 'e', 'd'],
        ],
        [
          'descending, ties by id descending',
          [{ field: 'when', order: 'desc' }],
          ['d', 'c', 'g', 'f', 'b', 'h', 'a', 'e'],
        ],
        ['ascending, ties by id ascending', [{ field: 'when' }], ['e', 'a', 'h', 'b', 'f', 'g', 'c', 'd']],
        [
          'descending with an explicit ascending id',
          [{ field: 'when', order: 'desc' }, { field: 'id' }],
          ['d', 'c', 'f', 'g', 'b', 'a', 'h', 'e'],
        ],
        [
          'on two fields in mixed directions',
          [{ field: 'kind' }, { field: 'when', order: 'desc' }],
          ['g', 'h', 'c', 'a', 'e', 'd', 'b', 'f'],
        ],
        ['numbers before strings', [{ field: 's' }], ['g', 'e', 'a', 'b', 'c', 'd', 'f', 'h']],
        [
          'on a dotted path',
          [{ field: 'nested.k', order: 'desc' }],
          ['b', 'a', 'h', 'g', 'f', 'e', 'd', 'c'],
        ],
      ];
      it.each(sorts)('sorts %s', async (_, sort, expected) => {
        expect(await findIds(c, { sort })).toEqual(expected);
        expect(await allPages(c, { sort, limit: 3 })).toEqual(expected);
      });

      it('filters and sorts together, limited', async () => {
        const page = await store.find(c, {
          filter: { tags: 'red' },
          sort: [{ field: 'when', order: 'desc' }],
          limit: 2,
        });
        expect(ids(page.items)).toEqual(['c', 'f']);
        expect(page.nextCursor).toEqual(expect.any(String));
        const next = await store.find(c, {
          filter: { tags: 'red' },
          sort: [{ field: 'when', order: 'desc' }],
          limit: 2,
          after: page.nextCursor,
        });
        expect(ids(next.items)).toEqual(['a']);
        expect(next.nextCursor).toBeUndefined();
      });

      it('follows updates and deletes of array fields', async () => {
        const own = collection('tags');
        await store.ensureCollections([basicsDeclaration(own)]);
        await put(own, basics);
        await put(own, [{ ...basics[0], tags: ['blue'] }]);
        await store.applyBatch({ changes: [{ collection: own, deletes: ['f'] }] });
        expect(await findIds(own, { filter: { tags: 'red' } })).toEqual(['c']);
        expect(
          await findIds(own, { filter: { tags: 'blue' }, sort: [{ field: 'when', order: 'desc' }] }),
        ).toEqual(['a']);
      });

      it('rejects malformed queries', async () => {
        const bad: FindQuery[] = [
          { filter: { kind: { $regex: 'x' } as never } },
          { filter: { kind: { $where: '1' } as never } },
          { filter: { kind: {} } },
          { filter: { tags: ['red'] as never } },
          { filter: { n: Number.NaN } },
          { filter: { n: { $gt: 1, $lt: 'z' } } },
          { filter: { n: { $gt: true } as never } },
          { filter: { n: { $in: 'x' } as never } },
          { filter: { 'bad field': 1 } },
          { filter: { "x')--": 1 } },
          { sort: [{ field: 'tags' }] },
          { sort: [{ field: 'n', order: 'up' as never }] },
          { sort: [{ field: 'id' }, { field: 'n' }] },
          { sort: [{ field: 'n' }, { field: 'n' }] },
          { limit: 0 },
          { limit: 2.5 },
        ];
        for (const query of bad) await expect(store.find(c, query)).rejects.toThrow(ReadStoreValidationError);
        await expect(store.count(c, { kind: { $nin: ['x'] } as never })).rejects.toThrow(
          ReadStoreValidationError,
        );
      });

      it('rejects a cursor from another sort, and garbage', async () => {
        const page = await store.find(c, { sort: [{ field: 'when' }], limit: 2 });
        await expect(
          store.find(c, { sort: [{ field: 'when', order: 'desc' }], limit: 2, after: page.nextCursor }),
        ).rejects.toThrow(InvalidCursorError);
        for (const after of [
          'garbage!',
          'eyJ2IjoxfQ',
          Buffer.from('{"v":1,"s":"when:asc,id:asc","k":[],"i":"a"}').toString('base64url'),
        ]) {
          await expect(store.find(c, { sort: [{ field: 'when' }], limit: 2, after })).rejects.toThrow(
            InvalidCursorError,
          );
        }
      });
    });

    describe('pagination', () => {
      const many = Array.from({ length: 61 }, (_, i) => {
        const doc: ReadDocument = {
          id: `p${String(i).padStart(3, '0')}`,
          when: `2012-0${1 + (i % 7)}-0${1 + (i % 3)}`,
          n: i % 4 === 0 ? null : i % 5,
          tags: [`t${i % 4}`, ...(i % 3 === 0 ? ['red'] : [])],
        };
        if (i % 10 !== 0) doc.kind = ['x', 'y', 'z'][i % 3];
        return doc;
      });
      let c: string;

      beforeAll(async () => {
        c = collection('pages');
        await store.ensureCollections([basicsDeclaration(c)]);
        await put(c, many);
      });

      const sorts: SortField[][] = [
        [],
        [{ field: 'when', order: 'desc' }],
        [{ field: 'kind' }, { field: 'when', order: 'desc' }],
        [{ field: 'n' }],
        [{ field: 'kind' }, { field: 'n', order: 'desc' }],
        [{ field: 'when', order: 'desc' }, { field: 'id' }],
      ];
      const filters: (Filter | undefined)[] = [
        undefined,
        { kind: 'x' },
        { tags: 'red' },
        { when: { $gte: '2012-03' } },
      ];

      it('walks every page of every sort and filter to exactly the full sorted list', async () => {
        for (const sort of sorts) {
          for (const filter of filters) {
            const full = await findIds(c, { sort, filter });
            expect(full.length).toBe(await store.count(c, filter));
            for (const limit of [1, 7, full.length, 100]) {
              if (limit === 0) continue;
              expect({ sort, filter, limit, pages: await allPages(c, { sort, filter, limit }) }).toEqual({
                sort,
                filter,
                limit,
                pages: full,
              });
            }
          }
        }
      });

      it('neither skips nor repeats documents while others are inserted between pages', async () => {
        const own = collection('pages_live');
        await store.ensureCollections([
          { name: own, indexes: [{ name: 'by_when', fields: [{ field: 'when', order: 'desc' }] }] },
        ]);
        await put(own, many);
        const sort: SortField[] = [{ field: 'when', order: 'desc' }];
        const seen: string[] = [];
        let after: string | undefined;
        let inserted = 0;
        do {
          const page = await store.find(own, { sort, limit: 6, after });
          seen.push(...ids(page.items));
          after = page.nextCursor;
          // New documents before, at and after the cursor position, with sort values equal to existing ones.
          const batch = [0, 3, 6].map((offset) => ({
            id: `new-${inserted++}`,
            when: many[(inserted * 7 + offset) % many.length].when,
          }));
          await put(own, batch);
        } while (after);
        const originals = ids(many);
        expect(new Set(seen).size).toBe(seen.length);
        expect(originals.every((id) => seen.includes(id))).toBe(true);
        const fullNow = await findIds(own, { sort });
        expect(seen).toEqual(fullNow.filter((id) => seen.includes(id)));
      });
    });

    describe('count', () => {
      it('counts all documents or the matches of a filter', async () => {
        const c = collection('count');
        await store.ensureCollections([{ name: c, arrayFields: ['m'] }]);
        await put(
          c,
          Array.from({ length: 25 }, (_, i) => ({ id: `c${i}`, odd: i % 2 === 1, m: [`m${i % 5}`] })),
        );
        expect(await store.count(c)).toBe(25);
        expect(await store.count(c, { odd: true })).toBe(12);
        expect(await store.count(c, { m: 'm1' })).toBe(5);
        expect(await store.count(c, { m: { $in: ['m1', 'm2'] }, odd: false })).toBe(5);
      });
    });

    describe('versioned collections', () => {
      it('builds v2 while readers see v1, switches atomically, then drops v1', async () => {
        const c = collection('versioned');
        const declaration: CollectionDeclaration = {
          name: c,
          indexes: [{ name: 'by_when', fields: [{ field: 'when', order: 'desc' }] }],
        };
        await store.ensureCollections([declaration]);
        expect(await store.collectionVersions(c)).toEqual({ name: c, active: 1, versions: [1] });
        await put(c, [{ id: 'a', when: '2012', v: 1 }]);

        // The rebuild declares v2, perhaps with other indexes, and fills it with its own checkpoint.
        await store.ensureCollections(
          [
            {
              ...declaration,
              indexes: [{ name: 'by_kind', fields: [{ field: 'kind' }, { field: 'when', order: 'desc' }] }],
            },
          ],
          { version: 2 },
        );
        const rebuild = `rebuild-${suffix()}`;
        await store.applyBatch({
          changes: [
            {
              collection: { name: c, version: 2 },
              upserts: [
                { id: 'a', when: '2012', v: 2, kind: 'k' },
                { id: 'b', when: '2013', v: 2, kind: 'k' },
              ],
            },
          ],
          checkpoints: [{ name: rebuild, position: 100 }],
        });
        expect(await store.collectionVersions(c)).toEqual({ name: c, active: 1, versions: [1, 2] });
        expect(await store.get(c, 'a')).toEqual({ id: 'a', when: '2012', v: 1 });
        expect(await store.count(c)).toBe(1);
        expect(await store.count({ name: c, version: 2 })).toBe(2);
        expect(await findIds(c, { filter: { kind: 'k' } })).toEqual([]);
        // Writes by logical name still go to the active version.
        await put(c, [{ id: 'c', when: '2011', v: 1 }]);
        expect(await store.get({ name: c, version: 2 }, 'c')).toBeUndefined();

        await store.activateVersion(c, 2);
        expect(await store.collectionVersions(c)).toEqual({ name: c, active: 2, versions: [1, 2] });
        expect(await store.get(c, 'a')).toEqual({ id: 'a', when: '2012', v: 2, kind: 'k' });
        expect(await findIds(c, { filter: { kind: 'k' }, sort: [{ field: 'when', order: 'desc' }] })).toEqual(
          ['b', 'a'],
        );
        expect(await store.get({ name: c, version: 1 }, 'c')).toEqual({ id: 'c', when: '2011', v: 1 });

        await expect(store.dropVersion(c, 2)).rejects.toThrow(ReadStoreValidationError);
        await store.dropVersion(c, 1);
        await store.dropVersion(c, 1);
        expect(await store.collectionVersions(c)).toEqual({ name: c, active: 2, versions: [2] });
        await expect(store.get({ name: c, version: 1 }, 'a')).rejects.toThrow(UnknownCollectionError);
        await expect(store.activateVersion(c, 1)).rejects.toThrow(UnknownCollectionError);

        // Declaring again at start-up (no version given) keeps to the active version and creates no v1.
        await store.ensureCollections([declaration]);
        expect(await store.collectionVersions(c)).toEqual({ name: c, active: 2, versions: [2] });
        expect(await store.count(c)).toBe(2);
        expect((await store.getCheckpoint(rebuild))?.position).toBe(100);
      });

      /** A rebuild of `c` by `by` (this store or another process): version 2 with `upserts`, active, v1 dropped. */
      const rebuild = async (by: ReadStore, c: string, upserts: ReadDocument[]) => {
        await by.ensureCollections([{ name: c }], { version: 2 });
        if (upserts.length > 0)
          await by.applyBatch({ changes: [{ collection: { name: c, version: 2 }, upserts }] });
        await by.activateVersion(c, 2);
        await by.dropVersion(c, 1);
      };

      /**
       * A late batch of `writer` into the dropped version 1 of `c` is refused whole (its checkpoint too), as `reader`
       * sees; declared again, version 1 starts empty: the late write did not bring the old one back.
       */
      const expectLateBatchRefused = async (writer: ReadStore, reader: ReadStore, c: string) => {
        const checkpoint = `dropped-${suffix()}`;
        await expect(
          writer.applyBatch({
            changes: [{ collection: { name: c, version: 1 }, upserts: [{ id: 'late', v: 1 }] }],
            checkpoints: [{ name: checkpoint, position: 7 }],
          }),
        ).rejects.toThrow(UnknownCollectionError);
        expect(await reader.getCheckpoint(checkpoint)).toBeUndefined();
        expect(await reader.collectionVersions(c)).toEqual({ name: c, active: 2, versions: [2] });
        await reader.ensureCollections([{ name: c }], { version: 1 });
        expect(await reader.count({ name: c, version: 1 })).toBe(0);
      };

      it('writes nothing into a dropped version: applyBatch throws UnknownCollectionError', async () => {
        const c = collection('dropped');
        await store.ensureCollections([{ name: c }]);
        await rebuild(store, c, []);
        await expectLateBatchRefused(store, store, c);
      });

      /** A collection with a document in version 1, and another process (none if the adapter has no other client). */
      const usedHereWithAnother = async (name: string) => {
        const other = await otherStore();
        if (!other) return undefined;
        const c = collection(name);
        await store.ensureCollections([{ name: c }]);
        await put(c, [{ id: 'a', v: 1 }]);
        return { other, c };
      };

      it('refuses a batch into a version another process dropped, and writes none of it', async () => {
        const given = await usedHereWithAnother('dropped_elsewhere');
        if (!given) return;
        const { other, c } = given;
        // This store has used version 1 (and may remember it); another process rebuilds and drops it.
        expect(await store.get({ name: c, version: 1 }, 'a')).toEqual({ id: 'a', v: 1 });
        await rebuild(other, c, [{ id: 'a', v: 2 }]);
        await expectLateBatchRefused(store, other, c);
      });

      it('answers reads by logical name from the version another process switched to and dropped the old', async () => {
        const given = await usedHereWithAnother('switched_elsewhere');
        if (!given) return;
        const { other, c } = given;
        expect(await store.get(c, 'a')).toEqual({ id: 'a', v: 1 });
        expect(await findIds(c, {})).toEqual(['a']);
        await rebuild(other, c, [
          { id: 'a', v: 2 },
          { id: 'b', v: 2 },
        ]);
        // The old version is gone: no read answers from it, however recently this store resolved the name.
        expect(await store.get(c, 'a')).toEqual({ id: 'a', v: 2 });
        expect(await store.get(c, 'b')).toEqual({ id: 'b', v: 2 });
        expect(await store.count(c)).toBe(2);
        // The switch itself reaches collectionVersions within the adapter's metadata cache time.
        await eventually(async () =>
          expect(await store.collectionVersions(c)).toEqual({ name: c, active: 2, versions: [2] }),
        );
      });

      it('drops a whole collection with every version', async () => {
        const c = collection('retired');
        await store.ensureCollections([{ name: c }]);
        await store.ensureCollections([{ name: c }], { version: 3 });
        await store.dropCollection(c);
        expect(await store.collectionVersions(c)).toEqual({ name: c, versions: [] });
        await expect(store.get(c, 'a')).rejects.toThrow(UnknownCollectionError);
      });
    });

    describe('deferred indexes (bulk loading)', () => {
      const declarationOf = (c: string): CollectionDeclaration => ({
        name: c,
        arrayFields: ['tags'],
        indexes: [
          { name: 'by_kind', fields: [{ field: 'kind' }, { field: 'when', order: 'desc' }] },
          { name: 'by_tag', fields: [{ field: 'tags' }, { field: 'when', order: 'desc' }] },
        ],
      });
      const docs: ReadDocument[] = [
        { id: 'a', kind: 'k', when: '2011', tags: ['x', 'y'] },
        { id: 'b', kind: 'k', when: '2013', tags: ['y'] },
        { id: 'c', kind: 'j', when: '2012', tags: ['x', 'x'] },
        { id: 'd', kind: 'k', when: '2012', tags: [] },
      ];
      /** What every read below answers, whether the indexes exist yet or not. */
      const reads = async (ref: { name: string; version: number }) => ({
        byKind: ids(
          (await store.find(ref, { filter: { kind: 'k' }, sort: [{ field: 'when', order: 'desc' }] })).items,
        ),
        byTag: ids(
          (await store.find(ref, { filter: { tags: 'x' }, sort: [{ field: 'when', order: 'desc' }] })).items,
        ),
        paged: await (async () => {
          const first = await store.find(ref, {
            filter: { tags: 'y' },
            sort: [{ field: 'when', order: 'desc' }],
            limit: 1,
          });
          const second = await store.find(ref, {
            filter: { tags: 'y' },
            sort: [{ field: 'when', order: 'desc' }],
            limit: 1,
            after: first.nextCursor,
          });
          return [...ids(first.items), ...ids(second.items)];
        })(),
        tagged: await store.count(ref, { tags: { $in: ['x', 'y'] } }),
        one: await store.get(ref, 'c'),
      });
      const expected = {
        byKind: ['b', 'd', 'a'],
        byTag: ['c', 'a'],
        paged: ['b', 'a'],
        tagged: 3,
        one: { id: 'c', kind: 'j', when: '2012', tags: ['x', 'x'] },
      };

      it('loads a version without its indexes, reads it correctly, then builds them', async () => {
        const c = collection('deferred');
        await store.ensureCollections([declarationOf(c)], { version: 2, deferIndexes: true });
        const ref = { name: c, version: 2 };
        await store.applyBatch({ changes: [{ collection: ref, upserts: docs.slice(0, 3) }] });
        await store.applyBatch({ changes: [{ collection: ref, upserts: [docs[3]] }] });
        expect(await reads(ref)).toEqual(expected);

        // Declared again with deferIndexes (a resumed rebuild): still loading, still correct.
        await store.ensureCollections([declarationOf(c)], { version: 2, deferIndexes: true });
        await store.applyBatch({
          changes: [{ collection: ref, upserts: [{ ...docs[0], tags: ['y'] }], deletes: ['c'] }],
        });
        await store.applyBatch({ changes: [{ collection: ref, upserts: [docs[0], docs[2]] }] });
        expect(await reads(ref)).toEqual(expected);

        await store.buildIndexes(c, 2);
        expect(await reads(ref)).toEqual(expected);
        await store.buildIndexes(c, 2);
        // Writes after the build keep the indexes in step.
        await store.applyBatch({
          changes: [{ collection: ref, upserts: [{ id: 'e', kind: 'k', when: '2014', tags: ['x'] }] }],
        });
        expect((await reads(ref)).byTag).toEqual(['e', 'c', 'a']);
        expect((await reads(ref)).byKind).toEqual(['e', 'b', 'd', 'a']);
        // Declared again with deferIndexes once built: the indexes stay.
        await store.ensureCollections([declarationOf(c)], { version: 2, deferIndexes: true });
        await store.applyBatch({ changes: [{ collection: ref, deletes: ['e'] }] });
        expect(await reads(ref)).toEqual(expected);
      });

      it('builds deferred indexes when the version is activated or declared without deferring', async () => {
        const c = collection('deferred_switch');
        await store.ensureCollections([declarationOf(c)]);
        await store.ensureCollections([declarationOf(c)], { version: 2, deferIndexes: true });
        await store.applyBatch({ changes: [{ collection: { name: c, version: 2 }, upserts: docs }] });
        await store.activateVersion(c, 2);
        expect(await reads({ name: c, version: 2 })).toEqual(expected);
        await store.applyBatch({ changes: [{ collection: c, deletes: ['a'] }] });
        expect(await findIds(c, { filter: { tags: 'x' } })).toEqual(['c']);

        await store.ensureCollections([declarationOf(c)], { version: 3, deferIndexes: true });
        await store.applyBatch({ changes: [{ collection: { name: c, version: 3 }, upserts: docs }] });
        await store.ensureCollections([declarationOf(c)], { version: 3 });
        expect(await reads({ name: c, version: 3 })).toEqual(expected);
      });

      it('builds the indexes of the active version when no version is given, and knows no unknown one', async () => {
        const c = collection('deferred_active');
        await store.ensureCollections([declarationOf(c)], { deferIndexes: true });
        await put(c, docs);
        await store.buildIndexes(c);
        expect(await reads({ name: c, version: 1 })).toEqual(expected);
        await expect(store.buildIndexes(c, 7)).rejects.toThrow(UnknownCollectionError);
        await expect(store.buildIndexes(collection('never_declared'))).rejects.toThrow(
          UnknownCollectionError,
        );
      });
    });

    describe('health', () => {
      it('answers ping', async () => {
        await expect(store.ping()).resolves.toBeUndefined();
      });
    });
  });
}
