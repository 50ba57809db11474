import type { Database, Statement } from 'better-sqlite3';
import { groupCommitFor, type SqliteGroupCommit } from '@app/event-store/adapters/sqlite/sqlite-group-commit';
import { sqliteCall, sqliteCallAsync } from '@app/event-store/adapters/sqlite/sqlite-errors';
import type { IdempotencyRecord, IdempotencyStore } from '../idempotency.port';

const STORE = 'SQLite idempotency store';
/** Expired records are deleted at most this often (by the next write): one indexed range delete. */
const PURGE_INTERVAL_MS = 60_000;

interface Row {
  key: string;
  fingerprint: string;
  status_code: number;
  body: string;
  created_at: string;
  expires_at: string;
  subjects: string;
}

const COLUMNS = 'key, fingerprint, status_code, body, created_at, expires_at, subjects';
const SQL = {
  select: `SELECT ${COLUMNS} FROM idempotency_keys WHERE key = ? AND expires_at > ?`,
  // An expired record of the key is replaced; a live one stays (the caller reads it back).
  upsert: `INSERT INTO idempotency_keys (${COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?)
    ON CONFLICT (key) DO UPDATE SET fingerprint = excluded.fingerprint, status_code = excluded.status_code,
      body = excluded.body, created_at = excluded.created_at, expires_at = excluded.expires_at,
      subjects = excluded.subjects
    WHERE idempotency_keys.expires_at <= excluded.created_at`,
  purge: 'DELETE FROM idempotency_keys WHERE expires_at <= ?',
  forget: 'DELETE FROM idempotency_keys WHERE instr(subjects, ?) > 0',
};

/**
 * Idempotency records in a table of the embedded SQLite database (the connection is owned by the caller).
 * `subjects` holds the member ids as ` id id ` (spaces around each), so a member's records are found with instr.
 */
export class SqliteIdempotencyStore implements IdempotencyStore {
  private readonly select: Statement<[string, string], Row>;
  /** Records are written with the events' group commit: one fsync for the writes asked for together. */
  private readonly groupCommit: SqliteGroupCommit;
  private lastPurge = 0;

  constructor(db: Database) {
    this.groupCommit = groupCommitFor(db);
    // A file locked by another process, a failing disk: transient; see translateSqliteError.
    [this.select] = sqliteCall(
      'open',
      () => {
        db.exec(`CREATE TABLE IF NOT EXISTS idempotency_keys (
          key TEXT PRIMARY KEY,
          fingerprint TEXT NOT NULL,
          status_code INTEGER NOT NULL,
          body TEXT NOT NULL,
          created_at TEXT NOT NULL
        )`);
        addColumns(db);
        db.exec('CREATE INDEX IF NOT EXISTS idempotency_keys_expires_at ON idempotency_keys (expires_at)');
        return [db.prepare<[string, string], Row>(SQL.select)] as const;
      },
      STORE,
    );
  }

  async get(key: string, now: string): Promise<IdempotencyRecord | undefined> {
    const row = sqliteCall('get', () => this.select.get(key, now), STORE);
    return row && toRecord(row);
  }

  async putIfAbsent(record: IdempotencyRecord): Promise<IdempotencyRecord> {
    const body = JSON.stringify(record.body);
    const subjects = record.subjects.length > 0 ? ` ${record.subjects.join(' ')} ` : '';
    const purgeNow = Date.parse(record.createdAt) - this.lastPurge >= PURGE_INTERVAL_MS;
    if (purgeNow) this.lastPurge = Date.parse(record.createdAt);
    const row = await sqliteCallAsync(
      'putIfAbsent',
      () =>
        this.groupCommit.run<Row>({
          kind: 'statements',
          steps: [
            ...(purgeNow ? [{ sql: SQL.purge, params: [record.createdAt] }] : []),
            {
              sql: SQL.upsert,
              params: [
                record.key,
                record.fingerprint,
                record.statusCode,
                body,
                record.createdAt,
                record.expiresAt,
                subjects,
              ],
            },
            { sql: SQL.select, params: [record.key, record.createdAt], get: true },
          ],
        }),
      STORE,
    );
    return toRecord(row);
  }

  async forgetSubject(subjectId: string): Promise<void> {
    await sqliteCallAsync(
      'forgetSubject',
      () =>
        this.groupCommit.run({
          kind: 'statements',
          steps: [{ sql: SQL.forget, params: [` ${subjectId} `] }],
        }),
      STORE,
    );
  }
}

/**
 * Tables from before records expired get the columns; their records count as expired at once (`expires_at`
 * empty): they were fingerprinted without regard to erasure, and the next purge deletes them.
 */
function addColumns(db: Database): void {
  const columns = new Set(
    db
      .prepare<[string], { name: string }>('SELECT name FROM pragma_table_info(?)')
      .all('idempotency_keys')
      .map((c) => c.name),
  );
  if (!columns.has('expires_at')) {
    db.exec("ALTER TABLE idempotency_keys ADD COLUMN expires_at TEXT NOT NULL DEFAULT ''");
  }
  if (!columns.has('subjects'))
    db.exec("ALTER TABLE idempotency_keys ADD COLUMN subjects TEXT NOT NULL DEFAULT ''");
}

const toRecord = (row: Row): IdempotencyRecord => ({
  key: row.key,
  fingerprint: row.fingerprint,
  statusCode: row.status_code,
  body: JSON.parse(row.body) as unknown,
  createdAt: row.created_at,
  expiresAt: row.expires_at,
  subjects: row.subjects.trim() === '' ? [] : row.subjects.trim().split(' '),
});
