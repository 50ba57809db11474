// Pure translations between the EventStore port and @eventstore/db-client: expected revisions, positions, errors,
// metadata and recorded events. No I/O here, so every rule is unit-tested without a server.
import type { EventMetadata } from '@app/contracts';
import type {
  AppendExpectedRevision,
  CurrentRevision,
  Position,
  AllStreamRecordedEvent,
  RecordedEvent as ClientRecordedEvent,
} from '@eventstore/db-client';
import {
  type ExpectedRevision,
  type NewEvent,
  type RecordedEvent,
  StreamNotFoundError,
  WrongExpectedRevisionError,
} from '../../event-store.port';

/** The client's error `type` strings we act on (`ErrorType` of @eventstore/db-client). */
export const ESDB_ERROR = {
  wrongExpectedVersion: 'wrong-expected-version',
  streamNotFound: 'stream-not-found',
  streamDeleted: 'stream-deleted',
  unavailable: 'unavailable',
  cancelled: 'cancelled',
  deadlineExceeded: 'deadline-exceeded',
  timeout: 'timeout',
  notLeader: 'not-leader',
  accessDenied: 'access-denied',
  invalidArgument: 'invalid-argument',
  unknown: 'unknown',
} as const;

/**
 * The client's `type` of an error, if it is one of the client's CommandErrors. Duck-typed, not `instanceof`: under
 * jest's module registry (or two copies of the package) the classes of a thrown error may not be ours.
 */
export function clientErrorType(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const type = (error as { type?: unknown }).type;
  return typeof type === 'string' ? type : undefined;
}

/** A bigint from the client as a port number; the port promises safe integers. */
export function toSafeNumber(value: bigint, what: string): number {
  const number = Number(value);
  if (!Number.isSafeInteger(number) || BigInt(number) !== value) {
    throw new RangeError(`${what} ${value} is not a safe integer`);
  }
  return number;
}

function assertRevision(revision: number): void {
  if (!Number.isSafeInteger(revision) || revision < 0) {
    throw new RangeError(`A revision is a non-negative safe integer, not ${revision}`);
  }
}

/** Port expectation -> client expectation. */
export function toClientExpectedRevision(expected: ExpectedRevision): AppendExpectedRevision {
  switch (expected) {
    case 'no_stream':
      return 'no_stream';
    case 'stream_exists':
      return 'stream_exists';
    case 'any':
      return 'any';
    default:
      assertRevision(expected);
      return BigInt(expected);
  }
}

/** Client expectation -> port expectation (what a WrongExpectedVersionError reports back). */
export function fromClientExpectedRevision(expected: AppendExpectedRevision): ExpectedRevision {
  return typeof expected === 'bigint' ? toSafeNumber(expected, 'Expected revision') : expected;
}

/** The client's "current revision" (a revision, `no_stream`, or -1 in some server answers) -> port revision. */
export function fromClientCurrentRevision(current: CurrentRevision | undefined): number | undefined {
  if (current === undefined || current === 'no_stream' || current < 0n) return undefined;
  return toSafeNumber(current, 'Stream revision');
}

/*
 * Positions. EventStoreDB addresses a record in $all by {commit, prepare}, both byte offsets in its transaction log.
 * Every event appended through the gRPC API is written as an implicitly committed prepare record, and the server
 * reports its position as (prepare.LogPosition, prepare.LogPosition): commit == prepare, one distinct commit position
 * per event, growing with every append (EventStore/EventStore, src/EventStore.Core/Services/Storage/ReaderIndex/
 * AllReader.cs, ReadAllEventsForward: `new CommitEventRecord(eventRecord, prepare.LogPosition)`). The commit position
 * alone therefore orders events exactly and is what the port calls a position. Explicit multi-event transactions
 * (the retired TCP API) would share one commit position; this system never writes them.
 *
 * A byte offset stays below 2^53 (9 PB of log) in any deployment we can imagine, but the conversion checks anyway.
 * Going back, {commit: n, prepare: n} is the position of the event itself (the client docs: "Position: a structure
 * referring to a potential logical record position in the EventStoreDB transaction file"; readAll's `fromPosition`
 * starts at, and includes, that record).
 */
export function positionToNumber(position: Position): number {
  return toSafeNumber(position.commit, 'Commit position');
}

export function numberToPosition(position: number): Position {
  if (!Number.isSafeInteger(position) || position < 0) {
    throw new RangeError(`A position is a non-negative safe integer, not ${position}`);
  }
  const value = BigInt(position);
  return { commit: value, prepare: value };
}

/**
 * EventStoreDB accepts only record boundaries as read positions (a position inside a record answers "invalid
 * position"). The port lets a caller pass any number as `after`; for one that is not an event's position the adapter
 * starts at the beginning of the chunk holding it (every chunk starts with a record) and skips forward. Chunks are
 * 256 MiB unless the server was started with another `--chunk-size`.
 */
export const DEFAULT_CHUNK_SIZE = 256 * 1024 * 1024;

export function chunkStart(position: number, chunkSize = DEFAULT_CHUNK_SIZE): number {
  return position - (position % chunkSize);
}

/** ESDB's own metadata keys for correlation and causation (used by its projections and the UI). */
export const ESDB_CORRELATION_ID = '$correlationId';
export const ESDB_CAUSATION_ID = '$causationId';

/**
 * The event's hash-chain link (integrity/event-hash.ts), kept in its metadata: ESDB has no other place for it. It
 * is hashed neither itself nor with the two `$` keys, which copy fields that are hashed.
 */
export const ESDB_CHAIN_HASH = 'chainHash';

