// A batch's transaction on MongoDB: the store validates the batch first (mongodb-documents.ts), then runs this
// within the batch's deadline.
import type { AnyBulkWriteOperation, ClientSession, Collection, MongoClient } from 'mongodb';
import { type LeaseClaim, UnknownCollectionError } from '../../read-store.port';
import { normalizeCollectionRef } from '../../read-store.validation';
import type { CollectionCatalog } from './mongodb-catalog';
import type { CheckpointDoc, PreparedChange, StoredDocument } from './mongodb-documents';
import type { MongoLeases } from './mongodb-leases';
import type { Resolved } from './mongodb-reads';

export interface PreparedBatch {
  changes: PreparedChange[];
  checkpointOps: AnyBulkWriteOperation<CheckpointDoc>[];
  lease?: LeaseClaim;
}

export interface BatchParts {
  client: MongoClient;
  catalog: CollectionCatalog;
  checkpoints: Collection<CheckpointDoc>;
  leases: MongoLeases;
  resolve: (
    ref: { name: string; version?: number },
    options: { signal?: AbortSignal; fresh?: boolean },
  ) => Promise<Resolved>;
  /** maxCommitTimeMS of the transaction. */
  commitTimeoutMs: number;
}

/**
 * One transaction: the markers of the versions written are claimed first (a version dropped meanwhile is
 * unknown: nothing is written, see mongodb-catalog.ts), then per collection an unordered bulkWrite of
 * whole-document replacements (upserts) and deletes, then the checkpoint replacements. `withTransaction` retries
 * the whole callback on transient transaction errors and the commit on an unknown commit result; the writes are
 * idempotent, so a retry is harmless. A batch by logical name that meets a version switched and dropped by
 * another process is resolved again and applied once more, to the new active version.
 */
export async function writeBatch(
  { changes, checkpointOps, lease }: PreparedBatch,
  parts: BatchParts,
  signal: AbortSignal,
): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    const writes: { target: Resolved; operations: AnyBulkWriteOperation<StoredDocument>[] }[] = [];
    for (const { ref, operations } of changes) {
      const target = await parts.resolve(normalizeCollectionRef(ref), {
        signal,
        fresh: attempt > 1,
      });
      if (operations.length > 0) writes.push({ target, operations });
    }
    if (writes.length === 0 && checkpointOps.length === 0 && !lease) return;
    try {
      await inTransaction(parts.client, signal, parts.commitTimeoutMs, async (session) => {
        // First: a lost lease aborts the transaction before any document is sent.
        if (lease) await parts.leases.fence(lease, session);
        await parts.catalog.claim(
          session,
          writes.map(({ target }) => ({
            physical: target.physical,
            name: target.name,
            version: target.requested,
          })),
        );
        for (const { target, operations } of writes) {
          if (signal.aborted) throw signal.reason;
          await target.collection.bulkWrite(operations, { session, ordered: false });
        }
        if (signal.aborted) throw signal.reason;
        if (checkpointOps.length > 0)
          await parts.checkpoints.bulkWrite(checkpointOps, { session, ordered: false });
      });
      return;
    } catch (error) {
      if (!(error instanceof UnknownCollectionError)) throw error;
      // What this process remembers about these names is out of date: whoever asks next (the runner, for the
      // active version to follow) hears it from the server, not from memory.
      for (const { target } of writes) parts.catalog.forget(target.name);
      // Resolved from remembered metadata, a logical name may point at a version another process dropped.
      const stale = writes.some(({ target }) => target.cached && target.requested === undefined);
      if (attempt > 1 || !stale) throw error;
    }
  }
}

/**
 * Runs `work` in one transaction (snapshot reads, majority writes). A deadline that passes abandons it:
 * `work` checks `signal` between its writes and throws its reason, which carries no TransientTransactionError
 * label, so withTransaction aborts instead of running the callback again after the caller has moved on (mongodb
 * 7.x, src/sessions.ts withTransaction: only errors labelled TransientTransactionError restart the callback).
 * The commit itself is bounded by maxCommitTimeMS, whose expiry withTransaction reports without retrying.
 */
async function inTransaction(
  client: MongoClient,
  signal: AbortSignal,
  maxCommitTimeMS: number,
  work: (session: ClientSession) => Promise<void>,
): Promise<void> {
  const session = client.startSession();
  try {
    await session.withTransaction(
      async () => {
        if (signal.aborted) throw signal.reason;
        await work(session);
      },
      {
        readConcern: { level: 'snapshot' },
        writeConcern: { w: 'majority' },
        maxCommitTimeMS,
      },
    );
  } finally {
    await session.endSession().catch(() => undefined);
  }
}
