// A batch's changes and checkpoints as MongoDB write operations, validated before anything is written; stored
// checkpoints back as the port's. Pure: no server involved.
import type { AnyBulkWriteOperation } from 'mongodb';
import {
  type Checkpoint,
  type CheckpointWrite,
  type CollectionChange,
  type CollectionRef,
  ReadStoreValidationError,
} from '../../read-store.port';
import { normalizeCheckpoint, validateChange } from '../../read-store.validation';
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

/** Per change an unordered bulkWrite's operations: whole-document replacements (upserts) and deletes. */
export function prepareChanges(changes: readonly CollectionChange[]): PreparedChange[] {
  return changes.map((change) => {
    const { upserts, deletes } = validateChange(change);
    const operations: AnyBulkWriteOperation<StoredDocument>[] = deletes.map((id) => ({
      deleteOne: { filter: { _id: id } },
    }));
    for (const [, json] of upserts) {
      const { _id, ...replacement } = toStoredDocument(json);
      operations.push({ replaceOne: { filter: { _id }, replacement, upsert: true } });
    }
    return { ref: change.collection, operations };
  });
}

/** Checkpoint writes as replacements (a checkpoint is written as a whole). */
export function checkpointOperations(
  writes: readonly CheckpointWrite[],
  now: () => string,
): AnyBulkWriteOperation<CheckpointDoc>[] {
  const checkpoints = writes.map((c) => normalizeCheckpoint(c, now));
  if (new Set(checkpoints.map((c) => c.name)).size !== checkpoints.length) {
    throw new ReadStoreValidationError('A checkpoint appears twice in one batch');
  }
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
