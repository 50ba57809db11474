import { type BackoffOptions, isTransientStoreError, withDeadline } from '@app/resilience';
import {
  type AppendResult as ClientAppendResult,
  BACKWARDS,
  END,
  EventStoreDBClient,
  FORWARDS,
  START,
  type ReadPosition,
} from '@eventstore/db-client';
import {
  type AppendResult,
  DuplicateEventIdError,
  type EventStore,
  type ExpectedRevision,
  type NewEvent,
  type ReadAllOptions,
  type ReadStreamOptions,
  type RecordedEvent,
  StreamNotFoundError,
  type Subscription,
  type SubscribeOptions,
  WrongExpectedRevisionError,
} from '../../event-store.port';
import { chainHash, GENESIS_HASH, storedJson } from '../../integrity/event-hash';
import { acceptedAppend, afterConflict, checkOnly, type StoredEvents } from './esdb-append-outcome';
import { STORE_NAME, toStoreError } from './esdb-errors';
import { type EventSelection, SYSTEM_STREAM_PREFIXES, selects, subscriptionFilter } from './esdb-filter';
import {
  DEFAULT_CHUNK_SIZE,
  ESDB_ERROR,
  chunkStart,
  clientErrorType,
  duplicateIdWithin,
  fromClientCurrentRevision,
  fromClientEvent,
  mapAppendError,
  mapReadError,
  numberToPosition,
  toClientExpectedRevision,
  toEventData,
  toSafeNumber,
} from './esdb-mapping';
import { type Direction, readWithDeadline, scanAll } from './esdb-reads';
import { EventStoreDbSubscription } from './eventstoredb-subscription';

/** Default deadline of a read (and of ping, and of a subscription's confirmation), in ms. */
export const DEFAULT_TIMEOUT_MS = 5_000;
/** Default deadline of an append, in ms: above the server's own write timeout (WriteTimeoutMs), see send(). */
export const DEFAULT_APPEND_TIMEOUT_MS = 10_000;

export interface EventStoreDbEventStoreOptions {
  /**
   * Stream-name prefixes of the events this store reads from $all (readAll, headPosition, subscriptions). Default:
   * this system's categories (`member-`, `doetank-`, ...; libs/contracts/src/streams.ts). Tests add their own.
   */
  streamPrefixes?: readonly string[];
  /** Batch size of subscriptions that do not choose one. Default 500. */
  defaultBatchSize?: number;
  /** How long a subscription's partial batch waits for more events. Default 10 ms. */
  flushMs?: number;
  /** Reconnect schedule of dropped subscriptions. Default 100 ms doubling to 30 s, with jitter. */
  backoff?: Pick<BackoffOptions, 'initialMs' | 'maxMs'>;
  /** The server's `--chunk-size`, for reads after a position that is not an event's. Default 256 MiB. */
  chunkSize?: number;
  /**
   * Deadline of each call to the server that reads (a stream, a page of $all, ping) and of a subscription's
   * confirmation, in ms (`EVENTSTOREDB_TIMEOUT_MS`). Default 5000.
   */
  timeoutMs?: number;
  /** Deadline of an append, in ms (`EVENTSTOREDB_APPEND_TIMEOUT_MS`). Default 10000. */
  appendTimeoutMs?: number;
  /** Whether close() disposes the client. `connect()` sets it; a client handed in stays open by default. */
  ownsClient?: boolean;
  /** Told when a subscription dropped and when it will try again (for logs). */
  onSubscriptionDropped?: (error: unknown, attempt: number, delayMs: number) => void;
}

/** Server errors after which a read is not retried from an earlier start (the server, not the position, failed). */
const NOT_A_POSITION_PROBLEM = new Set<string>([
  ESDB_ERROR.unavailable,
  ESDB_ERROR.cancelled,
  ESDB_ERROR.deadlineExceeded,
  ESDB_ERROR.timeout,
  ESDB_ERROR.notLeader,
  ESDB_ERROR.accessDenied,
]);

/** Streams whose newest known (revision, hash) the adapter keeps, so that an append needs no read first. */
const KNOWN_HEADS = 10_000;

/** Records per call when walking $all: large enough for few round trips, small enough to hold. */
const MAX_PAGE = 1000;
/** Records per call when looking for the newest event of ours: the tail of $all is almost always ours. */
const HEAD_PAGE = 32;

