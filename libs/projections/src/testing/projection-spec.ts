import type { EventMetadata, EventOf, NetworkEvent, NetworkEventType } from '@app/contracts';
import { normalizeDeclaration } from '@app/read-store/read-store.validation';
import {
  refKey,
  type DocumentRef,
  type ProjectedDocument,
  type Projection,
  type ProjectionEvent,
} from '../projection';

/**
 * The documents of a projection in memory: one map per collection, as the read store would hold them (JSON
 * round-tripped, so `undefined` fields are gone as they would be after a write).
 */
export class InMemoryProjectionStore {
  readonly collections = new Map<string, Map<string, ProjectedDocument>>();

  get<T = ProjectedDocument>(collection: string, id: string): T | undefined {
    return this.collections.get(collection)?.get(id) as T | undefined;
  }

  /** Every document of a collection, in id order. */
  all<T = ProjectedDocument>(collection: string): T[] {
    const documents = [...(this.collections.get(collection)?.values() ?? [])];
    return documents.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)) as T[];
  }

  /** A deep copy of every collection, for comparing states. */
  snapshot(): Record<string, Record<string, ProjectedDocument>> {
    const copy: Record<string, Record<string, ProjectedDocument>> = {};
    for (const [name, documents] of this.collections) {
      copy[name] = JSON.parse(JSON.stringify(Object.fromEntries(documents))) as Record<
        string,
        ProjectedDocument
      >;
    }
    return copy;
  }

  read(ref: DocumentRef): ProjectedDocument | null {
    return this.collections.get(ref.collection)?.get(ref.id) ?? null;
  }

  write(ref: DocumentRef, document: ProjectedDocument | null): void {
    let documents = this.collections.get(ref.collection);
    if (!documents) {
      documents = new Map();
      this.collections.set(ref.collection, documents);
    }
    if (document === null) documents.delete(ref.id);
    else documents.set(ref.id, deepFreeze(JSON.parse(JSON.stringify(document)) as ProjectedDocument));
  }
}

/**
 * Runs events through a projection in memory, the way the projector's runner applies them: only the event types
 * it handles; for each event the related documents as they were before it, then `evolve` for each target in
 * order; a target whose `lastEventPosition` is at or beyond the event's position is skipped (redelivery), and a
 * document `evolve` returns unchanged (the very same object) is not written.
 *
 * Stricter than the runner where that catches bugs early: documents and events are frozen (a projection that
 * mutates its input throws), and a written document must carry the target's id, the event's position as
 * `lastEventPosition`, and only values JSON keeps (no undefined, NaN or Infinity).
 *
 * Pass `store` to continue from an earlier run (e.g. to redeliver events).
 */
export const project = (
  projection: Projection,
  events: readonly ProjectionEvent[],
  store: InMemoryProjectionStore = new InMemoryProjectionStore(),
): InMemoryProjectionStore => {
  for (const event of events) {
    if (!projection.handles.includes(event.type)) continue;
    const frozen = deepFreeze(structuredClone(event));
    const related = new Map<string, ProjectedDocument | null>();
    for (const ref of projection.related?.(frozen) ?? []) related.set(refKey(ref), store.read(ref));
    for (const target of projection.targets(frozen)) {
      assertOwnCollection(projection, target);
      const current = store.read(target);
      if (current !== null && current.lastEventPosition >= frozen.position) continue;
      const next = projection.evolve(current, frozen, target, related);
      if (next === current) continue; // unchanged: the runner writes nothing
      if (next !== null) assertWritable(projection, frozen, target, next);
      store.write(target, next);
    }
  }
  return store;
};

const assertOwnCollection = (projection: Projection, target: DocumentRef): void => {
  if (!projection.collections.some((collection) => collection.name === target.collection)) {
    throw new Error(`${projection.name} targets ${refKey(target)}, a collection it does not declare`);
  }
};

const assertWritable = (
  projection: Projection,
  event: ProjectionEvent,
  target: DocumentRef,
  document: ProjectedDocument,
): void => {
  const where = `${projection.name} on ${event.type}@${event.position} for ${refKey(target)}`;
  if (document.id !== target.id) throw new Error(`${where} wrote a document with id ${document.id}`);
  if (document.lastEventPosition !== event.position) {
    throw new Error(`${where} set lastEventPosition ${document.lastEventPosition}`);
  }
  const bad = nonJsonPath(document, '');
  if (bad !== undefined) throw new Error(`${where} wrote a value JSON does not keep at ${bad}`);
};

