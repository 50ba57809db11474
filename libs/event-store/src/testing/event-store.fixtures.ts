import type { EventMetadata } from '@app/contracts';
import { randomUUID } from 'node:crypto';
import type { NewEvent, RecordedEvent, Subscription, SubscriptionBatch } from '../event-store.port';

/** A NewEvent with a fresh id and complete metadata; override any part. */
export function newEvent(
  type: string,
  data: unknown = {},
  overrides: { id?: string; metadata?: Partial<EventMetadata> } = {},
): NewEvent {
  const id = overrides.id ?? randomUUID();
  return {
    id,
    type,
    data,
    metadata: {
      occurredAt: '2024-03-14T19:30:00.000Z',
      recordedAt: '2024-03-14T19:30:01.000Z',
      actorId: 'member-contract-test',
      correlationId: randomUUID(),
      causationId: randomUUID(),
      schemaVersion: 1,
      ...overrides.metadata,
    },
  };
}

/** `count` events of one type, data `{ n: 0..count-1 }`. */
export function newEvents(type: string, count: number): NewEvent[] {
  return Array.from({ length: count }, (_, n) => newEvent(type, { n }));
}

/** A stream id of its own for one test, so suites can share a store (or a server). */
export function uniqueStreamId(prefix = 'contract'): string {
  return `${prefix}-${randomUUID()}`;
}

/** An event type no other test uses, so filtered reads of a shared store see only this test's events. */
export function uniqueEventType(prefix = 'ContractTested'): string {
  return `${prefix}${randomUUID().replaceAll('-', '')}`;
}

/**
 * Pulls batches from a subscription until `done(events, batches)` holds, failing after `timeoutMs`. The
 * subscription stays open (close it yourself); the iterator is returned to continue reading.
 */
export async function collectUntil(
  iterator: AsyncIterator<SubscriptionBatch>,
  done: (events: RecordedEvent[], batches: SubscriptionBatch[]) => boolean,
  timeoutMs = 5000,
): Promise<{ events: RecordedEvent[]; batches: SubscriptionBatch[] }> {
  const events: RecordedEvent[] = [];
  const batches: SubscriptionBatch[] = [];
  const deadline = Date.now() + timeoutMs;
  while (!done(events, batches)) {
    const next = await withTimeout(iterator.next(), deadline - Date.now());
    if (next.done) throw new Error(`subscription ended after ${events.length} events`);
    batches.push(next.value);
    events.push(...next.value.events);
  }
  return { events, batches };
}

/** The iterator of a subscription, for step-by-step reading. */
export function iterate(subscription: Subscription): AsyncIterator<SubscriptionBatch> {
  return subscription[Symbol.asyncIterator]();
}

export async function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms`)), Math.max(0, ms));
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