/**
 * The EventStore port on EventStoreDB (@eventstore/db-client, gRPC). Streams are named as given; each port event
 * is a JSON event whose id is the port's id and whose metadata is ours plus `$correlationId` / `$causationId`.
 *
 * Every call to the server has a deadline that holds (the client's own does not for reads; see esdb-reads.ts) and
 * fails as the libs/resilience kinds: StoreTimeoutError or StoreUnavailableError when retrying may help,
 * PermanentStoreError when it will not (esdb-errors.ts); the port's own errors stay as they are.
 *
 * Where EventStoreDB differs from the port, and how the adapter bridges it:
 * - Idempotent appends. ESDB recognises a repeated append by its event ids when the expected revision is an exact
 *   revision (or no_stream) and the stream already holds those ids right after it; with `any` it looks the ids up
 *   in a cache of recent writes (best effort). A repeat gets success and nothing is written. With an exact revision
 *   (or no_stream) a success therefore always means "these events are where the port's rule puts them" and is
 *   trusted as it is; with `any` or `stream_exists` the answer is ambiguous (a repeat may have been found
 *   elsewhere) and the appended revisions are read back: a repeat the port does not call idempotent (say one with
 *   `stream_exists` of a stream's first events) is a DuplicateEventIdError.
 * - A WrongExpectedVersion from ESDB is checked against the stream where the append would have landed: the same
 *   events there make it a replay (the original result is returned), some of its ids there an id reuse
 *   (DuplicateEventIdError), otherwise it is a conflict (WrongExpectedRevisionError with the actual revision).
 * - Not bridged: ESDB has no index of event ids across streams, so an id already used in another stream, or earlier
 *   in the same stream, is written again instead of being refused. The api never relies on that check: the
 *   CommandRunner appends with exact revisions and finds its own replays in the stream it loaded.
 * - Positions are commit positions (see esdb-mapping.ts). A read `after` a number that is not an event's position
 *   restarts at the chunk holding it, because ESDB refuses positions inside a record.
 * - readAll and headPosition filter on the client, over $all read in bounded pages: the Node client 6.2.1 offers
 *   no server-side filter for reads (the server has one; its successor @kurrent/kurrentdb-client exposes it, see
 *   docs/production.md). Subscriptions filter on the server (stream-name prefixes, or the event types).
 */
export class EventStoreDbEventStore implements EventStore, StoredEvents {
  private readonly streamPrefixes: readonly string[];
  private readonly defaultBatchSize: number;
  private readonly timeoutMs: number;
  private readonly appendTimeoutMs: number;
  private readonly subscriptions = new Set<EventStoreDbSubscription>();
  private closed = false;
  /** The newest (revision, hash) seen per stream; an event at a revision never changes, so it never goes stale. */
  private readonly knownHeads = new Map<string, { revision: number; hash: string }>();

  constructor(
    private readonly client: EventStoreDBClient,
    private readonly options: EventStoreDbEventStoreOptions = {},
  ) {
    this.streamPrefixes = options.streamPrefixes ?? SYSTEM_STREAM_PREFIXES;
    this.defaultBatchSize = Math.max(1, Math.floor(options.defaultBatchSize ?? 500));
    this.timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.appendTimeoutMs = options.appendTimeoutMs ?? DEFAULT_APPEND_TIMEOUT_MS;
  }

  /**
   * Connects with a connection string, e.g. `esdb://eventstore:2113?tls=false` or, for a cluster,
   * `esdb://node1:2113,node2:2113,node3:2113?tls=true&nodePreference=leader`. The client connects lazily: a wrong
   * address shows on the first call (use ping() at start-up).
   */
  static connect(
    connectionString: string,
    options: EventStoreDbEventStoreOptions = {},
  ): EventStoreDbEventStore {
    return new EventStoreDbEventStore(EventStoreDBClient.connectionString(connectionString), {
      ownsClient: true,
      ...options,
    });
  }

