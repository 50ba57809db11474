import type { ClientSession, Collection } from 'mongodb';
import { type LeaseClaim, LeaseLostError, type LeaseState } from '../../read-store.port';

export const LEASE_COLLECTION = 'rs__leases';

interface LeaseDoc {
  _id: string;
  owner: string;
  expiresAt: Date;
}

const DUPLICATE_KEY = 11000;
/** Tries to take a lease that looked free but changed hands before the conditional upsert. */
const MAX_ROUNDS = 3;

/**
 * Leases in `rs__leases`, one document per name: `{ _id: name, owner, expiresAt }`. Every time is the server's:
 * expiry is computed and compared with `$$NOW` in update pipelines and `$expr` (MongoDB 4.2+; the MongoDB Manual,
 * "Variables in Aggregation Expressions": NOW "returns the same value for all members of the deployment"), so the
 * clocks of the machines running projectors play no part.
 *
 * Asking for a lease reads it first (with its remaining time by `$$NOW`): a lease another owner holds is answered
 * without a write. Taking it is one conditional upsert: it matches the lease's document only when the caller owns
 * it or it has expired, and sets owner and expiry; when the document exists but no longer matches (taken in
 * between), the upsert's insert collides with the existing `_id` (duplicate key, 11000): the lease is someone
 * else's, and the read after says whose. Two takers racing for a free lease cannot both win: a single-document
 * write is atomic, and of two inserts of one `_id` one fails. (The server retries an upsert that hit a duplicate
 * key only for a filter of plain equalities on the unique key, which this one, with its `$expr`, is not: the
 * MongoDB Manual, `db.collection.updateOne()`, "Upsert with Unique Index"; a retry would evaluate the same filter.)
 */
export class MongoLeases {
  constructor(private readonly leases: Collection<LeaseDoc>) {}

  async acquire(name: string, owner: string, ttlMs: number): Promise<LeaseState> {
    let current = await this.current(name);
    for (let round = 1; round <= MAX_ROUNDS; round++) {
      // Someone else's and not expired: answered from a read, so a waiting projector writes nothing.
      if (current && current.owner !== owner && current.expiresInMs > 0) break;
      try {
        const taken = await this.leases.findOneAndUpdate(
          {
            _id: name,
            $expr: {
              $or: [
                { $eq: ['$owner', owner] },
                { $lte: [{ $ifNull: ['$expiresAt', new Date(0)] }, '$$NOW'] },
              ],
            },
          },
          [{ $set: { owner, expiresAt: { $add: ['$$NOW', ttlMs] } } }],
          { upsert: true, returnDocument: 'after' },
        );
        if (taken) {
          return { name, held: true, owner, expiresAt: taken.expiresAt.toISOString(), expiresInMs: ttlMs };
        }
      } catch (error) {
        // Taken or renewed by another since the read: look again.
        if (codeOf(error) !== DUPLICATE_KEY) throw error;
      }
      current = await this.current(name);
    }
    return {
      name,
      held: false,
      owner: current?.owner ?? '',
      expiresAt: (current?.expiresAt ?? new Date(0)).toISOString(),
      expiresInMs: Math.max(0, current?.expiresInMs ?? 0),
    };
  }

  /** The lease's holder and how long it lasts, by the server's clock (a read, no write). */
  private async current(
    name: string,
  ): Promise<{ owner: string; expiresAt: Date; expiresInMs: number } | undefined> {
    const [current] = await this.leases
      .aggregate<{ owner: string; expiresAt: Date; expiresInMs: unknown }>([
        { $match: { _id: name } },
        { $project: { _id: 0, owner: 1, expiresAt: 1, expiresInMs: { $subtract: ['$expiresAt', '$$NOW'] } } },
      ])
      .toArray();
    // Date minus date is a 64-bit integer of milliseconds; the driver hands it over as a number (promoteLongs).
    return current && { ...current, expiresInMs: Number(current.expiresInMs) };
  }

  async release(name: string, owner: string): Promise<void> {
    await this.leases.deleteOne({ _id: name, owner });
  }

  /**
   * Inside the batch's transaction: renews the lease when `claim.owner` holds it, else throws LeaseLostError. That
   * error is not a MongoError, so `ClientSession.withTransaction` aborts the transaction and rethrows it without
   * retrying (mongodb 7.9.0, `lib/sessions.js`, `withTransaction` step 7): nothing of the batch is written. A lease
   * changed by another process after this transaction's snapshot makes the update a write conflict, which the
   * driver retries as a TransientTransactionError; the retry then sees the new owner.
   */
  async fence(claim: LeaseClaim, session: ClientSession): Promise<void> {
    const renewed = await this.leases.updateOne(
      { _id: claim.name, owner: claim.owner },
      [{ $set: { expiresAt: { $add: ['$$NOW', claim.ttlMs] } } }],
      { session },
    );
    if (renewed.matchedCount === 1) return;
    const current = await this.leases.findOne({ _id: claim.name }, { session, projection: { owner: 1 } });
    throw new LeaseLostError(claim.name, claim.owner, current?.owner);
  }
}

const codeOf = (error: unknown): number | undefined => {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'number' ? code : undefined;
};
