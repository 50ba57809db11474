import Database from 'better-sqlite3';
import type { ReadDocument } from '../../read-store.port';
import { textDrivesUpTo } from './sqlite-reads';
import { SqliteReadStore } from './sqlite-read-store';

/**
 * How a full-text search is served on SQLite, shown by its query plan: a word with few matches is driven by the FTS5
 * index (the matches looked up by rowid and sorted), so its cost follows the matches, not the collection; a word
 * most documents hold walks the sort's index and stops after a page. Both give the pages and counts a scan gives.
 */
describe('SqliteReadStore: full-text search plans', () => {
  const db = new Database(':memory:');
  const store = new SqliteReadStore(db);
  const name = 'timeline_text';
  const size = 2_500;
  /** The most matches that drive a page of 20 (21 rows fetched) in this collection. */
  const bound = textDrivesUpTo(21, size);
  const newestFirst = [{ field: 'occurredAt', order: 'desc' as const }];
  /** Every document holds "netwerk"; "veel" is in exactly `bound` of them, "meer" in one more. */
  const docs: ReadDocument[] = Array.from({ length: size }, (_, i) => ({
    id: `event-${String(i).padStart(5, '0')}`,
    occurredAt: new Date(Date.UTC(2010, 0, 1) + i * 3_600_000).toISOString(),
    kind: i % 2 === 0 ? 'ResultShared' : 'MemberJoined',
    search: {
      nl: [
        'Een lid sloot zich aan bij het netwerk',
        i < bound ? 'veel' : '',
        i <= bound ? 'meer' : '',
        i % 97 === 0 ? "rapport 'Zonnedak'" : '',
      ].join(' '),
    },
  }));

  beforeAll(async () => {
    await store.ensureCollections([
      {
        name,
        textFields: ['search.nl'],
        indexes: [
          { name: 'by_time', fields: [{ field: 'occurredAt', order: 'desc' }] },
          { name: 'by_kind', fields: [{ field: 'kind' }, { field: 'occurredAt', order: 'desc' }] },
        ],
      },
    ]);
    await store.applyBatch({ changes: [{ collection: name, upserts: docs }] });
  });

  afterAll(async () => {
    await store.close();
    db.close();
  });

  const plan = (text: string, filter: Record<string, unknown> = {}) =>
    store.explainFind(name, { filter: { ...filter, $text: text }, sort: newestFirst, limit: 20 }).join('\n');

  /** The FTS5 table is read first, each match's document found by its rowid, the page sorted from the matches. */
  const DRIVEN_BY_TEXT =
    /SCAN \S+__fts VIRTUAL TABLE INDEX[^\n]*\nSEARCH t USING INTEGER PRIMARY KEY \(rowid=\?\)/;

  it('drives a search for a word with few matches from the full-text index', () => {
    const rare = plan('zonnedak');
    expect(rare).toMatch(DRIVEN_BY_TEXT);
    expect(rare).toMatch(/USE TEMP B-TREE FOR ORDER BY/);
    // Not a walk of the collection's time index.
    expect(rare).not.toMatch(/by_time/);
    expect(plan('zonnedak', { kind: 'ResultShared' })).toMatch(DRIVEN_BY_TEXT);
  });

  it('walks the time index for a word most documents hold, which finds a page at once', () => {
    const common = plan('netwerk');
    expect(common).toMatch(/SCAN t USING INDEX \S+by_time/);
    expect(common).not.toMatch(/TEMP B-TREE/);
    expect(common).not.toMatch(DRIVEN_BY_TEXT);
  });

  it('lets the index drive while reading the matches costs less than the walk, and walks from one more', () => {
    // matches² < fetch × documents / 16: 57 matches for a page of 20 in 2,500 documents.
    expect(bound).toBe(57);
    expect(plan('veel')).toMatch(DRIVEN_BY_TEXT);
    expect(plan('meer')).not.toMatch(DRIVEN_BY_TEXT);
  });

  it('gives the same pages, cursors and counts either way as filtering every document', async () => {
    const holding = (word: RegExp, kind?: string) =>
      docs
        .filter((d) => word.test((d.search as { nl: string }).nl) && (!kind || d.kind === kind))
        .sort((a, b) => ((a.occurredAt as string) < (b.occurredAt as string) ? 1 : -1))
        .map((d) => d.id);
    const cases: [string, RegExp, string?][] = [
      ['zonnedak', /Zonnedak/],
      ['zonnedak', /Zonnedak/, 'ResultShared'],
      ['veel', /veel/, 'MemberJoined'],
      ['meer', /meer/, 'ResultShared'],
      ['netwerk', /netwerk/, 'MemberJoined'],
    ];
    for (const [text, word, kind] of cases) {
      const filter = { $text: text, ...(kind && { kind }) };
      const found: string[] = [];
      let after: string | undefined;
      do {
        const page = await store.find(name, { filter, sort: newestFirst, limit: 20, after });
        found.push(...page.items.map((d) => d.id));
        after = page.nextCursor;
      } while (after);
      expect(found).toEqual(holding(word, kind));
      expect(await store.count(name, filter)).toBe(found.length);
    }
  });
});
