import {
  isPermanentStoreError,
  isTransientStoreError,
  PermanentStoreError,
  StoreUnavailableError,
} from '@app/resilience';

/*
 * What a SQLite failure means for whoever retries it, for every SQLite adapter (event store, read store, personal
 * data vault, idempotency store): one table, one function.
 *
 * better-sqlite3 throws a SqliteError whose `code` is the name of SQLite's extended result code
 * (`sqlite3_extended_errcode`: `SQLITE_BUSY`, `SQLITE_BUSY_SNAPSHOT`, `SQLITE_IOERR_FSYNC`, ...; better-sqlite3
 * 12.x, src/objects/database.cpp `ThrowSqliteError` and src/util/constants.cpp). The codes themselves:
 * https://www.sqlite.org/rescode.html. Matched on `code`, never with `instanceof`: the native addon keeps the
 * SqliteError class of the first module registry that loaded it, so under Jest (and across vm contexts) an error
 * from another test file's registry is not an `Error` of this one.
 *
 * Transient (the same call can succeed later):
 * - SQLITE_BUSY*: another connection (another process) holds the lock longer than the busy timeout.
 * - SQLITE_LOCKED*: a conflict inside a shared cache or with this connection's own open statement.
 * - SQLITE_IOERR*, SQLITE_FULL, SQLITE_NOMEM: the disk or memory; an operator can free space, a disk can come back.
 * - SQLITE_CANTOPEN: the file (or its directory, or the WAL's shared memory) cannot be opened right now.
 * - SQLITE_PROTOCOL: a WAL locking race between processes ("retry the operation" says rescode.html).
 * - SQLITE_INTERRUPT: the call was interrupted (sqlite3_interrupt); nothing says the next one will be.
 * - SQLITE_READONLY_RECOVERY / _CANTLOCK / _CANTINIT: the WAL is being recovered or its lock is not yet available.
 *
 * Permanent (the same call fails the same way every time): everything else, notably SQLITE_CORRUPT and
 * SQLITE_NOTADB (a damaged file), SQLITE_TOOBIG (a row or string over the limit), SQLITE_CONSTRAINT* (a constraint
 * the adapters do not turn into a domain error themselves, such as a trigger's RAISE(ABORT)), SQLITE_ERROR (a
 * missing table, a schema other than the adapter's), SQLITE_READONLY (a file opened read-only), SQLITE_MISMATCH,
 * SQLITE_RANGE, SQLITE_MISUSE.
 *
 * Errors without a SQLite code (the adapters' own domain errors such as WrongExpectedRevisionError, validation
 * errors, "the store is closed") are returned unchanged, as are errors already translated.
 */
const TRANSIENT_PRIMARY = new Set([
  'SQLITE_BUSY',
  'SQLITE_LOCKED',
  'SQLITE_IOERR',
  'SQLITE_FULL',
  'SQLITE_NOMEM',
  'SQLITE_CANTOPEN',
  'SQLITE_PROTOCOL',
  'SQLITE_INTERRUPT',
]);
const TRANSIENT_EXTENDED = new Set([
  'SQLITE_READONLY_RECOVERY',
  'SQLITE_READONLY_CANTLOCK',
  'SQLITE_READONLY_CANTINIT',
]);

/** The SQLite result code of an error (`SQLITE_BUSY_SNAPSHOT`), or undefined when it is not a SqliteError. */
export function sqliteCodeOf(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' && code.startsWith('SQLITE_') ? code : undefined;
}

/** Whether a SQLite result code (primary or extended) means that retrying the same call may succeed. */
export function isTransientSqliteCode(code: string): boolean {
  if (TRANSIENT_EXTENDED.has(code)) return true;
  // Extended codes are the primary code's name plus a suffix: SQLITE_IOERR_SHORT_READ, SQLITE_BUSY_TIMEOUT.
  const primary = /^SQLITE_[A-Z]+/.exec(code)?.[0] ?? code;
  return TRANSIENT_PRIMARY.has(primary);
}

/**
 * A SqliteError as a StoreUnavailableError (transient) or a PermanentStoreError, with the original as `cause`
 * (its `code` stays readable there). Anything else is returned as it is.
 */
export function translateSqliteError(error: unknown, operation: string, store = 'SQLite'): unknown {
  if (isTransientStoreError(error) || isPermanentStoreError(error)) return error;
  const code = sqliteCodeOf(error);
  if (code === undefined) return error;
  const message = `${(error as { message?: unknown }).message ?? 'failed'} (${code})`;
  return isTransientSqliteCode(code)
    ? new StoreUnavailableError(store, operation, message, { cause: error })
    : new PermanentStoreError(store, operation, message, { cause: error });
}

/** Runs a synchronous SQLite call, throwing its failure translated (see {@link translateSqliteError}). */
export function sqliteCall<T>(operation: string, work: () => T, store = 'SQLite'): T {
  try {
    return work();
  } catch (error) {
    throw translateSqliteError(error, operation, store);
  }
}

/** Awaits an asynchronous SQLite call (a group commit), rejecting with its failure translated. */
export async function sqliteCallAsync<T>(
  operation: string,
  work: () => Promise<T>,
  store = 'SQLite',
): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw translateSqliteError(error, operation, store);
  }
}
