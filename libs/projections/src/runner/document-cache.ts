import type { DocumentRef, ProjectedDocument } from '../projection';

interface Entry {
  collection: string;
  id: string;
  /** The document as of the last applied batch; null: known not to exist (or deleted). */
  doc: ProjectedDocument | null;
  /** The batch being applied changed it to this (undefined: unchanged so far). */
  staged?: ProjectedDocument | null;
  /** Number of the last batch that used it, for evicting the least recently used. */
  used: number;
  dirty: boolean;
  /** Number of the last batch that counted it as a document it changes (see `plan`). */
  planned: number;
}

/**
 * The documents a projection runner holds in memory across batches, by collection and id, with the ones changed
 * since the last write (write-behind). A batch stages its results and commits them only when all of it succeeded.
 * Documents are shared with the projection's evolve, which never changes them (projections are pure).
 *
 * Least recently used is by batch: every document a batch touches gets its number, and `trim` evicts those with the
 * oldest numbers. Only documents that are not dirty are evicted, so trim after writing.
 */
export class DocumentCache {
  private readonly collections = new Map<string, Map<string, Entry>>();
  private readonly staged: Entry[] = [];
  private readonly dirty: Entry[] = [];
  private batch = 0;
  private count = 0;

  get size(): number {
    return this.count;
  }

  get dirtySize(): number {
    return this.dirty.length;
  }

  /** Starts a batch: documents touched from now on count as used by it. */
  beginBatch(): void {
    this.batch++;
  }

  /** Marks the document as used by the batch; false when it is not in memory (load it with `add`). */
  touch(ref: DocumentRef): boolean {
    const entry = this.collections.get(ref.collection)?.get(ref.id);
    if (!entry) return false;
    entry.used = this.batch;
    return true;
  }

  /**
   * A document as loaded from the store (null: not there); it is not dirty. `planned`: the batch has counted it as a
   * document it changes (see `plan`).
   */
  add(collection: string, id: string, doc: ProjectedDocument | null, planned = false): void {
    let docs = this.collections.get(collection);
    if (!docs) this.collections.set(collection, (docs = new Map()));
    if (docs.has(id)) return;
    docs.set(id, { collection, id, doc, used: this.batch, dirty: false, planned: planned ? this.batch : 0 });
    this.count++;
  }

  /**
   * Counting a batch's changed documents: undefined when the document is not in memory; otherwise whether the batch
   * would add it to the changed ones (it is not changed since the last write, nor planned by the batch before).
   */
  plan(ref: DocumentRef): boolean | undefined {
    const entry = this.collections.get(ref.collection)?.get(ref.id);
    if (!entry) return undefined;
    if (entry.dirty || entry.planned === this.batch) return false;
    entry.planned = this.batch;
    return true;
  }

  /** The document as the batch sees it (its staged change, if any); null when absent. */
  get(ref: DocumentRef): ProjectedDocument | null {
    const entry = this.collections.get(ref.collection)?.get(ref.id);
    if (!entry) return null;
    return entry.staged !== undefined ? entry.staged : entry.doc;
  }

  /** Stages the batch's new version of a document that is in memory (touched or added in this batch). */
  stage(ref: DocumentRef, doc: ProjectedDocument | null): void {
    const entry = this.collections.get(ref.collection)?.get(ref.id);
    if (!entry) throw new Error(`${ref.collection}/${ref.id} is not in memory`);
    if (entry.staged === undefined) this.staged.push(entry);
    entry.staged = doc;
  }

  /** The batch succeeded: its staged documents become the current ones, dirty until written. */
  commitBatch(): void {
    for (const entry of this.staged) {
      entry.doc = entry.staged ?? null;
      entry.staged = undefined;
      if (!entry.dirty) this.dirty.push(entry);
      entry.dirty = true;
    }
    this.staged.length = 0;
  }

  /** The batch failed: its staged documents are forgotten. */
  abortBatch(): void {
    for (const entry of this.staged) entry.staged = undefined;
    this.staged.length = 0;
  }

  /** The dirty documents per collection: upserts, and the ids of deleted ones. */
  changes(): { collection: string; upserts: ProjectedDocument[]; deletes: string[] }[] {
    const changes = new Map<
      string,
      { collection: string; upserts: ProjectedDocument[]; deletes: string[] }
    >();
    for (const entry of this.dirty) {
      let change = changes.get(entry.collection);
      if (!change)
        changes.set(entry.collection, (change = { collection: entry.collection, upserts: [], deletes: [] }));
      if (entry.doc) change.upserts.push(entry.doc);
      else change.deletes.push(entry.id);
    }
    return [...changes.values()];
  }

  /** The dirty documents are written. */
  markClean(): void {
    for (const entry of this.dirty) entry.dirty = false;
    this.dirty.length = 0;
  }

  /** Evicts the least recently used documents that are not dirty until at most `size` remain (if it can). */
  trim(size: number): void {
    if (this.count <= size) return;
    const used: number[] = [];
    for (const docs of this.collections.values())
      for (const entry of docs.values()) if (!entry.dirty) used.push(entry.used);
    const excess = Math.min(this.count - size, used.length);
    if (excess <= 0) return;
    // Evict every document last used before the batch at which the excess is reached (whole batches at a time).
    const sorted = Float64Array.from(used).sort();
    const cutoff = sorted[excess - 1];
    for (const docs of this.collections.values()) {
      for (const [id, entry] of docs) {
        if (!entry.dirty && entry.used <= cutoff) {
          docs.delete(id);
          this.count--;
        }
      }
    }
  }

  clear(): void {
    this.collections.clear();
    this.staged.length = 0;
    this.dirty.length = 0;
    this.count = 0;
  }
}
