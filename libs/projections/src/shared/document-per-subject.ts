import type { CollectionDeclaration } from '@app/read-store';
import type { ProjectedDocument, Projection, ProjectionEvent } from '../projection';

/** What makes a projection that keeps one document per subject (a Doetank, a gathering) of its events. */
export interface DocumentPerSubject<E extends ProjectionEvent, D extends ProjectedDocument> {
  name: string;
  collection: CollectionDeclaration;
  /** The event types of the subject's stream; each names its subject (`idOf`). */
  handles: readonly E['type'][];
  idOf(event: E): string;
  /**
   * The category of the subject's stream (`doetank`), when an event type it handles is written on other streams
   * too (a correction of business time is): only the events of its own streams are the subject's.
   */
  stream?: string;
  /** The document the event starts, or null: an event before the subject's first is ignored (no document). */
  create(event: E): D | null;
  /** The subject's document after one more of its events (the event's position is recorded on it). */
  update(current: D, event: E): D;
}

/**
 * A projection with one document per subject: the subject's first event creates its document, every later one
 * updates it and records its position. Without the first there is nothing to show (no title, no date), so events
 * before it change nothing.
 */
export function documentPerSubject<E extends ProjectionEvent, D extends ProjectedDocument>(
  spec: DocumentPerSubject<E, D>,
): Projection {
  const handled = new Set<string>(spec.handles);
  const accepts = (event: ProjectionEvent): event is E =>
    handled.has(event.type) && (spec.stream === undefined || event.streamId.startsWith(`${spec.stream}-`));
  return {
    name: spec.name,
    collections: [spec.collection],
    handles: spec.handles,
    targets: (event) => (accepts(event) ? [{ collection: spec.collection.name, id: spec.idOf(event) }] : []),
    evolve(document, event): ProjectedDocument | null {
      if (!accepts(event)) return document;
      const current = document as D | null;
      if (current === null) return spec.create(event);
      return { ...spec.update(current, event), lastEventPosition: event.position };
    },
  };
}
