import { ReadStoreValidationError } from './read-store.port';
import {
  assertCollectionName,
  assertFieldPath,
  defaultIndexName,
  normalizeCheckpoint,
  normalizeCollectionRef,
  normalizeDeclaration,
  normalizeFilter,
  normalizeSort,
  sortSignature,
} from './read-store.validation';
import { checkChange } from './read-store.batch';

describe('read store validation', () => {
  describe('a change', () => {
    const docs = [
      { id: 'a', n: 1 },
      { id: 'b', n: 2 },
    ];

    it('writes the JSON the caller gave, else the documents serialised here', () => {
      expect(checkChange({ collection: 'c', upserts: docs, json: ['{"id":"a"}', '{}'] }).upserts).toEqual([
        ['a', '{"id":"a"}'],
        ['b', '{}'],
      ]);
      expect(
        checkChange({ collection: { name: 'c', version: 2 }, upserts: docs, deletes: ['d'] }),
      ).toEqual({
        collection: { name: 'c', version: 2 },
        name: 'c',
        version: 2,
        upserts: docs.map((doc) => [doc.id, JSON.stringify(doc)]),
        deletes: ['d'],
      });
    });

    it('refuses what is not JSON, JSON that is not one text per upsert, and an id twice', () => {
      const cyclic: Record<string, unknown> = { id: 'a' };
      cyclic.self = cyclic;
      expect(() => checkChange({ collection: 'c', upserts: [cyclic as never] })).toThrow(
        /Document a of c is not JSON/,
      );
      expect(() => checkChange({ collection: 'c', upserts: docs, json: ['{}'] })).toThrow(
        ReadStoreValidationError,
      );
      expect(() => checkChange({ collection: 'c', upserts: docs, deletes: ['a'] })).toThrow(
        /Id a appears twice in one change to c/,
      );
    });
  });

  describe('names', () => {
    it.each(['timeline', 'doetank_summaries', 'retrospectives_2012', 't'])(
      'accepts the collection name %s',
      (name) => {
        expect(() => assertCollectionName(name)).not.toThrow();
      },
    );

    it.each([
      'Timeline',
      'time-line',
      'timeline__v2',
      '_meta',
      '2012',
      '',
      'a"b',
      "a'; DROP TABLE x; --",
      'ü',
    ])('refuses the collection name %j', (name) => {
      expect(() => assertCollectionName(name)).toThrow(ReadStoreValidationError);
    });

    it.each(['occurredAt', 'actor.id', '_private', 'a.b.c'])('accepts the field %s', (field) => {
      expect(() => assertFieldPath(field)).not.toThrow();
    });

    it.each(['', 'a..b', '.a', 'a.', 'a b', '$gt', "x')", 'a"', 'a-b', 'a[0]', 'é'])(
      'refuses the field %j',
      (field) => {
        expect(() => assertFieldPath(field)).toThrow(ReadStoreValidationError);
      },
    );

    it('reads a collection reference with or without a version', () => {
      expect(normalizeCollectionRef('timeline')).toEqual({ name: 'timeline' });
      expect(normalizeCollectionRef({ name: 'timeline', version: 2 })).toEqual({
        name: 'timeline',
        version: 2,
      });
      expect(() => normalizeCollectionRef({ name: 'timeline', version: 0 })).toThrow(
        ReadStoreValidationError,
      );
      expect(() => normalizeCollectionRef({ name: 'timeline', version: 1.5 })).toThrow(
        ReadStoreValidationError,
      );
    });
  });

  describe('declarations', () => {
    it('fill in orders and index names, and sort array fields', () => {
      expect(
        normalizeDeclaration({
          name: 'timeline',
          arrayFields: ['themeIds', 'memberIds'],
          indexes: [
            { name: 'by_member', fields: [{ field: 'memberIds' }, { field: 'occurredAt', order: 'desc' }] },
            { fields: [{ field: 'doetankId' }] },
          ],
        }),
      ).toEqual({
        name: 'timeline',
        arrayFields: ['memberIds', 'themeIds'],
        indexes: [
          {
            name: 'by_member',
            fields: [
              { field: 'memberIds', order: 'asc' },
              { field: 'occurredAt', order: 'desc' },
            ],
            arrayField: 'memberIds',
          },
          {
            name: defaultIndexName([{ field: 'doetankId', order: 'asc' }]),
            fields: [{ field: 'doetankId', order: 'asc' }],
          },
        ],
      });
    });

    it('derive distinct, safe default index names, also for fields that differ by case only', () => {
      const lower = defaultIndexName([{ field: 'kind', order: 'asc' }]);
      const upper = defaultIndexName([{ field: 'Kind', order: 'asc' }]);
      const desc = defaultIndexName([{ field: 'kind', order: 'desc' }]);
      expect(new Set([lower, upper, desc]).size).toBe(3);
      for (const name of [lower, upper, desc]) expect(name).toMatch(/^[a-z0-9_]{1,48}$/);
      expect(defaultIndexName([{ field: 'kind', order: 'asc' }])).toBe(lower);
    });

    it.each([
      ['an index without fields', { name: 't', indexes: [{ fields: [] }] }],
      ['a field twice in an index', { name: 't', indexes: [{ fields: [{ field: 'a' }, { field: 'a' }] }] }],
      ['the id in an index', { name: 't', indexes: [{ fields: [{ field: 'id' }] }] }],
      [
        'two indexes of one name',
        {
          name: 't',
          indexes: [
            { name: 'x', fields: [{ field: 'a' }] },
            { name: 'x', fields: [{ field: 'b' }] },
          ],
        },
      ],
      [
        'two array fields in one index',
        { name: 't', arrayFields: ['a', 'b'], indexes: [{ fields: [{ field: 'a' }, { field: 'b' }] }] },
      ],
      ['the id as an array field', { name: 't', arrayFields: ['id'] }],
      ['an unknown order', { name: 't', indexes: [{ fields: [{ field: 'a', order: 'up' }] }] }],
      ['an unsafe index name', { name: 't', indexes: [{ name: 'x"; --', fields: [{ field: 'a' }] }] }],
    ])('refuse %s', (_, declaration) => {
      expect(() => normalizeDeclaration(declaration as never)).toThrow(ReadStoreValidationError);
    });
  });

  describe('filters', () => {
    const arrays = new Set(['memberIds']);

    it('turn plain values, $eq and $in into a list of accepted values', () => {
      expect(
        normalizeFilter({ kind: 'ResultShared', memberIds: { $in: ['m1', 'm2', 'm1'] } }, arrays),
      ).toEqual([
        { field: 'kind', array: false, oneOf: ['ResultShared'], ranges: [] },
        { field: 'memberIds', array: true, oneOf: ['m1', 'm2'], ranges: [] },
      ]);
    });

    it('intersect $eq with $in', () => {
      expect(normalizeFilter({ kind: { $eq: 'a', $in: ['a', 'b'] } }, arrays)[0].oneOf).toEqual(['a']);
      expect(normalizeFilter({ kind: { $eq: 'c', $in: ['a', 'b'] } }, arrays)[0].oneOf).toEqual([]);
    });

    it('keep range bounds with their type', () => {
      expect(normalizeFilter({ occurredAt: { $gte: '2012-01-01', $lt: '2013-01-01' } }, arrays)).toEqual([
        {
          field: 'occurredAt',
          array: false,
          ranges: [
            { op: '$gte', value: '2012-01-01' },
            { op: '$lt', value: '2013-01-01' },
          ],
          rangeType: 'string',
        },
      ]);
    });

    it('accept no filter', () => {
      expect(normalizeFilter(undefined, arrays)).toEqual([]);
      expect(normalizeFilter({}, arrays)).toEqual([]);
    });

    it.each([
      ['an unknown operator', { a: { $regex: '.*' } }],
      ['$ne (not supported)', { a: { $ne: 1 } }],
      ['an empty condition', { a: {} }],
      ['an array value', { a: ['x'] }],
      ['an object value', { a: { nested: 1 } }],
      ['NaN', { a: Number.NaN }],
      ['Infinity', { a: Infinity }],
      ['undefined', { a: undefined }],
      ['a Date', { a: new Date(0) }],
      ['$in that is not a list', { a: { $in: 'x' } }],
      ['$in with an object', { a: { $in: [{}] } }],
      ['a boolean range', { a: { $gt: false } }],
      ['a null range', { a: { $lt: null } }],
      ['mixed range types', { a: { $gt: 1, $lt: 'z' } }],
      ['an unsafe field', { "a') OR 1=1 --": 1 }],
      ['not an object', 'kind = 1'],
    ])('refuse %s', (_, filter) => {
      expect(() => normalizeFilter(filter as never, arrays)).toThrow(ReadStoreValidationError);
    });
  });

  describe('sorts', () => {
    const arrays = new Set(['memberIds']);

    it('end with the id in the direction of the last key', () => {
      expect(normalizeSort([{ field: 'occurredAt', order: 'desc' }], arrays)).toEqual([
        { field: 'occurredAt', order: 'desc' },
        { field: 'id', order: 'desc' },
      ]);
      expect(normalizeSort(undefined, arrays)).toEqual([{ field: 'id', order: 'asc' }]);
    });

    it('keep an explicit id as the last key', () => {
      const sort = normalizeSort([{ field: 'occurredAt', order: 'desc' }, { field: 'id' }], arrays);
      expect(sortSignature(sort)).toBe('occurredAt:desc,id:asc');
    });

    it.each([
      ['an array field', [{ field: 'memberIds' }]],
      ['a field twice', [{ field: 'a' }, { field: 'a', order: 'desc' }]],
      ['the id before another key', [{ field: 'id' }, { field: 'a' }]],
      ['an unknown order', [{ field: 'a', order: 'random' }]],
      ['an unsafe field', [{ field: 'a; DROP' }]],
    ])('refuse %s', (_, sort) => {
      expect(() => normalizeSort(sort as never, arrays)).toThrow(ReadStoreValidationError);
    });
  });

  describe('checkpoints', () => {
    it('get the clock time when they carry none', () => {
      expect(
        normalizeCheckpoint({ name: 'timeline', position: 3 }, () => '2012-11-22T00:00:00.000Z'),
      ).toEqual({
        name: 'timeline',
        position: 3,
        updatedAt: '2012-11-22T00:00:00.000Z',
      });
    });

    it.each([
      ['a fractional position', { name: 'x', position: 1.5 }],
      ['an unsafe integer position', { name: 'x', position: 2 ** 60 }],
      ['an unknown state', { name: 'x', position: 1, state: 'paused' }],
      ['details that are not an object', { name: 'x', position: 1, details: [1] }],
      ['no name', { position: 1 }],
    ])('refuse %s', (_, checkpoint) => {
      expect(() => normalizeCheckpoint(checkpoint as never, () => '')).toThrow(ReadStoreValidationError);
    });
  });
});
