import type { Statement } from 'better-sqlite3';
import {
  isPermanentStoreError,
  isTransientStoreError,
  PermanentStoreError,
  StoreUnavailableError,
} from '@app/resilience';
import {
  type AppendResult,
  DuplicateEventIdError,
  type ExpectedRevision,
  WrongExpectedRevisionError,
} from '../../event-store.port';
import { matchesExpected, wouldHavePlacedAt } from '../../expected-revision';
import { chainHash, GENESIS_HASH } from '../../integrity/event-hash';
import type { SqliteDatabase } from './sqlite-database';

/** An event to append, its data and metadata already the JSON text that is stored and hashed. */
export interface EncodedEvent {
  id: string;
  type: string;
  data: string;
  metadata: string;
}

/** One statement of a `statements` write. */
export interface SqliteStep {
  sql: string;
  params: unknown[];
  /** Answer the row this statement reads (`Statement.get`); otherwise it is run. */
  get?: boolean;
}

/**
 * A write of the group commit, as plain data: it runs the same on the api thread's connection or on the writer
 * thread's (posted there, structured-cloned). `append` checks the expected revision and chains the hashes inside
 * the group's transaction, under the write lock; `statements` runs its steps in order and answers the last one's
 * row (a `get`), or undefined.
 */
export type SqliteWrite =
  | { kind: 'append'; streamId: string; events: EncodedEvent[]; expected: ExpectedRevision }
  | { kind: 'statements'; steps: SqliteStep[] };

export type WriteOutcome = { ok: true; value: unknown } | { ok: false; error: unknown };

const SQL = {
  insertEvent: `INSERT INTO events (event_id, stream_id, revision, type, data, metadata, hash)
    VALUES (?, ?, ?, ?, ?, ?, ?)`,
  upsertStream: `INSERT INTO streams (stream_id, revision, position, hash) VALUES (?, ?, ?, ?)
    ON CONFLICT (stream_id) DO UPDATE
    SET revision = excluded.revision, position = excluded.position, hash = excluded.hash`,
  streamRevision: 'SELECT revision, position, hash FROM streams WHERE stream_id = ?',
  eventById: 'SELECT event_id, stream_id, revision, position, type FROM events WHERE event_id = ?',
  idsFromRevision: `SELECT event_id, stream_id, revision, position, type FROM events
    WHERE stream_id = ? AND revision >= ? ORDER BY revision LIMIT ?`,
};
export const STREAM_REVISION_SQL = SQL.streamRevision;

export interface StreamRow {
  revision: number;
  position: number;
  /** Hash of the stream's last event; null while the stream has only events written before hashing. */
  hash: string | null;
}

interface StoredIdRow {
  event_id: string;
  stream_id: string;
  revision: number;
  position: number;
  type: string;
}

/**
 * Runs groups of writes on one connection: each group in one transaction (IMMEDIATE: it takes the write lock at
 * BEGIN, so a revision check and its insert see the same state, and a writer in another process waits, busy
 * timeout, instead of failing on a lock upgrade), each write in a savepoint of its own (a nested better-sqlite3
 * transaction): a write that throws (a revision conflict, a unique violation) is rolled back alone and answers
 * its error; the others commit. When the transaction itself fails, the group throws and nothing of it is on disk.
 *
 * Writes run in the order given, so a later write sees an earlier one of the same group, exactly as if each had
 * committed on its own.
 */
export class SqliteWriter {
  private readonly statements = new Map<string, Statement>();
  private readonly group: (writes: readonly SqliteWrite[]) => WriteOutcome[];
  private readonly groupImmediate: (writes: readonly SqliteWrite[]) => WriteOutcome[];

  constructor(private readonly db: SqliteDatabase) {
    const unit = db.transaction((write: SqliteWrite) => this.apply(write));
    const group = db.transaction((writes: readonly SqliteWrite[]) =>
      writes.map((write): WriteOutcome => {
        try {
          return { ok: true, value: unit(write) };
        } catch (error) {
          return { ok: false, error };
        }
      }),
    );
    this.group = group;
    this.groupImmediate = group.immediate;
  }

  /**
   * One group, committed when this returns. Inside a transaction someone else opened on this connection (an
   * import batch), the group becomes a savepoint of it and is durable when that transaction commits.
   */
  runGroup(writes: readonly SqliteWrite[]): WriteOutcome[] {
    return this.db.inTransaction ? this.group(writes) : this.groupImmediate(writes);
  }

  private apply(write: SqliteWrite): unknown {
    if (write.kind === 'append') return this.append(write.streamId, write.events, write.expected);
    let answer: unknown;
    for (const step of write.steps) {
      const statement = this.prepared(step.sql);
      answer = step.get ? statement.get(...step.params) : (statement.run(...step.params), undefined);
    }
    return answer;
  }

  private prepared(sql: string): Statement {
    let statement = this.statements.get(sql);
    if (!statement) this.statements.set(sql, (statement = this.db.prepare(sql)));
    return statement;
  }

