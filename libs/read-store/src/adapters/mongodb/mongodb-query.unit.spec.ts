import { ReadStoreValidationError, type ReadDocument, type SortField } from '../../read-store.port';
import { normalizeDeclaration, normalizeFilter, normalizeSort } from '../../read-store.validation';
import {
  afterValue,
  cursorOf,
  elementSortPipeline,
  findQuery,
  fromStoredDocument,
  keysetBranches,
  toIndexKey,
  toMongoFilter,
  toMongoSort,
  toStoredDocument,
  sameIndexKey,
} from './mongodb-query';
import { assertTransactionCapable } from './mongodb-topology';
import { dbNameOf } from './mongodb-read-store';
import { MIXED_DOCUMENTS } from '../../testing/mixed-documents';

/*
 * A small model of MongoDB's matching and sorting (type-bracketed comparisons, null = missing, array fields matched
 * per element, BSON type order), just enough to check the generated keyset ranges against the sort order. It is our
 * reading of the MongoDB manual, not MongoDB.
 */
const rank = (v: unknown): number =>
  v === undefined || v === null
    ? 0
    : typeof v === 'number'
      ? 1
      : typeof v === 'string'
        ? 2
        : typeof v === 'boolean'
          ? 5
          : Array.isArray(v)
            ? 4
            : 3;
const compare = (a: unknown, b: unknown): number => {
  const ra = rank(a);
  const rb = rank(b);
  if (ra !== rb) return ra - rb;
  if (ra === 0 || ra === 3 || ra === 4) return 0;
  return (a as number) < (b as number) ? -1 : (a as number) > (b as number) ? 1 : 0;
};
const at = (doc: Record<string, unknown>, path: string): unknown =>
  path
    .split('.')
    .reduce<unknown>(
      (v, k) => (v && typeof v === 'object' ? (v as Record<string, unknown>)[k] : undefined),
      doc,
    );
const scalarOp = (op: string, v: unknown, arg: unknown): boolean => {
  switch (op) {
    case '$eq':
      return arg === null ? v === null || v === undefined : rank(v) === rank(arg) && compare(v, arg) === 0;
    case '$ne':
      return !scalarOp('$eq', v, arg);
    case '$in':
      return (arg as unknown[]).some((a) => scalarOp('$eq', v, a));
    default: {
      if (rank(v) !== rank(arg) || rank(v) === 0) return false;
      const c = compare(v, arg);
      return op === '$gt' ? c > 0 : op === '$gte' ? c >= 0 : op === '$lt' ? c < 0 : c <= 0;
    }
  }
};
const fieldMatches = (value: unknown, cond: Record<string, unknown>): boolean =>
  Object.entries(cond).every(([op, arg]) => {
    if (op === '$elemMatch') {
      return Array.isArray(value) && value.some((e) => fieldMatches(e, arg as Record<string, unknown>));
    }
    if (op === '$ne') return !fieldMatches(value, { $eq: arg });
    const candidates = Array.isArray(value) ? [...value, value] : [value];
    if (op === '$eq' && arg === null && Array.isArray(value)) return value.includes(null);
    return candidates.some((c) => scalarOp(op, c, arg));
  });
const matches = (doc: Record<string, unknown>, query: Record<string, unknown>): boolean =>
  Object.entries(query).every(([key, cond]) => {
    if (key === '$or') return (cond as Record<string, unknown>[]).some((q) => matches(doc, q));
    if (key === '$and') return (cond as Record<string, unknown>[]).every((q) => matches(doc, q));
    return fieldMatches(at(doc, key), cond as Record<string, unknown>);
  });
const sortBy = (spec: Record<string, 1 | -1>) => (a: Record<string, unknown>, b: Record<string, unknown>) => {
  for (const [field, dir] of Object.entries(spec)) {
    const c = compare(at(a, field), at(b, field));
    if (c !== 0) return c * dir;
  }
  return 0;
};

// The contract's mixed documents, with a flag of another type on g and h too, for the sorts by flag.
const extraFlags: Record<string, unknown> = { g: 'yes', h: false };
const basics: ReadDocument[] = MIXED_DOCUMENTS.map((d) =>
  d.id in extraFlags ? { ...d, flag: extraFlags[d.id] } : d,
);
const stored = basics.map((d) => toStoredDocument(JSON.stringify(d)));
const arrayFields = new Set(['tags']);
const run = (query: Record<string, unknown>, sort: Record<string, 1 | -1>) =>
  stored
    .filter((d) => matches(d, query))
    .sort(sortBy(sort))
    .map((d) => d._id);

