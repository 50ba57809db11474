import {
  type AppendResult,
  type EventStore,
  type ExpectedRevision,
  type NewEvent,
  type ReadAllOptions,
  type ReadStreamOptions,
  type RecordedEvent,
  type ReadStreamHeadsOptions,
  type StoredStreamHead,
  CorruptEventError,
  StreamNotFoundError,
  type Subscription,
  type SubscribeOptions,
} from '../../event-store.port';
import type { SqliteDatabase } from './sqlite-database';
import { sqliteCall, sqliteCallAsync } from './sqlite-errors';
import { groupCommitFor, type SqliteGroupCommit } from './sqlite-group-commit';
import { SqliteSubscription, type SqliteSubscriptionSource } from './sqlite-subscription';
import { STREAM_REVISION_SQL, type StreamRow } from './sqlite-writes';

export interface SqliteEventStoreOptions {
  /** How often a waiting subscription looks for appends made by other connections (processes). Default 100 ms. */
  pollIntervalMs?: number;
  /** Batch size of subscriptions that do not choose one. Default 500. */
  defaultBatchSize?: number;
}

interface EventRow {
  position: number;
  event_id: string;
  stream_id: string;
  revision: number;
  type: string;
  data: string;
  metadata: string;
  hash: string | null;
}

const STORE = 'SQLite event store';
const call = <T>(operation: string, work: () => T): T => sqliteCall(operation, work, STORE);
const callAsync = <T>(operation: string, work: () => Promise<T>): Promise<T> =>
  sqliteCallAsync(operation, work, STORE);

const EVENT_COLUMNS = 'position, event_id, stream_id, revision, type, data, metadata, hash';

/*
 * Why positions are gap-safe (a reader that has seen position P never later finds a new event below P):
 * - SQLite has one writer at a time. An append runs in a BEGIN IMMEDIATE transaction, so it holds the write lock
 *   from before it allocates its positions until it commits; no other append can allocate or commit in between.
 * - AUTOINCREMENT hands out max(ever used) + 1 and never reuses a value, so positions are allocated, and therefore
 *   committed, in increasing order.
 * - In WAL mode a reader sees a snapshot made of whole committed transactions. Together with the above, every
 *   snapshot holds a prefix of the positions ever committed: "after P" never skips an event that commits later.
 * The EventStoreDB adapter relies on its commit position for the same guarantee.
 */
const SCHEMA = `
  CREATE TABLE IF NOT EXISTS events (
    position INTEGER PRIMARY KEY AUTOINCREMENT,
    event_id TEXT NOT NULL UNIQUE,
    stream_id TEXT NOT NULL,
    revision INTEGER NOT NULL,
    type TEXT NOT NULL,
    data TEXT NOT NULL,
    metadata TEXT NOT NULL,
    hash TEXT,
    UNIQUE (stream_id, revision)
  );
  CREATE TABLE IF NOT EXISTS streams (
    stream_id TEXT PRIMARY KEY,
    revision INTEGER NOT NULL,
    position INTEGER NOT NULL,
    hash TEXT
  ) WITHOUT ROWID;
`;
// No index on events.type: filtered reads scan the position range (cheap, and what a rebuild wants), and an
// index would slow every append down.

/**
 * The embedded event store: two tables (`events`, `streams`) in a SQLite file shared with other adapters.
 *
 * The store does not own the connection: `close()` stops its subscriptions and leaves the `Database` open for its
 * owner (whoever called `openSqliteDatabase`) to close once every adapter using it is closed.
 *
 * Appends of one process are serialised by its group commit (one group at a time, on this connection or on a
 * writer thread's, see SqliteGroupCommit); across processes the write lock (with the connection's busy timeout)
 * serialises them. Appends asked for together are committed together: an append's promise resolves once its
 * group is on disk.
 */
