import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSqliteDatabase, type SqliteDatabase } from '../adapters/sqlite/sqlite-database';
import { groupCommitFor } from '../adapters/sqlite/sqlite-group-commit';

/**
 * A SQLite file in a folder of its own, its group commit on a writer thread or not (as the api's
 * SQLITE_WRITER_THREAD chooses); `cleanup` commits what is pending, stops the thread, closes and removes the file.
 */
export function tempSqliteFile(options: { writerThread: boolean }): {
  db: SqliteDatabase;
  cleanup(): Promise<void>;
} {
  const dir = mkdtempSync(join(tmpdir(), 'sqlite-file-'));
  const db = openSqliteDatabase(join(dir, 'data.db'));
  groupCommitFor(db, { writerThread: options.writerThread });
  return {
    db,
    async cleanup() {
      await groupCommitFor(db).close();
      db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
