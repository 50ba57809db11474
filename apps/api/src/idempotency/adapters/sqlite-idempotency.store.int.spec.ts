import { openSqliteDatabase } from '@app/event-store/adapters/sqlite/sqlite-database';
import { tempSqliteFile } from '@app/event-store/testing/sqlite-files';
import { idempotencyStoreContract } from '../testing/idempotency-store.contract';
import { SqliteIdempotencyStore } from './sqlite-idempotency.store';

idempotencyStoreContract('SqliteIdempotencyStore', async () => {
  const db = openSqliteDatabase(':memory:');
  return { store: new SqliteIdempotencyStore(db), cleanup: async () => void db.close() };
});

idempotencyStoreContract('SqliteIdempotencyStore (records written on a writer thread)', async () => {
  const { db, cleanup } = tempSqliteFile({ writerThread: true });
  return { store: new SqliteIdempotencyStore(db), cleanup };
});

describe('SqliteIdempotencyStore on a table from before records expired', () => {
  it('adds the columns, and counts the old records as expired', async () => {
    const db = openSqliteDatabase(':memory:');
    try {
      db.exec(`CREATE TABLE idempotency_keys (
        key TEXT PRIMARY KEY, fingerprint TEXT NOT NULL, status_code INTEGER NOT NULL, body TEXT NOT NULL,
        created_at TEXT NOT NULL)`);
      db.prepare('INSERT INTO idempotency_keys VALUES (?, ?, ?, ?, ?)').run(
        'old',
        'f',
        201,
        '{}',
        '2020-01-01T00:00:00.000Z',
      );
      const store = new SqliteIdempotencyStore(db);
      expect(await store.get('old', '2020-01-01T00:00:01.000Z')).toBeUndefined();
      await store.putIfAbsent({
        key: 'new',
        fingerprint: 'f',
        statusCode: 201,
        body: {},
        createdAt: '2026-01-01T00:00:00.000Z',
        expiresAt: '2026-01-02T00:00:00.000Z',
        subjects: [],
      });
      // The write purged the old record.
      expect(db.prepare("SELECT count(*) AS n FROM idempotency_keys WHERE key = 'old'").get()).toEqual({
        n: 0,
      });
    } finally {
      db.close();
    }
  });
});
