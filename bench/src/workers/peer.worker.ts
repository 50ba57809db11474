import { STREAM_DOES_NOT_EXIST, type ExpectedStreamVersion } from '@event-driven-io/emmett';
import {
  appendToStream as emmettAppend,
  createEventStoreSchema,
  getSQLiteEventStore,
  readStream as emmettRead,
  sqliteConnection,
} from '@event-driven-io/emmett-sqlite';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { SyntheticAppend } from '@app/contracts/testing/synthetic-network';
import { openSqliteDatabase } from '@app/event-store/adapters/sqlite/sqlite-database';
import { SqliteEventStore } from '@app/event-store/adapters/sqlite/sqlite-event-store';
import { serveCalls, type Progress } from '../ipc';
import { appendChunks } from '../synthetic';
import { retryBusy } from '../baselines/emmett-retry';

export interface PeerParams {
  events: number;
  seed: number;
  /** The first this many events of the generated appends go through each store. */
  maxEvents: number;
}

export interface PeerRun {
  store: string;
  /** The SQLite settings the store ran with (journal mode, synchronous). */
  settings: string;
  /** Appends tried again after SQLITE_BUSY (see {@link retryBusy}). */
  retries: number;
  /** Failed `PRAGMA journal_mode = WAL` statements, reported by the driver as uncaught errors (see below). */
  walPragmaErrors: number;
  appendSeconds: number;
  appendEventsPerSecond: number;
  readSeconds: number;
  readEventsPerSecond: number;
}

export interface PeerResult {
  events: number;
  appends: number;
  streams: number;
  runs: PeerRun[];
}

/** One event store as the comparison drives it: append one generated append, read one whole stream. */
interface Contender {
  name: string;
  open(file: string): Promise<{
    settings: string;
    append(append: SyntheticAppend): Promise<unknown>;
    retries(): number;
    /** Reads the whole stream; returns how many events it holds. */
    read(streamId: string): Promise<number>;
    close(): Promise<void>;
  }>;
}

const emmettVersion = (append: SyntheticAppend): ExpectedStreamVersion =>
  append.expectedRevision === 'no_stream' ? STREAM_DOES_NOT_EXIST : BigInt(append.expectedRevision + 1);

const emmettMessages = (append: SyntheticAppend) =>
  append.events.map((event) => ({ type: event.type, data: event.data, metadata: event.metadata }));

const synchronousName = (value: unknown): string =>
  ({ 0: 'OFF', 1: 'NORMAL', 2: 'FULL', 3: 'EXTRA' })[Number(value)] ?? String(value);

const CONTENDERS: Contender[] = [
  {
    name: 'SqliteEventStore (ours)',
    async open(file) {
      const db = openSqliteDatabase(file);
      const store = new SqliteEventStore(db);
      return {
        settings: `${db.pragma('journal_mode', { simple: true })}, synchronous ${synchronousName(db.pragma('synchronous', { simple: true }))}`,
        append: (a) => store.appendToStream(a.streamId, a.events, a.expectedRevision),
        retries: () => 0,
        read: async (streamId) => (await store.readStream(streamId)).length,
        close: async () => {
          await store.close();
          db.close();
        },
      };
    },
  },
  {
    // Emmett's documented entry point. For a file it opens a connection for every call and closes it after.
    name: 'Emmett getSQLiteEventStore',
    async open(file) {
      const store = getSQLiteEventStore({ fileName: file, schema: { autoMigration: 'CreateOrUpdate' } });
      const probe = sqliteConnection({ fileName: file });
      const settings = await emmettSettings(probe);
      probe.close();
      const retry = retryBusy();
      return {
        settings,
        append: (a) =>
          retry.run(() =>
            store.appendToStream(a.streamId, emmettMessages(a), { expectedStreamVersion: emmettVersion(a) }),
          ),
        retries: () => retry.count,
        read: async (streamId) => (await store.readStream(streamId)).events.length,
        close: async () => undefined,
      };
    },
  },
  {
    // The same SQL on one connection kept open, as our adapter does: the storage cost without the reconnects.
    name: 'Emmett appendToStream, one connection',
    async open(file) {
      const connection = sqliteConnection({ fileName: file });
      await createEventStoreSchema(connection);
      const retry = retryBusy();
      return {
        settings: await emmettSettings(connection),
        retries: () => retry.count,
        append: (a) =>
          retry.run(async () => {
            const result = await emmettAppend(
              connection,
              a.streamId,
              a.streamId.split('-')[0],
              emmettMessages(a),
              {
                expectedStreamVersion: emmettVersion(a),
              },
            );
            if (!result.success) throw new Error(`Emmett refused the append to ${a.streamId}`);
          }),
        read: async (streamId) => (await emmettRead(connection, streamId)).events.length,
        close: async () => connection.close(),
      };
    },
  },
];

