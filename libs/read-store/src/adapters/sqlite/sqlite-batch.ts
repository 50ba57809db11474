import {
  type CheckpointWrite,
  type LeaseClaim,
  ReadStoreValidationError,
  type WriteBatch,
} from '../../read-store.port';
import { normalizeCheckpoint, validateChange } from '../../read-store.validation';
import { normalizeLease } from '../../read-store.lease';
import { saveCheckpoints } from './sqlite-checkpoints';
import { type SqliteLayout, q } from './sqlite-layout';
import type { SqliteLeases } from './sqlite-leases';
import type { SqliteStatements } from './sqlite-statements';

/** A batch validated and serialised, ready for its transaction. */
export interface PreparedBatch {
  writes: {
    name: string;
    version?: number;
    upserts: (readonly [id: string, json: string])[];
    deletes: string[];
  }[];
  checkpoints: (CheckpointWrite & { updatedAt: string })[];
  lease?: LeaseClaim;
}

/**
 * Validates and serialises a batch before its transaction starts, so a bad batch writes nothing and the
 * transaction holds the write lock only for the writes themselves.
 */
export function prepareBatch(batch: WriteBatch, now: () => Date): PreparedBatch {
  if (typeof batch !== 'object' || batch === null) throw new ReadStoreValidationError('Invalid batch');
  const writes = (batch.changes ?? []).map(validateChange);
  const checkpoints = (batch.checkpoints ?? []).map((c) => normalizeCheckpoint(c, () => now().toISOString()));
  const checkpointNames = checkpoints.map((c) => c.name);
  if (new Set(checkpointNames).size !== checkpointNames.length) {
    throw new ReadStoreValidationError('A checkpoint appears twice in one batch');
  }
  const lease = batch.lease === undefined ? undefined : normalizeLease(batch.lease);
  return { writes, checkpoints, lease };
}

/**
 * Inside the batch's IMMEDIATE transaction: the lease's fence, then the documents and checkpoints. Collections are
 * resolved here, inside the transaction: one dropped by another process meanwhile is unknown
 * (UnknownCollectionError, nothing written) rather than a missing table.
 */
export function writeBatch(
  { writes, checkpoints, lease }: PreparedBatch,
  parts: {
    statements: SqliteStatements;
    leases: SqliteLeases;
    resolve: (name: string, version?: number) => SqliteLayout;
  },
): void {
  const { statements } = parts;
  if (lease) parts.leases.fence(lease);
  const layouts = writes.map(({ name, version }) => parts.resolve(name, version));
  writes.forEach(({ upserts, deletes }, i) => {
    const table = q(layouts[i].table);
    if (deletes.length) {
      const remove = statements.get(`DELETE FROM ${table} WHERE id = ?`);
      for (const id of deletes) remove.run(id);
    }
    if (upserts.length) {
      // Unchanged documents are left alone: redelivered events then cost a comparison, not index rewrites.
      const upsert = statements.get(
        `INSERT INTO ${table} (id, doc) VALUES (?, ?) ` +
          'ON CONFLICT (id) DO UPDATE SET doc = excluded.doc WHERE doc IS NOT excluded.doc',
      );
      for (const [id, json] of upserts) upsert.run(id, json);
    }
  });
  saveCheckpoints(statements, checkpoints);
}
