// Reads from the client with a deadline that holds, and $all scanned in bounded pages.
import { withDeadline } from '@app/resilience';
import {
  BACKWARDS,
  type AllStreamRecordedEvent,
  type EventStoreDBClient,
  FORWARDS,
  type ReadPosition,
  type StreamingRead,
} from '@eventstore/db-client';
import { STORE_NAME } from './esdb-errors';

/** What the adapter needs of a read: async iteration, and `cancel()` to end the gRPC call. */
type Read<T> = Pick<StreamingRead<T>, 'cancel'> & AsyncIterable<T>;

/**
 * One read call with a deadline that holds. @eventstore/db-client 6.2.1 starts every read with `deadline: Infinity`
 * whatever the caller asks (its dist/streams/readAll.js and readStream.js: `callArguments(baseOptions, { deadline:
 * Infinity })`, and callArguments keeps a deadline given there), so against a node that accepts the call and never
 * answers the iteration waits for ever. Here the deadline is our own timer (libs/resilience `withDeadline`): when
 * it fires, the caller gets a StoreTimeoutError, the gRPC call is cancelled (`cancel()` resets the HTTP/2 stream,
 * so the server stops too) and the client's Readable is destroyed, which settles the abandoned iteration.
 *
 * `take` receives each item in order and returns false to stop early; stopping early cancels the call as well,
 * since leaving the iteration only unpipes the client's Readable from a gRPC stream that would keep sending.
 */
export function readWithDeadline<T>(
  timeoutMs: number,
  operation: string,
  open: () => Read<T>,
  take: (item: T) => boolean,
): Promise<void> {
  return withDeadline(timeoutMs, { store: STORE_NAME, operation }, async (signal) => {
    const read = open();
    const abandon = () => {
      void read.cancel().catch(() => undefined);
      (read as { destroy?: (error?: Error) => void }).destroy?.(signal.reason as Error);
    };
    signal.addEventListener('abort', abandon, { once: true });
    let stoppedEarly = false;
    try {
      for await (const item of read) {
        if (!take(item)) {
          stoppedEarly = true;
          break;
        }
      }
    } finally {
      signal.removeEventListener('abort', abandon);
    }
    if (stoppedEarly) await read.cancel().catch(() => undefined);
  });
}

export type Direction = typeof FORWARDS | typeof BACKWARDS;

export interface ScanOptions {
  from: ReadPosition;
  direction: Direction;
  /** Records per call (the server's `maxCount`): each page is one bounded call with its own deadline. */
  pageSize: number;
  timeoutMs: number;
  operation: string;
}

/**
 * Walks $all from `from` in pages, handing every recorded event to `take` until it returns false or $all ends. The
 * client has no server-side filter for reads (6.2.1's readAll always sends `no_filter`: dist/streams/readAll.js), so
 * the caller filters; paging with `maxCount` keeps each call small and bounded instead of streaming $all until the
 * caller stops. A page continues where the previous one ended; records at or before that place (a read position is
 * inclusive) are skipped.
 */
export async function scanAll(
  client: EventStoreDBClient,
  options: ScanOptions,
  take: (event: AllStreamRecordedEvent) => boolean,
): Promise<void> {
  const forwards = options.direction === FORWARDS;
  let from = options.from;
  let seen: bigint | undefined;
  for (;;) {
    const page = { records: 0, last: undefined as AllStreamRecordedEvent | undefined, stopped: false };
    await readWithDeadline(
      options.timeoutMs,
      options.operation,
      () => client.readAll({ fromPosition: from, direction: options.direction, maxCount: options.pageSize }),
      (resolved) => {
        page.records++;
        const event = resolved.event;
        if (!event) return true;
        const commit = event.position?.commit;
        if (commit !== undefined) {
          if (seen !== undefined && (forwards ? commit <= seen : commit >= seen)) return true;
          page.last = event;
        }
        if (take(event)) return true;
        page.stopped = true;
        return false;
      },
    );
    if (page.stopped || page.records < options.pageSize || page.last === undefined) return;
    seen = page.last.position.commit;
    from = page.last.position;
  }
}
