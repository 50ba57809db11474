import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { SyntheticAppend } from '@app/contracts/testing/synthetic-network';
import { openSqliteDatabase, type SqliteDatabase } from '@app/event-store/adapters/sqlite/sqlite-database';
import { SqliteEventStore } from '@app/event-store/adapters/sqlite/sqlite-event-store';
import { chainHash, GENESIS_HASH } from '@app/event-store/integrity/event-hash';
import { serveCalls, type Progress } from '../ipc';
import type { Synchronous } from '../options';
import { summarize, type LatencySummary } from '../measure';
import { appendChunks } from '../synthetic';

export interface AppendsParams {
  events: number;
  seed: number;
  /** The first this many events of the generated appends are written. */
  maxEvents: number;
  synchronous: Synchronous;
}

export interface AppendRun {
  seconds: number;
  eventsPerSecond: number;
  appendsPerSecond: number;
  /** Per append, in milliseconds. */
  latency: LatencySummary;
}

export interface AppendsResult {
  events: number;
  appends: number;
  synchronous: string;
  store: AppendRun;
  raw: AppendRun;
  /** The raw baseline plus each event's chain hash, computed and stored (absent in results from before hashing). */
  rawHashed?: AppendRun;
  /** The chain hash alone (SHA-256 over the stored JSON), in microseconds per event, without the database. */
  hashMicrosPerEvent?: number;
}

/** How one side appends one generated append (synchronously done when the promise settles). */
type Appender = (append: SyntheticAppend) => Promise<unknown> | unknown;

/** The store under test: SqliteEventStore.appendToStream, as the command side calls it. */
function storeAppender(db: SqliteDatabase): Appender {
  const store = new SqliteEventStore(db);
  return (append) => store.appendToStream(append.streamId, append.events, append.expectedRevision);
}

/**
 * The baseline: the same rows into the same tables (created by the adapter itself), with plain better-sqlite3
 * statements, one IMMEDIATE transaction per append. What the adapter does beyond this (the idempotency lookup,
 * the expected-revision check, notifying subscriptions, promises) is its overhead.
 */
