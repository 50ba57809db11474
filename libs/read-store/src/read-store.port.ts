/**
 * The read store port: a small document store for read models. Adapters: SQLite (embedded, `adapters/sqlite`) and
 * MongoDB (`adapters/mongodb`). Every adapter passes the contract suite in `testing/read-store.contract.ts`.
 *
 * Failures of the store itself reach callers as `@app/resilience` errors: StoreUnavailableError (transient: a
 * locked file, an unreachable server, an election, a deadline; retry) or PermanentStoreError (a document or
 * transaction too large, a corrupt file; retrying fails the same way). The port's own errors below (validation,
 * unknown collection) are neither.
 *
 * The model maps one to one onto MongoDB: a collection holds JSON documents keyed by a string `id` (MongoDB `_id`),
 * declared indexes are compound indexes (multikey when they hold an array field), {@link ReadStore.applyBatch} is a
 * `bulkWrite` per collection plus the checkpoint upserts inside one transaction, and {@link ReadStore.find} is a
 * keyset-paginated `find().sort().limit()`.
 *
 * Leases: one writer per projection across processes. A writer takes a lease ({@link ReadStore.acquireLease}) and
 * hands it to every {@link ReadStore.applyBatch}, which checks and renews it inside the batch's transaction, so a
 * writer whose lease was taken over cannot write a single document more ({@link LeaseLostError}).
 *
 * Versions: a logical collection (`timeline`) lives in numbered physical versions (`timeline__v1`, `timeline__v2`);
 * an alias names the active one. Reads and writes by logical name use the active version; a rebuild writes into an
 * explicit version ({@link CollectionRef}) and switches readers over with {@link ReadStore.activateVersion}.
 */
export const READ_STORE = Symbol('READ_STORE');

/**
 * A stored document: a JSON object with a string `id`, unique in its collection. Values are what JSON holds
 * (strings, finite numbers, booleans, null, arrays, plain objects); dates are ISO-8601 strings, which sort in time
 * order. What `JSON.stringify` would drop or change (undefined, functions, Dates, NaN) does not round-trip.
 */
export interface ReadDocument {
  id: string;
  [field: string]: unknown;
}

export type SortOrder = 'asc' | 'desc';

/**
 * A document field: a top-level name (`occurredAt`) or a dotted path into nested objects (`actor.id`). Each segment
 * matches `[A-Za-z_][A-Za-z0-9_]*`. Dotted paths traverse objects, not arrays (no `results.kind` over an array).
 */
export type FieldPath = string;

export interface IndexField {
  field: FieldPath;
  /** Defaults to `asc`. */
  order?: SortOrder;
}

export interface IndexDeclaration {
  /** `[a-z0-9_]`, unique within the collection; derived from the fields when omitted. */
  name?: string;
  /**
   * Compound key, most significant first. The document id is always appended as the final key (in the direction of
   * the last field), so an index serves a sort on these fields plus the id tie-break. At most one array field.
   */
  fields: readonly IndexField[];
}

/**
 * What a read model declares about one of its collections. Declaring is idempotent and only adds: indexes a
 * previous declaration had and this one lacks stay (during a rolling deploy the other build still declares them),
 * until {@link ReadStore.pruneIndexes} drops them explicitly.
 */
export interface CollectionDeclaration {
  /** Logical name: `[a-z][a-z0-9_]*`, at most 64 characters, no `__` (reserved for versions). */
  name: string;
  indexes?: readonly IndexDeclaration[];
  /**
   * Fields that hold arrays of scalars (`memberIds`). A condition on such a field matches when one element
   * satisfies all of it (MongoDB `$elemMatch`; for equality and `$in` that is plain MongoDB semantics), and an
   * index containing it is multikey. They are sorted on only within a range (see {@link SortField}).
   */
  arrayFields?: readonly FieldPath[];
  /**
   * String fields searched by the filter's `$text` (full-text: every word must occur in one of them, whole words,
   * case and accents ignored). SQLite: an FTS5 index kept by triggers; MongoDB: a text index (one per
   * collection). Fixed when a version is created: other text fields need a new version (a rebuild).
   */
  textFields?: readonly FieldPath[];
}

/** A logical collection name (the active version) or an explicit physical version, for rebuilds. */
export type CollectionRef = string | { readonly name: string; readonly version: number };

export type FilterValue = string | number | boolean | null;
export type RangeValue = string | number;

/**
 * Conditions on one field, all of which must hold. Ranges follow MongoDB's type bracketing: a numeric bound matches
 * numbers only, a string bound strings only, and null or missing never satisfies a range. Use bounds of one type.
 */
