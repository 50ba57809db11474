import {
  type CollectionDeclaration,
  type FindQuery,
  type ReadDocument,
  type ReadStore,
  ReadStoreValidationError,
} from '../read-store.port';

/**
 * A sort led by an array field within the filter's range, part of the read store contract (called inside its
 * describe, with the suite's store): each document once, at its smallest element in the range, then the next sort
 * keys; pages follow the cursor; the same answer with and without a multikey index on the field.
 */
export function elementSortContract(store: () => ReadStore, collection: (base: string) => string): void {
  describe('sort led by an array field within a range (typeahead)', () => {
    const declare = (name: string, indexed: boolean): CollectionDeclaration => ({
      name,
      arrayFields: ['keys'],
      indexes: indexed ? [{ name: 'by_key', fields: [{ field: 'keys' }, { field: 'name' }] }] : [],
    });
    const doc = (id: string, name: string, keys: unknown, team = 'a'): ReadDocument => ({
      id,
      name,
      keys,
      team,
    });
    const docs: ReadDocument[] = [
      doc('m1', 'Jan de Boer', ['jan de boer', 'de boer', 'boer']),
      doc('m2', 'Dirk de Vries', ['dirk de vries', 'de vries', 'vries'], 'b'),
      // Two keys in the range "d": found once, under "daan de wit".
      doc('m3', 'Daan de Wit', ['daan de wit', 'de wit', 'wit']),
      doc('m4', 'Els Dekker', ['els dekker', 'dekker'], 'b'),
      doc('m5', 'Anna Bos', ['anna bos', 'bos']),
      // Other types never satisfy a string range: only "de jong" counts.
      doc('m6', 'De Jong', [7, null, true, 'de jong']),
      doc('m7', 'Dina', ['dina']),
      doc('m8', 'Geen sleutels', []),
      doc('m9', 'Zonder', null),
      doc('m10', 'Dirk de Vries', ['dirk de vries', 'de vries', 'vries']),
    ];
    const byKey = [{ field: 'keys' }, { field: 'name' }];
    const prefix = (p: string) => ({ keys: { $gte: p, $lt: `${p}\uffff` } });

    /** What the order means, computed from the documents. */
    const expected = (from: string, to: string, team?: string): string[] =>
      docs
        .map((d) => {
          const elements = (Array.isArray(d.keys) ? d.keys : [d.keys]) as unknown[];
          const inRange = elements.filter((e): e is string => typeof e === 'string' && e >= from && e < to);
          return { d, key: inRange.sort()[0] };
        })
        .filter(({ d, key }) => key !== undefined && (team === undefined || d.team === team))
        .sort((a, b) =>
          a.key !== b.key
            ? a.key < b.key
              ? -1
              : 1
            : a.d.name !== b.d.name
              ? (a.d.name as string) < (b.d.name as string)
                ? -1
                : 1
              : a.d.id < b.d.id
                ? -1
                : 1,
        )
        .map(({ d }) => d.id);

    const pages = async (c: string, query: FindQuery): Promise<string[]> => {
      const seen: string[] = [];
      let after: string | undefined;
      do {
        const page = await store().find(c, { ...query, after });
        seen.push(...page.items.map((d) => d.id));
        after = page.nextCursor;
      } while (after !== undefined && seen.length < 100);
      return seen;
    };

    for (const indexed of [true, false]) {
      it(`answers each document once at its smallest element in the range, ${indexed ? 'with' : 'without'} an index`, async () => {
        const c = collection(indexed ? 'elem_ix' : 'elem');
        await store().ensureCollections([declare(c, indexed)]);
        await store().applyBatch({ changes: [{ collection: c, upserts: docs }] });
        expect(expected('d', 'd\uffff')).toEqual(['m3', 'm1', 'm6', 'm10', 'm2', 'm4', 'm7']);
        for (const p of ['d', 'de', 'de v', 'b', 'x']) {
          const all = expected(p, `${p}\uffff`);
          expect((await store().find(c, { filter: prefix(p), sort: byKey })).items.map((d) => d.id)).toEqual(
            all,
          );
          for (const limit of [1, 2, 3])
            expect(await pages(c, { filter: prefix(p), sort: byKey, limit })).toEqual(all);
        }
        const team = { ...prefix('d'), team: 'b' };
        expect(await pages(c, { filter: team, sort: byKey, limit: 1 })).toEqual(
          expected('d', 'd\uffff', 'b'),
        );
        const between = { keys: { $gt: 'de boer', $lte: 'dirk de vries' } };
        expect(await pages(c, { filter: between, sort: byKey, limit: 2 })).toEqual([
          'm6',
          'm10',
          'm2',
          'm3',
          'm4',
          'm7',
        ]);
        // The documents come back as stored, without a helper field.
        expect((await store().find(c, { filter: prefix('dina'), sort: byKey })).items).toEqual([docs[6]]);
      });
    }

    it('refuses an array sort key without a string range with a lower bound on it, or not first, or descending', async () => {
      const c = collection('elem_bad');
      await store().ensureCollections([declare(c, true)]);
      for (const query of [
        { sort: byKey },
        { filter: { keys: 'de boer' }, sort: byKey },
        { filter: { keys: { $lt: 'e' } }, sort: byKey },
        { filter: { keys: { $gte: 1 } }, sort: byKey },
        { filter: prefix('d'), sort: [{ field: 'keys', order: 'desc' as const }] },
        { filter: prefix('d'), sort: [{ field: 'name' }, { field: 'keys' }] },
      ]) {
        await expect(store().find(c, query)).rejects.toThrow(ReadStoreValidationError);
      }
    });
  });
}
