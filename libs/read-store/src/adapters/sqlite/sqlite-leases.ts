import type BetterSqlite3 from 'better-sqlite3';
import { type LeaseClaim, LeaseLostError, type LeaseState } from '../../read-store.port';

type Database = BetterSqlite3.Database;

interface LeaseRow {
  owner: string;
  expires_at: number;
}

const LEASES_DDL = `CREATE TABLE IF NOT EXISTS rs__leases (name TEXT PRIMARY KEY NOT NULL, owner TEXT NOT NULL,
  expires_at INTEGER NOT NULL) WITHOUT ROWID`;

/**
 * Leases in the read models' SQLite file (`rs__leases`: name, owner, expiry in epoch ms). Every process that opens
 * the file runs on this machine, so they share one clock: the adapter's `now` (the system clock unless a test
 * gives another).
 *
 * Taking a lease is a `BEGIN IMMEDIATE` transaction: it holds the file's write lock from its first read, so two
 * processes that both find a lease expired cannot both take it (the second waits for the lock, then reads the
 * first one's row, and is refused). The fence of a batch runs inside the batch's own `BEGIN IMMEDIATE` transaction: the lease read
 * there is the latest committed one, and no other writer can commit until the batch does.
 */
export class SqliteLeases {
  private readonly select: BetterSqlite3.Statement<[string]>;
  private readonly upsert: BetterSqlite3.Statement<[string, string, number]>;
  private readonly renew: BetterSqlite3.Statement<[number, string, string]>;
  private readonly remove: BetterSqlite3.Statement<[string, string]>;
  private readonly take: (name: string, owner: string, ttlMs: number) => LeaseState;

  constructor(
    db: Database,
    private readonly now: () => Date,
  ) {
    db.exec(LEASES_DDL);
    this.select = db.prepare('SELECT owner, expires_at FROM rs__leases WHERE name = ?');
    this.upsert = db.prepare(
      'INSERT INTO rs__leases (name, owner, expires_at) VALUES (?, ?, ?) ' +
        'ON CONFLICT (name) DO UPDATE SET owner = excluded.owner, expires_at = excluded.expires_at',
    );
    this.renew = db.prepare('UPDATE rs__leases SET expires_at = ? WHERE name = ? AND owner = ?');
    this.remove = db.prepare('DELETE FROM rs__leases WHERE name = ? AND owner = ?');
    const take = db.transaction((name: string, owner: string, ttlMs: number): LeaseState => {
      const now = this.now().getTime();
      const row = this.select.get(name) as LeaseRow | undefined;
      if (row && row.owner !== owner && row.expires_at > now) {
        return state(name, false, row.owner, row.expires_at, now);
      }
      this.upsert.run(name, owner, now + ttlMs);
      return state(name, true, owner, now + ttlMs, now);
    });
    this.take = (name, owner, ttlMs) => take.immediate(name, owner, ttlMs);
  }

  acquire(name: string, owner: string, ttlMs: number): LeaseState {
    // A lease held by another is answered from a plain read (WAL readers take no lock), so a waiting projector
    // asking often never queues for the write lock that the holder's batches need.
    const now = this.now().getTime();
    const row = this.select.get(name) as LeaseRow | undefined;
    if (row && row.owner !== owner && row.expires_at > now)
      return state(name, false, row.owner, row.expires_at, now);
    return this.take(name, owner, ttlMs);
  }

  release(name: string, owner: string): void {
    this.remove.run(name, owner);
  }

  /**
   * Inside a write transaction: renews the lease when `claim.owner` holds it, else throws LeaseLostError, which
   * rolls the transaction back (nothing of the batch is written).
   */
  fence(claim: LeaseClaim): void {
    if (this.renew.run(this.now().getTime() + claim.ttlMs, claim.name, claim.owner).changes === 1) return;
    const row = this.select.get(claim.name) as LeaseRow | undefined;
    throw new LeaseLostError(claim.name, claim.owner, row?.owner);
  }
}

const state = (name: string, held: boolean, owner: string, expiresAt: number, now: number): LeaseState => ({
  name,
  held,
  owner,
  expiresAt: new Date(expiresAt).toISOString(),
  expiresInMs: Math.max(0, expiresAt - now),
});
