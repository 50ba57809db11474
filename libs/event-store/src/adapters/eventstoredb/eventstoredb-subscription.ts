import { backoffDelay, type BackoffOptions, StoreTimeoutError } from '@app/resilience';
import type { AllStreamRecordedEvent, AllStreamResolvedEvent } from '@eventstore/db-client';
import type { RecordedEvent, Subscription, SubscriptionBatch } from '../../event-store.port';
import { classifyClientError, STORE_NAME, toStoreError } from './esdb-errors';
import { positionToNumber } from './esdb-mapping';

/**
 * What the subscription needs of the client's catch-up subscription (`client.subscribeToAll(...)`): a Readable of
 * resolved events that also emits `caughtUp`, `fellBehind` and `confirmation`, and can be cancelled.
 */
export interface ClientSubscription {
  on(event: string, listener: (...args: unknown[]) => void): unknown;
  off(event: string, listener: (...args: unknown[]) => void): unknown;
  /** Readable.read(): the next buffered resolved event, or null. */
  read(): unknown;
  unsubscribe(): Promise<void>;
}

export interface EventStoreDbSubscriptionOptions {
  /** Exclusive start position; undefined for the beginning of $all. */
  after: number | undefined;
  batchSize: number;
  /** How long a partial batch waits for more events before it is handed over. */
  flushMs: number;
  /** Events read from the client and not yet handed over, at most; past it the client is left to push back. */
  maxQueued: number;
  /** The reconnect schedule (its jitter is always `equal`: see backoffDelay). */
  backoff: Pick<BackoffOptions, 'initialMs' | 'maxMs'>;
  /**
   * How long a (re)opened subscription may go without a word from the server (its confirmation, an event, a
   * caught-up signal) before the iteration fails with a StoreTimeoutError; 0 for no limit.
   */
  confirmTimeoutMs: number;
  /** Opens a catch-up subscription to $all after `after` (exclusive; undefined for the start), already filtered. */
  open(after: number | undefined): ClientSubscription;
  /** The port event for a recorded event, or undefined when the selection does not want it. */
  convert(event: AllStreamRecordedEvent): RecordedEvent | undefined;
  /** Told about every drop and the wait before the next attempt (for logs). */
  onDropped?(error: unknown, attempt: number, delayMs: number): void;
  release(subscription: EventStoreDbSubscription): void;
  random?: () => number;
}

type Item =
  | { kind: 'event'; event: RecordedEvent }
  | { kind: 'caughtUp' }
  | { kind: 'fellBehind' }
  | { kind: 'failed'; error: unknown };

/**
 * A catch-up subscription to $all as the port's Subscription: batches in position order, `caughtUp` from the
 * server's caught-up signal, reconnects after a drop.
 *
 * - Batching: events are read from the client into a queue and handed over in batches of up to `batchSize`; a
 *   partial batch is handed over when no further event arrived within `flushMs`, or at once when the server says it
 *   caught up.
 * - Caught up: EventStoreDB 23.10 and later send a CaughtUp message when a catch-up subscription reaches the live
 *   point, and FellBehind when a live one falls back to catching up; @eventstore/db-client (6.1+) emits them as
 *   `caughtUp` / `fellBehind` events on the subscription (client CHANGELOG v6.1.0: "Add support for caught up and
 *   fell behind subscription message"). The events are emitted while the preceding resolved events may still sit in
 *   the Readable's buffer, so on each signal the buffer is drained into the queue first and the marker queued after
 *   them: the marker keeps its place in the event order. A batch is caught up when the last marker before its end
 *   said so and no event is queued behind it.
 * - Drops: an error or end of the client stream (server restart, leader change, network loss, "consumer too slow")
 *   schedules a new subscription after an exponential backoff with jitter, capped, from the position of the last
 *   event taken from the server (the subscription's own checkpoint): nothing queued is lost or repeated. The
 *   attempt counter resets once the server confirms the new subscription. Errors that retrying cannot fix (access
 *   denied, invalid argument, unconvertible data) end the iteration by throwing, as a PermanentStoreError.
 * - A server that accepts the subscription and never says a word (no confirmation, which EventStoreDB sends as soon
 *   as a subscription starts: EventStore/EventStore src/EventStore.Core/Services/Transport/Grpc/Streams.Read.cs)
 *   would leave the iteration waiting for ever, as the client sets no deadline on subscriptions. After
 *   `confirmTimeoutMs` without a word the iteration ends with a StoreTimeoutError (transient): the consumer
 *   subscribes again from its checkpoint, with its own backoff, and can say meanwhile that the event store does not
 *   answer.
 * - close() (or leaving a `for await`) cancels the client subscription and ends a waiting iteration.
 */
