import type { ClientSession, Collection } from 'mongodb';
import { type LeaseClaim, LeaseLostError, type LeaseState } from '../../read-store.port';

export const LEASE_COLLECTION = 'rs__leases';

interface LeaseDoc {
  _id: string;
  owner: string;
  expiresAt: Date;
}

const DUPLICATE_KEY = 11000;
/** Takes of a lease that changed hands (released, or expired) between the conditional upsert and the read. */
const MAX_ROUNDS = 3;

/**
 * Leases in `rs__leases`, one document per name: `{ _id: name, owner, expiresAt }`. Every time is the server's:
 * expiry is computed and compared with `$$NOW` in update pipelines and `$expr` (MongoDB 4.2+; the MongoDB Manual,
 * "Variables in Aggregation Expressions": NOW "returns the same value for all members of the deployment"), so the
 * clocks of the machines running projectors play no part.
 *
 * Taking a lease is one conditional upsert: it matches the lease's document only when the caller owns it or it has
 * expired, and sets owner and expiry; when the document exists but does not match, the upsert's insert collides
 * with the existing `_id` (duplicate key, 11000) and the lease is someone else's. Two takers racing for a free
 * lease cannot both win: single-document writes are atomic, and of two inserts of one `_id` one fails. (The
 * server's own retry of an upsert that hit a duplicate key applies only to filters of plain equalities, which this
 * one, with its `$expr`, is not: the MongoDB Manual, `db.collection.updateOne()`, "Upsert with Duplicate Values".)
 */
export class MongoLeases {
  constructor(private readonly leases: Collection<LeaseDoc>) {}

  async acquire(name: string, owner: string, ttlMs: number): Promise<LeaseState> {
    for (let round = 1; ; round++) {
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
        if (codeOf(error) !== DUPLICATE_KEY) throw error;
      }
      // Someone else's: who, and how long it lasts by the server's clock (a read, no write).
      const [current] = await this.leases
        .aggregate<{ owner: string; expiresAt: Date; expiresInMs: number }>([
          { $match: { _id: name } },
          {
            $project: {
              _id: 0,
              owner: 1,
              expiresAt: 1,
              expiresInMs: { $subtract: ['$expiresAt', '$$NOW'] },
            },
          },
        ])
        .toArray();
      const expiresInMs = current ? Number(current.expiresInMs) : 0;
      // Released or expired in between: take it now, a few rounds at most.
      if ((!current || expiresInMs <= 0) && round < MAX_ROUNDS) continue;
      if (!current)
        return { name, held: false, owner: '', expiresAt: new Date(0).toISOString(), expiresInMs: 0 };
      return {
        name,
        held: false,
        owner: current.owner,
        expiresAt: current.expiresAt.toISOString(),
        expiresInMs: Math.max(0, expiresInMs),
      };
    }
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
