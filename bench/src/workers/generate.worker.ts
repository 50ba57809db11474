import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { performance } from 'node:perf_hooks';
import { openSqliteDatabase } from '@app/event-store/adapters/sqlite/sqlite-database';
import { SqliteEventStore } from '@app/event-store/adapters/sqlite/sqlite-event-store';
import { serveCalls, type Progress } from '../ipc';
import { throttle } from '../measure';
import { appendChunks, generatorHash, membersNamed, type CachedStore, type StoreMeta } from '../synthetic';

export interface GenerateParams {
  size: string;
  events: number;
  seed: number;
  store: CachedStore;
}

/**
 * Writes the synthetic network into a new SQLite event store through the real adapter, once per size and seed.
 * It is a cache, not a measurement: `synchronous = NORMAL`, and written under a temporary name that is renamed
 * only when complete, so an interrupted generation is never mistaken for a finished one.
 */
async function generate(params: GenerateParams, progress: (p: Progress) => void): Promise<StoreMeta> {
  const { store } = params;
  mkdirSync(dirname(store.file), { recursive: true });
  const partial = `${store.file}.partial`;
  for (const file of [partial, `${partial}-wal`, `${partial}-shm`]) rmSync(file, { force: true });

  const started = performance.now();
  const db = openSqliteDatabase(partial, { synchronous: 'NORMAL' });
  const events = new SqliteEventStore(db);
  const report = throttle((done: number) => progress({ label: 'generate', done, total: params.events }));

  let eventCount = 0;
  let appends = 0;
  const streams = new Set<string>();
  const doetankEvents = new Map<string, number>();
  const memberEvents = new Map<string, number>();
  const years: Record<string, number> = {};
  for (const chunk of appendChunks(params, 1000)) {
    for (const append of chunk) {
      await events.appendToStream(append.streamId, append.events, append.expectedRevision);
      appends++;
      streams.add(append.streamId);
      for (const event of append.events) {
        const data = event.data as Record<string, unknown>;
        if (typeof data.doetankId === 'string') {
          doetankEvents.set(data.doetankId, (doetankEvents.get(data.doetankId) ?? 0) + 1);
        }
        for (const member of new Set(membersNamed(event.type, data))) {
          memberEvents.set(member, (memberEvents.get(member) ?? 0) + 1);
        }
        const year = event.metadata.occurredAt.slice(0, 4);
        years[year] = (years[year] ?? 0) + 1;
      }
      eventCount += append.events.length;
    }
    report(eventCount);
  }
  await events.close();
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
  renameSync(partial, store.file);

  const busiest = (counts: Map<string, number>) => {
    let best = { id: '', events: -1 };
    for (const [id, n] of counts) if (n > best.events) best = { id, events: n };
    return best;
  };
  const meta: StoreMeta = {
    size: params.size,
    seed: params.seed,
    generator: generatorHash(),
    events: eventCount,
    appends,
    streams: streams.size,
    busiestDoetank: busiest(doetankEvents),
    busiestMember: busiest(memberEvents),
    years,
    generatedInSeconds: (performance.now() - started) / 1000,
  };
  writeFileSync(store.metaFile, `${JSON.stringify(meta, null, 2)}\n`);
  return meta;
}

serveCalls({ generate });
