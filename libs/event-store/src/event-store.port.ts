import type { EventMetadata } from '@app/contracts';

/**
 * The event store port. Adapters: SQLite (embedded, `adapters/sqlite`) and EventStoreDB (`adapters/eventstoredb`).
 * Every adapter passes the contract suite in `testing/event-store.contract.ts`.
 *
 * Revisions are 0-based per stream; a global position orders every event of the store and only grows. Positions
 * are opaque beyond "greater is later": the SQLite adapter uses its row id, EventStoreDB its commit position.
 */
export const EVENT_STORE = Symbol('EVENT_STORE');

/** What an append expects of the stream: `no_stream` (must not exist), `stream_exists`, `any`, or an exact revision. */
export type ExpectedRevision = 'no_stream' | 'stream_exists' | 'any' | number;

export interface NewEvent {
  /** UUID; unique across the store. Deterministic when the command carried an idempotency key. */
  id: string;
  type: string;
  data: unknown;
  metadata: EventMetadata;
}

export interface RecordedEvent {
  id: string;
  streamId: string;
  revision: number;
  position: number;
  type: string;
  data: unknown;
  metadata: EventMetadata;
  /**
   * The event's link in its stream's hash chain (see integrity/event-hash.ts): written by the adapter with the
   * event, over the stored bytes and the previous event's hash. Absent on events written before the store hashed
   * (an upgraded store: the chain starts at the first hashed event).
   */
  hash?: string;
}

export interface AppendResult {
  /** Revision of the last event now in the stream (what to expect on the next append). */
  nextExpectedRevision: number;
  /** Global position of the last appended event. */
  position: number;
}

export interface ReadStreamOptions {
  direction?: 'forwards' | 'backwards';
  /** Inclusive start revision; defaults to the start (forwards) or the end (backwards). */
  fromRevision?: number;
  /** Page size; defaults to all. */
  maxCount?: number;
}

export interface ReadAllOptions {
  /** Exclusive: events after this position. Omit to start at the beginning. */
  after?: number;
  maxCount: number;
  /** Only events of these types (an allow-list); omit for all. */
  eventTypes?: readonly string[];
}

export interface SubscribeOptions {
  /** Exclusive: deliver events after this position; omit for the beginning of the store. */
  after?: number;
  eventTypes?: readonly string[];
  /** Largest batch handed to the consumer at once. */
  batchSize?: number;
}

/**
 * A live subscription to all events. Iterate it to receive batches in position order; `caughtUp` is true on the
 * first batch (possibly empty) that reaches the head of the store at the time it was read. Closing ends the
 * iteration. Delivery is at-least-once: a consumer that restarts from its checkpoint may see a batch again.
 */
export interface Subscription extends AsyncIterable<SubscriptionBatch> {
  close(): Promise<void>;
}

export interface SubscriptionBatch {
  events: RecordedEvent[];
  caughtUp: boolean;
}

export interface ReadStreamHeadsOptions {
  atPosition: number;
  afterStreamId?: string;
  maxCount: number;
}

/** A stream's head: its last revision and that event's chain hash (none when written before hashing). */
export interface StoredStreamHead {
  streamId: string;
  revision: number;
  hash?: string;
}

export interface EventStore {
  /**
   * Appends events atomically (all or none). Throws {@link WrongExpectedRevisionError} when the stream is not at
   * the expected revision. Appending events whose ids are already stored as the same events in the same stream at
   * the same place is idempotent: it returns the original result and writes nothing.
   */
  appendToStream(
    streamId: string,
    events: readonly NewEvent[],
    expectedRevision: ExpectedRevision,
  ): Promise<AppendResult>;

  /** Reads a stream in revision order. Throws {@link StreamNotFoundError} when the stream does not exist. */
  readStream(streamId: string, options?: ReadStreamOptions): Promise<RecordedEvent[]>;

  /** Current revision of a stream, or undefined when it does not exist. */
  streamRevision(streamId: string): Promise<number | undefined>;

  /** One batch of events from the global log, in position order. */
  readAll(options: ReadAllOptions): Promise<RecordedEvent[]>;

  /** Position of the newest event, or undefined for an empty store. */
  headPosition(): Promise<number | undefined>;

  /**
   * Optional, for adapters that count without reading the events (SQLite): how many events follow `position` in
   * the global log, counting at most `cap` (an answer of `cap` means "at least that many"). Adapters that would
   * have to read them leave it out, and callers count by reading (the lag of a projection, see libs/projections).
   */
  countEventsAfter?(position: number, cap: number): Promise<number>;

  /**
   * Optional, for adapters that keep each stream's head in a table (SQLite's `streams`): the head of every stream
   * as of `atPosition` (its last event at or before it; streams that began later are left out), a page at a time
   * in stream-id order after `afterStreamId`. A seal's Merkle root is computed from these pages without reading
   * the log (see integrity/seal.ts). Adapters without such a table leave it out.
   */
  readStreamHeads?(options: ReadStreamHeadsOptions): Promise<StoredStreamHead[]>;

  subscribeToAll(options?: SubscribeOptions): Subscription;

  /**
   * Optional, for adapters whose store other connections in this process append to (SQLite, where the api's
   * projector thread has its own connection to the file): calls `listener` after every append through this
   * instance; returns a function that stops it. Adapters whose subscriptions hear of every append from the server
   * leave it out.
   */
  onAppended?(listener: (position: number) => void): () => void;

  /**
   * Optional, with `onAppended`: something was appended to the store through another connection, so this
   * instance's subscriptions read at once instead of at their next poll.
   */
  notifyAppendedElsewhere?(): void;

  /** Liveness of the underlying store, for health checks. */
  ping(): Promise<void>;

  close(): Promise<void>;
}

export class WrongExpectedRevisionError extends Error {
  constructor(
    readonly streamId: string,
    readonly expected: ExpectedRevision,
    readonly actual: number | undefined,
  ) {
    super(
      `Stream ${streamId} is at revision ${actual ?? 'none (no stream)'}, the append expected ${String(expected)}`,
    );
    this.name = 'WrongExpectedRevisionError';
  }
}

export class StreamNotFoundError extends Error {
  constructor(readonly streamId: string) {
    super(`Stream ${streamId} does not exist`);
    this.name = 'StreamNotFoundError';
  }
}

/** An event id already stored, but not as part of an identical append (different stream, place or content). */
export class DuplicateEventIdError extends Error {
  constructor(readonly eventId: string) {
    super(`Event id ${eventId} is already used by another event`);
    this.name = 'DuplicateEventIdError';
  }
}

/** A stored event the adapter cannot read as written (its JSON was damaged in the store). */
export class CorruptEventError extends Error {
  constructor(
    readonly streamId: string,
    readonly revision: number,
    readonly reason: string,
  ) {
    super(`Event ${revision} of stream ${streamId} cannot be read: ${reason}`);
    this.name = 'CorruptEventError';
  }
}
