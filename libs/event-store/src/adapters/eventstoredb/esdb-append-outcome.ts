// What an append's answer means for the port: the original result of a repeat, a fresh write's result, an id
// reused, or a conflict. Reads the stream only where the answer alone does not say.
import type { AppendResult as ClientAppendResult } from '@eventstore/db-client';
import {
  type AppendResult,
  DuplicateEventIdError,
  type ExpectedRevision,
  type NewEvent,
  type RecordedEvent,
  WrongExpectedRevisionError,
} from '../../event-store.port';
import { matchesExpected, wouldHavePlacedAt } from '../../expected-revision';
import { compareStoredRun, normalizeId, positionToNumber } from './esdb-mapping';

/** The reads the checks need (each with the adapter's read deadline). */
export interface StoredEvents {
  /** The stored events from `first` on, at most `count`; none when the stream does not exist. */
  storedRun(streamId: string, first: number, count: number): Promise<RecordedEvent[]>;
  /** The stream's last event, or undefined when the stream does not exist. */
  lastEvent(streamId: string): Promise<RecordedEvent | undefined>;
}

/**
 * The server accepted the append: it wrote it, or recognised a repeat of an earlier one. With an exact revision (or
 * no_stream) either way the events are where the port's rule puts them (the server accepts a repeat only when the
 * same ids are stored right after the expected revision: it compares ids, and an id names one event, being derived
 * from the idempotency key and the event's place), and the answer is trusted: for one event it names the event's
 * position, so there is nothing to read; for several it names the position of the first record (WriteEventsCompleted
 * carries the transaction's position: EventStore/EventStore src/EventStore.Core/Services/RequestManager/Managers/
 * WriteEvents.cs), and the last event's position is one read of one event away. With `any` or `stream_exists` the
 * answer may be a repeat found elsewhere: the appended revisions are read back and compared.
 */
export async function acceptedAppend(
  reads: StoredEvents,
  streamId: string,
  events: readonly NewEvent[],
  expected: ExpectedRevision,
  lastRevision: number,
  result: ClientAppendResult,
): Promise<AppendResult> {
  const first = lastRevision - events.length + 1;
  const exact = typeof expected === 'number' || expected === 'no_stream';
  if (exact && wouldHavePlacedAt(expected, first)) {
    const position = events.length === 1 ? plausiblePosition(result.position) : undefined;
    if (position !== undefined) return { nextExpectedRevision: lastRevision, position };
    const [last] = await reads.storedRun(streamId, lastRevision, 1);
    if (last !== undefined && normalizeId(last.id) === normalizeId(events[events.length - 1].id)) {
      return { nextExpectedRevision: last.revision, position: last.position };
    }
  }
  return confirmAppended(reads, streamId, events, expected, lastRevision);
}

/**
 * An ambiguous success: the revisions the server reports must hold exactly these events, where the port's rule
 * puts them. Returns the last event's exact position.
 */
async function confirmAppended(
  reads: StoredEvents,
  streamId: string,
  events: readonly NewEvent[],
  expected: ExpectedRevision,
  lastRevision: number,
): Promise<AppendResult> {
  const first = lastRevision - events.length + 1;
  const stored = first < 0 ? [] : await reads.storedRun(streamId, first, events.length);
  if (compareStoredRun(stored, events) === 'same' && wouldHavePlacedAt(expected, first)) {
    const last = stored[stored.length - 1];
    return { nextExpectedRevision: last.revision, position: last.position };
  }
  // A fresh write always reads back as itself; this was a repeat the port does not call idempotent.
  throw new DuplicateEventIdError(firstOurs(stored, events) ?? events[0].id);
}

/** A WrongExpectedVersion: a replay of the same append, an id reused, or a real conflict. */
export async function afterConflict(
  reads: StoredEvents,
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
  const stored = await reads.storedRun(streamId, first, events.length);
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

/** An empty append: checks the expectation, writes nothing. */
export async function checkOnly(
  reads: StoredEvents,
  streamId: string,
  expected: ExpectedRevision,
): Promise<AppendResult> {
  const last = await reads.lastEvent(streamId);
  if (!matchesExpected(expected, last?.revision)) {
    throw new WrongExpectedRevisionError(streamId, expected, last?.revision);
  }
  return last === undefined
    ? { nextExpectedRevision: -1, position: -1 }
    : { nextExpectedRevision: last.revision, position: last.position };
}

/**
 * The position in an append's answer, unless it cannot be an event's: none at all (servers before 20.6.1), or the
 * -1 the server keeps for "unknown" (CommitCheckResult's default `IdempotentLogPosition`), which arrives as 2^64-1.
 * Then the event is read instead.
 */
function plausiblePosition(position: ClientAppendResult['position']): number | undefined {
  if (position === undefined || position.commit < 0n || position.commit > BigInt(Number.MAX_SAFE_INTEGER)) {
    return undefined;
  }
  return positionToNumber(position);
}

/** The first of the append's ids that is among the stored events. */
function firstOurs(stored: readonly RecordedEvent[], events: readonly NewEvent[]): string | undefined {
  const storedIds = new Set(stored.map((event) => normalizeId(event.id)));
  return events.find((event) => storedIds.has(normalizeId(event.id)))?.id;
}