function rawAppender(db: SqliteDatabase, hashed = false): Appender {
  SqliteEventStore.migrate(db);
  const insertEvent = db.prepare<[string, string, number, string, string, string, string | null]>(
    `INSERT INTO events (event_id, stream_id, revision, type, data, metadata, hash)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  );
  const upsertStream = db.prepare<[string, number, number, string | null]>(
    `INSERT INTO streams (stream_id, revision, position, hash) VALUES (?, ?, ?, ?)
     ON CONFLICT (stream_id) DO UPDATE
     SET revision = excluded.revision, position = excluded.position, hash = excluded.hash`,
  );
  const selectHead = db.prepare<[string], { hash: string | null }>(
    'SELECT hash FROM streams WHERE stream_id = ?',
  );
  const write = db.transaction((append: SyntheticAppend) => {
    let revision = append.expectedRevision === 'no_stream' ? -1 : append.expectedRevision;
    let position = 0;
    // With hashing, the head's hash is read as the adapter reads it (the adapter reads the row anyway, for the
    // revision check; the plain baseline does not).
    let hash: string | null = hashed ? (selectHead.get(append.streamId)?.hash ?? GENESIS_HASH) : null;
    for (const event of append.events) {
      revision++;
      const data = JSON.stringify(event.data);
      const metadata = JSON.stringify(event.metadata);
      if (hash !== null) {
        hash = chainHash(hash, {
          streamId: append.streamId,
          revision,
          id: event.id,
          type: event.type,
          data,
          metadata,
        });
      }
      const inserted = insertEvent.run(event.id, append.streamId, revision, event.type, data, metadata, hash);
      position = Number(inserted.lastInsertRowid);
    }
    upsertStream.run(append.streamId, revision, position, hash);
  });
  return (append) => write.immediate(append);
}

/** The chain hash alone over the generated events (generated and serialised first), in microseconds per event. */
function hashCost(params: AppendsParams): number {
  const events: { streamId: string; id: string; type: string; data: string; metadata: string }[] = [];
  for (const chunk of appendChunks(params, 500, params.maxEvents)) {
    for (const append of chunk) {
      for (const event of append.events) {
        events.push({
          streamId: append.streamId,
          id: event.id,
          type: event.type,
          data: JSON.stringify(event.data),
          metadata: JSON.stringify(event.metadata),
        });
      }
    }
  }
  const hashAll = () => {
    let hash = GENESIS_HASH;
    events.forEach((event, revision) => (hash = chainHash(hash, { ...event, revision })));
  };
  hashAll(); // warm-up: the JIT sees the hash before it is timed
  const started = performance.now();
  hashAll();
  return ((performance.now() - started) * 1000) / Math.max(1, events.length);
}

/**
 * Appends the generated appends through the store and through the raw baseline, each into its own fresh file with
 * the app's pragmas (WAL, and the synchronous setting of the run: FULL by default, as the app). Chunks alternate which side goes first, so a busy moment
 * of the machine hits both alike; only the appends themselves are timed, not generating them.
 */
async function run(params: AppendsParams, progress: (p: Progress) => void): Promise<AppendsResult> {
  const dir = mkdtempSync(join(tmpdir(), 'slimmernetwerk-bench-appends-'));
  try {
    // Warm-up on throwaway files: the JIT and the page cache see both paths before anything is measured.
    await measure(dir, 'warmup', { ...params, maxEvents: Math.min(params.maxEvents, 2000) }, () => undefined);
    const result = await measure(dir, 'measured', params, (done) =>
      progress({ label: 'appends', done, total: params.maxEvents }),
    );
    return { ...result, hashMicrosPerEvent: hashCost(params) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function measure(
  dir: string,
  name: string,
  params: AppendsParams,
  onProgress: (events: number) => void,
): Promise<AppendsResult> {
  const storeDb = openSqliteDatabase(join(dir, `${name}-store.db`), { synchronous: params.synchronous });
  const rawDb = openSqliteDatabase(join(dir, `${name}-raw.db`), { synchronous: params.synchronous });
  const hashedDb = openSqliteDatabase(join(dir, `${name}-raw-hashed.db`), {
    synchronous: params.synchronous,
  });
  const sides = [
    { append: storeAppender(storeDb), ms: 0, samples: [] as number[] },
    { append: rawAppender(rawDb), ms: 0, samples: [] as number[] },
    { append: rawAppender(hashedDb, true), ms: 0, samples: [] as number[] },
  ];
  let events = 0;
  let appends = 0;
  let chunkNo = 0;
  for (const chunk of appendChunks(params, 500, params.maxEvents)) {
    const order = chunkNo++ % 2 === 0 ? sides : [...sides].reverse();
    for (const side of order) {
      const started = performance.now();
      for (const append of chunk) {
        const t = performance.now();
        await side.append(append);
        side.samples.push(performance.now() - t);
      }
      side.ms += performance.now() - started;
    }
    appends += chunk.length;
    events += chunk.reduce((n, a) => n + a.events.length, 0);
    onProgress(events);
  }
  const synchronous = String(storeDb.pragma('synchronous', { simple: true }));
  storeDb.close();
  rawDb.close();
  hashedDb.close();
  const result = (side: (typeof sides)[number]): AppendRun => ({
    seconds: side.ms / 1000,
    eventsPerSecond: events / (side.ms / 1000),
    appendsPerSecond: appends / (side.ms / 1000),
    latency: summarize(side.samples),
  });
  return {
    events,
    appends,
    synchronous: synchronous === '2' ? 'FULL' : synchronous === '1' ? 'NORMAL' : synchronous,
    store: result(sides[0]),
    raw: result(sides[1]),
    rawHashed: result(sides[2]),
  };
}

serveCalls({ run });
