import {
  isPermanentStoreError,
  isTransientStoreError,
  PermanentStoreError,
  StoreUnavailableError,
} from '@app/resilience';
import { DuplicateEventIdError, WrongExpectedRevisionError } from '../../event-store.port';
import { translateSqliteError } from './sqlite-errors';
import { decodeError, encodeError } from './sqlite-writes';

/** An error as the api thread gets it back from the writer thread: encoded, structured-cloned, decoded. */
const acrossThreads = (error: unknown): Error => decodeError(structuredClone(encodeError(error)));

describe('errors crossing from the writer thread', () => {
  it.each([
    ['a revision conflict', new WrongExpectedRevisionError('member-1', 3, 4)],
    [
      'a revision conflict on a missing stream',
      new WrongExpectedRevisionError('member-1', 'stream_exists', undefined),
    ],
    ['a reused event id', new DuplicateEventIdError('2f0c6a8e-0000-4000-8000-000000000001')],
    ['a transient store error', new StoreUnavailableError('SQLite', 'open', 'unable to open database file')],
    ['a permanent store error', new PermanentStoreError('SQLite', 'open', 'file is not a database')],
  ])('keep the class, fields and message of %s', (_what, error) => {
    const back = acrossThreads(error);
    expect(back).toBeInstanceOf(error.constructor);
    expect(back).toEqual(error);
    expect(back.message).toBe(error.message);
    expect(isTransientStoreError(back)).toBe(isTransientStoreError(error));
    expect(isPermanentStoreError(back)).toBe(isPermanentStoreError(error));
  });

  it("keep a SqliteError's code, so that it is translated as on the api thread", () => {
    const busy = Object.assign(new Error('database is locked'), { name: 'SqliteError', code: 'SQLITE_BUSY' });
    const back = acrossThreads(busy);
    expect(back).toMatchObject({ name: 'SqliteError', code: 'SQLITE_BUSY', message: 'database is locked' });
    expect(String(translateSqliteError(back, 'appendToStream', 'SQLite event store'))).toBe(
      String(translateSqliteError(busy, 'appendToStream', 'SQLite event store')),
    );
    expect(isTransientStoreError(translateSqliteError(back, 'appendToStream'))).toBe(true);
  });

  it('keep the message of anything else', () => {
    expect(acrossThreads(new TypeError('Do not know how to serialize a BigInt'))).toMatchObject({
      name: 'TypeError',
      message: 'Do not know how to serialize a BigInt',
    });
    expect(acrossThreads('thrown text').message).toBe('thrown text');
  });
});
