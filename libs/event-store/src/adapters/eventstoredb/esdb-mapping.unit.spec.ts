import {
  DuplicateEventIdError,
  StreamNotFoundError,
  WrongExpectedRevisionError,
} from '../../event-store.port';
import { matchesExpected, wouldHavePlacedAt } from '../../expected-revision';
import { newEvent } from '../../testing/event-store.fixtures';
import {
  chunkStart,
  compareStoredRun,
  duplicateIdWithin,
  fromClientCurrentRevision,
  fromClientEvent,
  fromClientExpectedRevision,
  fromEsdbMetadata,
  mapAppendError,
  mapReadError,
  numberToPosition,
  positionToNumber,
  toClientExpectedRevision,
  toEsdbMetadata,
  toEventData,
} from './esdb-mapping';

describe('EventStoreDB mapping', () => {
  describe('expected revisions', () => {
    it.each([
      ['no_stream', 'no_stream'],
      ['stream_exists', 'stream_exists'],
      ['any', 'any'],
      [0, 0n],
      [41, 41n],
      [Number.MAX_SAFE_INTEGER, BigInt(Number.MAX_SAFE_INTEGER)],
    ] as const)('maps %p to the client and back', (port, client) => {
      expect(toClientExpectedRevision(port)).toBe(client);
      expect(fromClientExpectedRevision(client)).toBe(port);
    });

    it('refuses a negative or fractional revision', () => {
      expect(() => toClientExpectedRevision(-1)).toThrow(RangeError);
      expect(() => toClientExpectedRevision(1.5)).toThrow(RangeError);
    });

    it('reads the current revision, with no stream (or -1) as undefined', () => {
      expect(fromClientCurrentRevision(7n)).toBe(7);
      expect(fromClientCurrentRevision('no_stream')).toBeUndefined();
      expect(fromClientCurrentRevision(-1n)).toBeUndefined();
      expect(fromClientCurrentRevision(undefined)).toBeUndefined();
    });

    it('refuses a revision beyond the safe integers', () => {
      expect(() => fromClientCurrentRevision(2n ** 53n)).toThrow(RangeError);
    });

    it('says where an append with each expectation lands its first event', () => {
      expect(wouldHavePlacedAt('no_stream', 0)).toBe(true);
      expect(wouldHavePlacedAt('no_stream', 1)).toBe(false);
      expect(wouldHavePlacedAt('stream_exists', 0)).toBe(false);
      expect(wouldHavePlacedAt('stream_exists', 3)).toBe(true);
      expect(wouldHavePlacedAt('any', 0)).toBe(true);
      expect(wouldHavePlacedAt(4, 5)).toBe(true);
      expect(wouldHavePlacedAt(4, 4)).toBe(false);
    });

    it('checks a stream against an expectation', () => {
      expect(matchesExpected('no_stream', undefined)).toBe(true);
      expect(matchesExpected('no_stream', 0)).toBe(false);
      expect(matchesExpected('stream_exists', undefined)).toBe(false);
      expect(matchesExpected('any', undefined)).toBe(true);
      expect(matchesExpected(2, 2)).toBe(true);
      expect(matchesExpected(2, 3)).toBe(false);
    });
  });

  describe('positions', () => {
    it('uses the commit position as the port position', () => {
      expect(positionToNumber({ commit: 1234n, prepare: 1234n })).toBe(1234);
    });

    it('goes back to commit = prepare, the event record itself', () => {
      expect(numberToPosition(1234)).toEqual({ commit: 1234n, prepare: 1234n });
      expect(positionToNumber(numberToPosition(Number.MAX_SAFE_INTEGER))).toBe(Number.MAX_SAFE_INTEGER);
    });

    it('refuses a commit position that is not a safe integer', () => {
      expect(() => positionToNumber({ commit: 2n ** 53n, prepare: 0n })).toThrow(/not a safe integer/);
    });

    it('refuses a negative or fractional port position', () => {
      expect(() => numberToPosition(-1)).toThrow(RangeError);
      expect(() => numberToPosition(0.5)).toThrow(RangeError);
    });

    it('finds the start of the chunk holding a position', () => {
      expect(chunkStart(5)).toBe(0);
      expect(chunkStart(256 * 1024 * 1024 + 17)).toBe(256 * 1024 * 1024);
      expect(chunkStart(250, 100)).toBe(200);
    });
  });

  describe('events and metadata', () => {
    it('adds $correlationId and $causationId and drops them again on read', () => {
      const event = newEvent('ThingHappened', { n: 1 });
      const stored = toEsdbMetadata(event.metadata);
      expect(stored).toMatchObject({
        $correlationId: event.metadata.correlationId,
        $causationId: event.metadata.causationId,
        actorId: event.metadata.actorId,
      });
      expect(fromEsdbMetadata(JSON.parse(JSON.stringify(stored)))).toEqual(event.metadata);
    });

    it('writes JSON events with the port id, and null for absent data', () => {
      const event = newEvent('ThingHappened', undefined, { id: 'f3c1c1a2-1111-4222-8333-444455556666' });
      const data = toEventData({ ...event, data: undefined });
      expect(data).toMatchObject({
        id: event.id,
        contentType: 'application/json',
        type: 'ThingHappened',
        data: null,
      });
    });

    const recorded = {
      streamId: 'member-1',
      id: 'f3c1c1a2-1111-4222-8333-444455556666',
      isJson: true as const,
      revision: 3n,
      type: 'MemberJoined',
      created: new Date(0),
      data: { name: 'Ada' },
      metadata: { actorId: 'a', $correlationId: 'c', correlationId: 'c' },
      position: { commit: 900n, prepare: 900n },
    };

    it('reads a recorded event into the port shape', () => {
      expect(fromClientEvent(recorded)).toEqual({
        id: recorded.id,
        streamId: 'member-1',
        revision: 3,
        position: 900,
        type: 'MemberJoined',
        data: { name: 'Ada' },
        metadata: { actorId: 'a', correlationId: 'c' },
      });
    });

    it('parses binary JSON written by another tool', () => {
      const binary = { ...recorded, isJson: false as const, data: Buffer.from('{"x":1}') };
      expect(fromClientEvent(binary as never).data).toEqual({ x: 1 });
    });

    it('refuses an event without a position (servers before 22.6)', () => {
      expect(() => fromClientEvent({ ...recorded, position: undefined })).toThrow(/22\.6/);
    });
  });

  describe('errors', () => {
    it('turns WrongExpectedVersion into WrongExpectedRevisionError with the actual revision', () => {
      const mapped = mapAppendError(
        { type: 'wrong-expected-version', actualVersion: 4n, expectedVersion: 2n },
        'doetank-1',
        2,
      );
      expect(mapped).toBeInstanceOf(WrongExpectedRevisionError);
      expect(mapped).toMatchObject({ streamId: 'doetank-1', expected: 2, actual: 4 });
    });

    it('reports no actual revision when the stream does not exist', () => {
      expect(
        mapAppendError({ type: 'wrong-expected-version', actualVersion: 'no_stream' }, 's', 'stream_exists'),
      ).toMatchObject({ actual: undefined, expected: 'stream_exists' });
    });

    it('leaves other append errors alone', () => {
      const error = Object.assign(new Error('down'), { type: 'unavailable' });
      expect(mapAppendError(error, 's', 'any')).toBe(error);
    });

    it('turns a missing or deleted stream into StreamNotFoundError', () => {
      expect(mapReadError({ type: 'stream-not-found' }, 's')).toBeInstanceOf(StreamNotFoundError);
      expect(mapReadError({ type: 'stream-deleted' }, 's')).toBeInstanceOf(StreamNotFoundError);
      const other = new Error('boom');
      expect(mapReadError(other, 's')).toBe(other);
    });
  });

  describe('idempotency checks', () => {
    it('finds an id used twice within one append, whatever its case', () => {
      const a = newEvent('A', {}, { id: 'AAAAAAAA-1111-4222-8333-444455556666' });
      const b = newEvent('B');
      expect(duplicateIdWithin([a, b])).toBeUndefined();
      expect(duplicateIdWithin([a, b, { ...a, id: a.id.toLowerCase() }])).toBe(a.id.toLowerCase());
    });

    it('compares the stored run with the append', () => {
      const [a, b, c] = [newEvent('A'), newEvent('B'), newEvent('C')];
      const stored = (...events: { id: string; type: string }[]) => events;
      expect(compareStoredRun(stored(a, b), [a, b])).toBe('same');
      expect(compareStoredRun(stored({ ...a, id: a.id.toUpperCase() }, b), [a, b])).toBe('same');
      expect(compareStoredRun(stored(a, c), [a, b])).toBe('partly-ours');
      expect(compareStoredRun(stored(a), [a, b])).toBe('partly-ours');
      expect(compareStoredRun(stored({ ...a, type: 'Other' }, b), [a, b])).toBe('partly-ours');
      expect(compareStoredRun(stored(c), [a, b])).toBe('different');
      expect(compareStoredRun(stored(), [a])).toBe('different');
    });

    it('uses the port errors', () => {
      expect(new DuplicateEventIdError('x').name).toBe('DuplicateEventIdError');
    });
  });
});
