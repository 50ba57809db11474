import {
  BACKWARDS,
  END,
  EventStoreDBClient,
  FORWARDS,
  START,
  type ReadPosition,
  type ResolvedEvent,
  type StreamingRead,
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
import type { BackoffOptions } from './backoff';
import { type EventSelection, SYSTEM_STREAM_PREFIXES, selects, subscriptionFilter } from './esdb-filter';
import {
  DEFAULT_CHUNK_SIZE,
  ESDB_ERROR,
  chunkStart,
  clientErrorType,
  compareStoredRun,
  duplicateIdWithin,
  fromClientCurrentRevision,
  fromClientEvent,
  mapAppendError,
  mapReadError,
  matchesExpected,
  normalizeId,
  numberToPosition,
  toClientExpectedRevision,
  toEventData,
  toSafeNumber,
  wouldHavePlacedAt,
} from './esdb-mapping';
import { EventStoreDbSubscription } from './eventstoredb-subscription';

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
  backoff?: BackoffOptions;
  /** The server's `--chunk-size`, for reads after a position that is not an event's. Default 256 MiB. */
  chunkSize?: number;
  /** Deadline of `ping()`, in ms. Default 2000. */
  pingDeadlineMs?: number;
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

/**
 * The EventStore port on EventStoreDB (@eventstore/db-client, gRPC). Streams are named as given; each port event
 * is a JSON event whose id is the port's id and whose metadata is ours plus `$correlationId` / `$causationId`.
 *
 * Where EventStoreDB differs from the port, and how the adapter bridges it:
 * - Idempotent appends. ESDB recognises a repeated append by its event ids when the expected revision is an exact
 *   revision (or no_stream) and the stream already holds those events right after it; with `any` it looks the ids
 *   up in a cache of recent writes (best effort). A repeat gets success and nothing is written. After every
 *   successful append the adapter reads the appended revisions back (one indexed read of n events) to return the
 *   exact position of the last event, which also catches an "idempotent" success that does not match the port's
 *   rule (say a repeat with `stream_exists` of a stream's first events): that is a DuplicateEventIdError.
 * - A WrongExpectedVersion from ESDB is checked against the stream where the append would have landed: the same
 *   events there make it a replay (the original result is returned), some of its ids there an id reuse
 *   (DuplicateEventIdError), otherwise it is a conflict (WrongExpectedRevisionError with the actual revision).
 * - Not bridged: ESDB has no index of event ids across streams, so an id already used in another stream, or earlier
 *   in the same stream, is written again instead of being refused. The api never relies on that check: the
 *   CommandRunner appends with exact revisions and finds its own replays in the stream it loaded.
 * - Positions are commit positions (see esdb-mapping.ts). A read `after` a number that is not an event's position
 *   restarts at the chunk holding it, because ESDB refuses positions inside a record.
 * - readAll filters on the client: the Node client does not offer server-side filters on reads. Subscriptions
 *   filter on the server (stream-name prefixes, or the event types).
 */
export class EventStoreDbEventStore implements EventStore {
  private readonly streamPrefixes: readonly string[];
  private readonly defaultBatchSize: number;
  private readonly subscriptions = new Set<EventStoreDbSubscription>();
  private closed = false;

  constructor(
    private readonly client: EventStoreDBClient,
    private readonly options: EventStoreDbEventStoreOptions = {},
  ) {
    this.streamPrefixes = options.streamPrefixes ?? SYSTEM_STREAM_PREFIXES;
    this.defaultBatchSize = Math.max(1, Math.floor(options.defaultBatchSize ?? 500));
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
   */
  async appendToStream(
    streamId: string,
    events: readonly NewEvent[],
    expectedRevision: ExpectedRevision,
  ): Promise<AppendResult> {
    this.assertOpen();
    const expected = toClientExpectedRevision(expectedRevision);
    if (events.length === 0) return this.checkOnly(streamId, expectedRevision);
    const twice = duplicateIdWithin(events);
    if (twice !== undefined) throw new DuplicateEventIdError(twice);

    let lastRevision: number;
    try {
      const result = await this.client.appendToStream(streamId, events.map(toEventData), {
        expectedRevision: expected,
      });
      if (!result.success) {
        // Only with `throwOnAppendFailure=false` in the connection string.
        const actual = fromClientCurrentRevision(result.nextExpectedRevision);
        throw new WrongExpectedRevisionError(streamId, expectedRevision, actual);
      }
      lastRevision = toSafeNumber(result.nextExpectedRevision, 'Stream revision');
    } catch (error) {
      const mapped = mapAppendError(error, streamId, expectedRevision);
      if (mapped instanceof WrongExpectedRevisionError) {
        return this.afterConflict(streamId, events, expectedRevision, mapped);
      }
      throw mapped;
    }
    return this.confirmAppended(streamId, events, expectedRevision, lastRevision);
  }

  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    this.assertOpen();
    const backwards = options.direction === 'backwards';
    const maxCount = options.maxCount === undefined ? undefined : Math.max(0, Math.floor(options.maxCount));
    if (maxCount === 0 || (backwards && options.fromRevision !== undefined && options.fromRevision < 0)) {
      if ((await this.streamRevision(streamId)) === undefined) throw new StreamNotFoundError(streamId);
      return [];
    }
    const read = this.client.readStream(streamId, {
      direction: backwards ? BACKWARDS : FORWARDS,
      fromRevision:
        options.fromRevision === undefined
          ? backwards
            ? END
            : START
          : BigInt(Math.max(0, Math.floor(options.fromRevision))),
      ...(maxCount === undefined ? {} : { maxCount }),
    });
    return this.collect(read, streamId);
  }

  async streamRevision(streamId: string): Promise<number | undefined> {
    const last = await this.lastEvent(streamId);
    return last?.revision;
  }

  /**
   * One page of this system's events after a position (exclusive), streamed from $all and filtered on the client;
   * only the page is held in memory.
   */
  async readAll(options: ReadAllOptions): Promise<RecordedEvent[]> {
    this.assertOpen();
    const limit = Math.max(0, Math.floor(options.maxCount));
    if (limit === 0) return [];
    const wanted = selects(this.selection(options.eventTypes));
    const after = options.after;
    const page = (from: ReadPosition) => this.readAllPage(from, after, limit, wanted);
    if (after === undefined || after <= 0) return page(START);
    try {
      return await page(numberToPosition(after));
    } catch (error) {
      // Most likely a position inside a record (not an event's position): start at its chunk instead.
      const type = clientErrorType(error);
      if (type !== undefined && NOT_A_POSITION_PROBLEM.has(type)) throw error;
      const start = chunkStart(after, this.options.chunkSize ?? DEFAULT_CHUNK_SIZE);
      return page(start === 0 ? START : numberToPosition(start)).catch(() => Promise.reject(error));
    }
  }

  /** Position of this system's newest event: $all read backwards up to the first event of ours. */
  async headPosition(): Promise<number | undefined> {
    this.assertOpen();
    const [newest] = await this.readAllPage(END, undefined, 1, selects(this.selection(undefined)), BACKWARDS);
    return newest?.position;
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

  /** A cheap read of the newest record of $all, with a short deadline. */
  async ping(): Promise<void> {
    this.assertOpen();
    const read = this.client.readAll({
      direction: BACKWARDS,
      fromPosition: END,
      maxCount: 1,
      deadline: this.options.pingDeadlineMs ?? 2000,
    });
    try {
      for await (const _ of read) break;
    } finally {
      await read.cancel().catch(() => undefined);
    }
  }

  /** Ends every subscription; disposes the client when this store created it. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await Promise.all([...this.subscriptions].map((subscription) => subscription.close()));
    this.subscriptions.clear();
    if (this.options.ownsClient) await this.client.dispose();
  }

  private selection(eventTypes: readonly string[] | undefined): EventSelection {
    return { streamPrefixes: this.streamPrefixes, ...(eventTypes === undefined ? {} : { eventTypes }) };
  }

  private async readAllPage(
    from: ReadPosition,
    after: number | undefined,
    limit: number,
    wanted: (event: { streamId: string; type: string }) => boolean,
    direction: typeof FORWARDS | typeof BACKWARDS = FORWARDS,
  ): Promise<RecordedEvent[]> {
    const read = this.client.readAll({ fromPosition: from, direction });
    const events: RecordedEvent[] = [];
    try {
      for await (const resolved of read) {
        const recorded = resolved.event;
        if (!recorded || !wanted(recorded)) continue;
        const event = fromClientEvent(recorded);
        // The start is inclusive in ESDB, exclusive in the port.
        if (after !== undefined && event.position <= after) continue;
        events.push(event);
        if (events.length >= limit) break;
      }
    } finally {
      // Leaving early must end the server's read too.
      await read.cancel().catch(() => undefined);
    }
    return events;
  }

  private async collect(read: StreamingRead<ResolvedEvent>, streamId: string): Promise<RecordedEvent[]> {
    const events: RecordedEvent[] = [];
    try {
      for await (const resolved of read) {
        if (resolved.event) events.push(fromClientEvent(resolved.event));
      }
    } catch (error) {
      throw mapReadError(error, streamId);
    }
    return events;
  }

  private async lastEvent(streamId: string): Promise<RecordedEvent | undefined> {
    try {
      const [last] = await this.readStream(streamId, { direction: 'backwards', maxCount: 1 });
      return last;
    } catch (error) {
      if (error instanceof StreamNotFoundError) return undefined;
      throw error;
    }
  }

  /** The stored events from `first` on, at most `count`; none when the stream does not exist. */
  private async storedRun(streamId: string, first: number, count: number): Promise<RecordedEvent[]> {
    try {
      return await this.readStream(streamId, { fromRevision: first, maxCount: count });
    } catch (error) {
      if (error instanceof StreamNotFoundError) return [];
      throw error;
    }
  }

  private async checkOnly(streamId: string, expected: ExpectedRevision): Promise<AppendResult> {
    const last = await this.lastEvent(streamId);
    if (!matchesExpected(expected, last?.revision)) {
      throw new WrongExpectedRevisionError(streamId, expected, last?.revision);
    }
    return last === undefined
      ? { nextExpectedRevision: -1, position: -1 }
      : { nextExpectedRevision: last.revision, position: last.position };
  }

  /**
   * The server accepted the append (a write or its own idempotent repeat): the revisions it reports must hold
   * exactly these events, where the port's rule puts them. Returns the last event's exact position.
   */
  private async confirmAppended(
    streamId: string,
    events: readonly NewEvent[],
    expected: ExpectedRevision,
    lastRevision: number,
  ): Promise<AppendResult> {
    const first = lastRevision - events.length + 1;
    const stored = first < 0 ? [] : await this.storedRun(streamId, first, events.length);
    if (compareStoredRun(stored, events) === 'same' && wouldHavePlacedAt(expected, first)) {
      const last = stored[stored.length - 1];
      return { nextExpectedRevision: last.revision, position: last.position };
    }
    // A fresh write always reads back as itself; this was a repeat the port does not call idempotent.
    throw new DuplicateEventIdError(firstOurs(stored, events) ?? events[0].id);
  }

  /** A WrongExpectedVersion: a replay of the same append, an id reused, or a real conflict. */
  private async afterConflict(
    streamId: string,
    events: readonly NewEvent[],
    expected: ExpectedRevision,
    conflict: WrongExpectedRevisionError,
  ): Promise<AppendResult> {
    const actual = conflict.actual;
    if (expected === 'any' || (expected === 'stream_exists' && actual !== undefined)) {
      // ESDB only refuses these when it found some of the ids already written (a partial repeat).
      throw new DuplicateEventIdError(events[0].id);
    }
    const first = expected === 'no_stream' ? 0 : expected === 'stream_exists' ? undefined : expected + 1;
    if (first === undefined || actual === undefined || actual < first) throw conflict;
    const stored = await this.storedRun(streamId, first, events.length);
    switch (compareStoredRun(stored, events)) {
      case 'same': {
        const last = stored[stored.length - 1];
        return { nextExpectedRevision: last.revision, position: last.position };
      }
      case 'partly-ours':
        throw new DuplicateEventIdError(firstOurs(stored, events) ?? events[0].id);
      default:
        throw conflict;
    }
  }

  private assertOpen(): void {
    if (this.closed) throw new Error('EventStoreDbEventStore is closed');
  }
}

/** The first of the append's ids that is among the stored events. */
function firstOurs(stored: readonly RecordedEvent[], events: readonly NewEvent[]): string | undefined {
  const storedIds = new Set(stored.map((event) => normalizeId(event.id)));
  return events.find((event) => storedIds.has(normalizeId(event.id)))?.id;
}
