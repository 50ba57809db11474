import Database from 'better-sqlite3';
import {
  isPermanentStoreError,
  isTransientStoreError,
  PermanentStoreError,
  StoreUnavailableError,
} from '@app/resilience';
import { isTransientSqliteCode, sqliteCall, translateSqliteError } from './sqlite-errors';

// Built the way better-sqlite3 builds them: `new SqliteError(sqlite3_errmsg(db), <extended code name>)`.
const sqliteError = (message: string, code: string) => new Database.SqliteError(message, code);

describe('translateSqliteError', () => {
  it.each([
    ['database is locked', 'SQLITE_BUSY'],
    ['database is locked', 'SQLITE_BUSY_SNAPSHOT'],
    ['database is locked', 'SQLITE_BUSY_TIMEOUT'],
    ['database table is locked', 'SQLITE_LOCKED'],
    ['database table is locked', 'SQLITE_LOCKED_SHAREDCACHE'],
    ['disk I/O error', 'SQLITE_IOERR'],
    ['disk I/O error', 'SQLITE_IOERR_FSYNC'],
    ['disk I/O error', 'SQLITE_IOERR_SHORT_READ'],
    ['database or disk is full', 'SQLITE_FULL'],
    ['out of memory', 'SQLITE_NOMEM'],
    ['unable to open database file', 'SQLITE_CANTOPEN'],
    ['locking protocol', 'SQLITE_PROTOCOL'],
    ['interrupted', 'SQLITE_INTERRUPT'],
    ['attempt to write a readonly database', 'SQLITE_READONLY_RECOVERY'],
    ['attempt to write a readonly database', 'SQLITE_READONLY_CANTLOCK'],
  ])('%s (%s) is transient: the file is busy or the disk is away', (message, code) => {
    const translated = translateSqliteError(sqliteError(message, code), 'applyBatch');
    expect(translated).toBeInstanceOf(StoreUnavailableError);
    expect(isTransientStoreError(translated)).toBe(true);
    expect((translated as Error).message).toBe(`SQLite applyBatch: ${message} (${code})`);
    expect((translated as { cause?: { code?: string } }).cause?.code).toBe(code);
  });

  it.each([
    ['database disk image is malformed', 'SQLITE_CORRUPT'],
    ['database disk image is malformed', 'SQLITE_CORRUPT_INDEX'],
    ['file is not a database', 'SQLITE_NOTADB'],
    ['string or blob too big', 'SQLITE_TOOBIG'],
    ['UNIQUE constraint failed: t.id', 'SQLITE_CONSTRAINT_UNIQUE'],
    ['boom', 'SQLITE_CONSTRAINT_TRIGGER'],
    ['no such table: rs_x__v1', 'SQLITE_ERROR'],
    ['attempt to write a readonly database', 'SQLITE_READONLY'],
    ['datatype mismatch', 'SQLITE_MISMATCH'],
  ])('%s (%s) is permanent: retrying fails the same way', (message, code) => {
    const translated = translateSqliteError(
      sqliteError(message, code),
      'appendToStream',
      'SQLite event store',
    );
    expect(translated).toBeInstanceOf(PermanentStoreError);
    expect(isPermanentStoreError(translated)).toBe(true);
    expect((translated as Error).message).toBe(`SQLite event store appendToStream: ${message} (${code})`);
  });

  it('leaves errors without a SQLite code, and errors already translated, as they are', () => {
    const domain = Object.assign(new Error('Stream s: expected revision 3'), {
      code: 'EVENT_STORE.CONFLICT',
    });
    const plain = new TypeError('The database connection is not open');
    const already = new StoreUnavailableError('SQLite', 'get', 'database is locked');
    for (const error of [domain, plain, already, 'text', undefined]) {
      expect(translateSqliteError(error, 'get')).toBe(error);
    }
  });

  it('matches on the code alone, so an error from another module registry (or copied) is still understood', () => {
    const copied = { message: 'database is locked', code: 'SQLITE_BUSY' };
    expect(isTransientStoreError(translateSqliteError(copied, 'find'))).toBe(true);
    expect(isTransientSqliteCode('SQLITE_BUSY_RECOVERY')).toBe(true);
    expect(isTransientSqliteCode('SQLITE_READONLY_DBMOVED')).toBe(false);
  });

  it('translates what a real connection throws', () => {
    const db = new Database(':memory:');
    try {
      db.exec('CREATE TABLE t (id TEXT PRIMARY KEY)');
      db.prepare('INSERT INTO t VALUES (?)').run('a');
      const duplicate = () => sqliteCall('insert', () => db.prepare('INSERT INTO t VALUES (?)').run('a'));
      expect(duplicate).toThrow(PermanentStoreError);
      expect(duplicate).toThrow(
        'SQLite insert: UNIQUE constraint failed: t.id (SQLITE_CONSTRAINT_PRIMARYKEY)',
      );
      expect(() => sqliteCall('select', () => db.prepare('SELECT * FROM missing').all())).toThrow(
        PermanentStoreError,
      );
      expect(sqliteCall('select', () => db.prepare('SELECT id FROM t').pluck().get())).toBe('a');
    } finally {
      db.close();
    }
  });
});
