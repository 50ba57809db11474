import {
  type CollectionDeclaration,
  type FindQuery,
  type ReadDocument,
  type ReadStore,
  ReadStoreValidationError,
} from '../read-store.port';

/**
 * Full-text search (`$text` in a filter), part of the read store contract (called inside its describe, with the
 * suite's store): whole words, all of them, in any declared text field, case and accents ignored; combined with
 * other conditions, sorts, pages and counts; kept current by every write; per version, so a rebuild's version
 * answers from its own documents. The words are chosen so that no word is a part of another word of the data
 * (where MongoDB's phrase matching and SQLite's token matching would differ, see the MongoDB adapter).
 */
export function textSearchContract(store: () => ReadStore, collection: (base: string) => string): void {
  describe('full-text search', () => {
    const declare = (name: string): CollectionDeclaration => ({
      name,
      textFields: ['text.nl', 'text.en'],
      indexes: [{ name: 'by_kind', fields: [{ field: 'kind' }, { field: 'at', order: 'desc' }] }],
    });
    const doc = (id: string, kind: string, at: string, nl: string, en: string): ReadDocument => ({
      id,
      kind,
      at,
      text: { nl, en },
    });
    const docs = [
      doc(
        'a',
        'result',
        '2024-01-01',
        "Een rapport 'Warmtenet Noord' gedeeld",
        "A report 'Warmtenet Noord' shared",
      ),
      doc('b', 'result', '2024-02-01', "Een film 'Zonnedak' gedeeld", "A film 'Zonnedak' shared"),
      doc('c', 'gathering', '2024-03-01', 'Café in Utrecht gehouden', 'Café held in Utrecht'),
      doc(
        'd',
        'result',
        '2024-04-01',
        "Een rapport 'Zonnedak Zuid' gedeeld",
        "A report 'Zonnedak Zuid' shared",
      ),
    ];
    const ids = async (s: ReadStore, c: string, query: FindQuery) =>
      (await s.find(c, query)).items.map((d) => d.id);

    const loaded = async () => {
      const c = collection('text');
      await store().ensureCollections([declare(c)]);
      await store().applyBatch({ changes: [{ collection: c, upserts: docs }] });
      return c;
    };
    const newest = [{ field: 'at', order: 'desc' as const }];

    it('finds every document holding all the words, in either text field, ignoring case and accents', async () => {
      const c = await loaded();
      expect(await ids(store(), c, { filter: { $text: 'zonnedak' }, sort: newest })).toEqual(['d', 'b']);
      // Dutch and English words of the same documents.
      expect(await ids(store(), c, { filter: { $text: 'RAPPORT' }, sort: newest })).toEqual(['d', 'a']);
      expect(await ids(store(), c, { filter: { $text: 'report' }, sort: newest })).toEqual(['d', 'a']);
      expect(await ids(store(), c, { filter: { $text: 'cafe' } })).toEqual(['c']);
      // Every word must occur: one missing word excludes the document.
      expect(await ids(store(), c, { filter: { $text: 'report zonnedak' }, sort: newest })).toEqual(['d']);
      expect(await ids(store(), c, { filter: { $text: 'report utrecht' } })).toEqual([]);
      // Whole words: a part of a word finds nothing.
      expect(await ids(store(), c, { filter: { $text: 'zonne' } })).toEqual([]);
    });

    it('combines with other conditions, sorts, pages and counts', async () => {
      const c = await loaded();
      const filter = { kind: 'result', $text: 'gedeeld' };
      const first = await store().find(c, { filter, sort: newest, limit: 2 });
      expect(first.items.map((d) => d.id)).toEqual(['d', 'b']);
      const second = await store().find(c, { filter, sort: newest, limit: 2, after: first.nextCursor });
      expect(second.items.map((d) => d.id)).toEqual(['a']);
      expect(await store().count(c, filter)).toBe(3);
      expect(await store().count(c, { kind: 'gathering', $text: 'gedeeld' })).toBe(0);
    });

    it('follows every write: replaced text is found by its new words only, deleted documents not at all', async () => {
      const c = await loaded();
      await store().applyBatch({
        changes: [
          {
            collection: c,
            upserts: [doc('a', 'result', '2024-01-01', 'Een lid', 'A member')],
            deletes: ['d'],
          },
        ],
      });
      expect(await ids(store(), c, { filter: { $text: 'warmtenet' } })).toEqual([]);
      expect(await ids(store(), c, { filter: { $text: 'member' } })).toEqual(['a']);
      expect(await ids(store(), c, { filter: { $text: 'zonnedak' } })).toEqual(['b']);
    });

    it("answers from each version's own documents, and from the new one once activated", async () => {
      const c = await loaded();
      await store().ensureCollections([declare(c)], { version: 2, deferIndexes: true });
      await store().applyBatch({
        changes: [
          {
            collection: { name: c, version: 2 },
            upserts: [doc('e', 'result', '2024-05-01', 'Zeewind', 'Sea wind')],
          },
        ],
      });
      expect(await ids(store(), c, { filter: { $text: 'zeewind' } })).toEqual([]);
      expect(await ids(store(), c, { filter: { $text: 'zonnedak' } })).toHaveLength(2);
      await store().activateVersion(c, 2);
      expect(await ids(store(), c, { filter: { $text: 'zeewind' } })).toEqual(['e']);
      expect(await ids(store(), c, { filter: { $text: 'zonnedak' } })).toEqual([]);
      await store().dropVersion(c, 1);
      expect(await ids(store(), c, { filter: { $text: 'wind' } })).toEqual(['e']);
    });

    it('answers a version loaded with its indexes deferred as one kept live, while loading and once built', async () => {
      const live = await loaded();
      const writes = [
        { upserts: [doc('a', 'result', '2024-01-01', 'Een lid', 'A member')], deletes: ['d'] },
        { upserts: [doc('e', 'gathering', '2024-05-01', 'Café Zonnedak', 'Café at Zonnedak'), docs[3]] },
        { upserts: [], deletes: ['b'] },
      ];
      const bulk = { name: live, version: 2 };
      await store().ensureCollections([declare(live)], { version: 2, deferIndexes: true });
      await store().applyBatch({ changes: [{ collection: bulk, upserts: docs }] });
      for (const change of writes) {
        await store().applyBatch({ changes: [{ collection: live, ...change }] });
        await store().applyBatch({ changes: [{ collection: bulk, ...change }] });
      }
      const searches = [
        'zonnedak',
        'cafe',
        'CAFÉ zonnedak',
        'rapport',
        'member',
        'gedeeld',
        'warmtenet',
        'zonne',
      ];
      const answers = async (ref: string | { name: string; version: number }) =>
        Promise.all(
          searches.map(async ($text) => ({
            $text,
            found: (await store().find(ref, { filter: { $text }, sort: newest })).items.map((d) => d.id),
            results: await store().count(ref, { kind: 'result', $text }),
            all: await store().count(ref, { $text }),
          })),
        );
      const expected = await answers(live);
      expect(expected.find((a) => a.$text === 'zonnedak')?.found).toEqual(['e', 'd']);
      expect(await answers(bulk)).toEqual(expected);
      await store().buildIndexes(live, 2);
      expect(await answers(bulk)).toEqual(expected);
      // Once built, the index follows every write again.
      await store().applyBatch({ changes: [{ collection: bulk, deletes: ['e'] }] });
      expect(await ids(store(), live, { filter: { $text: 'zonnedak' }, sort: newest })).toEqual(['e', 'd']);
      expect(await store().find(bulk, { filter: { $text: 'zonnedak' } })).toMatchObject({
        items: [{ id: 'd' }],
      });
    });

    it('indexes documents written before the text fields were declared', async () => {
      const c = collection('text_late');
      await store().ensureCollections([{ name: c }]);
      await store().applyBatch({ changes: [{ collection: c, upserts: docs }] });
      await store().ensureCollections([declare(c)]);
      expect(await ids(store(), c, { filter: { $text: 'utrecht' } })).toEqual(['c']);
    });

    it('refuses a search without words, on a collection without text fields, and other text fields later', async () => {
      const c = await loaded();
      await expect(store().find(c, { filter: { $text: ' -- ' } })).rejects.toThrow(ReadStoreValidationError);
      await expect(store().count(c, { $text: 3 })).rejects.toThrow(ReadStoreValidationError);
      const plain = collection('text_none');
      await store().ensureCollections([{ name: plain }]);
      await expect(store().find(plain, { filter: { $text: 'zonnedak' } })).rejects.toThrow(/no text fields/);
      await expect(store().ensureCollections([{ name: c, textFields: ['text.nl'] }])).rejects.toThrow(
        /rebuild it into a new version/,
      );
    });
  });
}
