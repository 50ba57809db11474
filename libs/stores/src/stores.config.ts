/**
 * Which adapters hold the events and the read models, and how to reach them. Shared by the api and the projector
 * so both processes agree on the stores; each app validates it as part of its own configuration.
 */
export interface StoresConfig {
  eventStore: 'sqlite' | 'eventstoredb';
  readStore: 'sqlite' | 'mongodb';
  /** The embedded database file of record: events, idempotency records, personal data keys, secrets. */
  sqliteFile: string;
  /** Durability of `sqliteFile` (the read models' file is always NORMAL: it can be rebuilt from the events). */
  sqliteSynchronous: 'FULL' | 'NORMAL';
  /**
   * Commit the writes to `sqliteFile` (appends, idempotency records, personal data keys) on a writer thread with
   * its own connection, so that their fsync does not hold the event loop (SQLITE_WRITER_THREAD; off by default:
   * docs/performance.md, "Commands", says what it measured).
   */
  sqliteWriterThread: boolean;
  /**
   * The embedded read models and their checkpoints, in a file of their own: they are derived data, so its commits
   * are not fsynced one by one (`synchronous = NORMAL`); a power loss can roll back their last transactions,
   * checkpoints included, and the projector applies those events again. Deleting it rebuilds every read model.
   */
  sqliteReadModelsFile: string;
  eventStoreDbUrl?: string;
  /**
   * Deadline of each EventStoreDB read (a stream, a page of $all, the health ping) and of a subscription's
   * confirmation, in ms. The client's own deadlines do not hold for reads; see the adapter.
   */
  eventStoreDbTimeoutMs: number;
  /** Deadline of an EventStoreDB append, in ms: longer than the server's own write timeout (its WriteTimeoutMs). */
  eventStoreDbAppendTimeoutMs: number;
  mongoDbUrl?: string;
  /**
   * Deadline of one MongoDB call (ms): a read, a checkpoint, a version switch, a key or an idempotency record. A
   * batch's transaction, a declaration and an index build have 60 s (MongoDB's own transaction lifetime).
   */
  mongoDbTimeoutMs: number;
}

/** Defaults of the EventStoreDB deadlines (the same as the adapter's, which this file must not load). */
export const EVENTSTOREDB_TIMEOUT_MS_DEFAULT = 5_000;
export const EVENTSTOREDB_APPEND_TIMEOUT_MS_DEFAULT = 10_000;
/** Default of MONGODB_TIMEOUT_MS. */
export const DEFAULT_MONGODB_TIMEOUT_MS = 5_000;

/**
 * Reads and checks the stores' settings. Production adapters need their connection strings: there is no
 * fallback to localhost. Returns the problems found, so the app can list them all at once.
 */
