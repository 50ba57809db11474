import type { Database } from 'better-sqlite3';
import { setTimeout as sleep } from 'node:timers/promises';
import { backoffDelay } from '@app/resilience';

export type ScrubOutcome = 'done' | 'deferred' | 'in-memory';

export interface ScrubOptions {
  /** How long to wait for readers of other connections (processes) to let the log be truncated. Default 10 s. */
  busyTimeoutMs?: number;
  /** Told when a scrub had to wait for a transaction of the caller's own and ran (or failed) later. */
  onDeferred?: (outcome: 'done' | Error) => void;
}

/**
 * Removes every copy of deleted or overwritten data from the database files, for crypto-shredding: after a key is
 * destroyed or a read model has dropped a forgotten member's name, older copies still sit in the write-ahead log
 * (the page images written before) and in unused space inside pages (SQLite moves cells when pages split;
 * `secure_delete` zeroes freed cells, but not the stale copies a rebalanced page keeps). So:
 *
 * 1. `VACUUM` rewrites the database into fresh pages (through the log), so no page keeps stale bytes;
 * 2. `wal_checkpoint(TRUNCATE)` copies the log into the database file and truncates the log to zero bytes.
 *
 * It takes time in proportion to the database's size (milliseconds for the embedded demo, about a second per
 * 100 MB), blocks this connection meanwhile, and is only run on an erasure. Inside a transaction of the caller (a
 * batch import) it cannot run: it is deferred until that transaction ends, and `deferred` is returned.
 */
export async function scrubSqliteFiles(db: Database, options: ScrubOptions = {}): Promise<ScrubOutcome> {
  if (db.memory) return 'in-memory';
  if (db.inTransaction) {
    void runWhenIdle(db, options).then(
      () => options.onDeferred?.('done'),
      (error: unknown) => options.onDeferred?.(error instanceof Error ? error : new Error(String(error))),
    );
    return 'deferred';
  }
  await scrubNow(db, options.busyTimeoutMs ?? 10_000);
  return 'done';
}

async function runWhenIdle(db: Database, options: ScrubOptions): Promise<void> {
  const deadline = Date.now() + 10 * 60_000;
  while (db.open && db.inTransaction) {
    if (Date.now() > deadline)
      throw new Error('Scrub of the database files gave up: a transaction stayed open');
    await sleep(50);
  }
  if (db.open) await scrubNow(db, options.busyTimeoutMs ?? 10_000);
}

async function scrubNow(db: Database, busyTimeoutMs: number): Promise<void> {
  db.exec('VACUUM');
  const deadline = Date.now() + busyTimeoutMs;
  for (let attempt = 1; ; attempt++) {
    const [result] = db.pragma('wal_checkpoint(TRUNCATE)') as { busy: number }[];
    if (!result || result.busy === 0) return;
    if (Date.now() >= deadline) {
      throw new Error(
        'The write-ahead log could not be truncated: another connection keeps reading it. Erased data may remain ' +
          'in the -wal file until it is; repeat the erasure (it is idempotent) when the other process is idle.',
      );
    }
    await sleep(backoffDelay(attempt, { initialMs: 5, maxMs: 200 }));
  }
}
