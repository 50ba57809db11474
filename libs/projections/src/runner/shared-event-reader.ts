import type { EventStore, RecordedEvent, Subscription, SubscriptionBatch } from '@app/event-store';
import { ResumableSubscription, type EventBatches } from './resumable-subscription';

export interface SharedEventReaderOptions {
  /** Events per read of the shared subscription (the runners' batch size). Default 1,000. */
  batchSize?: number;
  /**
   * Recent events kept for runners that are a little behind the others (default: 10 batches). A runner further
   * behind than that reads on its own until it is back within them.
   */
  windowEvents?: number;
}

/**
 * One subscription to all events, shared by the live runners of a projector (ProjectorService), instead of one
 * subscription per projection reading the same events.
 *
 * The design, in short: the reader keeps a window of the most recent events it read (every event in
 * `(from, to]`, at most `windowEvents`), and each runner reads through a tap of its own, `next(position)` like its
 * own subscription would answer:
 * - a runner whose position is within the window takes the events after its position from the window, up to its
 *   batch size, without a read of the event store;
 * - a runner that has taken everything in the window asks for the next read, which every runner waiting at the
 *   head shares (one read in flight at a time), and which extends the window;
 * - a runner behind the window (far behind, just switched to a rebuilt version, or outrun by the others while it
 *   applied a slow batch) catches up on its own subscription, as a runner on its own would, and rejoins the shared
 *   one as soon as its position is within the window again.
 * Reads happen only when a runner asks for events past the window, so nothing waits on a runner that does not ask:
 * a slow runner falls out of the window instead of holding the others back, a runner far behind never makes the
 * others read from far back, and a runner that failed or waits in standby for a lease simply asks for nothing (its
 * tap closes with its run). Memory stays bounded by the window. Each runner keeps everything else of its own:
 * checkpoint, error policy, lease, failure state and batching.
 *
 * The window follows the runners furthest ahead (see `shares`), so the live runners never wait for events read
 * for one behind them. A read that fails drops the shared subscription and fails the `next()` of every runner
 * waiting for it, each of which retries under its own error policy (a transient outage is waited out, see
 * store-call-policy.ts); the first retry subscribes again after the window's end. When the last tap closes, the
 * subscription is closed too (the window is kept, and the next read resumes after it).
 */
export class SharedEventReader {
  private readonly batchSize: number;
  private readonly windowEvents: number;
  /** Every event after `from` up to `to`, in position order. */
  private window: RecordedEvent[] = [];
  /** Exclusive start of the window; undefined until the first runner asks. */
  private from?: number;
  /** The last position read. */
  private to = 0;
  /** The last read reached the head of the store (at the time). */
  private readCaughtUp = false;
  private subscription?: Subscription;
  private iterator?: AsyncIterator<SubscriptionBatch>;
  /** The read in flight, shared by every runner waiting for it; resolves true when the subscription ended. */
  private reading?: Promise<boolean>;
  private readonly taps = new Set<SharedTap>();
  /** Reads of the shared subscription so far (each a batch, or the wait for one), and the events they brought. */
  private reads = 0;
  private eventsRead = 0;

  constructor(
    private readonly eventStore: EventStore,
    options: SharedEventReaderOptions = {},
  ) {
    this.batchSize = Math.max(1, Math.floor(options.batchSize ?? 1000));
    this.windowEvents = Math.max(this.batchSize, Math.floor(options.windowEvents ?? this.batchSize * 10));
  }

  /** A runner's share: read it like its own subscription; close it when the runner is done with it. */
  open(batchSize = this.batchSize): EventBatches {
    const tap = new SharedTap(this, this.eventStore, Math.max(1, Math.floor(batchSize)));
    this.taps.add(tap);
    return tap;
  }

  /** Ends every tap and the shared subscription. */
  async close(): Promise<void> {
    await Promise.all([...this.taps].map((tap) => tap.close()));
    await this.drop();
  }

  /**
   * Taps open, and those of them reading on their own subscription (behind the window); the shared reads so far,
   * and the events they brought.
   */
  stats(): { taps: number; onTheirOwn: number; reads: number; events: number } {
    const onTheirOwn = [...this.taps].filter((tap) => tap.onItsOwn).length;
    return { taps: this.taps.size, onTheirOwn, reads: this.reads, events: this.eventsRead };
  }

  /**
   * @internal Whether a runner at `position` reads through the shared reads (else on its own subscription). The
   * window follows the runners furthest ahead: it starts where the first runner to ask stands, and starts over
   * where a runner asks past everything read while no read is in flight (the runners at the front would otherwise
   * wait for events read for one behind them); runners left behind read on their own until they are back within
   * it. A runner on its own that overtakes the shared reads while others share them stays on its own until the
   * reads reach it, rather than sending the others off on their own.
   */
  shares(tap: SharedTap, position: number): boolean {
    const ahead = this.from === undefined || position > this.to;
    if (ahead && !this.reading && (!tap.onItsOwn || !this.othersShare(tap))) {
      if (this.from !== undefined) void this.drop();
      this.window = [];
      this.from = this.to = position;
      this.readCaughtUp = false;
      return true;
    }
    if (position < this.from!) return false;
    return !(ahead && tap.onItsOwn);
  }

