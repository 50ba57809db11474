import type { Database, Statement } from 'better-sqlite3';
import { groupCommitFor, type SqliteGroupCommit } from '@app/event-store/adapters/sqlite/sqlite-group-commit';
import { sqliteCall, sqliteCallAsync } from '@app/event-store/adapters/sqlite/sqlite-errors';
import type { IdempotencyRecord, IdempotencyStore } from '../idempotency.port';

const STORE = 'SQLite idempotency store';

interface Row {
  key: string;
  fingerprint: string;
  status_code: number;
  body: string;
  created_at: string;
}

/** Idempotency records in a table of the embedded SQLite database (the connection is owned by the caller). */
export class SqliteIdempotencyStore implements IdempotencyStore {
  private readonly select: Statement<[string], Row>;
  private readonly insert: Statement<[string, string, number, string, string]>;
  /** Records are written with the events' group commit: one fsync for every write of a loop turn. */
  private readonly groupCommit: SqliteGroupCommit;

  constructor(db: Database) {
    this.groupCommit = groupCommitFor(db);
    // A file locked by another process, a failing disk: transient; see translateSqliteError.
    [this.select, this.insert] = sqliteCall(
      'open',
      () => {
        db.exec(`CREATE TABLE IF NOT EXISTS idempotency_keys (
          key TEXT PRIMARY KEY,
          fingerprint TEXT NOT NULL,
          status_code INTEGER NOT NULL,
          body TEXT NOT NULL,
          created_at TEXT NOT NULL
        )`);
        return [
          db.prepare<[string], Row>(
            'SELECT key, fingerprint, status_code, body, created_at FROM idempotency_keys WHERE key = ?',
          ),
          db.prepare<[string, string, number, string, string]>(
            'INSERT INTO idempotency_keys (key, fingerprint, status_code, body, created_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT (key) DO NOTHING',
          ),
        ] as const;
      },
      STORE,
    );
  }

  async get(key: string): Promise<IdempotencyRecord | undefined> {
    const row = sqliteCall('get', () => this.select.get(key), STORE);
    return row && toRecord(row);
  }

  async putIfAbsent(record: IdempotencyRecord): Promise<IdempotencyRecord> {
    const body = JSON.stringify(record.body);
    return sqliteCallAsync(
      'putIfAbsent',
      () =>
        this.groupCommit.run(() => {
          this.insert.run(record.key, record.fingerprint, record.statusCode, body, record.createdAt);
          return toRecord(this.select.get(record.key)!);
        }),
      STORE,
    );
  }
}

const toRecord = (row: Row): IdempotencyRecord => ({
  key: row.key,
  fingerprint: row.fingerprint,
  statusCode: row.status_code,
  body: JSON.parse(row.body) as unknown,
  createdAt: row.created_at,
});