export interface FieldOperators {
  $eq?: FilterValue;
  /** Matches any of the values; an empty list matches nothing. */
  $in?: readonly FilterValue[];
  $gt?: RangeValue;
  $gte?: RangeValue;
  $lt?: RangeValue;
  $lte?: RangeValue;
}

/** A plain value means `$eq`. Equality with `null` matches null and missing fields (as in MongoDB). */
export type FieldCondition = FilterValue | FieldOperators;

/**
 * Conditions per field, all of which must hold. The field `id` is the document id. The key `$text` (a string of
 * words) is a full-text condition on the collection's declared `textFields`: every word must occur as a whole word
 * (case and accents ignored; everything but letters and digits separates words).
 */
export type Filter = Readonly<Record<FieldPath, FieldCondition>>;

/** The filter key of a full-text condition (see {@link Filter}). */
export const TEXT_FILTER = '$text';

/**
 * A sort key. An array field may be the first key of an ascending sort when the filter holds a string range with a
 * lower bound on it (and no equality): each document sorts by its smallest element within that range, and appears
 * once. A typeahead's prefix range on name keys so answers in the order of the multikey index that serves the range
 * (key, then the index's next fields): SQLite walks that index and stops after a page; MongoDB computes the key per
 * match and sorts the matches (no index can give this order there).
 */
export interface SortField {
  field: FieldPath;
  /** Defaults to `asc`. */
  order?: SortOrder;
}

export interface FindQuery {
  filter?: Filter;
  /**
   * Sort keys, most significant first. The document id is always the final tie-breaker, in the direction of the last
   * key (ascending when there is none), so the order is total. Null and missing values sort first ascending and last
   * descending (as in MongoDB). `id` may be given as the last key to choose its direction.
   */
  sort?: readonly SortField[];
  /** Page size (a positive integer). Omitted: every match, no cursor. */
  limit?: number;
  /**
   * Keyset cursor: the `nextCursor` of the previous page, from a query with the same sort (and, to mean anything,
   * the same filter). Documents that existed when the first page was read and have not changed their sort keys since
   * appear exactly once across the pages, also while other documents are inserted.
   */
  after?: string;
}

export interface Page<T> {
  items: T[];
  /** Set when a page was full and more matches may follow; pass it as `after` for the next page. */
  nextCursor?: string;
}

/** The writes for one collection in a batch. An id appears at most once per change (among upserts and deletes). */
export interface CollectionChange<T extends ReadDocument = ReadDocument> {
  collection: CollectionRef;
  /** Whole-document replacements (insert when absent). */
  upserts?: readonly T[];
  /**
   * The upserts as JSON, one per upsert in the same order, when the caller has serialised them already (the
   * projection runner does, to measure its writes): each must be exactly `JSON.stringify` of its upsert. The store
   * then does not serialise the documents a second time.
   */
  json?: readonly string[];
  /** Ids to delete; absent ids are ignored. */
  deletes?: readonly string[];
}

export type CheckpointState = 'running' | 'failed';

/** Written as a whole: it replaces the stored checkpoint, so omitted optional fields are cleared. */
export interface CheckpointWrite {
  /** The projection (and version) it tracks, e.g. `timeline` or `timeline@v2`. */
  name: string;
  /** Event store position of the last event applied (a safe integer). */
  position: number;
  state?: CheckpointState;
  /** What went wrong, when `state` is `failed`. */
  error?: string;
  /** Position of the event that failed. */
  failedPosition?: number;
  /** Anything else worth showing on a status page (JSON). */
  details?: Record<string, unknown>;
  /** ISO-8601; defaults to the adapter's clock. */
  updatedAt?: string;
}

export interface Checkpoint extends CheckpointWrite {
  updatedAt: string;
}

export interface WriteBatch {
  changes?: readonly CollectionChange[];
  checkpoints?: readonly CheckpointWrite[];
  /**
   * Fences the batch with a lease (see {@link ReadStore.acquireLease}): inside the batch's transaction the store
   * checks that the lease `name` is held by `owner`. If so, the batch is written and the lease's expiry renewed to
   * `ttlMs` from now (the store's clock), in the same transaction; if not (expired and taken by another owner, or
   * released), nothing is written and `applyBatch` throws {@link LeaseLostError}. A lease that has expired but was
   * taken by nobody is still the owner's: no other writer can have written in between.
   */
  lease?: LeaseClaim;
}

/**
 * One writer per name: a projection's documents and checkpoint are written by the process that holds its lease.
 * Whoever wants to write takes the lease with {@link ReadStore.acquireLease}, renews it well within `ttlMs`, and
 * passes it with every {@link WriteBatch} so that the store refuses the write of an owner that lost it.
 */