  private append(streamId: string, events: EncodedEvent[], expected: ExpectedRevision): AppendResult {
    if (events.length > 0) {
      const stored = this.prepared(SQL.eventById).get(events[0].id) as StoredIdRow | undefined;
      if (stored) return this.replayedAppend(streamId, events, expected, stored);
    }

    const stream = this.prepared(SQL.streamRevision).get(streamId) as StreamRow | undefined;
    const actual = stream?.revision;
    if (!matchesExpected(expected, actual)) throw new WrongExpectedRevisionError(streamId, expected, actual);
    if (events.length === 0) return { nextExpectedRevision: actual ?? -1, position: stream?.position ?? -1 };

    let revision = actual ?? -1;
    let position = -1;
    // The chain continues from the stream's head, read in this transaction under the write lock: no other append
    // can move the head between this read and the commit (see "Why positions are gap-safe" in the event store).
    let hash = stream?.hash ?? GENESIS_HASH;
    const insert = this.prepared(SQL.insertEvent);
    try {
      for (const { id, type, data, metadata } of events) {
        revision++;
        hash = chainHash(hash, { streamId, revision, id, type, data, metadata });
        position = Number(insert.run(id, streamId, revision, type, data, metadata, hash).lastInsertRowid);
      }
    } catch (error) {
      // Thrown inside the savepoint: better-sqlite3 rolls the whole append back.
      if (isUniqueViolationOf(error, 'events.event_id'))
        throw new DuplicateEventIdError(this.duplicateId(events));
      throw error;
    }
    this.prepared(SQL.upsertStream).run(streamId, revision, position, hash);
    return { nextExpectedRevision: revision, position };
  }

  /**
   * The first id is already stored. The append is a replay (idempotent) when the stored events of the same
   * stream, where this append would have put them, carry the same ids and types in the same order; anything else
   * reuses an id.
   */
  private replayedAppend(
    streamId: string,
    events: EncodedEvent[],
    expected: ExpectedRevision,
    first: StoredIdRow,
  ): AppendResult {
    const duplicate = new DuplicateEventIdError(events[0].id);
    if (first.stream_id !== streamId || !wouldHavePlacedAt(expected, first.revision)) throw duplicate;
    const stored = this.prepared(SQL.idsFromRevision).all(
      streamId,
      first.revision,
      events.length,
    ) as StoredIdRow[];
    if (stored.length !== events.length) throw duplicate;
    for (let i = 0; i < events.length; i++) {
      if (stored[i].event_id !== events[i].id || stored[i].type !== events[i].type) {
        throw new DuplicateEventIdError(events[i].id);
      }
    }
    const last = stored[stored.length - 1];
    return { nextExpectedRevision: last.revision, position: last.position };
  }

  private duplicateId(events: EncodedEvent[]): string {
    const seen = new Set<string>();
    for (const event of events) {
      if (seen.has(event.id) || this.prepared(SQL.eventById).get(event.id)) return event.id;
      seen.add(event.id);
    }
    return events[0].id;
  }
}

/*
 * Duck-typed, not `instanceof`: the native addon keeps the SqliteError class (and so the Error realm) of the first
 * module instance that loaded it, and under a fresh module registry or vm context (jest) instanceof fails.
 */
function isUniqueViolationOf(error: unknown, column: string): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { code, message } = error as { code?: unknown; message?: unknown };
  return code === 'SQLITE_CONSTRAINT_UNIQUE' && typeof message === 'string' && message.includes(column);
}

/**
 * An error as it crosses from the writer thread: structured clone keeps an Error's message but not its class or
 * own fields, so the store's answers (a revision conflict, a reused id), a SqliteError's `code` and a translated
 * store error's `transient` flag are carried as data and rebuilt on the other side.
 */
export type EncodedError =
  | { kind: 'wrong-revision'; streamId: string; expected: ExpectedRevision; actual: number | undefined }
  | { kind: 'duplicate-id'; eventId: string }
  | { kind: 'store'; transient: boolean; store: string; operation: string; message: string }
  | { kind: 'error'; name: string; message: string; code?: string };

export function encodeError(error: unknown): EncodedError {
  if (error instanceof WrongExpectedRevisionError) {
    const { streamId, expected, actual } = error;
    return { kind: 'wrong-revision', streamId, expected, actual };
  }
  if (error instanceof DuplicateEventIdError) return { kind: 'duplicate-id', eventId: error.eventId };
  if (isTransientStoreError(error) || isPermanentStoreError(error)) {
    const { store, operation, message } = error as { store: string; operation: string; message: string };
    // The message again without the prefix its constructor adds.
    const own = message.slice(`${store} ${operation}: `.length);
    return { kind: 'store', transient: isTransientStoreError(error), store, operation, message: own };
  }
  const { name, message, code } = (error ?? {}) as { name?: unknown; message?: unknown; code?: unknown };
  return {
    kind: 'error',
    name: typeof name === 'string' ? name : 'Error',
    message: typeof message === 'string' ? message : String(error),
    ...(typeof code === 'string' && { code }),
  };
}

export function decodeError(encoded: EncodedError): Error {
  switch (encoded.kind) {
    case 'wrong-revision':
      return new WrongExpectedRevisionError(encoded.streamId, encoded.expected, encoded.actual);
    case 'duplicate-id':
      return new DuplicateEventIdError(encoded.eventId);
    case 'store':
      return encoded.transient
        ? new StoreUnavailableError(encoded.store, encoded.operation, encoded.message)
        : new PermanentStoreError(encoded.store, encoded.operation, encoded.message);
    default:
      // A SqliteError keeps its `code`, which translateSqliteError reads.
      return Object.assign(new Error(encoded.message), {
        name: encoded.name,
        ...(encoded.code !== undefined && { code: encoded.code }),
      });
  }
}