export function readStoresConfig(env: Record<string, string | undefined>): {
  config: StoresConfig;
  problems: string[];
} {
  const problems: string[] = [];
  const eventStore = env.EVENT_STORE ?? 'sqlite';
  const readStore = env.READ_STORE ?? 'sqlite';
  const synchronous = env.SQLITE_SYNCHRONOUS ?? 'FULL';
  if (eventStore !== 'sqlite' && eventStore !== 'eventstoredb') {
    problems.push(`EVENT_STORE=${JSON.stringify(eventStore)}: must be sqlite or eventstoredb`);
  }
  if (readStore !== 'sqlite' && readStore !== 'mongodb') {
    problems.push(`READ_STORE=${JSON.stringify(readStore)}: must be sqlite or mongodb`);
  }
  if (synchronous !== 'FULL' && synchronous !== 'NORMAL') {
    problems.push(`SQLITE_SYNCHRONOUS=${JSON.stringify(synchronous)}: must be FULL or NORMAL`);
  }
  const writerThread = env.SQLITE_WRITER_THREAD ?? 'false';
  if (writerThread !== 'true' && writerThread !== 'false') {
    problems.push(`SQLITE_WRITER_THREAD=${JSON.stringify(writerThread)}: must be true or false`);
  }
  if (eventStore === 'eventstoredb' && !env.EVENTSTOREDB_URL) {
    problems.push(
      'EVENTSTOREDB_URL is required when EVENT_STORE=eventstoredb (e.g. esdb://eventstore:2113?tls=false)',
    );
  }
  if (env.EVENTSTOREDB_URL && !/^esdb(\+discover)?:\/\//.test(env.EVENTSTOREDB_URL)) {
    problems.push('EVENTSTOREDB_URL must start with esdb:// or esdb+discover://');
  }
  if (readStore === 'mongodb' && !env.MONGODB_URL) {
    problems.push(
      'MONGODB_URL is required when READ_STORE=mongodb (e.g. mongodb://mongo:27017/slimmernetwerk?replicaSet=rs0)',
    );
  }
  if (env.MONGODB_URL && !/^mongodb(\+srv)?:\/\//.test(env.MONGODB_URL)) {
    problems.push('MONGODB_URL must start with mongodb:// or mongodb+srv://');
  }
  // The driver ignores timeoutMS since 7.8.0 (a no-op, release notes); the adapters keep their own deadline.
  if (env.MONGODB_URL && /[?&]timeoutMS=/i.test(env.MONGODB_URL)) {
    problems.push('MONGODB_URL: timeoutMS has no effect with this driver; set MONGODB_TIMEOUT_MS instead');
  }
  if (env.SQLITE_FILE !== undefined && env.SQLITE_FILE.trim() === '')
    problems.push('SQLITE_FILE must not be empty');
  if (env.SQLITE_READ_MODELS_FILE !== undefined && env.SQLITE_READ_MODELS_FILE.trim() === '')
    problems.push('SQLITE_READ_MODELS_FILE must not be empty');
  const eventStoreDbTimeoutMs = milliseconds(
    env,
    'EVENTSTOREDB_TIMEOUT_MS',
    EVENTSTOREDB_TIMEOUT_MS_DEFAULT,
    problems,
  );
  const eventStoreDbAppendTimeoutMs = milliseconds(
    env,
    'EVENTSTOREDB_APPEND_TIMEOUT_MS',
    EVENTSTOREDB_APPEND_TIMEOUT_MS_DEFAULT,
    problems,
  );
  const mongoDbTimeoutMs = milliseconds(env, 'MONGODB_TIMEOUT_MS', DEFAULT_MONGODB_TIMEOUT_MS, problems);
  const sqliteFile = env.SQLITE_FILE ?? 'data/slimmernetwerk.db';
  const sqliteReadModelsFile = env.SQLITE_READ_MODELS_FILE ?? readModelsFileBeside(sqliteFile);
  if (sqliteReadModelsFile === sqliteFile && sqliteFile !== ':memory:') {
    problems.push('SQLITE_READ_MODELS_FILE must be another file than SQLITE_FILE');
  }
  return {
    config: {
      eventStore: eventStore as StoresConfig['eventStore'],
      readStore: readStore as StoresConfig['readStore'],
      sqliteFile,
      sqliteReadModelsFile,
      sqliteSynchronous: synchronous as StoresConfig['sqliteSynchronous'],
      sqliteWriterThread: writerThread === 'true',
      eventStoreDbUrl: env.EVENTSTOREDB_URL,
      eventStoreDbTimeoutMs,
      eventStoreDbAppendTimeoutMs,
      mongoDbUrl: env.MONGODB_URL,
      mongoDbTimeoutMs,
    },
    problems,
  };
}

/** A deadline in whole milliseconds, from 100 ms to 10 minutes: shorter fails healthy calls, longer is a hang. */
function milliseconds(
  env: Record<string, string | undefined>,
  name: string,
  fallback: number,
  problems: string[],
): number {
  const raw = env[name];
  if (raw === undefined || raw.trim() === '') return fallback;
  const value = /^\s*\d+\s*$/.test(raw) ? Number(raw) : Number.NaN;
  if (!(value >= 100 && value <= 600_000)) {
    problems.push(
      `${name}=${JSON.stringify(raw)}: must be a whole number of milliseconds from 100 to 600000`,
    );
    return fallback;
  }
  return value;
}

/** `data/slimmernetwerk.db` -> `data/slimmernetwerk.read-models.db`: the read models beside the events. */
export function readModelsFileBeside(sqliteFile: string): string {
  if (sqliteFile === ':memory:') return ':memory:';
  const dot = sqliteFile.lastIndexOf('.');
  const slash = Math.max(sqliteFile.lastIndexOf('/'), sqliteFile.lastIndexOf('\\'));
  return dot > slash + 1
    ? `${sqliteFile.slice(0, dot)}.read-models${sqliteFile.slice(dot)}`
    : `${sqliteFile}.read-models`;
}
