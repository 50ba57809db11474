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

/**
 * An id appears once in a change, as a document or as a delete; every document is JSON within the size limit. An
 * upsert's JSON is the change's own (CollectionChange.json) when the caller serialised the documents already (the
 * projection runner does, to measure its writes), so nothing is serialised twice.
 */
export function checkChange(change: CollectionChange): CheckedChange {
  const { name, version } = normalizeCollectionRef(change.collection);
  const seen = new Set<string>();
  const once = (id: string) => {
    if (seen.has(id)) throw new ReadStoreValidationError(`Id ${id} appears twice in one change to ${name}`);
    seen.add(id);
  };
  const given: unknown = change.json;
  if (given !== undefined && (!Array.isArray(given) || given.length !== (change.upserts?.length ?? 0))) {
    throw new ReadStoreValidationError(`The JSON of a change to ${name} must hold one text per upsert`);
  }
  const upserts = (change.upserts ?? []).map((doc, index) => {
    const id = assertDocument(doc, name);
    once(id);
    return [id, documentJson(doc, (given as unknown[] | undefined)?.[index], id, name)] as const;
  });
  const deletes = (change.deletes ?? []).map((id) => {
    assertId(id, `A delete in ${name}`);
    once(id);
    return id;
  });
  return { collection: change.collection, name, version, upserts, deletes };
}

function documentJson(doc: unknown, given: unknown, id: string, collection: string): string {
  let json: string;
  if (given === undefined) {
    try {
      json = JSON.stringify(doc);
    } catch (error) {
      throw new ReadStoreValidationError(
        `Document ${id} of ${collection} is not JSON: ${(error as Error).message}`,
      );
    }
  } else if (typeof given === 'string') {
    json = given;
  } else {
    throw new ReadStoreValidationError(`The JSON of document ${id} of ${collection} is not a string`);
  }
  if (json.length > MAX_DOCUMENT_CHARS) {
    throw new ReadStoreValidationError(`Document ${id} of ${collection} is too large`);
  }
  return json;
}
