import type { Collection } from 'mongodb';
import { CollectionCatalog, type CollectionMeta, type VersionMarker } from './mongodb-catalog';

/**
 * The catalog's memory, against a metadata collection that only answers findOne (what `get` uses) and counts the
 * round trips. Its behaviour against a server (markers, conflicts) is in the read store's contract suite.
 */
function catalogOver(documents: Map<string, CollectionMeta>, ttlMs = 1_000) {
  let now = 0;
  const reads: string[] = [];
  const meta = {
    findOne: async ({ _id }: { _id: string }) => {
      reads.push(_id);
      await Promise.resolve();
      return documents.get(_id) ?? null;
    },
  } as unknown as Collection<CollectionMeta>;
  const catalog = new CollectionCatalog(meta, {} as Collection<VersionMarker>, ttlMs, () => now);
  return { catalog, reads, advance: (ms: number) => (now += ms) };
}

const timeline = (active: number): CollectionMeta => ({ _id: 'timeline', active, versions: {} });

describe('CollectionCatalog', () => {
  it('asks the server once per TTL, and again after it', async () => {
    const documents = new Map([['timeline', timeline(1)]]);
    const { catalog, reads, advance } = catalogOver(documents);
    expect(await catalog.get('timeline')).toEqual({ meta: timeline(1), cached: false });
    documents.set('timeline', timeline(2)); // another process switches
    advance(999);
    expect(await catalog.get('timeline')).toEqual({ meta: timeline(1), cached: true });
    advance(1);
    expect(await catalog.get('timeline')).toEqual({ meta: timeline(2), cached: false });
    expect(reads).toEqual(['timeline', 'timeline']);
  });

  it('asks again at once when told to forget, or for a fresh answer', async () => {
    const documents = new Map([['timeline', timeline(1)]]);
    const { catalog, reads } = catalogOver(documents);
    await catalog.get('timeline');
    documents.set('timeline', timeline(2));
    catalog.forget('timeline');
    expect((await catalog.get('timeline')).meta?.active).toBe(2);
    documents.set('timeline', timeline(3));
    expect((await catalog.get('timeline', { fresh: true })).meta?.active).toBe(3);
    expect((await catalog.get('timeline')).cached).toBe(true);
    expect(reads).toHaveLength(3);
  });

  it('does not remember that a name has no metadata: another process may be creating it', async () => {
    const documents = new Map<string, CollectionMeta>();
    const { catalog, reads } = catalogOver(documents);
    expect(await catalog.get('timeline')).toEqual({ meta: null, cached: false });
    documents.set('timeline', timeline(1));
    expect(await catalog.get('timeline')).toEqual({ meta: timeline(1), cached: false });
    expect(reads).toHaveLength(2);
  });

  it('shares one read among callers that ask at the same time', async () => {
    const { catalog, reads } = catalogOver(new Map([['timeline', timeline(1)]]));
    const answers = await Promise.all([
      catalog.get('timeline'),
      catalog.get('timeline'),
      catalog.get('timeline'),
    ]);
    expect(answers.map((a) => a.meta?.active)).toEqual([1, 1, 1]);
    expect(reads).toEqual(['timeline']);
  });
});