/** The path of the first value that does not survive JSON, if any. */
const nonJsonPath = (value: unknown, path: string): string | undefined => {
  if (value === undefined || typeof value === 'function' || typeof value === 'symbol')
    return path || '(root)';
  if (typeof value === 'number' && !Number.isFinite(value)) return path || '(root)';
  if (value === null || typeof value !== 'object') return undefined;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const bad = nonJsonPath(value[i], `${path}[${i}]`);
      if (bad !== undefined) return bad;
    }
    return undefined;
  }
  if (Object.getPrototypeOf(value) !== Object.prototype) return path || '(root)';
  for (const [key, field] of Object.entries(value)) {
    const bad = nonJsonPath(field, path ? `${path}.${key}` : key);
    if (bad !== undefined) return bad;
  }
  return undefined;
};

const deepFreeze = <T>(value: T): T => {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const field of Object.values(value)) deepFreeze(field);
  }
  return value;
};

export interface ProjectionEventOptions {
  /** Business time, ISO-8601. */
  occurredAt: string;
  /** Position in the store: unique and increasing across the events of a test. */
  position: number;
  /** Defaults to `system`. */
  actorId?: string;
  /** Defaults to `event-<position>`. */
  id?: string;
  /** Defaults to the stream the event belongs to (`doetank-<id>`, `member-<id>`, ...). */
  streamId?: string;
  /** Defaults to 0. */
  revision?: number;
  /** Defaults to `occurredAt`. */
  recordedAt?: string;
  correlationId?: string;
  causationId?: string;
}

/**
 * Builds an event as projections see it:
 *
 * ```ts
 * projectionEvent('DoetankStarted', { doetankId: 'd1' }, { occurredAt: '2012-03-01T09:00:00.000Z', position: 3 })
 * ```
 */
export const projectionEvent = <T extends NetworkEventType>(
  type: T,
  data: EventOf<T>['data'],
  options: ProjectionEventOptions,
): ProjectionEvent<EventOf<T>> => {
  const event = { type, data } as NetworkEvent;
  const id = options.id ?? `event-${options.position}`;
  const metadata: EventMetadata = {
    occurredAt: options.occurredAt,
    recordedAt: options.recordedAt ?? options.occurredAt,
    actorId: options.actorId ?? 'system',
    correlationId: options.correlationId ?? id,
    causationId: options.causationId ?? id,
    schemaVersion: 1,
  };
  return {
    ...event,
    id,
    streamId: options.streamId ?? streamOf(event),
    revision: options.revision ?? 0,
    position: options.position,
    metadata,
  } as ProjectionEvent<EventOf<T>>;
};

/** The stream an event is appended to, as the API names it. */
const streamOf = (event: NetworkEvent): string => {
  const data = event.data as Record<string, unknown>;
  if (event.type === 'EmailClaimed' || event.type === 'EmailReleased')
    return `member_email-${event.data.emailHash}`;
  if ('year' in data) return `network-${String(data.year)}`;
  for (const [field, category] of [
    ['discussionId', 'discussion'],
    ['gatheringId', 'gathering'],
    ['doetankId', 'doetank'],
    ['memberId', 'member'],
  ] as const) {
    if (typeof data[field] === 'string') return `${category}-${data[field] as string}`;
  }
  throw new Error(`No stream for ${event.type}`);
};

/**
 * A history builder that numbers positions for you: `const at = positions(); projectionEvent(type, data,
 * at('2012-03-01T09:00:00.000Z'))`.
 */
export const positions = (
  start = 1,
): ((occurredAt: string, options?: Partial<ProjectionEventOptions>) => ProjectionEventOptions) => {
  let next = start;
  return (occurredAt, options = {}) => ({ occurredAt, position: next++, ...options });
};

/**
 * Asserts that delivering events again changes no document: the runner redelivers what it applied before a crash,
 * so a projection must take each event once. `redeliveries` default to all of `events` once more.
 */
export const expectIdempotent = (
  projection: Projection,
  events: readonly ProjectionEvent[],
  ...redeliveries: (readonly ProjectionEvent[])[]
): void => {
  const store = project(projection, events);
  const before = store.snapshot();

  for (const again of redeliveries.length > 0 ? redeliveries : [events]) project(projection, again, store);

  expect(store.snapshot()).toEqual(before);
};

let freshSequence = 0;

/**
 * Fresh ids and positions for one test, so no test depends on another: `id('sanne')` is `sanne-<n>`, and `at`
 * numbers positions from `n * 1000` (see `positions`).
 */
export const freshIds = () => {
  freshSequence += 1;
  const n = freshSequence;
  return { id: (name: string) => `${name}-${n}`, at: positions(n * 1000) };
};

/**
 * Validates every collection a projection declares, as the read store does before it creates them, and returns the
 * names of the indexes of its first collection.
 */
export const declaredIndexNames = (projection: Projection): (string | undefined)[] => {
  for (const declaration of projection.collections) normalizeDeclaration(declaration);
  return projection.collections[0].indexes?.map((index) => index.name) ?? [];
};
