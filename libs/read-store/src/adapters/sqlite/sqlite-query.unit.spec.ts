import { normalizeDeclaration, normalizeFilter, normalizeSort } from '../../read-store.validation';
import { buildLayout } from './sqlite-layout';
import { buildCount, buildFind, keysetSql } from './sqlite-query';

describe('SQLite query building', () => {
  const layout = buildLayout(
    'timeline',
    1,
    normalizeDeclaration({
      name: 'timeline',
      arrayFields: ['memberIds'],
      indexes: [
        { name: 'by_time', fields: [{ field: 'occurredAt', order: 'desc' }] },
        { name: 'by_member', fields: [{ field: 'memberIds' }, { field: 'occurredAt', order: 'desc' }] },
      ],
    }),
  );
  const find = (filter: object, sort: object[] = [{ field: 'occurredAt', order: 'desc' }]) =>
    buildFind(layout, {
      predicates: normalizeFilter(filter as never, layout.arrayFields),
      sort: normalizeSort(sort as never, layout.arrayFields),
      fetch: 21,
    });

  it('binds every value, also hostile ones, and never inlines them', () => {
    const hostile = "x' OR 1=1; DROP TABLE rs_timeline__v1; --";
    const { sql, params } = find({
      kind: hostile,
      doetankId: { $in: [hostile, 'b'] },
      title: { $gte: hostile },
    });
    expect(sql).not.toContain(hostile);
    expect(sql).not.toContain('DROP');
    expect(params).toEqual([hostile, JSON.stringify([hostile, 'b']), hostile, 21]);
  });

  it('reads indexed fields from their generated column and others from the document', () => {
    const { sql } = find({ occurredAt: { $gte: '2012' }, kind: 'a' });
    expect(sql).toContain('t."f:occurredAt" >= ?');
    expect(sql).toContain(`coalesce(json_extract(t.doc, '$.kind'), -9e999) = ?`);
    expect(sql).toMatch(/ORDER BY t\."f:occurredAt" DESC, t\.id DESC LIMIT \?$/);
  });

  it('drives a single-member filter through the multikey side table', () => {
    const { sql, params } = find({ memberIds: 'member-1' });
    expect(sql).toContain(
      'FROM "rs_timeline__v1__mk_by_member" AS s CROSS JOIN "rs_timeline__v1" AS t ON t.id = s.id',
    );
    expect(sql).toContain('WHERE s.k0 = ?');
    expect(sql).toContain('ORDER BY s.k1 DESC, s.id DESC');
    expect(params).toEqual(['member-1', 21]);
  });

  it('matches other array conditions per element with json_each', () => {
    const { sql } = find({ memberIds: { $in: ['a', 'b'] } });
    expect(sql).toContain(`EXISTS (SELECT 1 FROM json_each(t.doc, '$.memberIds') AS j WHERE`);
    expect(sql).toContain('FROM "rs_timeline__v1" AS t');
  });

  it('brackets numeric ranges by type: no null, no strings, no booleans where 0 or 1 is in range', () => {
    const { sql } = find({ score: { $gte: 0 } });
    expect(sql).toContain(`coalesce(json_extract(t.doc, '$.score'), -9e999) >= ?`);
    expect(sql).toContain(`coalesce(json_extract(t.doc, '$.score'), -9e999) < ''`);
    expect(sql).toContain(`json_type(t.doc, '$.score') NOT IN ('true', 'false')`);
    expect(find({ score: { $gt: 5 } }).sql).not.toContain('NOT IN');
  });

  it('matches nothing for an empty $in', () => {
    expect(buildCount(layout, normalizeFilter({ kind: { $in: [] } }, layout.arrayFields)).sql).toBe(
      'SELECT count(*) AS n FROM "rs_timeline__v1" AS t WHERE 0',
    );
  });

  describe('keyset conditions', () => {
    it('compare row values when every key runs one way', () => {
      const params: (string | number)[] = [];
      expect(keysetSql(['a', 'id'], ['desc', 'desc'], ['2012', 'x'], params)).toBe('(a, id) < (?, ?)');
      expect(params).toEqual(['2012', 'x']);
    });

    it('compare the id alone when there is no other key', () => {
      const params: (string | number)[] = [];
      expect(keysetSql(['id'], ['asc'], ['x'], params)).toBe('id > ?');
    });

    it('expand mixed directions lexicographically, led by a bound on the first key', () => {
      const params: (string | number)[] = [];
      expect(keysetSql(['k', 'a', 'id'], ['asc', 'desc', 'desc'], ['x', '2012', 'e1'], params)).toBe(
        'k >= ? AND (k > ? OR (k = ? AND (a < ? OR (a = ? AND id < ?))))',
      );
      expect(params).toEqual(['x', 'x', 'x', '2012', '2012', 'e1']);
    });
  });
});
