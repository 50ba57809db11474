import type { Worker } from 'node:worker_threads';
import { StoreUnavailableError, startWorkerThread } from '@app/resilience';
import { decodeError, type EncodedError, type SqliteWrite, type WriteOutcome } from './sqlite-writes';

/** What the writer thread opens: the same file and settings as the api thread's connection. */
export interface WriterThreadData {
  file: string;
  synchronous: 'FULL' | 'NORMAL';
  busyTimeoutMs: number;
}

export type ToWriterThread = { type: 'group'; seq: number; writes: SqliteWrite[] } | { type: 'close' };

export type FromWriterThread =
  | {
      type: 'committed';
      seq: number;
      outcomes: ({ ok: true; value: unknown } | { ok: false; error: EncodedError })[];
    }
  | { type: 'failed'; seq: number; error: EncodedError };

const STORE = 'SQLite writer thread';

interface Waiting {
  seq: number;
  resolve: (outcomes: WriteOutcome[]) => void;
  reject: (error: unknown) => void;
}

/**
 * A worker thread with its own connection to the file of record, running one group of writes at a time
 * ({@link SqliteWriter} on its connection): the group's `COMMIT`, and so its fsync, waits there instead of on the
 * api thread, which meanwhile serves requests and collects the next group.
 *
 * The thread starts with the first group. When it stops without answering (a crash, an out-of-memory, a
 * `terminate`), the group in flight fails with a StoreUnavailableError: transient, and whether it was committed
 * is unknown (a retry is safe, as appends are idempotent by event id and the other writes are upserts); the next
 * group starts a new thread. The thread holds the process open only while a group is in flight.
 */
export class SqliteWriterThread {
  private worker?: Worker;
  private readonly waiting = new Map<number, Waiting>();
  private seq = 0;

  constructor(private readonly data: WriterThreadData) {}

  /**
   * Runs one group on the writer thread; resolves with each write's outcome once the group is committed. Groups
   * run one after the other, in the order asked.
   */
  run(writes: SqliteWrite[]): Promise<WriteOutcome[]> {
    const worker = this.worker ?? this.start();
    const seq = ++this.seq;
    return new Promise<WriteOutcome[]>((resolve, reject) => {
      this.waiting.set(seq, { seq, resolve, reject });
      worker.ref();
      worker.postMessage({ type: 'group', seq, writes } satisfies ToWriterThread);
    });
  }

  /** The running thread, if any (tests stop it to see what a crash does). */
  get thread(): Worker | undefined {
    return this.worker;
  }

  /** Stops the thread once its group (if any) is answered; the caller has stopped sending groups. */
  async close(): Promise<void> {
    const worker = this.worker;
    if (!worker) return;
    this.worker = undefined;
    const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
    // Held open until the thread has closed its connection: the caller's shutdown goes on after it.
    worker.ref();
    worker.postMessage({ type: 'close' } satisfies ToWriterThread);
    await exited;
  }

  private start(): Worker {
    const worker = startWorkerThread(__dirname, 'sqlite-writer.worker', { workerData: this.data });
    worker.unref();
    this.worker = worker;
    worker.on('message', (message: FromWriterThread) => {
      const waiting = this.waiting.get(message.seq);
      if (!waiting) return;
      this.waiting.delete(message.seq);
      if (this.waiting.size === 0) worker.unref();
      if (message.type === 'failed') waiting.reject(decodeError(message.error));
      else
        waiting.resolve(
          message.outcomes.map((outcome) =>
            outcome.ok ? outcome : { ok: false, error: decodeError(outcome.error) },
          ),
        );
    });
    const stopped = (cause: unknown) => {
      if (this.worker === worker) this.worker = undefined;
      const lost = new StoreUnavailableError(
        STORE,
        'write',
        'the writer thread stopped before answering; the group may or may not be on disk',
        { cause },
      );
      for (const waiting of this.waiting.values()) waiting.reject(lost);
      this.waiting.clear();
    };
    worker.on('error', stopped);
    worker.on('exit', (code) => stopped(new Error(`The writer thread exited with code ${code}`)));
    return worker;
  }
}
