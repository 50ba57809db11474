import { Binary, type Collection, type Db } from 'mongodb';
import { randomBytes } from 'node:crypto';
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

/**
 * Personal data keys in a MongoDB collection (by default `personal_data_keys` in the read store's database), for
 * production, where the events live in EventStoreDB: the keys stay out of the event log, and the api and the
 * projector reach the same keys.
 *
 * Writes use majority write concern and reads go to the primary (the driver's default), so a key just made is
 * seen by the projector, and a key just destroyed is gone for every later read. What MongoDB itself keeps after a
 * destroy (the oplog entry of the key's insert until the oplog rolls over, backups) is described in
 * docs/security.md.
 */
export class MongoPersonalDataVault implements PersonalDataVault {
  private readonly keys: Collection<KeyDocument>;

  constructor(
    db: Db,
    private readonly options: { collectionName?: string; now?: () => Date } = {},
  ) {
    this.keys = db.collection<KeyDocument>(options.collectionName ?? 'personal_data_keys', {
      writeConcern: { w: 'majority' },
    });
  }

  /** Beside the read models, in the read store's database. */
  static besideReadModels(readStore: { database: Db }): MongoPersonalDataVault {
    return new MongoPersonalDataVault(readStore.database);
  }

  async keyFor(subjectId: string): Promise<Buffer> {
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
    const found = await this.keys.findOne({ _id: subjectId });
    if (!found) throw new Error(`The key of ${subjectId} vanished after it was made`);
    if (found.key === null) throw new SubjectForgottenError(subjectId);
    return Buffer.from(found.key.buffer);
  }

  async lookup(subjectIds: readonly string[]): Promise<Map<string, VaultEntry>> {
    const entries = new Map<string, VaultEntry>();
    const ids = [...new Set(subjectIds)];
    if (ids.length === 0) return entries;
    for await (const found of this.keys.find({ _id: { $in: ids } })) {
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
  }
}
