import type { Database, Statement } from 'better-sqlite3';
import { randomBytes } from 'node:crypto';
import { groupCommitFor } from '@app/event-store/adapters/sqlite/sqlite-group-commit';
import { sqliteCall, sqliteCallAsync } from '@app/event-store/adapters/sqlite/sqlite-errors';
import { scrubSqliteFiles, type ScrubOptions } from './sqlite-file-scrub';
import {
  SubjectForgottenError,
  type PersonalDataVault,
  type VaultEntry,
} from '../../personal-data-vault.port';

const STORE = 'SQLite personal data vault';

const SELECT_KEY = 'SELECT subject_id, key, destroyed_at FROM personal_data_keys WHERE subject_id = ?';
const INSERT_KEY =
  'INSERT INTO personal_data_keys (subject_id, key, created_at) VALUES (?, ?, ?) ON CONFLICT (subject_id) DO NOTHING';

interface Row {
  subject_id: string;
  /** A Buffer; a Uint8Array when the row comes back from the writer thread (structured clone). */
  key: Uint8Array | null;
  destroyed_at: string | null;
}

/**
 * Personal data keys in a table of the embedded SQLite database (the connection is owned by the caller).
 *
 * Destroying a key must leave no copy in the database files: the row keeps a tombstone without key material, and
 * then the files are scrubbed (`scrubSqliteFiles`: VACUUM, then the write-ahead log truncated), because the old
 * page images in the log and stale cell copies inside pages would otherwise keep the key.
 */
export class SqlitePersonalDataVault implements PersonalDataVault {
  private readonly select: Statement<[string], Row>;
  private readonly tombstone: Statement<[string, string, string]>;

  constructor(
    private readonly db: Database,
    private readonly options: { now?: () => Date; scrub?: ScrubOptions } = {},
  ) {
    // A file locked by another process, a failing disk: transient; see translateSqliteError.
    const prepared = sqliteCall('open', () => this.prepare(db), STORE);
    this.select = prepared.select;
    this.tombstone = prepared.tombstone;
  }

  private prepare(db: Database) {
    db.exec(`CREATE TABLE IF NOT EXISTS personal_data_keys (
      subject_id TEXT PRIMARY KEY,
      key BLOB,
      created_at TEXT NOT NULL,
      destroyed_at TEXT,
      CHECK ((key IS NULL) = (destroyed_at IS NOT NULL))
    ) WITHOUT ROWID`);
    return {
      select: db.prepare<[string], Row>(SELECT_KEY),
      tombstone: db.prepare<[string, string, string]>(
        `INSERT INTO personal_data_keys (subject_id, key, created_at, destroyed_at) VALUES (?, NULL, ?, ?)
       ON CONFLICT (subject_id) DO UPDATE SET key = NULL, destroyed_at = COALESCE(destroyed_at, excluded.destroyed_at)`,
      ),
    };
  }

  async keyFor(subjectId: string): Promise<Buffer> {
    let row = sqliteCall('keyFor', () => this.select.get(subjectId), STORE);
    if (!row) {
      // A new key is on disk (with the group commit the event store uses) before anything sealed with it is.
      const key = randomBytes(32);
      const createdAt = this.now().toISOString();
      row = await sqliteCallAsync(
        'keyFor',
        () =>
          groupCommitFor(this.db).run<Row>({
            kind: 'statements',
            steps: [
              { sql: INSERT_KEY, params: [subjectId, key, createdAt] },
              { sql: SELECT_KEY, params: [subjectId], get: true },
            ],
          }),
        STORE,
      );
    }
    if (row.key === null) throw new SubjectForgottenError(subjectId);
    return Buffer.from(row.key);
  }

  async lookup(subjectIds: readonly string[]): Promise<Map<string, VaultEntry>> {
    const entries = new Map<string, VaultEntry>();
    for (const subjectId of new Set(subjectIds)) {
      const row = sqliteCall('lookup', () => this.select.get(subjectId), STORE);
      if (!row) continue;
      entries.set(
        subjectId,
        row.key === null
          ? { status: 'destroyed', destroyedAt: row.destroyed_at! }
          : { status: 'active', key: Buffer.from(row.key) },
      );
    }
    return entries;
  }

  async destroy(subjectId: string, at: Date): Promise<void> {
    const iso = at.toISOString();
    sqliteCall('destroy', () => this.tombstone.run(subjectId, iso, iso), STORE);
    await sqliteCallAsync('destroy', () => scrubSqliteFiles(this.db, this.options.scrub), STORE);
  }

  private now(): Date {
    return this.options.now?.() ?? new Date();
  }
}
