// The queries of the MongoDB read store and how a collection reference finds its physical collection. The store
// runs each query through its `read` (a deadline, MongoDB's errors translated, a second look when remembered
// metadata may be out of date).
import type { Collection, Db } from 'mongodb';
import { type CursorPosition, decodeCursor, encodeCursor } from '../../read-store.cursor';
import {
  type Filter,
  type FindQuery,
  type Page,
  type ReadDocument,
  UnknownCollectionError,
} from '../../read-store.port';
import { normalizeFilter, normalizeSort, sortSignature } from '../../read-store.validation';
import type { CollectionCatalog } from './mongodb-catalog';
import type { StoredDocument } from './mongodb-documents';
import {
  ELEMENT_KEY,
  cursorOf,
  elementSortPipeline,
  findQuery,
  fromStoredDocument,
  physicalCollection,
  toMongoFilter,
  toMongoSort,
} from './mongodb-query';

export interface Resolved {
  name: string;
  /** The version asked for; undefined for the active one (a logical name). */
  requested?: number;
  version: number;
  physical: string;
  collection: Collection<StoredDocument>;
  arrayFields: ReadonlySet<string>;
  hasTextFields: boolean;
  /** Resolved from remembered metadata rather than just read. */
  cached: boolean;
}

/** Ids per `$in` query of getMany: keeps each query document far below the 16 MB BSON limit. */
const GET_MANY_CHUNK = 5_000;

/** The physical collection of a logical name (its active version) or of an explicit version (validated). */
export async function resolveCollection(
  store: { db: Db; catalog: CollectionCatalog; assertOpen: () => void },
  { name, version: requested }: { name: string; version?: number },
  options: { signal?: AbortSignal; fresh?: boolean } = {},
): Promise<Resolved> {
  store.assertOpen();
  const { meta, cached } = await store.catalog.get(name, options);
  const version = requested ?? meta?.active;
  const entry = version === undefined ? undefined : meta?.versions?.[String(version)];
  if (version === undefined || !entry) {
    // Remembered metadata may predate a version another process made: ask once more before refusing.
    if (cached) return resolveCollection(store, { name, version: requested }, { ...options, fresh: true });
    throw new UnknownCollectionError(name, requested);
  }
  const physical = physicalCollection(name, version);
  return {
    name,
    requested,
    version,
    physical,
    collection: store.db.collection<StoredDocument>(physical),
    arrayFields: new Set(entry.declaration.arrayFields),
    hasTextFields: entry.declaration.textFields !== undefined,
    cached,
  };
}

export async function getOne<T extends ReadDocument>(
  { collection }: Resolved,
  id: string,
  signal: AbortSignal,
): Promise<T | undefined> {
  const stored = await collection.findOne({ _id: id }, { signal });
  return stored ? fromStoredDocument<T>(stored) : undefined;
}

export async function getMany<T extends ReadDocument>(
  { collection }: Resolved,
  unique: readonly string[],
  signal: AbortSignal,
): Promise<Map<string, T>> {
  const found = new Map<string, T>();
  for (let i = 0; i < unique.length; i += GET_MANY_CHUNK) {
    const chunk = unique.slice(i, i + GET_MANY_CHUNK);
    for (const stored of await collection.find({ _id: { $in: chunk } }, { signal }).toArray()) {
      const doc = fromStoredDocument<T>(stored);
      found.set(doc.id, doc);
    }
  }
  return found;
}

export async function findPage<T extends ReadDocument>(
  resolved: Resolved,
  query: FindQuery,
  signal: AbortSignal,
  timeoutMs: number,
): Promise<Page<T>> {
  const plan = planFind(resolved, query);
  if (plan.keys[0].within) return findByElement(resolved, plan, signal, timeoutMs);
  let cursor = resolved.collection.find(plan.query, { signal, maxTimeMS: timeoutMs }).sort(plan.sort);
  if (plan.limit !== undefined) cursor = cursor.limit(plan.limit + 1);
  const items = (await cursor.toArray()).map((stored) => fromStoredDocument<T>(stored));
  if (plan.limit === undefined || items.length <= plan.limit) return { items } as Page<T>;
  const page = items.slice(0, plan.limit);
  return {
    items: page,
    nextCursor: encodeCursor(plan.signature, cursorOf(page[page.length - 1], plan.keys)),
  };
}

/** A page whose sort is led by an array field within a range (see `elementSortPipeline`). */
async function findByElement<T extends ReadDocument>(
  { collection }: Resolved,
  plan: ReturnType<typeof planFind>,
  signal: AbortSignal,
  timeoutMs: number,
): Promise<Page<T>> {
  const pipeline = elementSortPipeline(plan.predicates, plan.keys, plan.after, plan.limit);
  // allowDiskUse: without a limit every match is sorted, which may pass the 100 MB a sort holds in memory.
  const rows = await collection
    .aggregate(pipeline, { signal, maxTimeMS: timeoutMs, allowDiskUse: true })
    .toArray();
  const page = plan.limit === undefined ? rows : rows.slice(0, plan.limit);
  const items = page.map(({ [ELEMENT_KEY]: _key, ...stored }) => fromStoredDocument<T>(stored));
  if (plan.limit === undefined || rows.length <= plan.limit) return { items };
  const last = page[page.length - 1];
  const sortKeys = [{ field: ELEMENT_KEY, order: plan.keys[0].order }, ...plan.keys.slice(1)];
  const position = cursorOf(fromStoredDocument(last), sortKeys);
  return { items, nextCursor: encodeCursor(plan.signature, position) };
}

export function countDocuments(
  resolved: Resolved,
  filter: Filter | undefined,
  signal: AbortSignal,
  timeoutMs: number,
): Promise<number> {
  return resolved.collection.countDocuments(
    toMongoFilter(normalizeFilter(filter, resolved.arrayFields, resolved.hasTextFields)),
    {
      signal,
      maxTimeMS: timeoutMs,
    },
  );
}

/** The MongoDB query and sort of a find, with what its page and cursor need. */
export function planFind(resolved: Resolved, query: FindQuery) {
  const predicates = normalizeFilter(query.filter, resolved.arrayFields, resolved.hasTextFields);
  const keys = normalizeSort(query.sort, resolved.arrayFields, predicates);
  const signature = sortSignature(keys);
  let after: CursorPosition | undefined;
  if (query.after !== undefined) after = decodeCursor(query.after, signature, keys.length - 1);
  return {
    predicates,
    after,
    query: findQuery(toMongoFilter(predicates), keys, after),
    sort: toMongoSort(keys),
    keys,
    signature,
    limit: query.limit,
  };
}
