import type { EventStore, RecordedEvent } from '@app/event-store';

/**
 * How far a projection is behind the event store, truthfully for every adapter:
 * - `lagEvents`: the events after the projection's position. Counted by the store where it can count without
 *   reading them (`countEventsAfter`: SQLite), otherwise by reading up to {@link READ_COUNT_CAP} events; a count
 *   that reached its cap is a lower bound and says so (`lagEventsAtLeast`). Never a difference of positions:
 *   EventStoreDB's positions are byte offsets in its log, not event numbers.
 * - `lagSeconds`: how long the oldest event not applied yet has been waiting (its `recordedAt`); 0 when caught up.
 *   The one figure that means the same on every store, so readiness gates on it.
 */
export interface ProjectionLag {
  /** Position of the newest event in the store. */
  headPosition: number;
  lagEvents: number;
  /** `lagEvents` is a lower bound: the count stopped at its cap. */
  lagEventsAtLeast?: boolean;
  lagSeconds: number;
}

/** Events read to count a lag when the store cannot count them itself. */
export const READ_COUNT_CAP = 1000;
/**
 * Events a store that counts (`countEventsAfter`) counts at most: SQLite counts about six million a second, on the
 * thread that asks, so a lag beyond this is reported as "at least" rather than holding that thread.
 */
export const COUNT_CAP = 100_000;

/**
 * `status` with its lag measured against the store now. `head` when the caller has read it already (one read for
 * many statuses).
 */
export async function withLag<S extends { position: number }>(
  status: S,
  eventStore: EventStore,
  now: Date,
  head?: number,
): Promise<S & ProjectionLag> {
  const headPosition = head ?? (await eventStore.headPosition()) ?? 0;
  return { ...status, ...(await lagAfter(eventStore, status.position, headPosition, now)) };
}

/**
 * Every status with its lag: one read of the head, and one measurement per distinct position (projections that
 * are level share it).
 */
export async function withLags<S extends { position: number }>(
  statuses: readonly S[],
  eventStore: EventStore,
  now: Date,
): Promise<(S & ProjectionLag)[]> {
  const head = (await eventStore.headPosition()) ?? 0;
  const lags = new Map<number, Promise<ProjectionLag>>();
  for (const { position } of statuses) {
    if (!lags.has(position)) lags.set(position, lagAfter(eventStore, position, head, now));
  }
  return Promise.all(statuses.map(async (status) => ({ ...status, ...(await lags.get(status.position)!) })));
}

async function lagAfter(
  eventStore: EventStore,
  position: number,
  headPosition: number,
  now: Date,
): Promise<ProjectionLag> {
  if (headPosition <= position) return { headPosition, lagEvents: 0, lagSeconds: 0 };
  if (eventStore.countEventsAfter) {
    const [[oldest], counted] = await Promise.all([
      eventStore.readAll({ after: position, maxCount: 1 }),
      eventStore.countEventsAfter(position, COUNT_CAP),
    ]);
    return {
      headPosition,
      lagEvents: counted,
      ...(counted >= COUNT_CAP && { lagEventsAtLeast: true }),
      lagSeconds: waitingSeconds(oldest, now),
    };
  }
  const waiting = await eventStore.readAll({ after: position, maxCount: READ_COUNT_CAP });
  return {
    headPosition,
    lagEvents: waiting.length,
    ...(waiting.length >= READ_COUNT_CAP && { lagEventsAtLeast: true }),
    lagSeconds: waitingSeconds(waiting[0], now),
  };
}

function waitingSeconds(oldest: RecordedEvent | undefined, now: Date): number {
  const recordedAt = oldest ? Date.parse(oldest.metadata.recordedAt) : NaN;
  return Number.isFinite(recordedAt) ? Math.max(0, (now.getTime() - recordedAt) / 1000) : 0;
}