export class EventStoreDbSubscription implements Subscription {
  private readonly queue: Item[] = [];
  private queuedEvents = 0;
  private source: ClientSubscription | undefined;
  private detach: (() => void) | undefined;
  /** Position of the last event taken from the server: where a new subscription resumes. */
  private resumeAfter: number | undefined;
  private attempt = 0;
  private reconnectTimer: NodeJS.Timeout | undefined;
  private confirmTimer: NodeJS.Timeout | undefined;
  private wake: (() => void) | undefined;
  private closed = false;
  private iterator: AsyncGenerator<SubscriptionBatch, void, undefined> | undefined;

  constructor(private readonly options: EventStoreDbSubscriptionOptions) {
    this.resumeAfter = options.after;
  }

  [Symbol.asyncIterator](): AsyncIterator<SubscriptionBatch> {
    this.iterator ??= this.run();
    return this.iterator;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    clearTimeout(this.reconnectTimer);
    clearTimeout(this.confirmTimer);
    const source = this.source;
    this.detachSource();
    this.wake?.();
    this.options.release(this);
    await source?.unsubscribe().catch(() => undefined);
  }

  private async *run(): AsyncGenerator<SubscriptionBatch, void, undefined> {
    const { batchSize, flushMs } = this.options;
    let live = false;
    let reportedCaughtUp = false;
    try {
      this.connect();
      while (!this.closed) {
        if (!(await this.waitForItem())) continue;
        const events: RecordedEvent[] = [];
        let flush = false;
        while (!flush && events.length < batchSize && !this.closed) {
          if (this.queue.length === 0) this.pump();
          if (this.queue.length === 0) {
            if (events.length === 0 || !(await this.waitForItem(flushMs))) break;
            continue;
          }
          const item = this.take()!;
          if (item.kind === 'event') events.push(item.event);
          else if (item.kind === 'caughtUp') live = flush = true;
          else if (item.kind === 'fellBehind') live = false;
          else throw item.error;
        }
        if (this.closed) break;
        // Markers right behind the batch belong to it: a batch that ends exactly at the head is caught up.
        if (this.queue.length === 0) this.pump();
        while (this.queue[0]?.kind === 'caughtUp' || this.queue[0]?.kind === 'fellBehind') {
          live = this.take()!.kind === 'caughtUp';
        }
        const caughtUp = live && this.queuedEvents === 0;
        // An empty batch only to say that the head was reached (again); otherwise nothing while idle.
        if (events.length > 0 || (caughtUp && !reportedCaughtUp)) {
          reportedCaughtUp = caughtUp;
          yield { events, caughtUp };
        }
      }
    } finally {
      await this.close();
    }
  }

  private connect(): void {
    if (this.closed) return;
    const source = this.options.open(this.resumeAfter);
    this.source = source;
    // Listeners of a replaced (or closed) client subscription fall silent.
    const current =
      <A extends unknown[]>(listener: (...args: A) => void) =>
      (...args: A): void => {
        if (this.source === source && !this.closed) listener(...args);
      };
    // Any word from the server shows the subscription alive (`heard`) before the listener's own work.
    const hearing = (then: () => void) =>
      current(() => {
        this.heard();
        then();
      });
    const ended = current(() => this.dropped(undefined));
    const listeners: [string, (...args: unknown[]) => void][] = [
      ['readable', hearing(() => this.pump())],
      ['confirmation', hearing(() => (this.attempt = 0))],
      ['caughtUp', hearing(() => this.mark('caughtUp'))],
      ['fellBehind', hearing(() => this.mark('fellBehind'))],
      ['error', current((error: unknown) => this.dropped(error))],
      ['end', ended],
      ['close', ended],
    ];
    for (const [event, listener] of listeners) source.on(event, listener);
    this.detach = () => {
      for (const [event, listener] of listeners) source.off(event, listener);
      // Keep a listener: an 'error' without one would crash the process after we let go of the stream.
      source.on('error', () => undefined);
    };
    const timeoutMs = this.options.confirmTimeoutMs;
    if (timeoutMs > 0 && Number.isFinite(timeoutMs)) {
      this.confirmTimer = setTimeout(() => {
        this.confirmTimer = undefined;
        if (this.source === source && !this.closed) {
          this.fail(new StoreTimeoutError(STORE_NAME, 'subscribeToAll', timeoutMs));
        }
      }, timeoutMs);
    }
  }

