import Database from 'better-sqlite3';
import type { ReadDocument } from '../../read-store.port';
import { SqliteReadStore } from './sqlite-read-store';

/**
 * How a typeahead (a prefix range on name keys, sorted by key then name) is served on SQLite, shown by its query
 * plan: the multikey index's side table is walked in its own order from the prefix (or from a later page's cursor),
 * each row's document looked up by id, and nothing is sorted, so the walk stops after a page and its cost follows the
 * page size, not the number of names that match. Sorted by name instead, every match is read and sorted.
 */
describe('SqliteReadStore: typeahead plans', () => {
  const db = new Database(':memory:');
  const store = new SqliteReadStore(db);
  const name = 'members_typeahead';
  const size = 3_000;
  const words = ['de', 'van', 'jansen', 'bakker', 'dekker'];
  /** Names with two to three words; most hold a word starting with "de". */
  const docs: ReadDocument[] = Array.from({ length: size }, (_, i) => {
    const parts = [`naam${i}`, words[i % words.length], words[(i * 7) % words.length]];
    return {
      id: `m${String(i).padStart(5, '0')}`,
      name: parts.join(' '),
      nameKeys: parts.map((_, k) => parts.slice(k).join(' ')),
    };
  });
  const byKey = [{ field: 'nameKeys' }, { field: 'name' }];
  const prefix = { nameKeys: { $gte: 'de', $lt: 'de\uffff' } };

  beforeAll(async () => {
    await store.ensureCollections([
      {
        name,
        arrayFields: ['nameKeys'],
        indexes: [{ name: 'by_name_key', fields: [{ field: 'nameKeys' }, { field: 'name' }] }],
      },
    ]);
    await store.applyBatch({ changes: [{ collection: name, upserts: docs }] });
  });

  afterAll(async () => {
    await store.close();
    db.close();
  });

  const plan = (sort: { field: string }[]) =>
    store.explainFind(name, { filter: prefix, sort, limit: 20 }).join('\n');

  it('walks the side table from the prefix in its own order and sorts nothing', () => {
    const walk = plan(byKey);
    expect(walk).toMatch(
      /SEARCH s USING PRIMARY KEY \(k0>\? AND k0<\?\)\nSEARCH t USING INDEX sqlite_autoindex_\S+ \(id=\?\)/,
    );
    expect(walk).not.toMatch(/TEMP B-TREE/);
    // By name, every match is read before the first row is answered.
    expect(plan([{ field: 'name' }])).toMatch(/USE TEMP B-TREE FOR ORDER BY/);
  });

  it('seeks a later page from its cursor in the side table instead of walking up to it', async () => {
    const first = await store.find(name, { filter: prefix, sort: byKey, limit: 20 });
    const later = store.explainFind(name, {
      filter: prefix,
      sort: byKey,
      limit: 20,
      after: first.nextCursor,
    });
    expect(later.join('\n')).toMatch(/SEARCH s USING PRIMARY KEY \(\(k0,k1,id\)>\(\?,\?,\?\) AND k0<\?\)/);
  });
});
