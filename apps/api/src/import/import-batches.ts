import type { INestApplicationContext } from '@nestjs/common';
import { SQLITE_DATABASE } from '@app/stores';
import type { AppConfig } from '../config/app.config';
import type { ImportBatches } from './importer';

/** What the batches need of the embedded database connection (better-sqlite3's `Database`). */
interface SqliteConnection {
  exec(sql: string): unknown;
  readonly inTransaction: boolean;
}

/**
 * Import batches for the embedded store: one SQLite write transaction around many lines. The command path runs
 * its own transactions inside it (better-sqlite3 turns them into savepoints), so each line still succeeds or fails
 * on its own, but the batch is written to disk once. Other processes on the same file wait for a batch (at most a
 * fraction of a second) instead of for each line. With EventStoreDB there is no such transaction: no batches.
 */
export function embeddedImportBatches(
  app: INestApplicationContext,
  config: AppConfig,
): ImportBatches | undefined {
  if (config.stores.eventStore !== 'sqlite') return undefined;
  const db = app.get<SqliteConnection | null>(SQLITE_DATABASE, { strict: false });
  if (!db) return undefined;
  return {
    begin: () => {
      // IMMEDIATE takes the write lock now, so a writer in another process cannot make the batch fail halfway.
      if (!db.inTransaction) db.exec('BEGIN IMMEDIATE');
    },
    commit: () => {
      if (db.inTransaction) db.exec('COMMIT');
    },
  };
}
