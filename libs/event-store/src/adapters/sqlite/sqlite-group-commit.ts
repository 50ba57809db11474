import type { Transaction } from 'better-sqlite3';
import type { SqliteDatabase } from './sqlite-database';

/** Writes of one group at most; the rest wait for the next commit. */
const MAX_GROUP = 1_000;

interface Pending {
  work: () => unknown;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

/**
 * Group commit for one SQLite connection: writes asked for during one turn of the event loop run together in one
 * IMMEDIATE transaction, so one fsync (with `synchronous = FULL`) makes all of them durable, and each caller's
 * promise settles only after that commit.
 *
 * Each write runs in a savepoint of its own (a nested better-sqlite3 transaction): a write that throws (a
 * revision conflict, a unique violation) is rolled back alone and its caller gets the error; the others commit.
 * When the commit itself fails (the disk, a lock held too long by another process), every write of the group
 * is rolled back and every caller gets the error: nothing was acknowledged that is not on disk.
 *
 * Writes run in the order asked, one after the other on the connection, so a later write sees an earlier one of
 * the same group, exactly as if each had committed on its own.
 */
export class SqliteGroupCommit {
  private queue: Pending[] = [];
  private scheduled = false;
  private readonly unit: (work: () => unknown) => unknown;
  private readonly group: Transaction<(items: Pending[]) => { ok: boolean; value: unknown }[]>;

  constructor(private readonly db: SqliteDatabase) {
    // Called inside `group`, better-sqlite3 runs `unit` as a savepoint.
    this.unit = db.transaction((work: () => unknown) => work());
    this.group = db.transaction((items: Pending[]) =>
      items.map((item) => {
        try {
          return { ok: true, value: this.unit(item.work) };
        } catch (error) {
          return { ok: false, value: error };
        }
      }),
    );
  }

  /** Runs `work` (synchronous statements on this connection) in the next group; resolves after the commit. */
  run<T>(work: () => T): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.queue.push({ work, resolve: resolve as (value: unknown) => void, reject });
      if (!this.scheduled) {
        this.scheduled = true;
        // setImmediate runs after the I/O callbacks of this loop turn: the requests that arrived together write
        // together.
        setImmediate(() => this.flush());
      }
    });
  }

  /** Writes waiting for the next commit. */
  get pending(): number {
    return this.queue.length;
  }

  private flush(): void {
    this.scheduled = false;
    while (this.queue.length > 0) {
      const items = this.queue.splice(0, MAX_GROUP);
      if (!this.db.open) {
        const closed = new Error('The database connection is closed');
        for (const item of items) item.reject(closed);
        continue;
      }
      let results: { ok: boolean; value: unknown }[];
      try {
        // Inside a transaction someone else opened (an import batch), the group becomes a savepoint of it and is
        // durable when that transaction commits, as its owner intends.
        results = this.db.inTransaction ? this.group(items) : this.group.immediate(items);
      } catch (error) {
        for (const item of items) item.reject(error);
        continue;
      }
      results.forEach((result, i) =>
        result.ok ? items[i].resolve(result.value) : items[i].reject(result.value),
      );
    }
  }
}

const groups = new WeakMap<SqliteDatabase, SqliteGroupCommit>();

/** The one group commit of a connection, shared by every adapter writing through it. */
export function groupCommitFor(db: SqliteDatabase): SqliteGroupCommit {
  let group = groups.get(db);
  if (!group) groups.set(db, (group = new SqliteGroupCommit(db)));
  return group;
}