export class SqliteEventStore implements EventStore {
  private readonly pollIntervalMs: number;
  private readonly defaultBatchSize: number;
  private readonly subscriptions = new Set<SqliteSubscription>();
  private closed = false;
  private appends = 0;
  private readonly appendedListeners = new Set<(position: number) => void>();

  private readonly stmt: Statements;
  private readonly groupCommit: SqliteGroupCommit;

  constructor(db: SqliteDatabase, options: SqliteEventStoreOptions = {}) {
    this.pollIntervalMs = Math.max(1, options.pollIntervalMs ?? 100);
    this.defaultBatchSize = Math.max(1, Math.floor(options.defaultBatchSize ?? 500));
    this.stmt = call('open', () => {
      SqliteEventStore.migrate(db);
      return prepareStatements(db);
    });
    // Appends asked for together commit together (one fsync), each in a savepoint of its own, the revision check
    // inside the group's IMMEDIATE transaction: see SqliteGroupCommit and SqliteWriter.
    this.groupCommit = groupCommitFor(db);
  }

  /** Creates the tables if they do not exist yet. Idempotent; the constructor runs it. */
  static migrate(db: SqliteDatabase): void {
    // IMMEDIATE: two processes opening a file of before the hashes at once add each column once.
    db.transaction(() => {
      db.exec(SCHEMA);
      // A store written before events were hashed: the columns come in empty, the events already stored keep no
      // hash, and each stream's chain starts at its first event written from now on (GENESIS_HASH before it).
      for (const table of ['events', 'streams']) {
        const columns = db.prepare<[], { name: string }>(`PRAGMA table_info(${table})`).all();
        if (!columns.some((column) => column.name === 'hash'))
          db.exec(`ALTER TABLE ${table} ADD COLUMN hash TEXT`);
      }
    }).immediate();
  }

  /**
   * Appending an empty list writes nothing: it checks the expected revision and returns the stream's current
   * revision and the position of its last event, or `-1` for both when the stream does not exist (which stays so).
   */
  async appendToStream(
    streamId: string,
    events: readonly NewEvent[],
    expectedRevision: ExpectedRevision,
  ): Promise<AppendResult> {
    this.assertOpen();
    // A lock held too long by another process or a failing disk is transient; a revision conflict or a reused
    // id is the store's own answer and passes through unchanged.
    const result = await callAsync('appendToStream', () =>
      this.groupCommit.run<AppendResult>({
        kind: 'append',
        streamId,
        // The stored JSON text is made here: the writes are plain data, whichever thread commits them.
        events: events.map((event) => ({
          id: event.id,
          type: event.type,
          data: JSON.stringify(event.data ?? null),
          metadata: JSON.stringify(event.metadata),
        })),
        expected: expectedRevision,
      }),
    );
    if (events.length > 0) {
      this.appends++;
      for (const subscription of this.subscriptions) subscription.notify();
      for (const listener of this.appendedListeners) listener(result.position);
    }
    return result;
  }

  /**
   * Calls `listener` with the position of the last event of every append through this instance, once it is
   * committed (an idempotent replay included); returns what removes it. Lets a reader on another connection (the
   * embedded projector's worker thread) be woken at once rather than at its next poll.
   */
  onAppended(listener: (position: number) => void): () => void {
    this.appendedListeners.add(listener);
    return () => this.appendedListeners.delete(listener);
  }