  /**
   * Appending an empty list writes nothing: it checks the expected revision and returns the stream's current
   * revision and the position of its last event, or `-1` for both when the stream does not exist.
   *
   * An append that times out (StoreTimeoutError) may or may not have been written. Callers stay safe by repeating
   * it as it was: the CommandRunner appends with the exact revision it decided on and with event ids derived from
   * the command's idempotency key, so a repeat of a write that did land is recognised (ESDB answers success, or a
   * WrongExpectedVersion that the adapter finds to be the same events) and returns the original result, and one
   * that did not land is written once.
   */
  async appendToStream(
    streamId: string,
    events: readonly NewEvent[],
    expectedRevision: ExpectedRevision,
  ): Promise<AppendResult> {
    return this.guard('appendToStream', async () => {
      const expected = toClientExpectedRevision(expectedRevision);
      if (events.length === 0) return checkOnly(this, streamId, expectedRevision);
      const twice = duplicateIdWithin(events);
      if (twice !== undefined) throw new DuplicateEventIdError(twice);

      const previous = await this.previousLink(streamId, expectedRevision);
      let hash = previous.hash;
      const hashes = events.map((event, i) => {
        const revision = previous.revision + 1 + i;
        hash = chainHash(hash, { streamId, revision, id: event.id, type: event.type, ...storedJson(event) });
        return hash;
      });
      let result: ClientAppendResult;
      try {
        result = await this.send(streamId, events, hashes, expected);
      } catch (error) {
        const mapped = mapAppendError(error, streamId, expectedRevision);
        if (mapped instanceof WrongExpectedRevisionError) {
          return afterConflict(this, streamId, events, expectedRevision, mapped);
        }
        throw mapped;
      }
      if (!result.success) {
        // Only with `throwOnAppendFailure=false` in the connection string.
        const actual = fromClientCurrentRevision(result.nextExpectedRevision);
        throw new WrongExpectedRevisionError(streamId, expectedRevision, actual);
      }
      const lastRevision = toSafeNumber(result.nextExpectedRevision, 'Stream revision');
      const appended = await acceptedAppend(this, streamId, events, expectedRevision, lastRevision, result);
      if (appended.nextExpectedRevision === previous.revision + events.length) {
        this.knowHead(streamId, appended.nextExpectedRevision, hash);
      }
      return appended;
    });
  }

  /**
   * The revision and hash an append's first event chains to. With an exact revision (what the api always uses)
   * the server writes only if that is still the head, so the chain holds under any concurrency; the link is known
   * from the last read or append of the stream, or read (one event). With `any` or `stream_exists` it is the head
   * read just before the append: two appends with `any` racing on one stream could both chain to it (the server
   * keeps `any` for its idempotency: a repeat is recognised by its ids wherever it landed). Nothing here appends with
   * `any`; `audit:verify` would name such an event.
   */
  private async previousLink(
    streamId: string,
    expected: ExpectedRevision,
  ): Promise<{ revision: number; hash: string }> {
    if (expected === 'no_stream') return { revision: -1, hash: GENESIS_HASH };
    if (typeof expected === 'number') {
      const known = this.knownHeads.get(streamId);
      if (known?.revision === expected) return known;
      const [event] = await this.storedRun(streamId, expected, 1);
      // No such event: the server refuses the append (or finds it a repeat and writes nothing).
      return {
        revision: expected,
        hash: event?.revision === expected ? (event.hash ?? GENESIS_HASH) : GENESIS_HASH,
      };
    }
    const last = await this.lastEvent(streamId);
    return { revision: last?.revision ?? -1, hash: last?.hash ?? GENESIS_HASH };
  }

