import type { ProjectedDocument } from '../projection';
import { DocumentCache } from './document-cache';

const doc = (id: string, n: number): ProjectedDocument => ({ id, n, lastEventPosition: n });
const ref = (id: string) => ({ collection: 'c', id });

describe('DocumentCache', () => {
  it('keeps a batch’s changes staged until it commits, and forgets them when it aborts', () => {
    const cache = new DocumentCache();
    cache.beginBatch();
    cache.add('c', 'a', doc('a', 1));
    cache.stage(ref('a'), doc('a', 2));
    expect(cache.get(ref('a'))).toEqual(doc('a', 2));
    cache.abortBatch();
    expect(cache.get(ref('a'))).toEqual(doc('a', 1));
    expect(cache.changes()).toEqual([]);

    cache.beginBatch();
    cache.stage(ref('a'), doc('a', 3));
    cache.add('c', 'b', null);
    cache.stage(ref('b'), doc('b', 3));
    cache.add('d', 'x', doc('x', 1));
    cache.stage({ collection: 'd', id: 'x' }, null);
    cache.commitBatch();
    expect(cache.changes()).toEqual([
      { collection: 'c', upserts: [doc('a', 3), doc('b', 3)], deletes: [] },
      { collection: 'd', upserts: [], deletes: ['x'] },
    ]);
    expect(cache.dirtySize).toBe(3);
    cache.markClean();
    expect(cache.changes()).toEqual([]);
    expect(cache.get({ collection: 'd', id: 'x' })).toBeNull();
  });

  it('evicts the least recently used documents, never a changed one that is not written', () => {
    const cache = new DocumentCache();
    for (const id of ['a', 'b', 'c', 'd']) {
      cache.beginBatch();
      cache.add('c', id, doc(id, 1));
    }
    cache.beginBatch();
    expect(cache.touch(ref('a'))).toBe(true);
    cache.stage(ref('b'), doc('b', 2));
    cache.commitBatch();

    // b is changed and not written: it stays, whatever its age; c and d go before a (used last).
    cache.trim(2);
    expect(cache.size).toBe(2);
    expect(cache.touch(ref('c'))).toBe(false);
    expect(cache.touch(ref('d'))).toBe(false);
    expect(cache.get(ref('a'))).toEqual(doc('a', 1));
    expect(cache.get(ref('b'))).toEqual(doc('b', 2));

    cache.trim(0);
    expect(cache.size).toBe(1);
    expect(cache.changes()).toEqual([{ collection: 'c', upserts: [doc('b', 2)], deletes: [] }]);
    cache.markClean();
    cache.trim(0);
    expect(cache.size).toBe(0);
    expect(cache.get(ref('b'))).toBeNull();
  });

  it('plans a document as a new change once per batch, and not while it is changed and not written', () => {
    const cache = new DocumentCache();
    cache.beginBatch();
    expect(cache.plan(ref('a'))).toBeUndefined(); // not in memory
    cache.add('c', 'a', doc('a', 1));
    cache.add('c', 'n', null, true); // counted by the batch as it was added
    expect(cache.plan(ref('a'))).toBe(true);
    expect(cache.plan(ref('a'))).toBe(false);
    expect(cache.plan(ref('n'))).toBe(false);
    cache.stage(ref('a'), doc('a', 2));
    cache.commitBatch();

    cache.beginBatch();
    expect(cache.plan(ref('a'))).toBe(false); // changed, not written yet
    expect(cache.plan(ref('n'))).toBe(true);
    cache.markClean();
    cache.beginBatch();
    expect(cache.plan(ref('a'))).toBe(true);
  });
});
