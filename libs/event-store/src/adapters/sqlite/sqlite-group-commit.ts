import type { SqliteDatabase } from './sqlite-database';
import { SqliteWriterThread } from './sqlite-writer-thread';
import { SqliteWriter, type SqliteWrite, type WriteOutcome } from './sqlite-writes';

/** Writes of one group at most; the rest wait for the next commit. */
const MAX_GROUP = 1_000;
/**
 * Groups posted to the writer thread and not yet answered, at most. Two: while the thread commits one, the next
 * waits in its queue, so that it starts at once instead of after a round trip to this thread.
 */
const MAX_IN_FLIGHT = 2;

interface Pending {
  write: SqliteWrite;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

export interface GroupCommitOptions {
  /**
   * Run the groups on a writer thread with its own connection to the file (WAL: the reads of this connection see
   * each group once it is committed). Ignored for an in-memory database, which no other connection can open.
   */
  writerThread?: boolean;
}

/**
 * Group commit for one SQLite file: writes asked for while the previous group is being committed (or, when none
 * is, during one turn of the event loop) run together in one IMMEDIATE transaction, so one fsync (with
 * `synchronous = FULL`) makes all of them durable, and each caller's promise settles only after that commit.
 * Each write runs in a savepoint of its own: one that fails (a revision conflict, a unique violation) answers its
 * error alone; when the commit itself fails, every write of the group gets the error. See {@link SqliteWriter}.
 *
 * With `writerThread`, a group runs on the writer thread ({@link SqliteWriterThread}) while this thread serves
 * requests and collects the next group: the fsync no longer holds the event loop. One group is in flight at a
 * time, so groups commit in the order they were asked for, and the expected-revision check of an append runs in
 * its group's transaction under the write lock: two groups cannot both pass it. While this connection is inside
 * a transaction of its own (an import batch holds the write lock), the groups run here, as savepoints of it: the
 * writer thread would wait for that lock.
 */
export class SqliteGroupCommit {
  private queue: Pending[] = [];
  private scheduled = false;
  private inFlight = 0;
  private idle: (() => void)[] = [];
  private here?: SqliteWriter;
  private readonly thread?: SqliteWriterThread;
  private watch?: NodeJS.Timeout;

  constructor(
    private readonly db: SqliteDatabase,
    options: GroupCommitOptions = {},
  ) {
    if (options.writerThread && !db.memory) {
      this.thread = new SqliteWriterThread({
        file: db.name,
        synchronous: db.pragma('synchronous', { simple: true }) === 1 ? 'NORMAL' : 'FULL',
        busyTimeoutMs: Number(db.pragma('busy_timeout', { simple: true })),
      });
    }
  }

  /** Runs `write` in the next group; resolves with its answer after the group's commit. */
  run<T>(write: SqliteWrite): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.queue.push({ write, resolve: resolve as (value: unknown) => void, reject });
      if (!this.scheduled && this.inFlight < MAX_IN_FLIGHT) {
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

  /** The writer thread, when the groups run on one. */
  get writerThread(): SqliteWriterThread | undefined {
    return this.thread;
  }

  /** Resolves once every write asked for so far is answered (committed or failed). */
  drain(): Promise<void> {
    if (this.queue.length === 0 && this.inFlight === 0) return Promise.resolve();
    return new Promise((resolve) => this.idle.push(resolve));
  }

  /** Drains, then stops the writer thread (the next write would start another). */
  async close(): Promise<void> {
    await this.drain();
    clearInterval(this.watch);
    this.watch = undefined;
    await this.thread?.close();
  }

  private flush(): void {
    this.scheduled = false;
    while (this.queue.length > 0) {
      const threaded = this.thread && !this.db.inTransaction;
      // A group on this thread waits until the writer thread's are answered: groups commit in the order asked.
      if (this.inFlight >= (threaded ? MAX_IN_FLIGHT : 1)) break;
      const items = this.queue.splice(0, MAX_GROUP);
      if (!this.db.open) {
        const closed = new Error('The database connection is closed');
        for (const item of items) item.reject(closed);
      } else if (threaded) {
        this.watchOwner();
        this.inFlight++;
        this.thread.run(items.map((item) => item.write)).then(
          (outcomes) => this.landed(items, outcomes),
          (error: unknown) => this.landed(items, error),
        );
      } else {
        this.here ??= new SqliteWriter(this.db);
        let outcomes: WriteOutcome[] | unknown;
        try {
          outcomes = this.here.runGroup(items.map((item) => item.write));
        } catch (error) {
          outcomes = error;
        }
        settle(items, outcomes);
      }
    }
    if (this.queue.length === 0 && this.inFlight === 0) for (const resolve of this.idle.splice(0)) resolve();
  }

  /**
   * The owner closes the connection without telling the group commit (it may not know of it): the writer thread
   * then closes its own, so that it does not keep the file open for the rest of the process.
   */
  private watchOwner(): void {
    if (this.watch) return;
    this.watch = setInterval(() => {
      if (this.db.open || this.inFlight > 0) return;
      clearInterval(this.watch);
      this.watch = undefined;
      void this.thread?.close();
    }, 1000).unref();
  }

  /** A group is answered by the writer thread: the next one (collected meanwhile) goes at once. */
  private landed(items: Pending[], outcomes: WriteOutcome[] | unknown): void {
    this.inFlight--;
    settle(items, outcomes);
    this.flush();
  }
}

/** Each write's outcome to its caller, or the group's failure to every caller. */
function settle(items: Pending[], outcomes: WriteOutcome[] | unknown): void {
  if (!Array.isArray(outcomes)) {
    for (const item of items) item.reject(outcomes);
    return;
  }
  (outcomes as WriteOutcome[]).forEach((outcome, i) =>
    outcome.ok ? items[i].resolve(outcome.value) : items[i].reject(outcome.error),
  );
}

const groups = new WeakMap<SqliteDatabase, SqliteGroupCommit>();

/**
 * The one group commit of a connection, shared by every adapter writing through it. `options` apply when it is
 * made: whoever opens the connection asks for it first (the stores module).
 */
export function groupCommitFor(db: SqliteDatabase, options?: GroupCommitOptions): SqliteGroupCommit {
  let group = groups.get(db);
  if (!group) groups.set(db, (group = new SqliteGroupCommit(db, options)));
  return group;
}
