import type {
  CheckpointWrite,
  CollectionChange,
  CollectionRef,
  ReadDocument,
  WriteBatch,
} from '@app/read-store';

/** What one `applyBatch` of the runner may carry. */
export interface WriteBounds {
  /** Documents, upserts and deletes together. */
  maxDocuments: number;
  /** Estimated bytes: the documents as JSON (Infinity: not measured). */
  maxBytes: number;
}

/**
 * The defaults keep a MongoDB transaction far from its limits: 16 MB of BSON per document (the manual's "MongoDB
 * Limits and Thresholds"); 60 s for a transaction to live (`transactionLifetimeLimitSeconds`, "Production
 * Considerations" for transactions, "Runtime Limit"); and the WiredTiger cache its changes must fit in (same page,
 * "WiredTiger Cache": a transaction is aborted with `TransactionTooLargeForCache` once it holds 75% of the dirty
 * cache, itself 20% of the cache, since SERVER-61909; about 38 MB at the smallest cache of 256 MB). 4 MB of JSON
 * leaves room for BSON and index entries; a thousand documents keep a transaction short.
 */
export const DEFAULT_WRITE_BOUNDS: WriteBounds = { maxDocuments: 1_000, maxBytes: 4 * 1024 * 1024 };

export interface WritePlan {
  /** The writes in order; the checkpoint is in the last one only. */
  batches: WriteBatch[];
  documents: number;
  /** Estimated bytes of the documents (0 when not measured). */
  bytes: number;
}

/** What a deleted id adds to a write, roughly (its id, the operation). */
const DELETE_BYTES = 64;

const nameOf = (ref: CollectionRef) => (typeof ref === 'string' ? ref : ref.name);

/**
 * Splits the documents of one write of the runner into writes within `bounds`, with the checkpoint in the last
 * one: a crash between two of them leaves documents ahead of the stored checkpoint, which the runner tolerates (see
 * BatchWriter's `write`). Nearly always the result is a single write: the runner writes before its documents in
 * memory outgrow the bounds, at an event boundary; only the documents of one event that exceed them alone, or
 * documents far larger than the runner's estimate, are split.
 *
 * A document over the byte bound goes alone (a store that refuses it then names it). Collections named in
 * `readAsRelated` (that some event of the write reads as a related document) go last, after the others: see the
 * BatchWriter's `write` for why.
 *
 * Bytes are estimated as the JSON length of each document (UTF-16 code units: BSON of non-ASCII text is up to
 * three times that, which the default bound leaves room for).
 */
export function planWrites(
  changes: readonly CollectionChange[],
  checkpoint: CheckpointWrite,
  bounds: WriteBounds,
  readAsRelated: ReadonlySet<string>,
): WritePlan {
  // Measured, each document is serialised once: its JSON gives its size here and goes to the store with it
  // (CollectionChange.json), which then does not serialise it again.
  const measure = Number.isFinite(bounds.maxBytes);
  let documents = 0;
  let bytes = 0;
  const serialised = changes.map((change) => {
    const upserts = change.upserts ?? [];
    documents += upserts.length + (change.deletes?.length ?? 0);
    if (!measure) return change;
    const json = upserts.map((doc) => JSON.stringify(doc));
    for (const text of json) bytes += text.length;
    bytes += (change.deletes?.length ?? 0) * DELETE_BYTES;
    return { ...change, json };
  });
  if (documents <= bounds.maxDocuments && bytes <= bounds.maxBytes) {
    return { batches: [{ changes: serialised, checkpoints: [checkpoint] }], documents, bytes };
  }

  const ordered = [
    ...serialised.filter((c) => !readAsRelated.has(nameOf(c.collection))),
    ...serialised.filter((c) => readAsRelated.has(nameOf(c.collection))),
  ];
  const batches: WriteBatch[] = [];
  type Chunk = { collection: CollectionRef; upserts: ReadDocument[]; json?: string[]; deletes: string[] };
  let chunk: Chunk[] = [];
  let chunkDocuments = 0;
  let chunkBytes = 0;
  const add = (
    collection: CollectionRef,
    size: number,
    item: { upsert: ReadDocument; json?: string } | { delete: string },
  ) => {
    if (
      chunkDocuments > 0 &&
      (chunkDocuments >= bounds.maxDocuments || chunkBytes + size > bounds.maxBytes)
    ) {
      batches.push({ changes: chunk });
      chunk = [];
      chunkDocuments = 0;
      chunkBytes = 0;
    }
    let last = chunk[chunk.length - 1];
    if (last?.collection !== collection) {
      chunk.push((last = { collection, upserts: [], ...(measure && { json: [] }), deletes: [] }));
    }
    if ('upsert' in item) {
      last.upserts.push(item.upsert);
      if (item.json !== undefined) last.json?.push(item.json);
    } else last.deletes.push(item.delete);
    chunkDocuments++;
    chunkBytes += size;
  };
  for (const change of ordered) {
    (change.upserts ?? []).forEach((doc, i) => {
      const json = change.json?.[i];
      add(change.collection, json?.length ?? 0, { upsert: doc, json });
    });
    for (const id of change.deletes ?? []) add(change.collection, measure ? DELETE_BYTES : 0, { delete: id });
  }
  batches.push({ changes: chunk, checkpoints: [checkpoint] });
  return { batches, documents, bytes };
}
