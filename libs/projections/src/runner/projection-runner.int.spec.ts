import { newEvent } from '@app/event-store/testing';
import { SqliteReadStore } from '@app/read-store/adapters/sqlite/sqlite-read-store';
import { StoreUnavailableError } from '@app/resilience';
import type { ProjectedDocument, Projection, ProjectionEvent } from '../projection';
import { checkpointName, ProjectionRunner } from './projection-runner';
import { rebuildProjection } from './rebuild';
import { sqliteStoresPerTest } from '../testing/runner-stores';

/** Counts ResultShared events per Doetank: small enough to check by hand, real enough to exercise the runner. */
interface ResultCount extends ProjectedDocument {
  results: number;
  titles: string[];
}

const resultCounts = (failOnTitle?: string): Projection => ({
  name: 'result_counts',
  collections: [{ name: 'result_counts', indexes: [{ fields: [{ field: 'results', order: 'desc' }] }] }],
  handles: ['ResultShared'],
  targets: (event: ProjectionEvent) => [
    { collection: 'result_counts', id: (event.data as { doetankId: string }).doetankId },
  ],
  evolve: (doc, event, target) => {
    const { title } = event.data as { title: string };
    if (title === failOnTitle) throw new Error(`cannot project ${title}`);
    const current = doc as ResultCount | null;
    return {
      id: target.id,
      results: (current?.results ?? 0) + 1,
      titles: [...(current?.titles ?? []), title],
      lastEventPosition: event.position,
    } satisfies ResultCount;
  },
});

const shared = (doetankId: string, title: string) =>
  newEvent('ResultShared', { doetankId, resultId: title, kind: 'report', title, sharedBy: 'm1' });

