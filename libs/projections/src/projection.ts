import type { EventMetadata, NetworkEvent, NetworkEventType } from '@app/contracts';
import type { CollectionDeclaration, ReadDocument } from '@app/read-store';

/**
 * An event as projections see it: the domain event (upcast to the current schema) with where and when it was
 * recorded. Projections decide years and months from `metadata.occurredAt` (business time), never recordedAt.
 */
export type ProjectionEvent<E extends NetworkEvent = NetworkEvent> = E & {
  id: string;
  streamId: string;
  revision: number;
  position: number;
  metadata: EventMetadata;
};

/** A document address within a projection: one of its collections and an id. */
export interface DocumentRef {
  collection: string;
  id: string;
}

/**
 * Every document a projection writes carries the position of the last event applied to it. The runner skips an
 * event whose position is not beyond it, which makes applying idempotent under redelivery.
 */
export interface ProjectedDocument extends ReadDocument {
  lastEventPosition: number;
}

/** Documents an event may read besides the ones it writes, as they were before the event. */
export type RelatedDocuments = ReadonlyMap<string, ProjectedDocument | null>;

/** Key of a document in {@link RelatedDocuments}: `<collection>/<id>`. */
export const refKey = (ref: DocumentRef): string => `${ref.collection}/${ref.id}`;

/**
 * A read model as a pure function of the events. For each event it handles, the projection names the documents
 * the event changes (`targets`) and may read (`related`); the runner loads them (one query per collection per
 * batch), calls `evolve` for each target in order, and writes the results with the checkpoint in one
 * transaction. `evolve` returns the new document, or null to delete it. Pure: no I/O, no clock.
 */
export interface Projection {
  /** `timeline`, `doetanks`, ...: the checkpoint's name and the `projections:rebuild` argument. */
  name: string;
  /** The collections it owns, with their indexes. A rebuild creates a new version of all of them. */
  collections: readonly CollectionDeclaration[];
  /** Event types it reads; the runner never hands it any other. */
  handles: readonly NetworkEventType[];
  /**
   * Whether evolve reads the personal fields of events (PERSONAL_DATA_FIELDS in libs/contracts: a member's name and
   * e-mail). By default the runner opens them first (plain, or the "forgotten" value once the key is destroyed). A
   * projection that never reads them says false: it gets the events as stored, those fields still sealed, which
   * spares a key lookup and a decryption per event.
   */
  readsPersonalData?: boolean;
  targets(event: ProjectionEvent): readonly DocumentRef[];
  related?(event: ProjectionEvent): readonly DocumentRef[];
  evolve(
    document: ProjectedDocument | null,
    event: ProjectionEvent,
    target: DocumentRef,
    related: RelatedDocuments,
  ): ProjectedDocument | null;
}
