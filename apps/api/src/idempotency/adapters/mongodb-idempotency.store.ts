import type { Collection, Db } from 'mongodb';
import { mongoCall } from '@app/read-store/adapters/mongodb/mongodb-errors';
import type { IdempotencyRecord, IdempotencyStore } from '../idempotency.port';

interface StoredRecord {
  _id: string;
  fingerprint: string;
  statusCode: number;
  body: unknown;
  createdAt: string;
}

const DUPLICATE_KEY = 11000;
const STORE = 'MongoDB idempotency store';
/** Deadline of one call unless the read store beside it says otherwise (MONGODB_TIMEOUT_MS). */
const DEFAULT_TIMEOUT_MS = 5_000;

/**
 * Idempotency records in MongoDB, shared by every api instance. The key is the `_id`, so "insert unless present" is
 * one insert whose duplicate-key error means another request stored its record first; then that record is the
 * answer. Reads and writes go to the primary (the driver's default), so a record just stored is seen by the next
 * request on any instance. Failures come out as StoreUnavailableError (transient) or PermanentStoreError, every
 * call with a deadline (the read store's mongodb-errors.ts); a retried insert finds its own record, so an insert
 * that lands after its deadline does no harm.
 */
export class MongoIdempotencyStore implements IdempotencyStore {
  private readonly records: Collection<StoredRecord>;

  /** Beside the read models, in the read store's database, with its deadline. */
  static besideReadModels(readStore: { database: Db; timeoutMs?: number }): MongoIdempotencyStore {
    return new MongoIdempotencyStore(readStore.database, 'idempotency_keys', readStore.timeoutMs);
  }

  constructor(
    db: Db,
    collectionName = 'idempotency_keys',
    private readonly timeoutMs = DEFAULT_TIMEOUT_MS,
  ) {
    this.records = db.collection<StoredRecord>(collectionName);
  }

  async get(key: string): Promise<IdempotencyRecord | undefined> {
    const stored = await mongoCall(STORE, 'get', this.timeoutMs, (signal) =>
      this.records.findOne({ _id: key }, { signal }),
    );
    return stored ? toRecord(stored) : undefined;
  }

  async putIfAbsent(record: IdempotencyRecord): Promise<IdempotencyRecord> {
    const stored = await mongoCall(STORE, 'putIfAbsent', this.timeoutMs, async (signal) => {
      try {
        await this.records.insertOne({
          _id: record.key,
          fingerprint: record.fingerprint,
          statusCode: record.statusCode,
          // Stored as its JSON form, as the SQLite store does.
          body: JSON.parse(JSON.stringify(record.body ?? null)) as unknown,
          createdAt: record.createdAt,
        });
      } catch (error) {
        if ((error as { code?: unknown }).code !== DUPLICATE_KEY) throw error;
      }
      return this.records.findOne({ _id: record.key }, { signal });
    });
    if (!stored) throw new Error(`Idempotency record ${record.key} vanished after it was stored`);
    return toRecord(stored);
  }
}

const toRecord = (stored: StoredRecord): IdempotencyRecord => ({
  key: stored._id,
  fingerprint: stored.fingerprint,
  statusCode: stored.statusCode,
  body: stored.body,
  createdAt: stored.createdAt,
});