  private knowHead(streamId: string, revision: number, hash: string | undefined): void {
    if (hash === undefined) return;
    const known = this.knownHeads.get(streamId);
    if (known && known.revision >= revision) return;
    this.knownHeads.delete(streamId);
    if (this.knownHeads.size >= KNOWN_HEADS) this.knownHeads.delete(this.knownHeads.keys().next().value!);
    this.knownHeads.set(streamId, { revision, hash });
  }

  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    return this.guard('readStream', () => this.readStreamEvents(streamId, options));
  }

  async streamRevision(streamId: string): Promise<number | undefined> {
    return this.guard('streamRevision', async () => (await this.lastEvent(streamId))?.revision);
  }

  /**
   * One page of this system's events after a position (exclusive), from $all read in bounded pages and filtered on
   * the client; only the page is held in memory. Each call to the server has the read deadline.
   */
  async readAll(options: ReadAllOptions): Promise<RecordedEvent[]> {
    return this.guard('readAll', async () => {
      const limit = Math.max(0, Math.floor(options.maxCount));
      if (limit === 0) return [];
      const wanted = selects(this.selection(options.eventTypes));
      const after = options.after;
      const page = (from: ReadPosition) => this.readAllFrom(from, after, limit, wanted);
      if (after === undefined || after <= 0) return page(START);
      try {
        return await page(numberToPosition(after));
      } catch (error) {
        // Most likely a position inside a record (not an event's position): start at its chunk instead.
        const type = clientErrorType(error);
        if (isTransientStoreError(error) || (type !== undefined && NOT_A_POSITION_PROBLEM.has(type)))
          throw error;
        const start = chunkStart(after, this.options.chunkSize ?? DEFAULT_CHUNK_SIZE);
        return page(start === 0 ? START : numberToPosition(start)).catch(() => Promise.reject(error));
      }
    });
  }

  /**
   * Position of this system's newest event: $all read backwards from its end in small pages, up to the first event
   * of ours, which is nearly always in the first page (one call).
   */
  async headPosition(): Promise<number | undefined> {
    return this.guard('headPosition', async () => {
      const wanted = selects(this.selection(undefined));
      const [newest] = await this.scan(END, BACKWARDS, { pageSize: HEAD_PAGE, limit: 1, wanted });
      return newest?.position;
    });
  }

  subscribeToAll(options: SubscribeOptions = {}): Subscription {
    this.assertOpen();
    const selection = this.selection(options.eventTypes);
    const wanted = selects(selection);
    const filter = subscriptionFilter(selection);
    const batchSize = Math.max(1, Math.floor(options.batchSize ?? this.defaultBatchSize));
    const subscription = new EventStoreDbSubscription({
      after: options.after,
      batchSize,
      flushMs: Math.max(0, this.options.flushMs ?? 10),
      maxQueued: Math.max(2 * batchSize, 1000),
      backoff: this.options.backoff ?? {},
      confirmTimeoutMs: this.timeoutMs,
      // The server starts after `fromPosition` (it reads the event there and continues behind it).
      open: (after) =>
        this.client.subscribeToAll({
          fromPosition: after === undefined || after <= 0 ? START : numberToPosition(after),
          filter,
          resolveLinkTos: false,
        }),
      convert: (event) => (wanted(event) ? fromClientEvent(event) : undefined),
      onDropped: this.options.onSubscriptionDropped,
      release: (closed) => this.subscriptions.delete(closed),
    });
    this.subscriptions.add(subscription);
    return subscription;
  }

  /** A cheap read of the newest record of $all, with the read deadline. */
  async ping(): Promise<void> {
    return this.guard('ping', () =>
      readWithDeadline(
        this.timeoutMs,
        'ping',
        () => this.client.readAll({ direction: BACKWARDS, fromPosition: END, maxCount: 1 }),
        () => false,
      ),
    );
  }

  /** Ends every subscription; disposes the client when this store created it. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await Promise.all([...this.subscriptions].map((subscription) => subscription.close()));
    this.subscriptions.clear();
    if (this.options.ownsClient) await this.client.dispose();
  }

  /** Runs one port call: refused once closed; its failure in the port's and libs/resilience's terms. */
  private async guard<T>(operation: string, work: () => Promise<T>): Promise<T> {
    this.assertOpen();
    try {
      return await work();
    } catch (error) {
      throw toStoreError(error, operation);
    }
  }

  /**
   * The append itself, with its own deadline. The client passes a per-call `deadline` on (to gRPC for a plain append,
   * inside the request for a batch append, which the server bounds by its own write timeout and then answers with a
   * timeout: EventStore/EventStore src/EventStore.Core/Services/Transport/Grpc/Streams.BatchAppend.cs), but before
   * either it asks the server which methods it supports (once per channel, `GetSupportedMethods`, sent without any
   * deadline: @eventstore/db-client 6.2.1, dist/Client/ServerFeatures.js) and waits for the answer. Against a node
   * that never answers, only our timer ends the wait. The abandoned call cannot be cancelled through the client's
   * API: a pending batch append keeps a small entry in the client's table of answers until the connection ends, and
   * the pending feature probe makes later appends on the same channel wait (and time out) as well, until the
   * connection is reset; a node that answers again answers both.
   */
  private send(
    streamId: string,
    events: readonly NewEvent[],
    hashes: readonly string[],
    expected: ReturnType<typeof toClientExpectedRevision>,
  ) {
    const timeoutMs = this.appendTimeoutMs;
    return withDeadline(timeoutMs, { store: STORE_NAME, operation: 'appendToStream' }, () =>
      this.client.appendToStream(
        streamId,
        events.map((event, i) => toEventData(event, hashes[i])),
        {
          expectedRevision: expected,
          ...(timeoutMs > 0 && Number.isFinite(timeoutMs) ? { deadline: timeoutMs } : {}),
        },
      ),
    );
  }

  private async readStreamEvents(streamId: string, options: ReadStreamOptions): Promise<RecordedEvent[]> {
    const backwards = options.direction === 'backwards';
    const maxCount = options.maxCount === undefined ? undefined : Math.max(0, Math.floor(options.maxCount));
    if (maxCount === 0 || (backwards && options.fromRevision !== undefined && options.fromRevision < 0)) {
      if ((await this.lastEvent(streamId)) === undefined) throw new StreamNotFoundError(streamId);
      return [];
    }
    const events: RecordedEvent[] = [];
    try {
      await readWithDeadline(
        this.timeoutMs,
        'readStream',
        () =>
          this.client.readStream(streamId, {
            direction: backwards ? BACKWARDS : FORWARDS,
            fromRevision:
              options.fromRevision === undefined
                ? backwards
                  ? END
                  : START
                : BigInt(Math.max(0, Math.floor(options.fromRevision))),
            ...(maxCount === undefined ? {} : { maxCount }),
          }),
        (resolved) => {
          if (resolved.event) events.push(fromClientEvent(resolved.event));
          return true;
        },
      );
    } catch (error) {
      throw mapReadError(error, streamId);
    }
    const newest = backwards ? events[0] : events[events.length - 1];
    if (newest) this.knowHead(streamId, newest.revision, newest.hash);
    return events;
  }

  private selection(eventTypes: readonly string[] | undefined): EventSelection {
    return { streamPrefixes: this.streamPrefixes, ...(eventTypes === undefined ? {} : { eventTypes }) };
  }

  private readAllFrom(
    from: ReadPosition,
    after: number | undefined,
    limit: number,
    wanted: (event: { streamId: string; type: string }) => boolean,
  ): Promise<RecordedEvent[]> {
    // One record more than asked: the start is inclusive in ESDB, exclusive in the port.
    return this.scan(from, FORWARDS, { pageSize: Math.min(limit + 1, MAX_PAGE), limit, wanted, after });
  }

  /**
   * Up to `limit` of the events `wanted` from $all (only those after `after`, if given), walking in pages of
   * `pageSize` records.
   */
  private async scan(
    from: ReadPosition,
    direction: Direction,
    {
      pageSize,
      limit,
      wanted,
      after,
    }: {
      pageSize: number;
      limit: number;
      wanted: (event: { streamId: string; type: string }) => boolean;
      after?: number;
    },
  ): Promise<RecordedEvent[]> {
    const events: RecordedEvent[] = [];
    const operation = direction === FORWARDS ? 'readAll' : 'headPosition';
    await scanAll(
      this.client,
      { from, direction, pageSize, timeoutMs: this.timeoutMs, operation },
      (recorded) => {
        if (!wanted(recorded)) return true;
        const event = fromClientEvent(recorded);
        if (after !== undefined && event.position <= after) return true;
        events.push(event);
        return events.length < limit;
      },
    );
    return events;
  }

  /** For the append checks (StoredEvents). */
  async lastEvent(streamId: string): Promise<RecordedEvent | undefined> {
    try {
      const [last] = await this.readStreamEvents(streamId, { direction: 'backwards', maxCount: 1 });
      return last;
    } catch (error) {
      if (error instanceof StreamNotFoundError) return undefined;
      throw error;
    }
  }

  /** The stored events from `first` on, at most `count`; none when the stream does not exist. */
  async storedRun(streamId: string, first: number, count: number): Promise<RecordedEvent[]> {
    try {
      return await this.readStreamEvents(streamId, { fromRevision: first, maxCount: count });
    } catch (error) {
      if (error instanceof StreamNotFoundError) return [];
      throw error;
    }
  }

  private assertOpen(): void {
    if (this.closed) throw new Error('EventStoreDbEventStore is closed');
  }
}
