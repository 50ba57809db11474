import type { ReadStore, WriteBatch } from '@app/read-store';
import type { SqliteReadStore } from '@app/read-store/adapters/sqlite/sqlite-read-store';
import { PermanentStoreError } from '@app/resilience';
import { withFaults } from '@app/resilience/testing';
import { ALL_PROJECTIONS } from '../all-projections';
import type { ProjectedDocument, Projection } from '../projection';
import { readModels, seededSuite } from '../testing/runner-stores';
import { timelineProjection } from '../timeline/timeline.projection';
import { checkpointName, ProjectionRunner, type RunnerLogger } from './projection-runner';
import { rebuildProjection } from './rebuild';

/**
 * Errors that will not heal stop a projection where they happen, with the cause; and writes stay within their
 * bounds, split at event boundaries or, for one event's documents, into chunks whose crash in between still ends
 * identical to a clean rebuild. Real SQLite stores over a synthetic network, faults injected on the read store.
 */
const EVENTS = 1_500;

describe('The projection runner on errors that will not heal, and on large writes', () => {
  const seeded = seededSuite(EVENTS, ALL_PROJECTIONS);

  const referenceOf = (projection: Projection) =>
    Object.fromEntries(projection.collections.map(({ name }) => [name, seeded.reference[name]]));

  /** The writes that reach the store: their documents, and whether the checkpoint goes with them. */
  const recording = (reads: SqliteReadStore) => {
    const writes: { documents: number; bytes: number[]; checkpoint?: string }[] = [];
    const store = Object.assign(Object.create(reads) as SqliteReadStore, {
      applyBatch: async (batch: WriteBatch) => {
        await reads.applyBatch(batch);
        const changes = batch.changes ?? [];
        writes.push({
          documents: changes.reduce((n, c) => n + (c.upserts?.length ?? 0) + (c.deletes?.length ?? 0), 0),
          bytes: changes.flatMap((c) => (c.upserts ?? []).map((d) => JSON.stringify(d).length)),
          checkpoint: batch.checkpoints?.[0]?.state,
        });
      },
    });
    return { store, writes };
  };

  const logs = () => {
    const lines = { warn: [] as string[], error: [] as string[] };
    const logger: RunnerLogger = {
      log: () => undefined,
      warn: (m) => lines.warn.push(m),
      error: (m) => lines.error.push(m),
    };
    return { lines, logger };
  };

  describe('an error that will not heal', () => {
    const tooLarge = () => new PermanentStoreError('SQLite read models', 'applyBatch', 'document too large');

    it('stops the projection at the batch it kept from being written, with the cause, after one try', async () => {
      const raw = seeded.stores.reads();
      const { store, faults } = withFaults(raw, { store: 'SQLite read models' });
      faults.fail(['applyBatch'], { after: 1, times: 1, error: tooLarge });
      const { lines, logger } = logs();
      const runner = new ProjectionRunner(timelineProjection, seeded.stores.events(), store, {
        batchSize: 100,
        retryDelayMs: 1,
        logger,
      });
      await runner.start().done();

      // The first batch (positions 1 to 100) is written; the second, from 101, is refused once and not retried.
      expect(runner.status()).toMatchObject({ state: 'failed', position: 100, failedPosition: 101 });
      expect(runner.status().error).toContain('document too large');
      expect(await raw.getCheckpoint(checkpointName('timeline', 1))).toMatchObject({
        state: 'failed',
        position: 100,
        failedPosition: 101,
        error: expect.stringContaining('document too large'),
      });
      expect(faults.calls('applyBatch')).toBe(3); // the first batch, the refused one, the record of the failure
      expect(lines.warn).toEqual([]);
      expect(lines.error).toEqual([
        expect.stringContaining('stopped at position 101 (permanent error in applyBatch)'),
      ]);
      expect(await raw.count({ name: 'timeline', version: 1 })).toBe(100);
    });

    it('does not loop when the store refuses the record of the failure too', async () => {
      const raw = seeded.stores.reads();
      const { store, faults } = withFaults(raw, { store: 'SQLite read models' });
      faults.fail(['applyBatch'], { after: 1, error: tooLarge });
      const { lines, logger } = logs();
      const runner = new ProjectionRunner(timelineProjection, seeded.stores.events(), store, {
        batchSize: 100,
        logger,
      });
      await runner.start().done();

      expect(runner.status()).toMatchObject({ state: 'failed', position: 100, failedPosition: 101 });
      expect(faults.calls('applyBatch')).toBe(3);
      expect(lines.error).toEqual([
        expect.stringContaining('stopped at position 101'),
        expect.stringContaining('could not record the failure'),
      ]);
      expect(await raw.getCheckpoint(checkpointName('timeline', 1))).toMatchObject({
        state: 'running',
        position: 100,
      });
    });

    it('treats an error the adapter did not classify as permanent after maxAttempts tries', async () => {
      const raw = seeded.stores.reads();
      const { store, faults } = withFaults(raw, { store: 'SQLite read models' });
      faults.fail(['applyBatch'], { after: 1, times: 3, error: () => new Error('something odd') });
      const { lines, logger } = logs();
      const runner = new ProjectionRunner(timelineProjection, seeded.stores.events(), store, {
        batchSize: 100,
        maxAttempts: 3,
        retryDelayMs: 1,
        logger,
      });
      await runner.start().done();

      expect(runner.status()).toMatchObject({
        state: 'failed',
        position: 100,
        failedPosition: 101,
        error: 'something odd',
      });
      expect(faults.calls('applyBatch')).toBe(1 + 3 + 1);
      expect(lines.warn).toEqual([
        expect.stringContaining('applyBatch failed (try 1, unclassified error): something odd'),
        expect.stringContaining('applyBatch failed (try 2, unclassified error): something odd'),
      ]);
      expect(lines.error).toEqual([
        expect.stringContaining(
          'stopped at position 101 (unclassified error in applyBatch, 3 tries): Error: something odd',
        ),
      ]);
      expect(await raw.getCheckpoint(checkpointName('timeline', 1))).toMatchObject({
        state: 'failed',
        position: 100,
        failedPosition: 101,
        error: 'something odd',
      });
    });

    it('stops at a document the store refuses, written alone as it is over the byte bound', async () => {
      // The largest timeline entries are refused, as MongoDB refuses a document over 16 MB of BSON; the first of
      // them to be written stops the rebuild.
      const largest = Math.max(...seeded.reference.timeline.map((json) => json.length));
      const refused = seeded.reference.timeline
        .filter((json) => json.length === largest)
        .map((json) => JSON.parse(json) as ProjectedDocument)
        .sort((a, b) => a.lastEventPosition - b.lastEventPosition)[0];
      const raw = seeded.stores.reads();
      const { store, writes } = recording(raw);
      const refusedWrites: number[] = [];
      const refusing = Object.assign(Object.create(store) as SqliteReadStore, {
        applyBatch: (batch: WriteBatch) => {
          const upserts = (batch.changes ?? []).flatMap((c) => c.upserts ?? []);
          if (!upserts.some((d) => JSON.stringify(d).length >= largest)) return store.applyBatch(batch);
          refusedWrites.push(upserts.length);
          return Promise.reject(
            new PermanentStoreError('SQLite read models', 'applyBatch', 'document too large'),
          );
        },
      });

      const rebuild = rebuildProjection(timelineProjection, seeded.stores.events(), refusing, {
        maxWriteBytes: largest - 1,
      });
      await expect(rebuild).rejects.toThrow(
        /^Rebuild of timeline stopped at position \d+: .*document too large/,
      );
      // It stops at the first event of the write that carried the document, tried once, the document alone in it.
      const checkpoint = await raw.getCheckpoint(checkpointName('timeline', 1));
      const failedAt = checkpoint?.failedPosition ?? 0;
      expect(failedAt).toBeGreaterThan(0);
      expect(failedAt).toBeLessThanOrEqual(refused.lastEventPosition);
      expect(checkpoint).toMatchObject({
        state: 'failed',
        error: expect.stringContaining('document too large'),
      });
      expect(checkpoint?.position).toBeLessThan(failedAt);
      await expect(rebuild).rejects.toThrow(`stopped at position ${failedAt}:`);
      expect(refusedWrites).toEqual([1]);
      expect(await raw.get({ name: 'timeline', version: 1 }, refused.id)).toBeUndefined();
      // Every write within the bound.
      expect(writes.every((w) => w.bytes.reduce((a, b) => a + b, 0) < largest)).toBe(true);
    });
  });

  describe('writes', () => {
    it('a rebuild writes before its documents outgrow the bound, each write with its checkpoint', async () => {
      const raw = seeded.stores.reads();
      const { store, writes } = recording(raw);
      await rebuildProjection(timelineProjection, seeded.stores.events(), store, { maxWriteDocuments: 50 });

      expect(writes.length).toBeGreaterThan(seeded.reference.timeline.length / 50);
      expect(writes.every((w) => w.documents <= 50 && w.checkpoint === 'running')).toBe(true);
      expect(await readModels(raw, [timelineProjection])).toEqual(referenceOf(timelineProjection));
    });

    it('counts a document that many events change once against the bound', async () => {
      // Three documents, each changed by a third of the events: a bound of four documents holds them all.
      const tally: Projection = {
        name: 'tally',
        collections: [{ name: 'tally' }],
        handles: timelineProjection.handles,
        targets: (event) => [{ collection: 'tally', id: `t${event.position % 3}` }],
        evolve: (doc, event, target) => ({
          id: target.id,
          lastEventPosition: event.position,
          events: ((doc as { events?: number } | null)?.events ?? 0) + 1,
        }),
      };
      const raw = seeded.stores.reads();
      const { store, writes } = recording(raw);
      const result = await rebuildProjection(tally, seeded.stores.events(), store, { maxWriteDocuments: 4 });

      // Counted per event (each a document more), the bound called for a write every fourth event.
      expect(result.events).toBeGreaterThan(100);
      expect(writes).toEqual([{ documents: 3, bytes: expect.any(Array), checkpoint: 'running' }]);
      const { items } = await raw.find<ProjectedDocument & { events: number }>('tally', { limit: 10 });
      expect(items.reduce((n, doc) => n + doc.events, 0)).toBe(result.events);
    });

    it("splits one event's documents over the bound into chunks, the checkpoint with the last", async () => {
      // Five documents per member who joins: more than one write may carry.
      const fanOut: Projection = {
        name: 'fan_out',
        collections: [{ name: 'fan_out' }],
        handles: ['MemberJoined'],
        targets: (event) =>
          [1, 2, 3, 4, 5].map((n) => ({
            collection: 'fan_out',
            id: `${(event.data as { memberId: string }).memberId}-${n}`,
          })),
        evolve: (_doc, event, target) => ({ id: target.id, lastEventPosition: event.position }),
      };
      const raw = seeded.stores.reads();
      const { store: recorded, writes } = recording(raw);
      const { store, faults } = withFaults(recorded, { store: 'SQLite read models' });
      await rebuildProjection(fanOut, seeded.stores.events(), store, { maxWriteDocuments: 2 });

      const joined = (await raw.count('fan_out')) / 5;
      expect(joined).toBeGreaterThan(10);
      expect(faults.calls('applyBatch')).toBe(3 * joined);
      expect(writes.map((w) => [w.documents, w.checkpoint])).toEqual(
        Array.from({ length: joined }, () => [
          [2, undefined],
          [2, undefined],
          [1, 'running'],
        ]).flat(),
      );
    });

    it('ends identical to a clean rebuild after a crash between the chunks of a write', async () => {
      // Documents over the byte bound, written one at a time: an event with several documents takes several writes.
      const bounds = { maxWriteBytes: 300 };
      const split: string[] = [];
      for (const projection of ALL_PROJECTIONS) {
        // Where the chunks are: the writes without a checkpoint, from a run that does not crash.
        const dry = recording(seeded.stores.reads());
        await rebuildProjection(projection, seeded.stores.events(), dry.store, bounds);
        const chunks = dry.writes.flatMap((w, i) => (w.checkpoint === undefined ? [i] : []));
        if (chunks.length === 0) continue; // one document per event
        split.push(projection.name);

        for (const chunk of [chunks[0], chunks[Math.floor(chunks.length / 2)], chunks[chunks.length - 1]]) {
          const raw = seeded.stores.reads();
          // A version readers use, so that the crashed rebuild's version is the one taken up again.
          await raw.ensureCollections(projection.collections, { version: 1 });
          // The process dies right after that chunk: nothing more is written.
          const { store, faults } = withFaults(raw as ReadStore, { store: 'SQLite read models' });
          faults.fail(['applyBatch'], {
            after: chunk + 1,
            error: () => new PermanentStoreError('SQLite read models', 'applyBatch', 'crashed'),
          });
          await expect(rebuildProjection(projection, seeded.stores.events(), store, bounds)).rejects.toThrow(
            'crashed',
          );
          const crashed = await raw.getCheckpoint(checkpointName(projection.name, 2));
          expect(crashed?.position ?? 0).toBeLessThan(seeded.stores.head);

          const result = await rebuildProjection(projection, seeded.stores.events(), raw, bounds);
          expect(result).toMatchObject({ version: 2, previousVersion: 1 });
          expect(await readModels(raw, [projection])).toEqual(referenceOf(projection));
        }
      }
      // Among them those that read related documents, written last.
      expect(split).toEqual(expect.arrayContaining(['timeline', 'retrospectives']));
    });
  });
});
