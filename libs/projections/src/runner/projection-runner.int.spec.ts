import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Database } from 'better-sqlite3';
import { openSqliteDatabase, SqliteEventStore } from '@app/event-store';
import { newEvent } from '@app/event-store/testing';
import { SqliteReadStore } from '@app/read-store';
import type { ProjectedDocument, Projection, ProjectionEvent } from '../projection';
import { checkpointName, ProjectionRunner } from './projection-runner';
import { rebuildProjection } from './rebuild';

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
  let dir: string;
  let db: Database;
  let events: SqliteEventStore;
  let reads: SqliteReadStore;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'slimmernetwerk-runner-'));
    db = openSqliteDatabase(join(dir, 'test.db'));
    events = new SqliteEventStore(db, { pollIntervalMs: 10 });
    reads = new SqliteReadStore(db);
  });
  afterEach(async () => {
    await events.close();
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const append = async (stream: string, ...batch: ReturnType<typeof shared>[]) =>
    events.appendToStream(stream, batch, 'any');

  const documents = async (version?: number) =>
    (
      await reads.find<ResultCount>(version ? { name: 'result_counts', version } : 'result_counts', {
        sort: [{ field: 'id' }],
      })
    ).items;

  it('catches up, then applies live events, writing the checkpoint with the documents', async () => {
    await append('doetank-a', shared('a', 'Rapport 1'), shared('a', 'Film 1'));
    await append('doetank-b', newEvent('DoetankStarted', { doetankId: 'b' }), shared('b', 'Tool 1'));
    const runner = new ProjectionRunner(resultCounts(), events, reads, { batchSize: 2 }).start();

    const head = (await append('doetank-a', shared('a', 'Rapport 2'))).position;
    expect(await runner.waitForPosition(head, 5000)).toBe(true);

    expect(await documents()).toEqual([
      expect.objectContaining({ id: 'a', results: 3, titles: ['Rapport 1', 'Film 1', 'Rapport 2'] }),
      expect.objectContaining({ id: 'b', results: 1, titles: ['Tool 1'] }),
    ]);
    expect(runner.status()).toMatchObject({ state: 'live', position: head, version: 1 });
    expect(await reads.getCheckpoint(checkpointName('result_counts', 1))).toMatchObject({
      position: head,
      state: 'running',
    });
    expect(await runner.statusWithLag()).toMatchObject({ lagEvents: 0, lagSeconds: 0 });
    await runner.stop();
    expect(runner.status().state).toBe('stopped');
  });

  it('resumes from its checkpoint after a restart, applying each event once', async () => {
    await append('doetank-a', shared('a', 'R1'));
    const first = new ProjectionRunner(resultCounts(), events, reads).start();
    expect(await first.waitForPosition(1, 5000)).toBe(true);
    await first.stop();

    const { position } = await append('doetank-a', shared('a', 'R2'));
    const second = new ProjectionRunner(resultCounts(), events, reads).start();
    expect(await second.waitForPosition(position, 5000)).toBe(true);
    await second.stop();
    expect(await documents()).toEqual([
      expect.objectContaining({ id: 'a', results: 2, titles: ['R1', 'R2'] }),
    ]);
  });

  it('changes nothing when a batch is delivered again', async () => {
    await append('doetank-a', shared('a', 'R1'), shared('a', 'R2'));
    await append('doetank-b', shared('b', 'T1'));
    const runner = new ProjectionRunner(resultCounts(), events, reads).start();
    expect(await runner.waitForPosition(3, 5000)).toBe(true);
    await runner.stop();
    const before = await documents();

    // Lose the checkpoint, as if the process died after writing documents but before remembering it had.
    await reads.applyBatch({ checkpoints: [{ name: checkpointName('result_counts', 1), position: 0 }] });
    const again = new ProjectionRunner(resultCounts(), events, reads).start();
    expect(await again.waitForPosition(3, 5000)).toBe(true);
    await again.stop();

    expect(await documents()).toEqual(before);
  });

  it('retries a failing event, then stops as failed at its position without skipping it', async () => {
    await append('doetank-a', shared('a', 'R1'));
    const bad = await append('doetank-a', shared('a', 'Kapot'));
    await append('doetank-a', shared('a', 'R3'));
    const warnings: string[] = [];
    const runner = new ProjectionRunner(resultCounts('Kapot'), events, reads, {
      maxAttempts: 3,
      retryDelayMs: 1,
      batchSize: 1,
      logger: { log: () => undefined, warn: (m) => warnings.push(m), error: () => undefined },
    });
    await runner.start().done();

    expect(runner.status()).toMatchObject({ state: 'failed', failedPosition: bad.position, position: 1 });
    expect(warnings).toHaveLength(2);
    expect(await reads.getCheckpoint(checkpointName('result_counts', 1))).toMatchObject({
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
    // The read store "goes away" for three batches: a server outage, not a bug in the projection.
    const flaky = Object.assign(Object.create(reads) as SqliteReadStore, {
      applyBatch: (batch: Parameters<SqliteReadStore['applyBatch']>[0]) =>
        failures-- > 0 ? Promise.reject(new Error('connection lost')) : reads.applyBatch(batch),
    });
    const warnings: string[] = [];
    const runner = new ProjectionRunner(resultCounts(), events, flaky, {
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
    const live = new ProjectionRunner(resultCounts(), events, reads).start();
    expect(await live.waitForPosition(2, 5000)).toBe(true);

    const progress: number[] = [];
    const result = await rebuildProjection(resultCounts(), events, reads, {
      batchSize: 1,
      onProgress: (status) => progress.push(status.position),
    });

    expect(result).toMatchObject({ version: 2, previousVersion: 1, position: 2, events: 2 });
    expect(progress).toEqual([1, 2]);
    expect(await reads.collectionVersions('result_counts')).toEqual({
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
});

async function waitUntil(condition: () => Promise<boolean>, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
