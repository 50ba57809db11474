import { isPermanentStoreError, StoreTimeoutError } from '@app/resilience';
import type { AllStreamRecordedEvent } from '@eventstore/db-client';
import type { SubscriptionBatch } from '../../event-store.port';
import { iterate, withTimeout } from '../../testing/event-store.fixtures';
import { EventStoreDbSubscription, type EventStoreDbSubscriptionOptions } from './eventstoredb-subscription';
import { FakeSubscription } from './testing/fake-esdb-client';

const event = (position: number, type = 'DoetankProposed') => ({
  streamId: 'doetank-1',
  id: `00000000-0000-4000-8000-${String(position).padStart(12, '0')}`,
  type,
  revision: BigInt(position),
  data: {},
  metadata: {},
  isJson: true as const,
  created: new Date(0),
  position: { commit: BigInt(position), prepare: BigInt(position) },
});

describe('EventStoreDbSubscription', () => {
  let sources: FakeSubscription[];
  let opened: (number | undefined)[];
  let subscription: EventStoreDbSubscription;

  const subscribe = (options: Partial<EventStoreDbSubscriptionOptions> = {}) => {
    subscription = new EventStoreDbSubscription({
      after: undefined,
      batchSize: 3,
      flushMs: 5,
      maxQueued: 100,
      backoff: { initialMs: 1, maxMs: 5 },
      confirmTimeoutMs: 0,
      open: (after) => {
        opened.push(after);
        const source = new FakeSubscription();
        sources.push(source);
        return source;
      },
      convert: (recorded: AllStreamRecordedEvent) =>
        recorded.type.startsWith('$')
          ? undefined
          : {
              id: recorded.id,
              streamId: recorded.streamId,
              revision: Number(recorded.revision),
              position: Number(recorded.position.commit),
              type: recorded.type,
              data: recorded.data,
              metadata: {} as never,
            },
      release: () => undefined,
      ...options,
    });
    return iterate(subscription);
  };
  /** A subscription asked for its first batch, which opens its source (`sources[0]` on a first open). */
  const pulled = async (options: Partial<EventStoreDbSubscriptionOptions> = {}) => {
    const iterator = subscribe(options);
    const pending = iterator.next();
    await new Promise((resolve) => setImmediate(resolve));
    return { iterator, pending };
  };
  /** An error as the client emits it for a failed gRPC call: its `type` and, where the call had one, its status. */
  const clientError = (message: string, type: string, code?: number) =>
    Object.assign(new Error(message), { type, ...(code === undefined ? {} : { code }) });
  const positions = (batch: SubscriptionBatch) => batch.events.map((e) => e.position);
  const next = async (iterator: AsyncIterator<SubscriptionBatch>) =>
    (await withTimeout(iterator.next(), 1000)).value as SubscriptionBatch;

  beforeEach(() => {
    sources = [];
    opened = [];
  });

  afterEach(() => subscription.close());

  it('keeps the caught-up signal behind the events the client still buffers', async () => {
    // A small queue leaves events in the client's buffer when the signal comes.
    const { iterator, pending } = await pulled({ batchSize: 2, maxQueued: 2 });
    // All in one tick: the signal is emitted while the events sit in the Readable's buffer.
    for (const p of [10, 20, 30]) sources[0].write({ event: event(p) });
    sources[0].write({ caughtUp: true });

    const first = (await withTimeout(pending, 1000)).value as SubscriptionBatch;
    const second = await next(iterator);
    expect([positions(first), first.caughtUp]).toEqual([[10, 20], false]);
    expect([positions(second), second.caughtUp]).toEqual([[30], true]);
  });

  it('says once, with an empty batch, that there is nothing to catch up', async () => {
    const { iterator, pending } = await pulled();
    sources[0].write({ caughtUp: true });
    expect((await withTimeout(pending, 1000)).value).toEqual({ events: [], caughtUp: true });

    const live = iterator.next();
    sources[0].write({ event: event(40) });
    const batch = (await withTimeout(live, 1000)).value as SubscriptionBatch;
    expect([positions(batch), batch.caughtUp]).toEqual([[40], true]);
  });

  it('hands over a partial batch when no further event arrives in time', async () => {
    const { pending } = await pulled({ batchSize: 100, flushMs: 20 });
    sources[0].write({ event: event(1) });
    setTimeout(() => sources[0].write({ event: event(2) }), 5);

    const batch = (await withTimeout(pending, 1000)).value as SubscriptionBatch;
    expect([positions(batch), batch.caughtUp]).toEqual([[1, 2], false]);
  });

  it('skips events the selection does not want, and marks live batches after falling behind as not caught up', async () => {
    const { iterator, pending } = await pulled();
    sources[0].write({ event: event(1, '$metadata') });
    sources[0].write({ event: event(2) });
    sources[0].write({ caughtUp: true });
    expect(positions((await withTimeout(pending, 1000)).value as SubscriptionBatch)).toEqual([2]);

    const behind = iterator.next();
    sources[0].write({ fellBehind: true });
    sources[0].write({ event: event(3) });
    const batch = (await withTimeout(behind, 1000)).value as SubscriptionBatch;
    expect([positions(batch), batch.caughtUp]).toEqual([[3], false]);
  });

  it('reconnects after a drop from the last position, drops repeats, and resets its backoff when confirmed', async () => {
    const dropped: number[] = [];
    const { iterator, pending } = await pulled({
      after: 5,
      onDropped: (_, attempt) => dropped.push(attempt),
    });
    sources[0].write({ event: event(6) });
    sources[0].write({ event: event(7) });
    sources[0].emit('error', clientError('gone', 'unavailable'));
    expect(positions((await withTimeout(pending, 1000)).value as SubscriptionBatch)).toEqual([6, 7]);

    const resumed = iterator.next();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(opened).toEqual([5, 7]);
    sources[1].emit('confirmation');
    sources[1].write({ event: event(7) });
    sources[1].write({ event: event(8) });
    sources[1].write({ caughtUp: true });
    const batch = (await withTimeout(resumed, 1000)).value as SubscriptionBatch;
    expect([positions(batch), batch.caughtUp]).toEqual([[8], true]);
    expect(sources[0].unsubscribed).toBe(true);

    sources[1].emit('error', clientError('gone', 'cancelled'));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(dropped).toEqual([0, 0]);
  });

  it('reads no more from the client than it may queue', async () => {
    const { iterator, pending } = await pulled({ batchSize: 2, maxQueued: 4 });
    for (let p = 1; p <= 10; p++) sources[0].write({ event: event(p) });
    await withTimeout(pending, 1000);
    expect(sources[0].readableLength).toBeGreaterThan(0);
    const rest: number[] = [];
    while (rest.length < 8) rest.push(...positions(await next(iterator)));
    expect(rest).toEqual([3, 4, 5, 6, 7, 8, 9, 10]);
  });

  it('ends a waiting iteration on close and cancels the client subscription', async () => {
    const { pending } = await pulled();
    await subscription.close();
    expect(await withTimeout(pending, 1000)).toEqual({ done: true, value: undefined });
    expect(sources[0].unsubscribed).toBe(true);
  });

  it('fails with a StoreTimeoutError when the server never says a word, and lets go of the call', async () => {
    const iterator = subscribe({ confirmTimeoutMs: 50 });

    await expect(withTimeout(iterator.next(), 1000)).rejects.toBeInstanceOf(StoreTimeoutError);
    expect(sources[0].unsubscribed).toBe(true);
    expect(opened).toEqual([undefined]);
  });

  it('keeps a subscription the server confirmed, however quiet it is afterwards', async () => {
    const { pending } = await pulled({ confirmTimeoutMs: 30 });
    sources[0].emit('confirmation');
    // Quiet for several times the deadline (a live subscription with nothing to deliver), then an event.
    setTimeout(() => sources[0].write({ event: event(1) }), 150);

    const batch = (await withTimeout(pending, 1000)).value as SubscriptionBatch;
    expect(positions(batch)).toEqual([1]);
    expect(sources[0].unsubscribed).toBe(false);
  });

  it('ends with a PermanentStoreError when the server refuses for good, and reconnects after a cancelled call', async () => {
    const { pending } = await pulled();
    // What the client makes of gRPC UNKNOWN (an unexpected result on the server): retrying will not help.
    sources[0].emit('error', clientError('2 UNKNOWN: Unexpected ReadAllResult', 'unknown', 2));
    const error = await withTimeout(pending, 1000).catch((e: unknown) => e);
    expect(isPermanentStoreError(error)).toBe(true);
    expect(error).toMatchObject({ cause: { type: 'unknown' } });
    await subscription.close();

    const { pending: next } = await pulled();
    // The same type with CANCELLED: the call was cancelled under us (a channel closed); a new one may work.
    sources[0].emit('error', clientError('1 CANCELLED: Cancelled on client', 'unknown', 1));
    await waitFor(() => sources.length === 2);
    sources[1].write({ event: event(9) });
    expect(positions((await withTimeout(next, 1000)).value as SubscriptionBatch)).toEqual([9]);
  });
});

async function waitFor(condition: () => boolean, timeoutMs = 2000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
}
