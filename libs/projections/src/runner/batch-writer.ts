import { upcast, type NetworkEvent } from '@app/contracts';
import type { RecordedEvent } from '@app/event-store';
import { PersonalDataError, type PersonalDataReader } from '@app/privacy';
import type {
  CheckpointWrite,
  CollectionChange,
  CollectionRef,
  ReadStore,
  WriteBatch,
} from '@app/read-store';
import { BatchApplier, ProjectionFailure } from './batch-applier';
import { DocumentCache } from './document-cache';
import { planWrites, type WriteBounds } from './write-chunks';
import type { WrittenIds } from './written-ids';
import type { Projection, ProjectionEvent } from '../projection';

/** Bytes assumed per document until the first write has measured them (see `write`). */
const ASSUMED_DOCUMENT_BYTES = 1024;

/**
 * The runner's documents in hand: applies batches of events to them (BatchApplier over the DocumentCache, personal
 * data opened first) and writes the changed ones with a checkpoint, in as few writes as the bounds allow. With a
 * cache (rebuilds), documents stay in memory across writes, up to `cacheLimit`; with `written` (WrittenIds), a
 * document never written to the version is known absent without a read. The runner keeps the positions, the error
 * policy and the lease; it hands every write to `send`.
 */
export class BatchWriter {
  /** Documents in memory (only those of the batch in hand without a cache). Reset per version. */
  private readonly cache = new DocumentCache();
  private readonly applier: BatchApplier;
  private readonly handles: ReadonlySet<string>;
  /** Documents in memory that call for a write: the bound, or fewer when documents run large (see `write`). */
  private documentBudget: number;
  /** The documents written since the version was empty (trackWrittenIds); undefined when not known. */
  private written?: WrittenIds;

  constructor(
    private readonly projection: Projection,
    readStore: ReadStore,
    private readonly personalData: PersonalDataReader,
    private readonly writeBounds: WriteBounds,
    /** Documents kept in memory across writes (0: none). */
    readonly cacheLimit: number,
  ) {
    this.handles = new Set(projection.handles);
    this.applier = new BatchApplier(projection, readStore, this.cache);
    this.documentBudget = this.budgetFor(ASSUMED_DOCUMENT_BYTES);
  }

  /** Starting on a version: nothing in memory; `written` when the version is known to have started empty. */
  reset(written: WrittenIds | undefined): void {
    this.cache.clear();
    this.written = written;
  }

  /** Whether memory or the changed documents call for a write now. */
  get full(): boolean {
    return this.cache.size > this.cacheLimit || this.cache.dirtySize >= this.documentBudget;
  }

  /** Memory over its limit: unchanged documents go first, least recently used first. */
  trim(): void {
    // Down to 75% of the limit, so that trimming is not due again after the next batch.
    if (this.cache.size > this.cacheLimit) this.cache.trim(Math.floor(this.cacheLimit * 0.75));
  }

  /**
   * Applies the batch's events from the first, as many as the documents in memory can take before a write is due
   * (see BatchApplier), their personal data opened. Returns how many of `recorded` it applied.
   */
  async apply(recorded: RecordedEvent[], version: number): Promise<number> {
    const events: ProjectionEvent[] = [];
    const handled = recorded.filter((e) => this.handles.has(e.type));
    const opened =
      this.projection.readsPersonalData === false ? handled : await this.openPersonalData(handled);
    for (const e of opened) {
      try {
        events.push(toProjectionEvent(e));
      } catch (error) {
        throw new ProjectionFailure(e, error);
      }
    }
    const budget = this.documentBudget - this.cache.dirtySize;
    return this.applier.apply(recorded, events, version, budget, this.written);
  }

