import {
  isPermanentStoreError,
  isTransientStoreError,
  PermanentStoreError,
  StoreTimeoutError,
  StoreUnavailableError,
} from '@app/resilience';
import {
  DuplicateEventIdError,
  StreamNotFoundError,
  WrongExpectedRevisionError,
} from '../../event-store.port';
import { classifyClientError, toStoreError } from './esdb-errors';

// Shapes as @eventstore/db-client 6.2.1 builds them (dist/utils/CommandError.js): a `type`, the gRPC status as
// `code` where there was one, and the message.
const clientError = (type: string, code?: number, message = `${code ?? ''} ${type}`) =>
  Object.assign(new Error(message), { type, ...(code === undefined ? {} : { code }) });

describe('EventStoreDB errors', () => {
  it.each([
    ['unavailable', 14],
    ['deadline-exceeded', 4],
    ['timeout', 10],
    ['cancelled', 1],
    ['not-leader', 5],
  ])('treat %s as transient', (type, code) => {
    const error = clientError(type, code);
    const mapped = toStoreError(error, 'readStream');
    expect(mapped).toBeInstanceOf(StoreUnavailableError);
    expect(isTransientStoreError(mapped)).toBe(true);
    expect(mapped).toMatchObject({ store: 'EventStoreDB', operation: 'readStream', cause: error });
  });

  it.each([
    ['access-denied', 7],
    ['invalid-argument', undefined],
    ['maximum-append-size-exceeded', 3],
    ['stream-deleted', 9],
    ['not-found', 5],
  ])('treat %s as permanent', (type, code) => {
    const mapped = toStoreError(clientError(type, code), 'appendToStream');
    expect(mapped).toBeInstanceOf(PermanentStoreError);
    expect(isPermanentStoreError(mapped)).toBe(true);
  });

  it('decide an unknown error by its gRPC status: permanent unless the status says to try again', () => {
    expect(classifyClientError(clientError('unknown', 2, '2 UNKNOWN: Unexpected ReadAllResult: Error'))).toBe(
      'permanent',
    );
    expect(classifyClientError(clientError('unknown', 13, '13 INTERNAL: Received RST_STREAM'))).toBe(
      'permanent',
    );
    expect(
      classifyClientError(clientError('unknown', 8, '8 RESOURCE_EXHAUSTED: message larger than max')),
    ).toBe('permanent');
    // The client names a call it cancelled itself `unknown` (a channel closed under it): a new call may work.
    expect(classifyClientError(clientError('unknown', 1, '1 CANCELLED: Cancelled on client'))).toBe(
      'transient',
    );
    // During an election a follower without a leader answers UNKNOWN with this message.
    expect(
      classifyClientError(clientError('unknown', 2, '2 UNKNOWN: No leader info available in response')),
    ).toBe('transient');
  });

  it("recognise a batch append's 'not handled' answers, which reach us without a status", () => {
    for (const message of ['Server Is Not Ready', 'Server Is Busy', 'No leader info available in response']) {
      expect(classifyClientError(clientError('unknown', undefined, `Could not recognize ${message}`))).toBe(
        'transient',
      );
    }
    expect(classifyClientError(clientError('unknown', undefined, 'Could not recognize Bad Request'))).toBe(
      'permanent',
    );
  });

  it('classify unconverted gRPC errors by status, and socket errors as transient', () => {
    expect(classifyClientError(Object.assign(new Error('14 UNAVAILABLE: No connection'), { code: 14 }))).toBe(
      'transient',
    );
    expect(classifyClientError(Object.assign(new Error('1 CANCELLED: Call cancelled'), { code: 1 }))).toBe(
      'transient',
    );
    expect(classifyClientError(Object.assign(new Error('3 INVALID_ARGUMENT'), { code: 3 }))).toBe(
      'permanent',
    );
    expect(classifyClientError(Object.assign(new Error('reset'), { code: 'ECONNRESET' }))).toBe('transient');
    expect(classifyClientError(Object.assign(new Error('no'), { code: 'EACCES' }))).toBeUndefined();
  });

  it("leave the port's errors, errors that already have a kind, and our own errors as they are", () => {
    const errors = [
      new WrongExpectedRevisionError('s', 0, 1),
      new StreamNotFoundError('s'),
      new DuplicateEventIdError('id'),
      new StoreTimeoutError('EventStoreDB', 'ping', 100),
      new PermanentStoreError('EventStoreDB', 'x', 'y'),
      new RangeError('Commit position 9007199254740993 is not a safe integer'),
    ];
    for (const error of errors) expect(toStoreError(error, 'op')).toBe(error);
    expect(toStoreError(undefined, 'op')).toBeUndefined();
  });
});
