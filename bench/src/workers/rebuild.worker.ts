import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { rmSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { EVENT_STORE, type EventStore } from '@app/event-store';
import { openSqliteDatabase } from '@app/event-store/adapters/sqlite/sqlite-database';
import { PERSONAL_DATA_TRANSFORMER, type PersonalDataReader } from '@app/privacy';
import { ALL_PROJECTIONS } from '@app/projections';
import { READ_STORE, type ReadDocument, type ReadStore } from '@app/read-store';
import { SqliteReadStore } from '@app/read-store/adapters/sqlite/sqlite-read-store';
import { physicalTable } from '@app/read-store/adapters/sqlite/sqlite-layout';
import { StoresModule } from '@app/stores';
import { loadProjectorConfig } from '../../../apps/projector/src/config/projector.config';
import {
  closeLanes,
  DEFAULT_REBUILD_JOBS,
  openRebuildLanes,
} from '../../../apps/projector/src/rebuild/open-lanes';
import { rebuildOnLanes, rebuildOrder } from '../../../apps/projector/src/rebuild/rebuild-lanes';
import { serveCalls, type Progress } from '../ipc';
import type { Synchronous } from '../options';
import { RssSampler, throttle } from '../measure';

export interface RebuildParams {
  file: string;
  batchSize: number;
  synchronous: Synchronous;
}

export interface RebuildResult {
  head: number;
  seconds: number;
  /** Rebuild lanes (threads) used. */
  lanes: number;
  /** RSS with the stores open, before the first event is read. */
  idleRssBytes: number;
  peakRssBytes: number;
  /**
   * Per projection: `events` is the span of the log it rebuilt (0 to the head: it reads only the event types it
   * handles, `handled` of them, and skips the rest in the store's query), `seconds` its wall time.
   */
  projections: { name: string; events: number; handled: number; seconds: number }[];
}

export interface BaselineParams {
  file: string;
  batchSize: number;
  synchronous: Synchronous;
  /** A file for the fresh tables the baseline writes into (deleted afterwards). */
  scratchFile: string;
}

export interface BaselineResult {
  /** Reading every event once, in batches, through readAll. */
  read: { events: number; seconds: number };
  /**
   * Per projection: reading the events of the types it handles once (`readEvents` in `readSeconds`), and writing its
   * final documents once into fresh tables of the same shape, indexes built after the inserts as the rebuild does
   * (`seconds`, of which `indexSeconds` building the indexes).
   */
  writes: {
    name: string;
    documents: number;
    seconds: number;
    indexSeconds: number;
    readEvents: number;
    readSeconds: number;
  }[];
}

const projectorConfig = ({ file, synchronous }: { file: string; synchronous: Synchronous }) =>
  loadProjectorConfig({ SQLITE_FILE: file, SQLITE_SYNCHRONOUS: synchronous, LOG_LEVEL: 'silent' });

/** The projector's stores, opened the way `npm run projections:rebuild` opens them (a Nest context, its config). */
async function projectorStores(params: { file: string; synchronous: Synchronous }) {
  const config = projectorConfig(params);
  const context = await NestFactory.createApplicationContext(StoresModule.forRoot(config.stores), {
    logger: false,
  });
  return {
    context,
    eventStore: context.get<EventStore>(EVENT_STORE),
    readStore: context.get<ReadStore>(READ_STORE),
    // Forgotten members stay forgotten in rebuilt read models: the rebuild opens personal data as the CLI does.
    personalData: context.get<PersonalDataReader>(PERSONAL_DATA_TRANSFORMER),
  };
}

/** Lanes of the rebuild: `projections:rebuild all`'s default, or BENCH_REBUILD_JOBS (as its `--jobs`). */
const rebuildJobs = (): number => {
  const jobs = Number(process.env.BENCH_REBUILD_JOBS ?? DEFAULT_REBUILD_JOBS);
  if (!Number.isInteger(jobs) || jobs < 1 || jobs > 16) throw new Error('BENCH_REBUILD_JOBS: 1 to 16');
  return jobs;
};

/**
 * Rebuilds every projection from position 0 to the head as `projections:rebuild all` does: on its lanes (this
 * thread, and worker threads with more than one), the projections reading more event types first, timing each;
 * RSS of the process (all its threads) is sampled every 100 ms and on every batch's progress.
 */
async function rebuild(params: RebuildParams, progress: (p: Progress) => void): Promise<RebuildResult> {
  const rss = new RssSampler().start(100);
  const { context, eventStore, readStore, personalData } = await projectorStores(params);
  const config = projectorConfig(params);
  const lanes = await openRebuildLanes(
    rebuildJobs(),
    { eventStore, readStore, personalData },
    { stores: config.stores, batchSize: params.batchSize },
  );
  try {
    const idleRssBytes = process.memoryUsage.rss();
    const head = (await eventStore.headPosition()) ?? 0;
    const projections: RebuildResult['projections'] = [];
    const report = throttle((label: string, position: number) =>
      progress({ label: `rebuild ${label}`, done: position, total: head }),
    );
    const started = performance.now();
    await rebuildOnLanes(rebuildOrder(ALL_PROJECTIONS), lanes, {
      progress: (name, position) => {
        rss.sample();
        report(name, position);
      },
      finished: (name, result, seconds) =>
        projections.push({ name, events: Math.max(head, result.position), handled: result.events, seconds }),
    });
    const seconds = (performance.now() - started) / 1000;
    projections.sort(
      (a, b) =>
        ALL_PROJECTIONS.findIndex((p) => p.name === a.name) -
        ALL_PROJECTIONS.findIndex((p) => p.name === b.name),
    );
    return { head, seconds, idleRssBytes, peakRssBytes: rss.peak, lanes: lanes.length, projections };
  } finally {
    rss.stop();
    await closeLanes(lanes);
    await context.close();
  }
}

/**
 * The rebuild's raw baseline, on the rebuilt store: per projection, read the events of the types it handles once
 * through readAll in the projector's batch size, and write its final documents (as the rebuild left them) once into
 * fresh tables that the read store itself created (same columns, indexes and triggers) with plain INSERTs, one
 * transaction per batch, the indexes deferred and built after the inserts (secondary indexes, multikey side tables
 * and the full-text index: whatever `buildIndexes` builds for the rebuild), as the rebuild does. Only the reading,
 * the inserting (with JSON.stringify) and the index building are timed. The whole log is read once as well, for
 * the report.
 */
async function baseline(params: BaselineParams, progress: (p: Progress) => void): Promise<BaselineResult> {
  const { context, eventStore, readStore } = await projectorStores(params);
  try {
    const head = (await eventStore.headPosition()) ?? 0;
    const report = throttle((done: number) => progress({ label: 'baseline read', done, total: head }));
    let events = 0;
    let after = 0;
    const readStarted = performance.now();
    for (;;) {
      const batch = await eventStore.readAll({ after, maxCount: params.batchSize });
      if (batch.length === 0) break;
      events += batch.length;
      after = batch[batch.length - 1].position;
      report(after);
    }
    const read = { events, seconds: (performance.now() - readStarted) / 1000 };

    const writes: BaselineResult['writes'] = [];
    for (const projection of ALL_PROJECTIONS) {
      let readEvents = 0;
      let readAfter = 0;
      const projectionReadStarted = performance.now();
      for (;;) {
        const batch = await eventStore.readAll({
          after: readAfter,
          maxCount: params.batchSize,
          eventTypes: projection.handles,
        });
        if (batch.length === 0) break;
        readEvents += batch.length;
        readAfter = batch[batch.length - 1].position;
      }
      const readSeconds = (performance.now() - projectionReadStarted) / 1000;

      removeDatabase(params.scratchFile);
      const scratch = openSqliteDatabase(params.scratchFile, { synchronous: params.synchronous });
      try {
        const scratchStore = new SqliteReadStore(scratch);
        await scratchStore.ensureCollections(projection.collections, { version: 1, deferIndexes: true });
        let documents = 0;
        let ms = 0;
        for (const collection of projection.collections) {
          const total = await readStore.count(collection.name);
          const report = throttle((done: number) =>
            progress({ label: `baseline write ${collection.name}`, done, total }),
          );
          const insert = scratch.prepare<[string, string]>(
            `INSERT INTO "${physicalTable(collection.name, 1)}" (id, doc) VALUES (?, ?)`,
          );
          const insertBatch = scratch.transaction((docs: ReadDocument[]) => {
            for (const doc of docs) insert.run(doc.id, JSON.stringify(doc));
          });
          let cursor: string | undefined;
          let written = 0;
          do {
            // Reading the final documents back is preparation, not part of the baseline.
            const page = await readStore.find(collection.name, {
              sort: [{ field: 'id' }],
              limit: params.batchSize,
              after: cursor,
            });
            const t = performance.now();
            insertBatch.immediate(page.items);
            ms += performance.now() - t;
            written += page.items.length;
            cursor = page.nextCursor;
            report(written);
          } while (cursor !== undefined);
          documents += written;
        }
        const t = performance.now();
        for (const collection of projection.collections) await scratchStore.buildIndexes(collection.name, 1);
        const indexMs = performance.now() - t;
        ms += indexMs;
        writes.push({
          name: projection.name,
          documents,
          seconds: ms / 1000,
          indexSeconds: indexMs / 1000,
          readEvents,
          readSeconds,
        });
      } finally {
        scratch.close();
        removeDatabase(params.scratchFile);
      }
    }
    return { read, writes };
  } finally {
    await context.close();
  }
}

function removeDatabase(file: string): void {
  for (const suffix of ['', '-wal', '-shm']) rmSync(`${file}${suffix}`, { force: true });
}

serveCalls({ rebuild, baseline });