  /**
   * Writes the changed documents in memory with `checkpoint` (through `send`, one call per write), then trims the
   * documents in memory to the cache's size, least recently used first.
   *
   * Nearly always in one transaction: the runner writes before the changed documents outgrow what one write may
   * carry (`maxWriteDocuments`, `maxWriteBytes`: a MongoDB transaction stays far from its limits), at an event
   * boundary (see `apply`). Only the documents of a single event that exceed the bounds alone, or documents far
   * larger than the previous write's average, are split over several writes (planWrites), the checkpoint in the
   * last. A crash between them leaves documents ahead of the stored checkpoint, and the events after it come again
   * on restart. That is safe because:
   * - a document skips every event at or before its `lastEventPosition`: one written ahead takes no event twice;
   * - a document not yet written is rebuilt from the stored one by the same events, in order, and what they read as
   *   related documents must be as it was the first time. The collections any event read related documents from
   *   are written after the others, with the checkpoint, so a crash leaves them at the checkpoint as well.
   * Two cases are left to the projection, in a split over several events (documents far over the estimate) or with
   * related documents filling more than one write: an event that changed nothing in a document (no new
   * `lastEventPosition`) may meet a later state of it, and must change nothing there either; and an event may read
   * a related document it changed itself ahead. The tests crash between the chunks of every projection's rebuild.
   */
  async write(
    version: number,
    checkpoint: CheckpointWrite,
    send: (batch: WriteBatch) => Promise<void>,
  ): Promise<void> {
    const pending = this.cache.changes();
    const changes: CollectionChange[] = pending.map(({ collection, upserts, deletes }) => ({
      collection: physical(collection, version),
      upserts,
      deletes,
    }));
    const plan = planWrites(changes, checkpoint, this.writeBounds, this.applier.readAsRelated);
    for (const batch of plan.batches) await send(batch);
    if (plan.bytes > 0) this.documentBudget = this.budgetFor(plan.bytes / plan.documents);
    if (this.written) {
      for (const { collection, upserts } of pending) {
        for (const doc of upserts) this.written.add(collection, doc.id);
      }
    }
    this.cache.markClean();
    this.trim();
  }

  /** Changed documents that fill one write, at `bytesPerDocument` each. */
  private budgetFor(bytesPerDocument: number): number {
    const byBytes = Math.floor(this.writeBounds.maxBytes / Math.max(1, bytesPerDocument));
    return Math.max(1, Math.min(this.writeBounds.maxDocuments, byBytes));
  }

  /**
   * Personal data opened for the whole batch with one key lookup. An event whose personal data cannot be read
   * (not an outage of the key store: a missing key, a seal that does not open) is the projection's failure at that
   * event's position; an outage is the stores' and is retried.
   */
  private async openPersonalData(events: RecordedEvent[]): Promise<RecordedEvent[]> {
    try {
      return await this.personalData.open(events);
    } catch (error) {
      if (!(error instanceof PersonalDataError)) throw error;
      for (const event of events) {
        try {
          await this.personalData.open([event]);
        } catch (single) {
          throw new ProjectionFailure(event, single);
        }
      }
      throw new ProjectionFailure(events[0], error);
    }
  }
}

/** Whether none of the projection's collections holds a document in `version` (a rebuild starting afresh). */
export async function versionIsEmpty(
  readStore: ReadStore,
  projection: Projection,
  version: number,
): Promise<boolean> {
  for (const { name } of projection.collections) {
    const { items } = await readStore.find(physical(name, version), { limit: 1 });
    if (items.length > 0) return false;
  }
  return true;
}

const physical = (collection: string, version: number): CollectionRef => ({ name: collection, version });

/** A recorded event as projections see it, upcast to the current schema; its personal data must be opened first. */
export function toProjectionEvent(recorded: RecordedEvent): ProjectionEvent {
  const event: NetworkEvent = upcast(recorded.type, recorded.data, recorded.metadata.schemaVersion ?? 1);
  // Built field by field rather than spread: this runs for every event of a rebuild.
  return {
    type: event.type,
    data: event.data,
    id: recorded.id,
    streamId: recorded.streamId,
    revision: recorded.revision,
    position: recorded.position,
    metadata: recorded.metadata,
  } as ProjectionEvent;
}
