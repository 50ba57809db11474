// A write batch checked whole before an adapter writes any of it (a bad batch writes nothing), shared by every
// adapter: each turns the checked batch into its own writes.
import {
  type CheckpointWrite,
  type CollectionChange,
  type CollectionRef,
  type LeaseClaim,
  ReadStoreValidationError,
  type WriteBatch,
} from './read-store.port';
import { normalizeLease } from './read-store.lease';
import {
  MAX_DOCUMENT_CHARS,
  assertDocument,
  assertId,
  normalizeCheckpoint,
  normalizeCollectionRef,
} from './read-store.validation';

/** One change checked: its collection (as given, and by name), its documents as JSON by id, the ids it deletes. */
export interface CheckedChange {
  collection: CollectionRef;
  name: string;
  version?: number;
  upserts: (readonly [id: string, json: string])[];
  deletes: string[];
}

export interface CheckedBatch {
  changes: CheckedChange[];
  checkpoints: (CheckpointWrite & { updatedAt: string })[];
  lease?: LeaseClaim;
}

/** Checks a batch; `now` (ISO-8601) dates the checkpoints written without `updatedAt`. */
export function checkBatch(batch: WriteBatch, now: () => string): CheckedBatch {
  if (typeof batch !== 'object' || batch === null) throw new ReadStoreValidationError('Invalid batch');
  const changes = (batch.changes ?? []).map(checkChange);
  const checkpoints = (batch.checkpoints ?? []).map((c) => normalizeCheckpoint(c, now));
  if (new Set(checkpoints.map((c) => c.name)).size !== checkpoints.length) {
    throw new ReadStoreValidationError('A checkpoint appears twice in one batch');
  }
  const lease = batch.lease === undefined ? undefined : normalizeLease(batch.lease);
  return { changes, checkpoints, lease };
}

/** An id appears once in a change, as a document or as a delete; every document is JSON within the size limit. */
function checkChange(change: CollectionChange): CheckedChange {
  const { name, version } = normalizeCollectionRef(change.collection);
  const seen = new Set<string>();
  const once = (id: string) => {
    if (seen.has(id)) throw new ReadStoreValidationError(`Id ${id} appears twice in one change to ${name}`);
    seen.add(id);
  };
  const upserts = (change.upserts ?? []).map((doc) => {
    const id = assertDocument(doc, name);
    once(id);
    let json: string;
    try {
      json = JSON.stringify(doc);
    } catch (error) {
      throw new ReadStoreValidationError(
        `Document ${id} of ${name} is not JSON: ${(error as Error).message}`,
      );
    }
    if (json.length > MAX_DOCUMENT_CHARS) {
      throw new ReadStoreValidationError(`Document ${id} of ${name} is too large`);
    }
    return [id, json] as const;
  });
  const deletes = (change.deletes ?? []).map((id) => {
    assertId(id, `A delete in ${name}`);
    once(id);
    return id;
  });
  return { collection: change.collection, name, version, upserts, deletes };
}
