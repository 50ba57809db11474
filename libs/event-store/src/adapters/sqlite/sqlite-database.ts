import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { sqliteCall, translateSqliteError } from './sqlite-errors';

/** A better-sqlite3 connection; one per file, shared by every SQLite adapter of the process. */
export type SqliteDatabase = Database.Database;

export interface SqliteDatabaseOptions {
  /**
   * `FULL` (default): every commit is fsynced, so an acknowledged append survives a power loss or OS crash.
   * `NORMAL`: in WAL mode the WAL is only fsynced at checkpoints. The file stays consistent and nothing is lost
   * when the process crashes, but the last acknowledged transactions can be rolled back by a power loss or OS
   * crash. Faster; only for throwaway data (benchmarks, tests).
   */
  synchronous?: 'FULL' | 'NORMAL';
  /** How long a writer waits for another connection's lock before SQLITE_BUSY. Default 5000 ms. */
  busyTimeoutMs?: number;
}

/**
 * Opens (and creates, with its parent directory) a SQLite file with the pragmas the adapters rely on: WAL (readers
 * never block the writer and see a consistent snapshot), the chosen durability, a busy timeout so that several
 * processes can share the file, and foreign keys. The caller owns the connection and closes it after every
 * adapter using it has been closed.
 */
export function openSqliteDatabase(
  file: string | ':memory:',
  options: SqliteDatabaseOptions = {},
): SqliteDatabase {
  const inMemory = file === ':memory:' || file === '';
  if (!inMemory) mkdirSync(dirname(resolve(file)), { recursive: true });

  const busyTimeoutMs = Math.max(0, Math.floor(options.busyTimeoutMs ?? 5000));
  // A file that cannot be opened now, or is locked while its journal mode is set, is a transient failure (the
  // caller may wait for it); a file that is not a database is a permanent one. See sqlite-errors.ts. The busy
  // timeout holds from the first statement on: switching a file another connection holds locked to WAL waits (or,
  // with 0, fails at once with SQLITE_BUSY) like any other write.
  const db = sqliteCall('open', () => new Database(file, { timeout: busyTimeoutMs }));
  try {
    // The busy timeout first, so that switching to WAL waits for another process's lock like any write.
    db.pragma(`busy_timeout = ${busyTimeoutMs}`);
    // An in-memory database answers `memory` here: WAL only exists for files.
    db.pragma('journal_mode = WAL');
    db.pragma(`synchronous = ${options.synchronous === 'NORMAL' ? 'NORMAL' : 'FULL'}`);
    db.pragma('foreign_keys = ON');
  } catch (error) {
    db.close();
    throw translateSqliteError(error, 'open');
  }
  return db;
}