  /** The server spoke: the subscription is alive. */
  private heard(): void {
    clearTimeout(this.confirmTimer);
    this.confirmTimer = undefined;
  }

  private detachSource(): void {
    this.heard();
    this.detach?.();
    this.detach = undefined;
    this.source = undefined;
  }

  /** Moves events from the client's buffer into the queue, up to `maxQueued`. */
  private pump(limit = this.options.maxQueued): void {
    const source = this.source;
    if (!source) return;
    while (this.queuedEvents < limit && this.source === source) {
      const resolved = source.read() as AllStreamResolvedEvent | null;
      if (resolved === null) return;
      this.accept(resolved);
    }
  }

  /** A signal from the server: everything read before it precedes it in the queue. */
  private mark(kind: 'caughtUp' | 'fellBehind'): void {
    if (kind === 'caughtUp') this.attempt = 0;
    this.pump(Number.POSITIVE_INFINITY);
    this.push({ kind });
  }

  private accept(resolved: AllStreamResolvedEvent): void {
    const recorded = resolved.event;
    if (!recorded) return;
    try {
      const position = positionToNumber(recorded.position);
      // After a reconnect the server starts after the checkpoint, but a repeat must never reach the consumer.
      if (this.resumeAfter !== undefined && position <= this.resumeAfter) return;
      this.resumeAfter = position;
      const event = this.options.convert(recorded);
      if (event) this.push({ kind: 'event', event });
    } catch (error) {
      this.fail(error);
    }
  }

  private dropped(error: unknown): void {
    // What arrived before the drop is good: take it before letting go of the stream.
    this.pump(Number.POSITIVE_INFINITY);
    const source = this.source;
    this.detachSource();
    void source?.unsubscribe().catch(() => undefined);
    if (error !== undefined && classifyClientError(error) !== 'transient') {
      this.fail(toStoreError(error, 'subscribeToAll'));
      return;
    }
    // Until the new subscription catches up, nothing handed over is at the head.
    this.push({ kind: 'fellBehind' });
    // Equal jitter: spreads the reconnects of many projectors after one server restart, and the fixed half keeps
    // a retry from firing at once in a tight loop. `attempt` counts from 0 here, from 1 in backoffDelay.
    const delay = Math.round(
      backoffDelay(this.attempt + 1, {
        ...this.options.backoff,
        jitter: 'equal',
        random: this.options.random,
      }),
    );
    this.options.onDropped?.(error, this.attempt, delay);
    this.attempt++;
    this.reconnectTimer = setTimeout(() => {
      this.reconnectTimer = undefined;
      try {
        this.connect();
      } catch (connectError) {
        this.dropped(connectError);
      }
    }, delay);
  }

  private fail(error: unknown): void {
    const source = this.source;
    this.detachSource();
    void source?.unsubscribe().catch(() => undefined);
    this.push({ kind: 'failed', error });
  }

  private push(item: Item): void {
    this.queue.push(item);
    if (item.kind === 'event') this.queuedEvents++;
    this.wake?.();
  }

  private take(): Item | undefined {
    const item = this.queue.shift();
    if (item?.kind === 'event') this.queuedEvents--;
    return item;
  }

  /** Resolves true when the queue holds something, false after `timeoutMs` or on close. */
  private waitForItem(timeoutMs?: number): Promise<boolean> {
    if (this.closed) return Promise.resolve(false);
    if (this.queue.length > 0) return Promise.resolve(true);
    return new Promise<boolean>((resolve) => {
      let timer: NodeJS.Timeout | undefined;
      const done = (): void => {
        clearTimeout(timer);
        this.wake = undefined;
        resolve(!this.closed && this.queue.length > 0);
      };
      if (timeoutMs !== undefined) timer = setTimeout(done, timeoutMs);
      this.wake = done;
    });
  }
}