async function emmettSettings(connection: ReturnType<typeof sqliteConnection>): Promise<string> {
  const journal = await connection.querySingle<{ journal_mode: string }>('PRAGMA journal_mode');
  const sync = await connection.querySingle<{ synchronous: number }>('PRAGMA synchronous');
  return `${journal?.journal_mode}, synchronous ${synchronousName(sync?.synchronous)}`;
}

/**
 * The same generated appends through our store and through Emmett's SQLite event store (each into a fresh file),
 * then every stream read back whole. Each store is warmed up on a throwaway file first. The counts read back are
 * checked, so a store that silently dropped events cannot produce a figure.
 */
async function run(params: PeerParams, progress: (p: Progress) => void): Promise<PeerResult> {
  const appends = [...appendChunks(params, 1000, params.maxEvents)].flat();
  const workload: Workload = {
    appends,
    events: appends.reduce((n, a) => n + a.events.length, 0),
    streams: [...new Set(appends.map((a) => a.streamId))],
  };
  const dir = mkdtempSync(join(tmpdir(), 'slimmernetwerk-bench-peer-'));
  try {
    const runs: PeerRun[] = [];
    for (const [i, contender] of CONTENDERS.entries()) {
      try {
        runs.push(await race(contender, join(dir, `store-${i}`), workload, progress));
      } catch (error) {
        throw new Error(`${contender.name}: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
    return { events: workload.events, appends: appends.length, streams: workload.streams.length, runs };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

interface Workload {
  appends: SyntheticAppend[];
  events: number;
  streams: string[];
}

async function race(
  contender: Contender,
  filePrefix: string,
  { appends, events, streams }: Workload,
  progress: (p: Progress) => void,
): Promise<PeerRun> {
  const walPragmaErrorsBefore = walPragmaErrors;
  const warmup = appends.slice(0, 500);
  const warm = await contender.open(`${filePrefix}-warmup.db`);
  for (const append of warmup) await warm.append(append);
  for (const streamId of new Set(warmup.map((a) => a.streamId))) await warm.read(streamId);
  await warm.close();

  const store = await contender.open(`${filePrefix}.db`);
  let done = 0;
  const appendStarted = performance.now();
  for (const append of appends) {
    await store.append(append);
    if (++done % 500 === 0) progress({ label: `peer ${contender.name}`, done, total: appends.length });
  }
  const appendSeconds = (performance.now() - appendStarted) / 1000;
  let read = 0;
  const readStarted = performance.now();
  for (const streamId of streams) read += await store.read(streamId);
  const readSeconds = (performance.now() - readStarted) / 1000;
  await store.close();
  if (read !== events) throw new Error(`read back ${read} events of ${events}`);
  return {
    store: contender.name,
    settings: store.settings,
    retries: store.retries(),
    walPragmaErrors: walPragmaErrors - walPragmaErrorsBefore,
    appendSeconds,
    appendEventsPerSecond: events / appendSeconds,
    readSeconds,
    readEventsPerSecond: events / readSeconds,
  };
}

// Emmett logs every failed transaction with console.log; this process prints nothing of its own, and the retries
// are counted instead.
console.log = () => undefined;

/*
 * The same unawaited PRAGMA sometimes runs after the append's BEGIN IMMEDIATE on that connection and fails with
 * "cannot change into wal mode from within a transaction". The driver emits that as an 'error' event of a
 * statement nobody listens to, which would end the process. The file is in WAL mode already (the first
 * connection switched it), so the failure is harmless: it is counted, and every other uncaught error still ends
 * the process.
 */
let walPragmaErrors = 0;
process.on('uncaughtException', (error) => {
  if (error.message.includes('cannot change into wal mode from within a transaction')) {
    walPragmaErrors++;
    return;
  }
  console.error(error);
  process.exit(1);
});

serveCalls({ run });