describe('MongoDB query translation', () => {
  describe('filters', () => {
    const filtered = (filter: Parameters<typeof normalizeFilter>[0]) =>
      run(toMongoFilter(normalizeFilter(filter, arrayFields)), { _id: 1 });

    it.each([
      [{ kind: 'x' }, ['a', 'c', 'e']],
      [{ kind: null }, ['g', 'h']],
      [{ flag: true }, ['a']],
      [{ flag: 1 }, ['c']],
      [{ flag: { $gte: 0 } }, ['c']],
      [{ kind: { $in: ['y', null] } }, ['b', 'd', 'g', 'h']],
      [{ kind: { $in: [] } }, []],
      [{ n: { $in: [1, 2, 3], $gt: 1 } }, ['b', 'c']],
      [{ n: { $lt: 2 } }, ['a', 'g']],
      [{ n: { $gte: 'a' } }, ['h']],
      [{ 'nested.k': null }, ['c', 'd', 'e', 'f', 'g', 'h']],
      [{ id: { $gte: 'b', $lt: 'd' } }, ['b', 'c']],
      [{ id: 5 }, []],
      [{ tags: 'red' }, ['a', 'c', 'f']],
      [{ tags: { $gte: 'r', $lt: 's' } }, ['a', 'c', 'f']],
      [{ tags: { $gt: 'x' } }, ['b']],
      [{ tags: null }, ['g']],
    ] as const)('%j matches %j', (filter, expected) => {
      expect(filtered(filter as never)).toEqual(expected);
    });

    it('uses $elemMatch for a range on an array field, plain conditions otherwise', () => {
      expect(toMongoFilter(normalizeFilter({ tags: { $gte: 'r', $lt: 's' }, id: 'x' }, arrayFields))).toEqual(
        {
          tags: { $elemMatch: { $gte: 'r', $lt: 's' } },
          _id: { $eq: 'x' },
        },
      );
      expect(toMongoFilter(normalizeFilter({ tags: { $in: ['a', 'b'] } }, arrayFields))).toEqual({
        tags: { $in: ['a', 'b'] },
      });
    });

    it('refuses a field named _id', () => {
      expect(() => toMongoFilter(normalizeFilter({ _id: 'x' }, arrayFields))).toThrow(
        ReadStoreValidationError,
      );
    });
  });

  describe('sorts and keyset cursors', () => {
    const sorts: SortField[][] = [
      [],
      [{ field: 'n' }],
      [{ field: 'n', order: 'desc' }],
      [{ field: 'when', order: 'desc' }],
      [{ field: 'when', order: 'desc' }, { field: 'id' }],
      [{ field: 'kind' }, { field: 'when', order: 'desc' }],
      [{ field: 's' }],
      [{ field: 's', order: 'desc' }],
      [{ field: 'flag' }],
      [{ field: 'flag', order: 'desc' }],
      [{ field: 'nested.k', order: 'desc' }],
      [{ field: 'kind' }, { field: 'n', order: 'desc' }],
    ];

    it.each(sorts.map((s) => [JSON.stringify(s), s] as const))(
      'pages through %s one document at a time without skipping or repeating',
      (_, sort) => {
        const keys = normalizeSort(sort, arrayFields);
        const spec = toMongoSort(keys);
        const full = run({}, spec);
        const paged: string[] = [];
        let cursor: ReturnType<typeof cursorOf> | undefined;
        for (let i = 0; i < 20; i++) {
          const [next] = run(findQuery({}, keys, cursor), spec);
          if (next === undefined) break;
          paged.push(next);
          cursor = cursorOf(fromStoredDocument(stored.find((d) => d._id === next)!), keys);
        }
        expect(paged).toEqual(full);
      },
    );

    it('sorts by the keys then _id in the direction of the last key', () => {
      expect(toMongoSort(normalizeSort([{ field: 'when', order: 'desc' }], arrayFields))).toEqual({
        when: -1,
        _id: -1,
      });
    });

    it('makes one branch per key, each pinning the keys before it', () => {
      const keys = normalizeSort([{ field: 'kind' }, { field: 'when', order: 'desc' }], arrayFields);
      expect(keysetBranches(keys, { values: ['x', '2012'], id: 'c' })).toEqual([
        { kind: { $gt: 'x' } },
        { kind: { $gte: {} } },
        { kind: { $in: [false, true] } },
        { kind: { $eq: 'x' }, when: { $lt: '2012' } },
        { kind: { $eq: 'x' }, when: { $eq: null } },
        { kind: { $eq: 'x' }, when: { $gte: Number.NEGATIVE_INFINITY } },
        { kind: { $eq: 'x' }, when: { $eq: '2012' }, _id: { $lt: 'c' } },
      ]);
    });

    it('takes everything but null after null ascending, and nothing before null descending', () => {
      expect(afterValue(null, 'asc')).toEqual([{ $ne: null }]);
      expect(afterValue(null, 'desc')).toEqual([]);
    });

    it('ANDs the range with the filter', () => {
      const keys = normalizeSort([], arrayFields);
      expect(findQuery({ kind: { $eq: 'x' } }, keys, { values: [], id: 'a' })).toEqual({
        $and: [{ kind: { $eq: 'x' } }, { _id: { $gt: 'a' } }],
      });
    });

    it('sorts by an array field within the range in an aggregation: the smallest string element in range', () => {
      const declared = new Set(['keys']);
      const predicates = normalizeFilter({ keys: { $gte: 'de', $lt: 'de\uffff' }, team: 'b' }, declared);
      const keys = normalizeSort([{ field: 'keys' }, { field: 'name' }], declared, predicates);
      const inRange = {
        $and: [{ $eq: [{ $type: '$$e' }, 'string'] }, { $gte: ['$$e', 'de'] }, { $lt: ['$$e', 'de\uffff'] }],
      };
      const [match, key, after, sort, limit] = elementSortPipeline(
        predicates,
        keys,
        { values: ['de vries', 'Jan'], id: 'm2' },
        10,
      );
      // The filter first, so the multikey index serves the range.
      expect(match).toEqual({
        $match: { keys: { $elemMatch: { $gte: 'de', $lt: 'de\uffff' } }, team: { $eq: 'b' } },
      });
      expect(key).toEqual({
        $addFields: {
          _rs_key: {
            $min: {
              $filter: {
                input: { $cond: [{ $isArray: '$keys' }, '$keys', ['$keys']] },
                as: 'e',
                cond: inRange,
              },
            },
          },
        },
      });
      expect(after).toEqual({ $match: { $or: expect.arrayContaining([{ _rs_key: { $gt: 'de vries' } }]) } });
      expect(sort).toEqual({ $sort: { _rs_key: 1, name: 1, _id: 1 } });
      expect(limit).toEqual({ $limit: 11 });
      expect(elementSortPipeline(predicates, keys, undefined, undefined)).toHaveLength(3);
    });

    it('cannot page on an object value', () => {
      const keys = normalizeSort([{ field: 'nested' }], arrayFields);
      expect(() => cursorOf(basics[0], keys)).toThrow(ReadStoreValidationError);
    });
  });

  describe('indexes', () => {
    it('declares the fields then _id in the direction of the last field', () => {
      const [index] = normalizeDeclaration({
        name: 'timeline',
        arrayFields: ['memberIds'],
        indexes: [
          { name: 'by_member', fields: [{ field: 'memberIds' }, { field: 'occurredAt', order: 'desc' }] },
        ],
      }).indexes;
      expect(toIndexKey(index)).toEqual({ memberIds: 1, occurredAt: -1, _id: -1 });
    });

    it('compares keys in order', () => {
      expect(sameIndexKey({ a: 1, _id: 1 }, { a: 1, _id: 1 })).toBe(true);
      expect(sameIndexKey({ a: 1, _id: 1 }, { _id: 1, a: 1 })).toBe(false);
      expect(sameIndexKey({ a: 1, _id: 1 }, { a: -1, _id: 1 })).toBe(false);
    });
  });

  describe('documents', () => {
    it('stores the id as _id and reads it back', () => {
      const doc = { id: 'ü-1', title: 'Grand Café', nested: { list: [1, 'two'] }, dropped: undefined };
      const stored = toStoredDocument(JSON.stringify(doc));
      expect(stored).toEqual({ _id: 'ü-1', title: 'Grand Café', nested: { list: [1, 'two'] } });
      expect(fromStoredDocument(stored)).toEqual({
        id: 'ü-1',
        title: 'Grand Café',
        nested: { list: [1, 'two'] },
      });
    });

    it('refuses a document with its own _id', () => {
      expect(() => toStoredDocument(JSON.stringify({ id: 'a', _id: 'b' }))).toThrow(ReadStoreValidationError);
    });
  });

  describe('connection', () => {
    it('accepts a replica set member or a mongos, and refuses a standalone server', () => {
      expect(() => assertTransactionCapable({ isWritablePrimary: true, setName: 'rs0' })).not.toThrow();
      expect(() => assertTransactionCapable({ msg: 'isdbgrid' })).not.toThrow();
      expect(() => assertTransactionCapable({ isWritablePrimary: true })).toThrow(/replica set/);
    });

    it('takes the database from the URL', () => {
      expect(dbNameOf('mongodb://mongo:27017/slimmernetwerk?replicaSet=rs0')).toBe('slimmernetwerk');
      expect(dbNameOf('mongodb://a:1,b:2/other')).toBe('other');
      expect(dbNameOf('mongodb://localhost:27017/?replicaSet=rs0')).toBe('slimmernetwerk');
    });
  });
});