  private othersShare(tap: SharedTap): boolean {
    for (const other of this.taps) if (other !== tap && other.sharing) return true;
    return false;
  }

  /**
   * @internal Up to `max` events after `position` from the window; `caughtUp` when they reach its end and the read
   * that filled it reached the head of the store.
   */
  after(position: number, max: number): { events: RecordedEvent[]; caughtUp: boolean } {
    const start = firstAfter(this.window, position);
    const events = this.window.slice(start, start + max);
    return { events, caughtUp: this.readCaughtUp && start + events.length === this.window.length };
  }

  /** @internal Whether a runner at `position` has seen the head as the last read found it. */
  atCaughtUpHead(position: number): boolean {
    return this.readCaughtUp && position >= this.to;
  }

  /** @internal The next read into the window; runners asking meanwhile share it. True: the subscription ended. */
  read(): Promise<boolean> {
    if (!this.reading) {
      this.reading = this.readOnce().finally(() => (this.reading = undefined));
      // A tap closed while waiting no longer listens; the failure reaches those that do.
      this.reading.catch(() => undefined);
    }
    return this.reading;
  }

  /** @internal */
  release(tap: SharedTap): void {
    this.taps.delete(tap);
    // Nobody left to read for (the runners stopped or paused): no subscription kept open meanwhile.
    if (this.taps.size === 0) void this.drop();
  }

  private async readOnce(): Promise<boolean> {
    if (!this.iterator) {
      this.subscription = this.eventStore.subscribeToAll({
        after: this.to || undefined,
        batchSize: this.batchSize,
      });
      this.iterator = this.subscription[Symbol.asyncIterator]();
    }
    const subscription = this.subscription;
    let result: IteratorResult<SubscriptionBatch>;
    try {
      this.reads++;
      result = await this.iterator.next();
    } catch (error) {
      // Taken up again after the window's end by the next read (a retry of a runner).
      if (this.subscription === subscription) await this.drop();
      throw error;
    }
    if (result.done) {
      // Closed here (no taps left): the next read subscribes again. Otherwise the store ended it (closed).
      if (this.subscription !== subscription) return false;
      await this.drop();
      return true;
    }
    const batch = result.value;
    this.eventsRead += batch.events.length;
    for (const event of batch.events) {
      if (event.position > this.to) {
        this.window.push(event);
        this.to = event.position;
      }
    }
    this.readCaughtUp = batch.caughtUp;
    const excess = this.window.length - this.windowEvents;
    if (excess > 0) {
      this.from = this.window[excess - 1].position;
      this.window = this.window.slice(excess);
    }
    return false;
  }

  private async drop(): Promise<void> {
    const subscription = this.subscription;
    this.subscription = undefined;
    this.iterator = undefined;
    // A broken subscription may fail to close as well; it is abandoned either way.
    await subscription?.close().catch(() => undefined);
  }
}

/** One runner's view of the shared reader: the window, the shared reads, or its own subscription when behind. */
class SharedTap implements EventBatches {
  /** The runner's own subscription while it is behind the window. */
  private own?: ResumableSubscription;
  private closed = false;
  private reportedCaughtUp = false;
  /** The last read went through the shared reads. */
  sharing = false;
  private readonly closing: Promise<true>;
  private onClose!: () => void;

  constructor(
    private readonly reader: SharedEventReader,
    private readonly eventStore: EventStore,
    private readonly batchSize: number,
  ) {
    this.closing = new Promise<true>((resolve) => (this.onClose = () => resolve(true)));
  }

  async next(position: number): Promise<IteratorResult<SubscriptionBatch, undefined>> {
    for (;;) {
      if (this.closed) return { done: true, value: undefined };
      this.sharing = this.reader.shares(this, position);
      if (!this.sharing) {
        this.own ??= new ResumableSubscription(this.eventStore, { batchSize: this.batchSize });
        return this.report(await this.own.next(position));
      }
      if (this.own) {
        const own = this.own;
        this.own = undefined;
        await own.close();
      }
      const { events, caughtUp } = this.reader.after(position, this.batchSize);
      if (events.length > 0) return this.report({ done: false, value: { events, caughtUp } });
      // At the head: said once (possibly empty) so that the runner knows it is live, as a subscription would.
      if (!this.reportedCaughtUp && this.reader.atCaughtUpHead(position)) {
        return this.report({ done: false, value: { events: [], caughtUp: true } });
      }
      const ended = await Promise.race([this.reader.read(), this.closing]);
      if (ended) return { done: true, value: undefined };
    }
  }

  get onItsOwn(): boolean {
    return this.own !== undefined;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.onClose();
    this.reader.release(this);
    await this.own?.close();
    this.own = undefined;
  }

  private report(
    result: IteratorResult<SubscriptionBatch, undefined>,
  ): IteratorResult<SubscriptionBatch, undefined> {
    if (!result.done && result.value.caughtUp) this.reportedCaughtUp = true;
    return result;
  }
}

/** Index of the first event after `position` (binary search: the window is in position order). */
function firstAfter(events: readonly RecordedEvent[], position: number): number {
  let low = 0;
  let high = events.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (events[mid].position <= position) low = mid + 1;
    else high = mid;
  }
  return low;
}
