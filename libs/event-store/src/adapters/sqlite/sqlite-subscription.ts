import type { RecordedEvent, Subscription, SubscriptionBatch } from '../../event-store.port';

/** What a subscription needs from the store; implemented by SqliteEventStore. */
export interface SqliteSubscriptionSource {
  /**
   * Reads up to `limit` matching events after `after`, bounded by the head of the store at the time of the read.
   * `caughtUp` says the read reached that head; `cursor` is where the next read starts (the head when caught up,
   * so that a filter does not rescan the events it skipped).
   */
  readBatch(
    after: number,
    eventTypesJson: string | undefined,
    limit: number,
  ): {
    events: RecordedEvent[];
    caughtUp: boolean;
    cursor: number;
  };
  /** Grows on every append through this adapter instance. */
  changeCount(): number;
  release(subscription: SqliteSubscription): void;
}

export interface SqliteSubscriptionOptions {
  after: number;
  eventTypesJson: string | undefined;
  batchSize: number;
  pollIntervalMs: number;
}

/**
 * Batches from the global log in position order. Once caught up it waits for a wake-up from an append through the
 * same adapter instance, or for the poll interval to pass (appends from other processes on the same file).
 *
 * The poll timer is deliberately not unref'd: a projector process whose only work is this subscription must stay
 * alive. It only exists while the iteration waits, and close() (or leaving a `for await`) clears it.
 */
export class SqliteSubscription implements Subscription {
  private closed = false;
  private wake: (() => void) | undefined;
  private iterator: AsyncGenerator<SubscriptionBatch, void, undefined> | undefined;

  constructor(
    private readonly source: SqliteSubscriptionSource,
    private readonly options: SqliteSubscriptionOptions,
  ) {}

  [Symbol.asyncIterator](): AsyncIterator<SubscriptionBatch> {
    // One position cursor per subscription: iterating it twice continues the same iteration.
    this.iterator ??= this.run();
    return this.iterator;
  }

  /** Ends the iteration: a pending `next()` resolves with `done`. Does not wait for the consumer. */
  close(): Promise<void> {
    this.dispose();
    return Promise.resolve();
  }

  /** Called by the store after an append commits. */
  notify(): void {
    this.wake?.();
  }

  private async *run(): AsyncGenerator<SubscriptionBatch, void, undefined> {
    const { eventTypesJson, batchSize } = this.options;
    let cursor = this.options.after;
    let reportedCaughtUp = false;
    try {
      while (!this.closed) {
        const seenChanges = this.source.changeCount();
        const batch = this.source.readBatch(cursor, eventTypesJson, batchSize);
        cursor = batch.cursor;
        // An empty batch only to tell the consumer it (again) reached the head; otherwise quiet while idle.
        if (batch.events.length > 0 || (batch.caughtUp && !reportedCaughtUp)) {
          reportedCaughtUp = batch.caughtUp;
          yield { events: batch.events, caughtUp: batch.caughtUp };
        }
        if (batch.caughtUp) await this.waitForChange(seenChanges);
      }
    } finally {
      this.dispose();
    }
  }

  private waitForChange(seenChanges: number): Promise<void> {
    // An append may have landed while the consumer handled the last batch: read again at once.
    if (this.closed || this.source.changeCount() !== seenChanges) return Promise.resolve();
    return new Promise<void>((resolve) => {
      const done = (): void => {
        clearTimeout(timer);
        this.wake = undefined;
        resolve();
      };
      const timer = setTimeout(done, this.options.pollIntervalMs);
      this.wake = done;
    });
  }

  private dispose(): void {
    if (this.closed) return;
    this.closed = true;
    this.wake?.();
    this.source.release(this);
  }
}
