import type { EventStore, SubscribeOptions, Subscription, SubscriptionBatch } from '@app/event-store';

/**
 * Where a runner reads its batches: its own subscription (ResumableSubscription), or its share of the one its
 * projector's live runners read together (SharedEventReader).
 */
export interface EventBatches {
  /** The next batch of events after `position`; done once closed. A failed read is taken up again by the next call. */
  next(position: number): Promise<IteratorResult<SubscriptionBatch, undefined>>;
  /** Ends the iteration: a read waiting for new events returns done. */
  close(): Promise<void>;
}

/**
 * The runner's subscription to all events, taken up again after a failure: a failed read drops the subscription,
 * and the next `next(position)` subscribes anew after `position` (the last event applied, written or still in
 * memory). So each read of a batch is one call the runner's error policy can retry, whether the event store went
 * away, a read timed out, or the subscription broke.
 */
export class ResumableSubscription implements EventBatches {
  private subscription?: Subscription;
  private iterator?: AsyncIterator<SubscriptionBatch>;
  private closed = false;

  constructor(
    private readonly eventStore: EventStore,
    private readonly options: Omit<SubscribeOptions, 'after'>,
  ) {}

  /** The next batch of events after `position`; done once closed. */
  async next(position: number): Promise<IteratorResult<SubscriptionBatch, undefined>> {
    if (this.closed) return { done: true, value: undefined };
    if (!this.iterator) {
      this.subscription = this.eventStore.subscribeToAll({ ...this.options, after: position || undefined });
      this.iterator = this.subscription[Symbol.asyncIterator]();
    }
    try {
      const result = await this.iterator.next();
      return result.done ? { done: true, value: undefined } : result;
    } catch (error) {
      await this.drop();
      throw error;
    }
  }

  /** Ends the iteration: a read waiting for new events returns done. */
  async close(): Promise<void> {
    this.closed = true;
    await this.drop();
  }

  private async drop(): Promise<void> {
    const subscription = this.subscription;
    this.subscription = undefined;
    this.iterator = undefined;
    // A broken subscription may fail to close as well; it is abandoned either way.
    await subscription?.close().catch(() => undefined);
  }
}