export interface LeaseClaim {
  /** What is leased, e.g. the projection `timeline` (1 to 200 characters). */
  name: string;
  /** Who holds it; unique per process and run, e.g. `host:pid:random` (1 to 200 characters). */
  owner: string;
  /** How long the lease lasts after each acquisition or renewal, in ms (a positive safe integer). */
  ttlMs: number;
}

/** A lease as the store holds it after an {@link ReadStore.acquireLease}. */
export interface LeaseState {
  name: string;
  /** True when the caller holds it now (taken or renewed by this call). */
  held: boolean;
  /** Who holds it: the caller when `held`, otherwise the current owner. */
  owner: string;
  /** ISO-8601, by the store's clock: when it expires unless renewed. */
  expiresAt: string;
  /**
   * Milliseconds until `expiresAt`, measured by the store's clock in the same call (never negative): how long a
   * waiting owner need not ask again. Free of the caller's clock, which may disagree with the store's.
   */
  expiresInMs: number;
}

/**
 * The lease in a {@link WriteBatch} is not held by its owner (another owner took it after it expired, or it was
 * released): nothing of the batch was written. Not a store outage: retrying the same write fails the same way, and
 * the caller must stop writing (a projection runner goes back to standby and starts again from the stored
 * checkpoint once it holds the lease again). Deliberately neither transient nor permanent in the sense of
 * `@app/resilience` (no `transient` flag): recognise it with {@link isLeaseLostError}, before any retry policy.
 */
export class LeaseLostError extends Error {
  readonly leaseLost = true;
  constructor(
    readonly lease: string,
    readonly owner: string,
    /** Who holds it now, when the store knows. */
    readonly heldBy?: string,
  ) {
    super(
      `Lease ${lease} is not held by ${owner}${heldBy ? ` (held by ${heldBy})` : ' (released or never taken)'}`,
    );
    this.name = 'LeaseLostError';
  }
}

/** Recognised by its flag rather than `instanceof`, so it is understood across worker threads and module copies. */
export function isLeaseLostError(error: unknown): error is LeaseLostError {
  return typeof error === 'object' && error !== null && (error as { leaseLost?: unknown }).leaseLost === true;
}

export interface CollectionVersions {
  name: string;
  /** Undefined when no version exists. */
  active?: number;
  /** Every physical version that exists, ascending. */
  versions: number[];
}

export interface EnsureCollectionsOptions {
  /**
   * Physical version to create or update. Defaults to the active version, or 1 for a new collection. The first
   * version created for a logical name becomes its active version.
   */
  version?: number;
  /**
   * Bulk loading (a rebuild): a version created by this call gets its table but not yet its declared indexes, which
   * {@link ReadStore.buildIndexes} (or {@link ReadStore.activateVersion}, or a later `ensureCollections` without this
   * flag) creates afterwards, in one go over the loaded documents: far cheaper than maintaining them per write.
   * Reads stay correct meanwhile (only slower). A version that already has its indexes keeps them; one whose
   * indexes are still deferred stays so. Adapters may build the indexes at once instead (MongoDB does).
   */
  deferIndexes?: boolean;
}

export interface PruneIndexesOptions {
  /** The version to prune; defaults to the active one. */
  version?: number;
  /** Only report what would be dropped. */
  dryRun?: boolean;
}

/** An index that {@link ReadStore.pruneIndexes} dropped (or would drop). */
export interface PrunedIndex {
  collection: string;
  version: number;
  /** The index's name in the declarations (`by_time`). */
  index: string;
  /** `undeclared`: no declaration names it. `changed`: declared with other fields, so built again as declared. */
  reason: 'undeclared' | 'changed';
}

export interface ReadStore {
  /**
   * Creates missing collections (and versions) and adds the declared indexes they lack, idempotently (see
   * {@link EnsureCollectionsOptions.deferIndexes} for creating them later). It never drops: an index that is no
   * longer declared stays, and one declared under an existing name with other fields keeps its existing form,
   * until {@link ReadStore.pruneIndexes}. Array fields only grow (documents already written may hold arrays
   * there). A version it creates (a rebuild's, which starts empty) gets exactly the declared indexes.
   */
  ensureCollections(
    declarations: readonly CollectionDeclaration[],
    options?: EnsureCollectionsOptions,
  ): Promise<void>;

  /**
   * The explicit migration that {@link ensureCollections} never does: makes the indexes of a version exactly the
   * declared ones, dropping the undeclared ones and rebuilding the changed ones (and building missing ones), and
   * sets its array fields to the declared ones. Returns what it dropped, or with `dryRun` what it would drop,
   * changing nothing. Run it (`npm run projections:indexes`) once no running build declares the old indexes.
   * Throws {@link UnknownCollectionError} for a collection or version that does not exist.
   */
  pruneIndexes(
    declarations: readonly CollectionDeclaration[],
    options?: PruneIndexesOptions,
  ): Promise<PrunedIndex[]>;