  /**
   * Something was appended to the file through another connection: the subscriptions of this instance read at
   * once instead of at their next poll (also one busy with a batch: it reads again as soon as it is done).
   */
  notifyAppendedElsewhere(): void {
    if (this.closed) return;
    this.appends++;
    for (const subscription of this.subscriptions) subscription.notify();
  }

  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    this.assertOpen();
    const limit = toLimit(options.maxCount);
    const rows = call('readStream', () => {
      const found =
        options.direction === 'backwards'
          ? this.stmt.readStreamBackwards.all(
              streamId,
              options.fromRevision ?? Number.MAX_SAFE_INTEGER,
              limit,
            )
          : this.stmt.readStreamForwards.all(streamId, options.fromRevision ?? 0, limit);
      return found.length === 0 && this.stmt.streamRevision.get(streamId) === undefined ? undefined : found;
    });
    if (rows === undefined) throw new StreamNotFoundError(streamId);
    return rows.map(toRecordedEvent);
  }

  async streamRevision(streamId: string): Promise<number | undefined> {
    this.assertOpen();
    return call('streamRevision', () => this.stmt.streamRevision.get(streamId)?.revision);
  }

  /** `eventTypes` is an allow-list: an empty list matches nothing. */
  async readAll(options: ReadAllOptions): Promise<RecordedEvent[]> {
    this.assertOpen();
    const after = options.after ?? 0;
    const limit = toLimit(options.maxCount);
    const rows = call('readAll', () =>
      options.eventTypes === undefined
        ? this.stmt.readAll.all(after, Number.MAX_SAFE_INTEGER, limit)
        : this.stmt.readAllOfTypes.all(
            after,
            Number.MAX_SAFE_INTEGER,
            JSON.stringify(options.eventTypes),
            limit,
          ),
    );
    return rows.map(toRecordedEvent);
  }

  async headPosition(): Promise<number | undefined> {
    this.assertOpen();
    return call('headPosition', () => this.stmt.headPosition.get() ?? undefined);
  }

  /** A count over the rowid range, no event parsed: about 15 ms per 100,000 events. */
  async countEventsAfter(position: number, cap: number): Promise<number> {
    this.assertOpen();
    return this.stmt.countAfter.get(position, toLimit(cap)) ?? 0;
  }

  /**
   * From the `streams` table, in stream-id order (BINARY collation: UTF-8 byte order). A head written after
   * `atPosition` is looked up in `events` (its last revision at or before the position, by the (stream, revision)
   * index), so a page is right however many appends ran since the position was taken.
   */
  async readStreamHeads(options: ReadStreamHeadsOptions): Promise<StoredStreamHead[]> {
    this.assertOpen();
    const { atPosition } = options;
    return call('readStreamHeads', () => {
      const heads: StoredStreamHead[] = [];
      const rows = this.stmt.streamHeads.all(options.afterStreamId ?? '', toLimit(options.maxCount));
      for (const row of rows) {
        const head = row.position <= atPosition ? row : this.stmt.streamHeadAt.get(row.stream_id, atPosition);
        if (head === undefined) continue;
        heads.push({
          streamId: row.stream_id,
          revision: head.revision,
          ...(head.hash !== null && { hash: head.hash }),
        });
      }
      return heads;
    });
  }

  subscribeToAll(options: SubscribeOptions = {}): Subscription {
    this.assertOpen();
    const subscription = new SqliteSubscription(this.subscriptionSource, {
      after: options.after ?? 0,
      eventTypesJson: options.eventTypes === undefined ? undefined : JSON.stringify(options.eventTypes),
      batchSize: Math.max(1, Math.floor(options.batchSize ?? this.defaultBatchSize)),
      pollIntervalMs: this.pollIntervalMs,
    });
    this.subscriptions.add(subscription);
    return subscription;
  }

  async ping(): Promise<void> {
    this.assertOpen();
    call('ping', () => this.stmt.ping.get());
  }

  /** Ends every subscription. The shared `Database` stays open: its owner closes it. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.appendedListeners.clear();
    await Promise.all([...this.subscriptions].map((subscription) => subscription.close()));
    this.subscriptions.clear();
  }

  private readonly subscriptionSource: SqliteSubscriptionSource = {
    readBatch: (after, eventTypesJson, limit) =>
      call('subscribeToAll', () => this.readBatch(after, eventTypesJson, limit)),
    changeCount: () => this.appends,
    release: (subscription) => this.subscriptions.delete(subscription),
  };

  private readBatch(
    after: number,
    eventTypesJson: string | undefined,
    limit: number,
  ): { events: RecordedEvent[]; caughtUp: boolean; cursor: number } {
    // The head bounds the read so that, when it returns less than `limit`, everything up to the head has been
    // seen, even the events a type filter skipped.
    const head = this.stmt.headPosition.get() ?? 0;
    if (head <= after) return { events: [], caughtUp: true, cursor: after };
    const rows =
      eventTypesJson === undefined
        ? this.stmt.readAll.all(after, head, limit)
        : this.stmt.readAllOfTypes.all(after, head, eventTypesJson, limit);
    const events = rows.map(toRecordedEvent);
    if (events.length < limit) return { events, caughtUp: true, cursor: head };
    return { events, caughtUp: false, cursor: events[events.length - 1].position };
  }

  private assertOpen(): void {
    if (this.closed) throw new Error('SqliteEventStore is closed');
  }
}

function prepareStatements(db: SqliteDatabase) {
  return {
    streamRevision: db.prepare<[string], StreamRow>(STREAM_REVISION_SQL),
    readStreamForwards: db.prepare<[string, number, number], EventRow>(
      `SELECT ${EVENT_COLUMNS} FROM events WHERE stream_id = ? AND revision >= ? ORDER BY revision ASC LIMIT ?`,
    ),
    readStreamBackwards: db.prepare<[string, number, number], EventRow>(
      `SELECT ${EVENT_COLUMNS} FROM events WHERE stream_id = ? AND revision <= ? ORDER BY revision DESC LIMIT ?`,
    ),
    readAll: db.prepare<[number, number, number], EventRow>(
      `SELECT ${EVENT_COLUMNS} FROM events WHERE position > ? AND position <= ? ORDER BY position LIMIT ?`,
    ),
    // One statement for any allow-list: the types arrive as a JSON array.
    readAllOfTypes: db.prepare<[number, number, string, number], EventRow>(
      `SELECT ${EVENT_COLUMNS} FROM events
       WHERE position > ? AND position <= ? AND type IN (SELECT value FROM json_each(?))
       ORDER BY position LIMIT ?`,
    ),
    headPosition: db.prepare<[], number | null>('SELECT MAX(position) FROM events').pluck(),
    countAfter: db
      .prepare<[number, number], number>(
        'SELECT COUNT(*) FROM (SELECT 1 FROM events WHERE position > ? LIMIT ?)',
      )
      .pluck(),
    streamHeads: db.prepare<[string, number], StreamRow & { stream_id: string }>(
      'SELECT stream_id, revision, position, hash FROM streams WHERE stream_id > ? ORDER BY stream_id LIMIT ?',
    ),
    streamHeadAt: db.prepare<[string, number], Pick<StreamRow, 'revision' | 'hash'>>(
      `SELECT revision, hash FROM events WHERE stream_id = ? AND position <= ?
       ORDER BY revision DESC LIMIT 1`,
    ),
    ping: db.prepare('SELECT 1'),
  };
}

type Statements = ReturnType<typeof prepareStatements>;

/** SQLite reads a negative LIMIT as "no limit". */
function toLimit(maxCount: number | undefined): number {
  return maxCount === undefined ? -1 : Math.max(0, Math.floor(maxCount));
}

function toRecordedEvent(row: EventRow): RecordedEvent {
  let data: unknown;
  let metadata: RecordedEvent['metadata'];
  try {
    data = JSON.parse(row.data);
    metadata = JSON.parse(row.metadata);
  } catch (error) {
    // Only a change made to the file behind the store's back: name the event, so that audit:verify can.
    throw new CorruptEventError(row.stream_id, row.revision, (error as Error).message);
  }
  const event: RecordedEvent = {
    id: row.event_id,
    streamId: row.stream_id,
    revision: row.revision,
    position: row.position,
    type: row.type,
    data,
    metadata,
  };
  if (row.hash !== null) event.hash = row.hash;
  return event;
}
