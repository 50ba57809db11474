import { Binary, type Collection, type Db } from 'mongodb';
import { randomBytes } from 'node:crypto';
import { mongoCall } from '@app/read-store/adapters/mongodb/mongodb-errors';
import {
  SubjectForgottenError,
  type PersonalDataVault,
  type VaultEntry,
} from '../../personal-data-vault.port';

interface KeyDocument {
  _id: string;
  /** The key; null once destroyed. */
  key: Binary | null;
  createdAt: string;
  /** Set once, when the key is destroyed; absent while it lives. */
  destroyedAt?: string;
}

const DUPLICATE_KEY = 11000;
const STORE = 'MongoDB personal data vault';
/** Deadline of one call unless the read store beside it says otherwise (MONGODB_TIMEOUT_MS). */
const DEFAULT_TIMEOUT_MS = 5_000;

/**
 * Personal data keys in a MongoDB collection (by default `personal_data_keys` in the read store's database), for
 * production, where the events live in EventStoreDB: the keys stay out of the event log, and the api and the
 * projector reach the same keys.
 *
 * Writes use majority write concern and reads go to the primary (the driver's default), so a key just made is
 * seen by the projector, and a key just destroyed is gone for every later read. What MongoDB itself keeps after a
 * destroy (the oplog entry of the key's insert until the oplog rolls over, backups) is described in
 * docs/security.md.
 *
 * Failures come out as StoreUnavailableError (transient) or PermanentStoreError, every call with a deadline
 * (mongodb-errors.ts in the read store's adapter, shared by every MongoDB adapter). Its writes are idempotent
 * ($setOnInsert, $min), so one that lands after its deadline does no harm.
 */
export class MongoPersonalDataVault implements PersonalDataVault {
  private readonly keys: Collection<KeyDocument>;

  constructor(
    db: Db,
    private readonly options: { collectionName?: string; now?: () => Date; timeoutMs?: number } = {},
  ) {
    this.keys = db.collection<KeyDocument>(options.collectionName ?? 'personal_data_keys', {
      writeConcern: { w: 'majority' },
    });
  }

  /** Beside the read models, in the read store's database, with its deadline. */
  static besideReadModels(readStore: { database: Db; timeoutMs?: number }): MongoPersonalDataVault {
    return new MongoPersonalDataVault(readStore.database, { timeoutMs: readStore.timeoutMs });
  }

  private call<T>(operation: string, work: (signal: AbortSignal) => Promise<T>): Promise<T> {
    return mongoCall(STORE, operation, this.options.timeoutMs ?? DEFAULT_TIMEOUT_MS, work);
  }

  async keyFor(subjectId: string): Promise<Buffer> {
    const found = await this.call('keyFor', async (signal) => {
      try {
        await this.keys.updateOne(
          { _id: subjectId },
          {
            $setOnInsert: {
              key: new Binary(randomBytes(32)),
              createdAt: (this.options.now?.() ?? new Date()).toISOString(),
            },
          },
          { upsert: true },
        );
      } catch (error) {
        // Two first uses at once: one upsert wins, the other reads its key below.
        if ((error as { code?: unknown }).code !== DUPLICATE_KEY) throw error;
      }
      return this.keys.findOne({ _id: subjectId }, { signal });
    });
    if (!found) throw new Error(`The key of ${subjectId} vanished after it was made`);
    if (found.key === null) throw new SubjectForgottenError(subjectId);
    return Buffer.from(found.key.buffer);
  }

  async lookup(subjectIds: readonly string[]): Promise<Map<string, VaultEntry>> {
    const entries = new Map<string, VaultEntry>();
    const ids = [...new Set(subjectIds)];
    if (ids.length === 0) return entries;
    const keys = await this.call('lookup', (signal) =>
      this.keys.find({ _id: { $in: ids } }, { signal }).toArray(),
    );
    for (const found of keys) {
      entries.set(
        found._id,
        found.key === null
          ? { status: 'destroyed', destroyedAt: found.destroyedAt ?? found.createdAt }
          : { status: 'active', key: Buffer.from(found.key.buffer) },
      );
    }
    return entries;
  }

  async destroy(subjectId: string, at: Date): Promise<void> {
    const iso = at.toISOString();
    await this.call('destroy', async () => {
      try {
        await this.keys.updateOne(
          { _id: subjectId },
          { $set: { key: null }, $min: { destroyedAt: iso }, $setOnInsert: { createdAt: iso } },
          { upsert: true },
        );
      } catch (error) {
        if ((error as { code?: unknown }).code !== DUPLICATE_KEY) throw error;
        await this.keys.updateOne({ _id: subjectId }, { $set: { key: null }, $min: { destroyedAt: iso } });
      }
    });
  }
}
