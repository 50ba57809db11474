import type { Collection, Db } from 'mongodb';
import { mongoCall } from '@app/read-store/adapters/mongodb/mongodb-errors';
import type { IdempotencyRecord, IdempotencyStore } from '../idempotency.port';

interface StoredRecord {
  _id: string;
  fingerprint: string;
  statusCode: number;
  body: unknown;
  createdAt: string;
  /** A BSON date: the TTL index deletes the record once it has passed. */
  expiresAt?: Date;
  subjects?: string[];
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
 *
 * Records expire: a TTL index on `expiresAt` deletes them (MongoDB's TTL monitor runs every 60 s, so reads also
 * ignore a record past its time; see the MongoDB manual, "TTL Indexes"), and `forgetSubject` deletes a member's
 * through an index on `subjects` (a multikey index: an equality match on an array field matches any element).
 */
export class MongoIdempotencyStore implements IdempotencyStore {
  private readonly records: Collection<StoredRecord>;
  private indexes?: Promise<unknown>;

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

  async get(key: string, now: string): Promise<IdempotencyRecord | undefined> {
    const stored = await mongoCall(STORE, 'get', this.timeoutMs, (signal) =>
      this.records.findOne({ _id: key, expiresAt: { $gt: new Date(now) } }, { signal }),
    );
    return stored ? toRecord(stored) : undefined;
  }

  async forgetSubject(subjectId: string): Promise<void> {
    await this.ensureIndexes();
    await mongoCall(STORE, 'forgetSubject', this.timeoutMs, () =>
      this.records.deleteMany({ subjects: subjectId }),
    );
  }

  private ensureIndexes(): Promise<unknown> {
    this.indexes ??= mongoCall(STORE, 'createIndexes', this.timeoutMs, () =>
      this.records.createIndexes([
        { key: { expiresAt: 1 }, name: 'expiresAt_ttl', expireAfterSeconds: 0 },
        { key: { subjects: 1 }, name: 'subjects' },
      ]),
    ).catch((error: unknown) => {
      this.indexes = undefined;
      throw error;
    });
    return this.indexes;
  }

  async putIfAbsent(record: IdempotencyRecord): Promise<IdempotencyRecord> {
    await this.ensureIndexes();
    const createdAt = new Date(record.createdAt);
    const stored = await mongoCall(STORE, 'putIfAbsent', this.timeoutMs, async (signal) => {
      try {
        // Replaces an expired record of the key (not deleted by the TTL monitor yet, or from before records
        // expired: no `expiresAt`). With a live one the filter does not match, and the upsert's insert of the same
        // _id fails with a duplicate key error (MongoDB manual, "db.collection.replaceOne()", upsert): that record
        // is the answer.
        await this.records.replaceOne(
          { _id: record.key, $nor: [{ expiresAt: { $gt: createdAt } }] },
          {
            fingerprint: record.fingerprint,
            statusCode: record.statusCode,
            // Stored as its JSON form, as the SQLite store does.
            body: JSON.parse(JSON.stringify(record.body ?? null)) as unknown,
            createdAt: record.createdAt,
            expiresAt: new Date(record.expiresAt),
            subjects: record.subjects,
          },
          { upsert: true },
        );
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
  // Records from before records expired have neither: they count as expired.
  expiresAt: stored.expiresAt?.toISOString() ?? '',
  subjects: stored.subjects ?? [],
});
