import { type ReadDocument, type ReadStore, textWords } from '@app/read-store';
import { ProjectionRunner } from '../runner/projection-runner';
import { rebuildProjection } from '../runner/rebuild';
import { RunnerStores, waitUntil } from '../testing/runner-stores';
import { TIMELINE_COLLECTION, timelineProjection } from './timeline.projection';

/**
 * A rebuild fills the timeline's full-text index once after loading its documents (SQLite: one INSERT ... SELECT
 * when the deferred indexes are built), where the live projector keeps it up to date on every write: both must
 * answer every search the same, on a synthetic network's events.
 */
describe('The timeline searched after a rebuild', () => {
  let stores: RunnerStores;
  beforeAll(async () => {
    stores = await RunnerStores.seed(1_500, 20);
  });
  afterAll(() => stores.close());

  interface Entry extends ReadDocument {
    search: { nl: string; en: string };
  }

  /** Every word of the entries' search texts, rarest first, and some pairs of words found together. */
  const searchesOf = (entries: readonly Entry[]): string[] => {
    const counts = new Map<string, number>();
    for (const { search } of entries)
      for (const word of new Set(textWords(`${search.nl} ${search.en}`)))
        counts.set(word, (counts.get(word) ?? 0) + 1);
    const words = [...counts.keys()].sort((a, b) => counts.get(a)! - counts.get(b)! || (a < b ? -1 : 1));
    const pairs = entries
      .filter((_, i) => i % 97 === 0)
      .map(({ search }) => textWords(search.nl).slice(0, 2).join(' '));
    return [...words, ...pairs, 'geenwoordhier'];
  };

  const answers = async (reads: ReadStore, searches: readonly string[]) =>
    Promise.all(
      searches.map(async ($text) => ({
        $text,
        ids: (
          await reads.find(TIMELINE_COLLECTION, { filter: { $text }, sort: [{ field: 'id' }] })
        ).items.map((d) => d.id),
        count: await reads.count(TIMELINE_COLLECTION, { $text }),
      })),
    );

  it('answers every word and pair of words as the timeline built live did', async () => {
    const events = stores.events();
    const reads = stores.reads();
    const live = new ProjectionRunner(timelineProjection, events, reads).start();
    await waitUntil(() => live.status().position === stores.head, 'the live timeline caught up');
    await live.stop();
    const entries = (await reads.find<Entry>(TIMELINE_COLLECTION, { sort: [{ field: 'id' }] })).items;
    const searches = searchesOf(entries);
    expect(searches.length).toBeGreaterThan(100);
    const expected = await answers(reads, searches);
    // Rare and common words both: the comparison covers the index's small and large lists.
    expect(expected.some((a) => a.count === 1)).toBe(true);
    expect(Math.max(...expected.map((a) => a.count))).toBeGreaterThan(entries.length / 4);

    const rebuilt = await rebuildProjection(timelineProjection, events, reads, { batchSize: 200 });
    expect(rebuilt).toMatchObject({ version: 2, previousVersion: 1 });
    expect(await answers(reads, searches)).toEqual(expected);
  });
});
