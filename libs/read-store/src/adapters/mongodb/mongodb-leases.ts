import type { ClientSession, Collection } from 'mongodb';
import { type LeaseClaim, LeaseLostError, type LeaseState } from '../../read-store.port';

export const LEASE_COLLECTION = 'rs__leases';

interface LeaseDoc {
  _id: string;
  owner: string;
  expiresAt: Date;
}

const DUPLICATE_KEY = 11000;
/** Upserts of a lease never written that met another taker's insert (duplicate key). */
const MAX_ROUNDS = 3;

interface CurrentLease {
  owner: string;
  expiresAt: Date;
  expiresInMs: number;
}

const refused = (name: string, current: CurrentLease | undefined): LeaseState => ({
  name,
  held: false,
  // Gone again between the calls (released): nobody holds it now, the next try takes it.
  owner: current?.owner ?? '',
  expiresAt: (current?.expiresAt ?? new Date(0)).toISOString(),
  expiresInMs: Math.max(0, current?.expiresInMs ?? 0),
});

/**
 * Leases in `rs__leases`, one document per name: `{ _id: name, owner, expiresAt }`. Every time is the server's:
 * expiry is computed and compared with `$$NOW` in update pipelines and aggregations (MongoDB 4.2+; the MongoDB
 * Manual, "Variables in Aggregation Expressions": NOW "returns the same value for all members of the
 * deployment"), so the clocks of the machines running projectors play no part.
 *
 * Asking for a lease reads it first (with its remaining time by `$$NOW`): a lease another owner holds is answered
 * without a write. Taking it is one upsert on `{ _id: name }` whose update pipeline sets owner and expiry only when
 * the lease is free (no document, the caller's own, or expired) and otherwise writes the values it found: a
 * single-document update is atomic, so of two takers the second sees the first's owner and expiry and leaves them.
 * The condition sits in the pipeline rather than the filter because an upsert refuses `$expr` in its filter
 * (server error 224, "$expr is not allowed in the query predicate for an upsert"; MongoDB JIRA SERVER-59704). Two
 * takers of a lease never written both insert: one gets a duplicate key (11000), which the server retries as an
 * update for a filter that is one equality on `_id` (the MongoDB Manual, `db.collection.updateOne()`, "Upsert with
 * Unique Index"), and this adapter retries too.
 */
export class MongoLeases {
  constructor(private readonly leases: Collection<LeaseDoc>) {}

  async acquire(name: string, owner: string, ttlMs: number): Promise<LeaseState> {
    const before = await this.current(name);
    // Someone else's and not expired: answered from the read, so a waiting projector writes nothing.
    if (before && before.owner !== owner && before.expiresInMs > 0) return refused(name, before);
    // $literal: an owner is text, never a field path or an expression, whatever it starts with.
    const me = { $literal: owner };
    const free = {
      $or: [{ $eq: ['$owner', me] }, { $lte: [{ $ifNull: ['$expiresAt', new Date(0)] }, '$$NOW'] }],
    };
    let after: LeaseDoc | null = null;
    for (let round = 1; round <= MAX_ROUNDS && !after; round++) {
      try {
        after = await this.leases.findOneAndUpdate(
          { _id: name },
          [
            {
              $set: {
                owner: { $cond: [free, me, '$owner'] },
                expiresAt: { $cond: [free, { $add: ['$$NOW', ttlMs] }, '$expiresAt'] },
              },
            },
          ],
          { upsert: true, returnDocument: 'after' },
        );
      } catch (error) {
        if (codeOf(error) !== DUPLICATE_KEY) throw error;
      }
    }
    if (after?.owner === owner) {
      return { name, held: true, owner, expiresAt: after.expiresAt.toISOString(), expiresInMs: ttlMs };
    }
    // Taken by another between the read and the update: who, and for how long by the server's clock.
    return refused(name, await this.current(name));
  }

  /** The lease's holder and how long it lasts, by the server's clock (a read, no write). */
  private async current(name: string): Promise<CurrentLease | undefined> {
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