describe('ProjectionRunner on SQLite', () => {
  const sqlite = sqliteStoresPerTest('slimmernetwerk-runner-');

  const append = async (stream: string, ...batch: ReturnType<typeof shared>[]) =>
    sqlite.events.appendToStream(stream, batch, 'any');

  const documents = async (version?: number) =>
    (
      await sqlite.reads.find<ResultCount>(version ? { name: 'result_counts', version } : 'result_counts', {
        sort: [{ field: 'id' }],
      })
    ).items;

  it('catches up, then applies live sqlite.events, writing the checkpoint with the documents', async () => {
    await append('doetank-a', shared('a', 'Rapport 1'), shared('a', 'Film 1'));
    await append('doetank-b', newEvent('DoetankStarted', { doetankId: 'b' }), shared('b', 'Tool 1'));
    const runner = new ProjectionRunner(resultCounts(), sqlite.events, sqlite.reads, {
      batchSize: 2,
    }).start();

    const head = (await append('doetank-a', shared('a', 'Rapport 2'))).position;
    expect(await runner.waitForPosition(head, 5000)).toBe(true);

    expect(await documents()).toEqual([
      expect.objectContaining({ id: 'a', results: 3, titles: ['Rapport 1', 'Film 1', 'Rapport 2'] }),
      expect.objectContaining({ id: 'b', results: 1, titles: ['Tool 1'] }),
    ]);
    expect(runner.status()).toMatchObject({ state: 'live', position: head, version: 1 });
    expect(await sqlite.reads.getCheckpoint(checkpointName('result_counts', 1))).toMatchObject({
      position: head,
      state: 'running',
    });
    expect(await runner.statusWithLag()).toMatchObject({ lagEvents: 0, lagSeconds: 0 });
    await runner.stop();
    expect(runner.status().state).toBe('stopped');
  });

  it('reports every change of its status: the start, each position written, live, stopped', async () => {
    await append('doetank-a', shared('a', 'R1'), shared('a', 'R2'));
    const reported: { state: string; position: number; written: number }[] = [];
    const runner = new ProjectionRunner(resultCounts(), sqlite.events, sqlite.reads, {
      batchSize: 1,
      onStatus: ({ state, position }, written) => reported.push({ state, position, written }),
    }).start();
    expect(await runner.waitForPosition(2, 5000)).toBe(true);
    const { position } = await append('doetank-b', shared('b', 'T1'));
    expect(await runner.waitForPosition(position, 5000)).toBe(true);
    await runner.stop();

    expect(reported[0]).toEqual({ state: 'catching-up', position: 0, written: 0 });
    expect(reported).toContainEqual({ state: 'catching-up', position: 1, written: 1 });
    expect(reported).toContainEqual({ state: 'live', position: 2, written: 2 });
    expect(reported).toContainEqual({ state: 'live', position, written: position });
    expect(reported[reported.length - 1]).toEqual({ state: 'stopped', position, written: position });
    // Positions reported never go back, and none is reported before it is written.
    const written = reported.map((r) => r.written);
    expect(written).toEqual([...written].sort((a, b) => a - b));
    expect(reported.every((r) => r.position === r.written)).toBe(true);
  });

  it('resumes from its checkpoint after a restart, applying each event once', async () => {
    await append('doetank-a', shared('a', 'R1'));
    const first = new ProjectionRunner(resultCounts(), sqlite.events, sqlite.reads).start();
    expect(await first.waitForPosition(1, 5000)).toBe(true);
    await first.stop();

    const { position } = await append('doetank-a', shared('a', 'R2'));
    const second = new ProjectionRunner(resultCounts(), sqlite.events, sqlite.reads).start();
    expect(await second.waitForPosition(position, 5000)).toBe(true);
    await second.stop();
    expect(await documents()).toEqual([
      expect.objectContaining({ id: 'a', results: 2, titles: ['R1', 'R2'] }),
    ]);
  });

  it('changes nothing when a batch is delivered again', async () => {
    await append('doetank-a', shared('a', 'R1'), shared('a', 'R2'));
    await append('doetank-b', shared('b', 'T1'));
    const runner = new ProjectionRunner(resultCounts(), sqlite.events, sqlite.reads).start();
    expect(await runner.waitForPosition(3, 5000)).toBe(true);
    await runner.stop();
    const before = await documents();

    // Lose the checkpoint, as if the process died after writing documents but before remembering it had.
    await sqlite.reads.applyBatch({
      checkpoints: [{ name: checkpointName('result_counts', 1), position: 0 }],
    });
    const again = new ProjectionRunner(resultCounts(), sqlite.events, sqlite.reads).start();
    expect(await again.waitForPosition(3, 5000)).toBe(true);
    await again.stop();

    expect(await documents()).toEqual(before);
  });

  it('retries a failing event, then stops as failed at its position without skipping it', async () => {
    await append('doetank-a', shared('a', 'R1'));
    const bad = await append('doetank-a', shared('a', 'Kapot'));
    await append('doetank-a', shared('a', 'R3'));
    const warnings: string[] = [];
    const runner = new ProjectionRunner(resultCounts('Kapot'), sqlite.events, sqlite.reads, {
      maxAttempts: 3,
      retryDelayMs: 1,
      batchSize: 1,
      logger: { log: () => undefined, warn: (m) => warnings.push(m), error: () => undefined },
    });
    await runner.start().done();

    expect(runner.status()).toMatchObject({ state: 'failed', failedPosition: bad.position, position: 1 });
    expect(warnings).toHaveLength(2);
    expect(await sqlite.reads.getCheckpoint(checkpointName('result_counts', 1))).toMatchObject({
      state: 'failed',
      position: 1,
      failedPosition: bad.position,
      error: expect.stringContaining('cannot project Kapot'),
    });
    expect(await documents()).toEqual([expect.objectContaining({ results: 1, titles: ['R1'] })]);
  });

  it('keeps retrying while the read store fails, and goes on when it is back', async () => {
    await append('doetank-a', shared('a', 'R1'), shared('a', 'R2'));
    let failures = 3;
    // The read store "goes away" for three batches: a server outage (transient), not a bug in the projection.
    const flaky = Object.assign(Object.create(sqlite.reads) as SqliteReadStore, {
      applyBatch: (batch: Parameters<SqliteReadStore['applyBatch']>[0]) =>
        failures-- > 0
          ? Promise.reject(new StoreUnavailableError('SQLite', 'applyBatch', 'connection lost'))
          : sqlite.reads.applyBatch(batch),
    });
    const warnings: string[] = [];
    const runner = new ProjectionRunner(resultCounts(), sqlite.events, flaky, {
      maxAttempts: 1,
      retryDelayMs: 1,
      logger: { log: () => undefined, warn: (m) => warnings.push(m), error: () => undefined },
    }).start();

    expect(await runner.waitForPosition(2, 5000)).toBe(true);
    expect(runner.status().state).not.toBe('failed');
    expect(warnings.filter((w) => w.includes('connection lost'))).toHaveLength(3);
    expect(await documents()).toEqual([expect.objectContaining({ id: 'a', results: 2 })]);
    await runner.stop();
  });

  it('rebuilds into a new version while readers keep the old one, then switches them over', async () => {
    await append('doetank-a', shared('a', 'R1'), shared('a', 'R2'));
    const live = new ProjectionRunner(resultCounts(), sqlite.events, sqlite.reads).start();
    expect(await live.waitForPosition(2, 5000)).toBe(true);

    const progress: number[] = [];
    const result = await rebuildProjection(resultCounts(), sqlite.events, sqlite.reads, {
      batchSize: 1,
      onProgress: (status) => progress.push(status.position),
    });

    expect(result).toMatchObject({ version: 2, previousVersion: 1, position: 2, events: 2 });
    expect(progress).toEqual([1, 2]);
    expect(await sqlite.reads.collectionVersions('result_counts')).toEqual({
      name: 'result_counts',
      active: 2,
      versions: [2],
    });
    expect(await documents()).toEqual([expect.objectContaining({ id: 'a', results: 2 })]);

    // The live runner follows the switch and keeps projecting into the new version.
    const { position } = await append('doetank-a', shared('a', 'R3'));
    await waitUntil(async () => (await documents())[0]?.results === 3);
    expect(live.status()).toMatchObject({ version: 2 });
    expect(live.status().position).toBeGreaterThanOrEqual(position);
    await live.stop();
  });

  describe('with documents kept in memory (rebuild mode)', () => {
    /** Results spread over five Doetanks in an order that keeps evicting and reloading them. */
    const appendSpread = async (count: number) => {
      for (let i = 0; i < count; i++) {
        const doetank = 'abcde'[(i * 3 + Math.floor(i / 5)) % 5];
        await append(`doetank-${doetank}`, shared(doetank, `R${i}`));
      }
    };

    it('evicts the least recently used documents and writes the same documents as without memory', async () => {
      await appendSpread(40);
      const plain = new ProjectionRunner(resultCounts(), sqlite.events, sqlite.reads, {
        batchSize: 3,
      }).start();
      expect(await plain.waitForPosition(40, 5000)).toBe(true);
      await plain.stop();

      let loads = 0;
      const writes: number[] = [];
      const counting = Object.assign(Object.create(sqlite.reads) as SqliteReadStore, {
        getMany: (...args: Parameters<SqliteReadStore['getMany']>) => {
          loads += args[1].length;
          return sqlite.reads.getMany(...args);
        },
        applyBatch: (batch: Parameters<SqliteReadStore['applyBatch']>[0]) => {
          writes.push(batch.checkpoints?.[0]?.position ?? -1);
          return sqlite.reads.applyBatch(batch);
        },
      });
      const rebuild = async (version: number, cacheDocuments: number, trackWrittenIds = false) => {
        loads = 0;
        writes.length = 0;
        const runner = new ProjectionRunner(resultCounts(), sqlite.events, counting, {
          version,
          stopWhenCaughtUp: true,
          batchSize: 3,
          cacheDocuments,
          flushEvery: 7,
          trackWrittenIds,
        });
        await runner.start().done();
        expect(runner.status()).toMatchObject({ state: 'live', position: 40 });
        expect(await documents(version)).toEqual(await documents());
        expect(await sqlite.reads.getCheckpoint(checkpointName('result_counts', version))).toMatchObject({
          position: 40,
        });
      };

      // Room for every document: each is loaded once, and written every 7 events (whole batches) and at the end.
      await rebuild(2, 100);
      expect((await documents(2)).map((d) => d.results)).toEqual([8, 8, 8, 8, 8]);
      expect(loads).toBe(5);
      expect(writes).toEqual([9, 18, 27, 36, 40]);

      // Room for two: written whenever memory overflows, evicted ones loaded again, the same documents in the end.
      await rebuild(3, 2);
      const loadsWithoutTracking = loads;
      expect(loads).toBeGreaterThan(5);
      expect(writes.length).toBeGreaterThan(5);

      // Knowing what it wrote into the empty version, a rebuild reads only documents it wrote and let go of.
      await rebuild(4, 100, true);
      expect(loads).toBe(0);
      await rebuild(5, 2, true);
      expect(loads).toBeGreaterThan(0);
      expect(loads).toBe(loadsWithoutTracking - 5);
    });

    it('writes the documents in hand with the failure, and nothing of the failing batch', async () => {
      await append('doetank-a', shared('a', 'R1'), shared('a', 'R2'));
      const bad = await append('doetank-a', shared('a', 'Kapot'));
      const runner = new ProjectionRunner(resultCounts('Kapot'), sqlite.events, sqlite.reads, {
        version: 2,
        stopWhenCaughtUp: true,
        maxAttempts: 1,
        batchSize: 1,
        cacheDocuments: 100,
        flushEvery: 100,
      });
      await runner.start().done();

      expect(runner.status()).toMatchObject({ state: 'failed', position: 2, failedPosition: bad.position });
      expect(await sqlite.reads.getCheckpoint(checkpointName('result_counts', 2))).toMatchObject({
        state: 'failed',
        position: 2,
      });
      expect(await documents(2)).toEqual([expect.objectContaining({ results: 2, titles: ['R1', 'R2'] })]);
    });

    it('resumes a rebuild that died between writes and ends with every index built', async () => {
      const indexed = (): Projection => ({
        ...resultCounts(),
        collections: [
          {
            name: 'result_counts',
            arrayFields: ['titles'],
            indexes: [
              { name: 'by_results', fields: [{ field: 'results', order: 'desc' }] },
              { name: 'by_title', fields: [{ field: 'titles' }] },
            ],
          },
        ],
      });
      await appendSpread(30);
      const live = new ProjectionRunner(indexed(), sqlite.events, sqlite.reads).start();
      expect(await live.waitForPosition(30, 5000)).toBe(true);
      await live.stop();
      const expected = await documents();

      // The process "dies" at its second write: that write and everything after it never happen.
      let writesLeft = 1;
      const dying = Object.assign(Object.create(sqlite.reads) as SqliteReadStore, {
        applyBatch: (batch: Parameters<SqliteReadStore['applyBatch']>[0]) =>
          writesLeft-- > 0 ? sqlite.reads.applyBatch(batch) : new Promise<void>(() => undefined),
      });
      void rebuildProjection(indexed(), sqlite.events, dying, {
        batchSize: 4,
        cacheDocuments: 3,
        flushEvery: 8,
      });
      await waitUntil(async () => writesLeft < 0);
      const interrupted = await sqlite.reads.getCheckpoint(checkpointName('result_counts', 2));
      expect(interrupted?.position).toBeGreaterThan(0);
      expect(interrupted?.position).toBeLessThan(30);
      const schema = () =>
        sqlite.db
          .prepare("SELECT name FROM sqlite_schema WHERE name LIKE 'rs_result_counts__v2%' ORDER BY name")
          .pluck()
          .all();
      expect(schema()).toEqual(['rs_result_counts__v2']);

      const result = await rebuildProjection(indexed(), sqlite.events, sqlite.reads, { batchSize: 4 });
      expect(result).toMatchObject({ version: 2, previousVersion: 1, position: 30 });
      expect(result.events).toBe(30 - interrupted!.position);
      expect(await documents()).toEqual(expected);
      expect(schema()).toEqual([
        'rs_result_counts__v2',
        'rs_result_counts__v2__ix_by_results',
        'rs_result_counts__v2__mk_by_title',
        'rs_result_counts__v2__mk_by_title__ad',
        'rs_result_counts__v2__mk_by_title__ai',
        'rs_result_counts__v2__mk_by_title__au',
      ]);
      expect((await sqlite.reads.find('result_counts', { filter: { titles: 'R7' } })).items).toHaveLength(1);
    });
  });
});

async function waitUntil(condition: () => Promise<boolean>, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