  /** Throws {@link UnknownCollectionError} for a collection (or version) never ensured; likewise every read below. */
  get<T extends ReadDocument = ReadDocument>(collection: CollectionRef, id: string): Promise<T | undefined>;

  /** The documents found among `ids`, in one round trip (per chunk of thousands), keyed by id. */
  getMany<T extends ReadDocument = ReadDocument>(
    collection: CollectionRef,
    ids: readonly string[],
  ): Promise<Map<string, T>>;

  /**
   * Filtered, sorted, keyset-paginated documents. Throws {@link ReadStoreValidationError} for a malformed query and
   * {@link InvalidCursorError} for a cursor that is not one of this sort's.
   */
  find<T extends ReadDocument = ReadDocument>(collection: CollectionRef, query?: FindQuery): Promise<Page<T>>;

  count(collection: CollectionRef, filter?: Filter): Promise<number>;

  /**
   * Applies every change and checkpoint in one transaction: all or nothing. Invalid input (a document without a
   * string id, an id twice in a change, an unknown collection) is rejected before anything is written. A version
   * dropped before the transaction commits (by this process or another) is unknown: the batch throws
   * {@link UnknownCollectionError} and writes nothing, rather than bringing the dropped version back. With a
   * `lease`, the batch is fenced: written (and the lease renewed) only while the lease is held by its owner, else
   * nothing is written and it throws {@link LeaseLostError}.
   */
  applyBatch(batch: WriteBatch): Promise<void>;

  getCheckpoint(name: string): Promise<Checkpoint | undefined>;

  /**
   * Takes the lease `name` for `owner` when it is free (never taken, released, or expired), renews it when `owner`
   * holds it already, and otherwise leaves it alone; answers who holds it now. Expiry is measured by one clock, the
   * store's: MongoDB's server clock (`$$NOW`), so that the clocks of the machines running projectors need not
   * agree; the SQLite adapter's processes share one machine and its clock. A lease only fences writes that carry
   * it ({@link WriteBatch.lease}); reads ignore it.
   */
  acquireLease(name: string, owner: string, ttlMs: number): Promise<LeaseState>;

  /** Gives the lease up if `owner` holds it (someone else may take it at once); otherwise does nothing. */
  releaseLease(name: string, owner: string): Promise<void>;

  listCheckpoints(): Promise<Checkpoint[]>;

  /**
   * The versions of a logical collection and the active one. A switch made through this adapter instance is seen
   * at once; one made by another process may be seen up to the adapter's metadata cache time later (MongoDB: a
   * few seconds, see its adapter; SQLite: at once).
   */
  collectionVersions(name: string): Promise<CollectionVersions>;

  /**
   * Creates the declared indexes of a version made with `deferIndexes` (the active version when `version` is
   * omitted), atomically: afterwards it is indexed as if created without deferring. Idempotent: a version that has
   * its indexes is left alone. Throws {@link UnknownCollectionError} for a version that does not exist.
   */
  buildIndexes(name: string, version?: number): Promise<void>;

  /**
   * Points the logical name at an existing version, atomically: the next read sees the new version. Indexes the
   * version still defers are built first, so an active version always has its indexes.
   */
  activateVersion(name: string, version: number): Promise<void>;

  /**
   * Drops a version that is not active; a version that does not exist is ignored. A batch still writing into it
   * fails with {@link UnknownCollectionError} instead of creating it again.
   */
  dropVersion(name: string, version: number): Promise<void>;

  /** Drops every version of a collection and its alias (retiring a read model, cleaning up after tests). */
  dropCollection(name: string): Promise<void>;

  /** Liveness of the underlying store, for health checks. */
  ping(): Promise<void>;

  /** Releases what the adapter owns; a connection or database handed in by the caller stays open. */
  close(): Promise<void>;
}

/** Malformed input: names, fields, filters, sorts, documents, checkpoints. Nothing was read or written. */
export class ReadStoreValidationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ReadStoreValidationError';
  }
}

/** A cursor that was not produced by this store for this sort (or was tampered with). */
export class InvalidCursorError extends ReadStoreValidationError {
  constructor(reason: string) {
    super(`Invalid cursor: ${reason}`);
    this.name = 'InvalidCursorError';
  }
}

/** A collection (or one of its versions) that was never ensured, or was dropped. */
export class UnknownCollectionError extends Error {
  constructor(
    readonly collection: string,
    readonly version?: number,
  ) {
    super(
      version === undefined
        ? `Collection ${collection} does not exist (ensureCollections first)`
        : `Collection ${collection} has no version ${version}`,
    );
    this.name = 'UnknownCollectionError';
  }
}