/** Our metadata plus ESDB's system keys for correlation and causation, and the chain hash when given. */
export function toEsdbMetadata(metadata: EventMetadata, hash?: string): Record<string, unknown> {
  return {
    ...metadata,
    [ESDB_CORRELATION_ID]: metadata.correlationId,
    [ESDB_CAUSATION_ID]: metadata.causationId,
    ...(hash !== undefined && { [ESDB_CHAIN_HASH]: hash }),
  };
}

/**
 * Stored metadata back to ours: the ESDB system keys and the chain hash are dropped, everything else round-trips
 * in its stored order, so `JSON.stringify` of the result is the text that was hashed (the client writes metadata
 * as `JSON.stringify` and parses it back with `JSON.parse`: @eventstore/db-client 6.2.1,
 * streams/appendToStream/append.js and utils/convertGrpcEvent.js `parseMetadata`).
 */
export function fromEsdbMetadata(raw: unknown): EventMetadata {
  if (typeof raw !== 'object' || raw === null || raw instanceof Uint8Array || Array.isArray(raw)) {
    return {} as EventMetadata;
  }
  const {
    [ESDB_CORRELATION_ID]: _correlation,
    [ESDB_CAUSATION_ID]: _causation,
    [ESDB_CHAIN_HASH]: _hash,
    ...ours
  } = raw as Record<string, unknown>;
  return ours as unknown as EventMetadata;
}

/** The chain hash stored in an event's metadata; undefined for an event written before hashing. */
export function chainHashOf(raw: unknown): string | undefined {
  if (typeof raw !== 'object' || raw === null || raw instanceof Uint8Array) return undefined;
  const hash = (raw as Record<string, unknown>)[ESDB_CHAIN_HASH];
  return typeof hash === 'string' ? hash : undefined;
}

/** A port event as the client's JSON EventData (the id is the port's, so ESDB's idempotency applies to it). */
export function toEventData(event: NewEvent, hash?: string) {
  return {
    id: event.id,
    contentType: 'application/json' as const,
    type: event.type,
    // JSON.stringify(undefined) is undefined, which the client cannot send; the SQLite adapter stores null too.
    data: (event.data ?? null) as Record<string, unknown>,
    metadata: toEsdbMetadata(event.metadata, hash),
  };
}

/** A recorded event from the client -> port event. Throws when the server did not report the position. */
export function fromClientEvent(event: ClientRecordedEvent | AllStreamRecordedEvent): RecordedEvent {
  if (!event.position) {
    throw new Error(
      `EventStoreDB returned event ${event.id} without its position: a server of version 22.6 or later is required`,
    );
  }
  let data: unknown = event.data;
  if (!event.isJson) {
    // Written by another tool as binary: pass the text if it is JSON, else the bytes.
    const text = Buffer.from(event.data as Uint8Array).toString('utf8');
    try {
      data = JSON.parse(text);
    } catch {
      data = event.data;
    }
  }
  const recorded: RecordedEvent = {
    id: event.id,
    streamId: event.streamId,
    revision: toSafeNumber(event.revision, 'Stream revision'),
    position: positionToNumber(event.position),
    type: event.type,
    data,
    metadata: fromEsdbMetadata(event.metadata),
  };
  const hash = chainHashOf(event.metadata);
  if (hash !== undefined) recorded.hash = hash;
  return recorded;
}

/**
 * Maps a failed append to the port's errors: the client's WrongExpectedVersionError becomes
 * WrongExpectedRevisionError with the actual revision the server reported. Anything else is returned unchanged.
 */
export function mapAppendError(error: unknown, streamId: string, expected: ExpectedRevision): unknown {
  if (clientErrorType(error) === ESDB_ERROR.wrongExpectedVersion) {
    const actual = (error as { actualVersion?: CurrentRevision }).actualVersion;
    return new WrongExpectedRevisionError(streamId, expected, fromClientCurrentRevision(actual));
  }
  return error;
}

/** Maps a failed read: a missing (or deleted) stream becomes the port's StreamNotFoundError. */
export function mapReadError(error: unknown, streamId: string): unknown {
  const type = clientErrorType(error);
  if (type === ESDB_ERROR.streamNotFound || type === ESDB_ERROR.streamDeleted) {
    return new StreamNotFoundError(streamId);
  }
  return error;
}

/** Lower-case UUID text: the server answers ids in lower case whatever case was sent. */
export const normalizeId = (id: string): string => id.toLowerCase();

/** The first id that occurs twice in one append, if any. */
export function duplicateIdWithin(events: readonly NewEvent[]): string | undefined {
  const seen = new Set<string>();
  for (const event of events) {
    const id = normalizeId(event.id);
    if (seen.has(id)) return event.id;
    seen.add(id);
  }
  return undefined;
}

export type StoredRun = 'same' | 'different' | 'partly-ours';

/**
 * Compares the events stored where an append would have put them with the append: `same` when they are exactly its
 * events (ids and types, in order), `partly-ours` when some of its ids are there but not as the same run (an id
 * reused), `different` when none of its ids are there.
 */
export function compareStoredRun(
  stored: readonly { id: string; type: string }[],
  events: readonly NewEvent[],
): StoredRun {
  const same =
    stored.length === events.length &&
    events.every(
      (event, i) => normalizeId(stored[i].id) === normalizeId(event.id) && stored[i].type === event.type,
    );
  if (same) return 'same';
  const ours = new Set(events.map((event) => normalizeId(event.id)));
  return stored.some((event) => ours.has(normalizeId(event.id))) ? 'partly-ours' : 'different';
}
