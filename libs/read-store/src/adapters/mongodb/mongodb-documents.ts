// A checked batch's changes and checkpoints as MongoDB write operations (read-store.batch.ts checks them before
// anything is written); stored checkpoints back as the port's. Pure: no server involved.
import type { AnyBulkWriteOperation } from 'mongodb';
import type { CheckedBatch, CheckedChange } from '../../read-store.batch';
import type { Checkpoint, CollectionRef } from '../../read-store.port';
import { toStoredDocument } from './mongodb-query';

export const CHECKPOINT_COLLECTION = 'rs__checkpoints';

export interface CheckpointDoc {
  _id: string;
  position: number;
  updatedAt: string;
  state?: Checkpoint['state'];
  error?: string;
  failedPosition?: number;
  details?: Record<string, unknown>;
}

/** A stored read-model document: the port document with `id` as `_id`. */
export interface StoredDocument {
  _id: string;
  [field: string]: unknown;
}

export interface PreparedChange {
  ref: CollectionRef;
  operations: AnyBulkWriteOperation<StoredDocument>[];
}

/** Per change an unordered bulkWrite's operations: deletes and whole-document replacements (upserts). */
export function changeOperations(changes: readonly CheckedChange[]): PreparedChange[] {
  return changes.map(({ collection, upserts, deletes }) => ({
    ref: collection,
    operations: [
      ...deletes.map((id): AnyBulkWriteOperation<StoredDocument> => ({ deleteOne: { filter: { _id: id } } })),
      ...upserts.map(([, json]): AnyBulkWriteOperation<StoredDocument> => {
        const { _id, ...replacement } = toStoredDocument(json);
        return { replaceOne: { filter: { _id }, replacement, upsert: true } };
      }),
    ],
  }));
}

/** Checkpoint writes as replacements (a checkpoint is written as a whole). */
export function checkpointOperations(
  checkpoints: CheckedBatch['checkpoints'],
): AnyBulkWriteOperation<CheckpointDoc>[] {
  return checkpoints.map((c) => {
    const replacement: Omit<CheckpointDoc, '_id'> = { position: c.position, updatedAt: c.updatedAt };
    if (c.state !== undefined) replacement.state = c.state;
    if (c.error !== undefined) replacement.error = c.error;
    if (c.failedPosition !== undefined) replacement.failedPosition = c.failedPosition;
    if (c.details !== undefined) replacement.details = JSON.parse(JSON.stringify(c.details));
    return { replaceOne: { filter: { _id: c.name }, replacement, upsert: true } };
  });
}

export function toCheckpoint(stored: CheckpointDoc): Checkpoint {
  const checkpoint: Checkpoint = { name: stored._id, position: stored.position, updatedAt: stored.updatedAt };
  if (stored.state !== undefined && stored.state !== null) checkpoint.state = stored.state;
  if (stored.error !== undefined && stored.error !== null) checkpoint.error = stored.error;
  if (stored.failedPosition !== undefined && stored.failedPosition !== null) {
    checkpoint.failedPosition = stored.failedPosition;
  }
  if (stored.details !== undefined && stored.details !== null) checkpoint.details = stored.details;
  return checkpoint;
}
