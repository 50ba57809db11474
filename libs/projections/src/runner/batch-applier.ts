import type { RecordedEvent } from '@app/event-store';
import type { ReadStore } from '@app/read-store';
import type { DocumentCache } from './document-cache';
import type { WrittenIds } from './written-ids';
import {
  refKey,
  type DocumentRef,
  type ProjectedDocument,
  type Projection,
  type ProjectionEvent,
  type RelatedDocuments,
} from '../projection';

/** What a log line and a failure need of an event. */
export interface EventLike {
  id: string;
  type: string;
  position: number;
  metadata?: { correlationId?: string; causationId?: string };
}

/** The projection's own code failed on an event: upcasting, targets, evolve, or reading its personal data. */
export class ProjectionFailure extends Error {
  readonly failedPosition: number;
  constructor(
    readonly event: EventLike,
    cause: unknown,
  ) {
    super(cause instanceof Error ? cause.message : String(cause));
    this.failedPosition = event.position;
    this.name = 'ProjectionFailure';
    this.stack = cause instanceof Error ? cause.stack : this.stack;
  }
}

interface Plan {
  event: ProjectionEvent;
  targets: readonly DocumentRef[];
  related: readonly DocumentRef[];
}

/**
 * The fold of a projection runner: applies events to the documents in memory (the runner's DocumentCache),
 * loading what they touch and is not in memory with one query per collection, and keeping the results in memory as
 * changed, for the runner to write.
 */
export class BatchApplier {
  /** Collections some event has read related documents from (written last; see BatchWriter's `write`). */
  readonly readAsRelated = new Set<string>();

  constructor(
    private readonly projection: Projection,
    private readonly readStore: ReadStore,
    private readonly cache: DocumentCache,
  ) {}

  /**
   * Applies `events` (the handled ones among `recorded`, as the projection sees them) in order, as many as fit in
   * `budget` more changed documents (a document already changed since the last write costs nothing more): an
   * event whose targets would exceed it waits, so that the runner writes the documents in hand first, with their
   * checkpoint at the event before it, in one transaction (at least one event is applied, unless nothing is in
   * hand to write). Returns how many of `recorded` are applied, the unhandled ones among them included. All or
   * nothing: a call that fails changes nothing in memory.
   *
   * `written` (a rebuild into an empty version): documents never written are known absent without a read.
   */
  async apply(
    recorded: readonly RecordedEvent[],
    events: readonly ProjectionEvent[],
    version: number,
    budget: number,
    written: WrittenIds | undefined,
  ): Promise<number> {
    const cache = this.cache;
    cache.beginBatch();
    const missing = new Map<string, Set<string>>();
    const want = (ref: DocumentRef, target: boolean) => {
      if (cache.touch(ref)) return;
      if (written && !written.mayHave(ref.collection, ref.id)) {
        cache.add(ref.collection, ref.id, null, target); // never written into this version: not there
        return;
      }
      let ids = missing.get(ref.collection);
      if (!ids) missing.set(ref.collection, (ids = new Set()));
      ids.add(ref.id);
    };
    // The budget is in documents, not targets: a document changed since the last write, or by an earlier event of
    // this batch, adds nothing to the next write however many events change it again. `plan` tells it from the
    // document in memory; a target not in memory yet is counted by its key.
    let planned = 0;
    const plannedAbsent = new Set<string>();
    const adds = (ref: DocumentRef): boolean => {
      const fresh = cache.plan(ref);
      if (fresh !== undefined) return fresh;
      const key = refKey(ref);
      if (plannedAbsent.has(key)) return false;
      plannedAbsent.add(key);
      return true;
    };
    const readAsRelated = this.readAsRelated;
    const plans: Plan[] = [];
    for (const event of events) {
      let targets: readonly DocumentRef[];
      let related: readonly DocumentRef[];
      try {
        targets = this.projection.targets(event);
        related = this.projection.related?.(event) ?? NO_REFS;
      } catch (error) {
        throw new ProjectionFailure(event, error);
      }
      let added = 0;
      for (const target of targets) if (adds(target)) added++;
      // An event that waits leaves its targets marked as planned: the batch ends here, and the next one plans anew.
      if (planned + added > budget && (plans.length > 0 || cache.dirtySize > 0)) break;
      planned += added;
      for (const target of targets) want(target, true);
      for (const ref of related) {
        readAsRelated.add(ref.collection);
        want(ref, false);
      }
      plans.push({ event, targets, related });
    }

    // What is loaded is what the store holds: it may stay in memory even if the batch fails.
    for (const [collection, ids] of missing) {
      const found = await this.readStore.getMany<ProjectedDocument>({ name: collection, version }, [...ids]);
      for (const id of ids) cache.add(collection, id, found.get(id) ?? null);
    }

    // The batch's results are staged over the documents in memory until the whole batch has succeeded.
    try {
      for (const plan of plans) this.evolve(plan);
    } catch (error) {
      cache.abortBatch();
      throw error;
    }
    cache.commitBatch();
    if (plans.length === events.length) return recorded.length;
    // Stopped before events[plans.length]: the recorded events before it are applied.
    const stop = events[plans.length].position;
    let applied = 0;
    while (recorded[applied].position < stop) applied++;
    return applied;
  }

  private evolve({ event, targets, related }: Plan): void {
    const cache = this.cache;
    try {
      const relatedDocs: RelatedDocuments =
        related.length === 0 ? NO_DOCUMENTS : new Map(related.map((ref) => [refKey(ref), cache.get(ref)]));
      for (const target of targets) {
        const current = cache.get(target);
        if (current && current.lastEventPosition >= event.position) continue; // applied before: redelivery
        const next = this.projection.evolve(current, event, target, relatedDocs);
        if (next === current) continue;
        if (next && next.id !== target.id) {
          throw new Error(`${this.projection.name} returned document ${next.id} for target ${target.id}`);
        }
        cache.stage(target, next);
      }
    } catch (error) {
      throw new ProjectionFailure(event, error);
    }
  }
}

const NO_REFS: readonly DocumentRef[] = [];
const NO_DOCUMENTS: RelatedDocuments = new Map();
