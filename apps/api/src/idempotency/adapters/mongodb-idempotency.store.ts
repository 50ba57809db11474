import type { Collection, Db } from 'mongodb';
import type { IdempotencyRecord, IdempotencyStore } from '../idempotency.port';

interface StoredRecord {
  _id: string;
  fingerprint: string;
  statusCode: number;
  body: unknown;
  createdAt: string;
}

const DUPLICATE_KEY = 11000;

/**
 * Idempotency records in MongoDB, shared by every api instance. The key is the `_id`, so "insert unless present" is
 * one insert whose duplicate-key error means another request stored its record first; then that record is the
 * answer. Reads and writes go to the primary (the driver's default), so a record just stored is seen by the next
 * request on any instance.
 */
export class MongoIdempotencyStore implements IdempotencyStore {
  private readonly records: Collection<StoredRecord>;

  /** Beside the read models, in the read store's database. */
  static besideReadModels(readStore: { database: Db }): MongoIdempotencyStore {
    return new MongoIdempotencyStore(readStore.database);
  }

  constructor(db: Db, collectionName = 'idempotency_keys') {
    this.records = db.collection<StoredRecord>(collectionName);
  }

  async get(key: string): Promise<IdempotencyRecord | undefined> {
    const stored = await this.records.findOne({ _id: key });
    return stored ? toRecord(stored) : undefined;
  }

  async putIfAbsent(record: IdempotencyRecord): Promise<IdempotencyRecord> {
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
    const stored = await this.records.findOne({ _id: record.key });
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
