import { type Collection, type Db, type Document, MongoClient } from 'mongodb';
import {
  type Checkpoint,
  type CollectionDeclaration,
  type CollectionRef,
  type CollectionVersions,
  type EnsureCollectionsOptions,
  type Filter,
  type FindQuery,
  type LeaseState,
  type Page,
  type PrunedIndex,
  type PruneIndexesOptions,
  type ReadDocument,
  type ReadStore,
  ReadStoreValidationError,
  type WriteBatch,
} from '../../read-store.port';
import {
  assertCollectionName,
  assertId,
  assertLimit,
  assertCollectionVersion,
  checkDeclarations,
  checkIds,
  normalizeCollectionRef,
} from '../../read-store.validation';
import {
  CollectionCatalog,
  type CollectionMeta,
  META_COLLECTION,
  VERSION_COLLECTION,
  type VersionMarker,
} from './mongodb-catalog';
import { writeBatch } from './mongodb-batch';
import {
  CHECKPOINT_COLLECTION,
  type CheckpointDoc,
  changeOperations,
  checkpointOperations,
  toCheckpoint,
} from './mongodb-documents';
import { mongoCall } from './mongodb-errors';
import { toIndexKey } from './mongodb-query';
import {
  countDocuments,
  findPage,
  getMany,
  getOne,
  planFind,
  type Resolved,
  resolveCollection,
} from './mongodb-reads';
import { checkBatch } from '../../read-store.batch';
import { assertLeaseName, normalizeLease } from '../../read-store.lease';
import { LEASE_COLLECTION, MongoLeases } from './mongodb-leases';
import { assertTransactionCapable } from './mongodb-topology';
import { CollectionVersionsAdmin } from './mongodb-versions';

export interface MongoReadStoreOptions {
  /** Whether close() closes the client. `connect()` sets it; a Db handed in stays open by default. */
  ownsClient?: boolean;
  /** Clock for checkpoint `updatedAt` when the writer gives none. */
  now?: () => Date;
  /**
   * Deadline of each call (ms), default {@link DEFAULT_TIMEOUT_MS}: reads, checkpoints, version switches, ping.
   * A batch, a declaration and an index build have {@link transactionTimeoutMs}; pruneIndexes has none.
   */
  timeoutMs?: number;
  /**
   * Deadline of a batch's transaction, a declaration and an index build (ms). Default 60 s: MongoDB aborts a
   * transaction older than its transactionLifetimeLimitSeconds (60 by default) anyway.
   */
  transactionTimeoutMs?: number;
  /** How long metadata (aliases, declarations) read from the server is reused (ms); see mongodb-catalog.ts. */
  metadataTtlMs?: number;
}

export interface MongoReadStoreConnectOptions extends MongoReadStoreOptions {
  /** Database name; defaults to the one in the URL (`mongodb://host/slimmernetwerk`), else `slimmernetwerk`. */
  dbName?: string;
  /** How long to look for a server before an operation fails (ms). Default 5000, so health checks fail fast. */
  serverSelectionTimeoutMS?: number;
}

export { META_COLLECTION, VERSION_COLLECTION } from './mongodb-catalog';
export { CHECKPOINT_COLLECTION } from './mongodb-documents';
/** Default deadline of one call (MONGODB_TIMEOUT_MS). */
export const DEFAULT_TIMEOUT_MS = 5_000;
const DEFAULT_TRANSACTION_TIMEOUT_MS = 60_000;
const STORE = 'MongoDB read store';

/**
 * The read store on MongoDB (official driver). Requires a replica set (a single-node one is enough) or a sharded
 * cluster: applyBatch is a multi-document transaction (https://www.mongodb.com/docs/manual/core/transactions/
 * "multi-document transactions are available for replica sets and sharded clusters"). `connect()` checks this.
 *
 * Layout: a logical collection `timeline` lives in physical collections `timeline__v1`, `timeline__v2`, ...; the
 * metadata collection `rs__collections` holds one document per logical name with its versions (declarations) and the
 * active one, so switching versions is one atomic single-document update; the adapter remembers these documents
 * briefly and each version has a marker that batches claim (mongodb-catalog.ts).
 * Checkpoints live in `rs__checkpoints`, keyed by name. Each declared index is a MongoDB index named `rs_<name>` on
 * the declared compound key plus `_id`; indexes named otherwise (`_id_`, hand-made ones) are left alone. Declaring
 * adds indexes and never drops one; pruneIndexes drops the undeclared ones on purpose (mongodb-indexes.ts).
 *
 * Failures come out as StoreUnavailableError (transient) or PermanentStoreError (mongodb-errors.ts), each call
 * with a deadline. Leases live in `rs__leases` (mongodb-leases.ts). Queries: mongodb-reads.ts; a batch's
 * transaction: mongodb-batch.ts.
 *
 * Documents are stored as their JSON form (as the SQLite adapter does), with `id` as `_id`.
 */
export class MongoReadStore implements ReadStore {
  private readonly catalog: CollectionCatalog;
  private readonly versions: CollectionVersionsAdmin;
  private readonly checkpoints: Collection<CheckpointDoc>;
  private readonly leases: MongoLeases;
  private readonly client: MongoClient;
  private readonly now: () => Date;
  /** Deadline of one call (ms); also used by the vault and idempotency store beside the read models. */
  readonly timeoutMs: number;
  private readonly transactionTimeoutMs: number;
  /** Deadline of a declaration or an index build: the longer of the two. */
  private readonly indexTimeoutMs: number;
  private closed = false;

  constructor(
    private readonly db: Db,
    private readonly options: MongoReadStoreOptions = {},
  ) {
    this.client = db.client;
    this.catalog = new CollectionCatalog(
      db.collection<CollectionMeta>(META_COLLECTION),
      db.collection<VersionMarker>(VERSION_COLLECTION),
      options.metadataTtlMs,
    );
    this.versions = new CollectionVersionsAdmin(db, this.catalog);
    this.checkpoints = db.collection<CheckpointDoc>(CHECKPOINT_COLLECTION);
    this.leases = new MongoLeases(db.collection(LEASE_COLLECTION));
    this.now = options.now ?? (() => new Date());
    this.timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.transactionTimeoutMs = options.transactionTimeoutMs ?? DEFAULT_TRANSACTION_TIMEOUT_MS;
    this.indexTimeoutMs = Math.max(this.timeoutMs, this.transactionTimeoutMs);
  }

  /** The database it works in, for other adapters that keep their data beside the read models (idempotency). */
  get database(): Db {
    return this.db;
  }

  /**
   * Connects, checks that the deployment supports transactions, and returns a store that owns the client, e.g.
   * `MongoReadStore.connect('mongodb://mongo:27017/slimmernetwerk?replicaSet=rs0')`. Fails (transient) when no
   * server answers within `serverSelectionTimeoutMS`, and for good on a standalone server.
   */
  static async connect(url: string, options: MongoReadStoreConnectOptions = {}): Promise<MongoReadStore> {
    const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    // The driver's per-stage timeouts (its own timeoutMS is a no-op, see mongodb-errors.ts): finding a server,
    // connecting and waiting for a pooled connection each end within a call's deadline. No socketTimeoutMS: it would
    // also cut an index build on a large collection, which legitimately takes longer; the calls' own deadlines cover
    // a server that stops answering.
    const client = new MongoClient(url, {
      serverSelectionTimeoutMS: options.serverSelectionTimeoutMS ?? 5000,
      connectTimeoutMS: Math.max(timeoutMs, 1000),
      waitQueueTimeoutMS: timeoutMs,
    });
    try {
      await mongoCall(STORE, 'connect', 0, () => client.connect());
      const hello = await mongoCall(STORE, 'connect', timeoutMs, (signal) =>
        client.db('admin').command({ hello: 1 }, { signal }),
      );
      assertTransactionCapable(hello);
      const db = options.dbName ? client.db(options.dbName) : client.db(dbNameOf(url));
      return new MongoReadStore(db, { ownsClient: true, ...options });
    } catch (error) {
      await client.close();
      throw error;
    }
  }

  async ensureCollections(
    declarations: readonly CollectionDeclaration[],
    options: EnsureCollectionsOptions = {},
  ): Promise<void> {
    this.assertOpen();
    const normalized = checkDeclarations('ensureCollections', declarations, options.version);
    // Index keys are checked before anything is created (a field named _id is refused).
    for (const declaration of normalized) declaration.indexes.forEach(toIndexKey);
    // A long deadline: an index added to a loaded collection takes a while. A build cut off by it goes on in the
    // server (index builds are not killed when their client goes away: SERVER-101507), and declaring again waits
    // for it.
    await this.call('ensureCollections', this.indexTimeoutMs, async () => {
      for (const declaration of normalized) await this.versions.ensure(declaration, options.version);
    });
  }

  async pruneIndexes(
    declarations: readonly CollectionDeclaration[],
    options: PruneIndexesOptions = {},
  ): Promise<PrunedIndex[]> {
    this.assertOpen();
    const normalized = checkDeclarations('pruneIndexes', declarations, options.version);
    for (const declaration of normalized) declaration.indexes.forEach(toIndexKey);
    // No deadline: an explicit migration, run by hand, that may rebuild indexes on loaded collections.
    return this.call('pruneIndexes', 0, async () => {
      const pruned: PrunedIndex[] = [];
      for (const declaration of normalized) pruned.push(...(await this.versions.prune(declaration, options)));
      return pruned;
    });
  }

  async get<T extends ReadDocument = ReadDocument>(
    collection: CollectionRef,
    id: string,
  ): Promise<T | undefined> {
    assertId(id, 'get');
    return this.read(
      'get',
      collection,
      (resolved, signal) => getOne<T>(resolved, id, signal),
      (found) => found === undefined,
    );
  }

  async getMany<T extends ReadDocument = ReadDocument>(
    collection: CollectionRef,
    ids: readonly string[],
  ): Promise<Map<string, T>> {
    const unique = checkIds(ids);
    return this.read(
      'getMany',
      collection,
      (resolved, signal) => getMany<T>(resolved, unique, signal),
      (found) => found.size === 0 && unique.length > 0,
    );
  }

  async find<T extends ReadDocument = ReadDocument>(
    collection: CollectionRef,
    query: FindQuery = {},
  ): Promise<Page<T>> {
    if (typeof query !== 'object' || query === null) throw new ReadStoreValidationError('Invalid query');
    assertLimit(query.limit);
    return this.read(
      'find',
      collection,
      (resolved, signal) => findPage<T>(resolved, query, signal, this.timeoutMs),
      // A page after a cursor may rightly be empty; the first page of a gone version is what gives it away.
      (page) => page.items.length === 0 && query.after === undefined,
    );
  }

  async count(collection: CollectionRef, filter?: Filter): Promise<number> {
    return this.read(
      'count',
      collection,
      (resolved, signal) => countDocuments(resolved, filter, signal, this.timeoutMs),
      (n) => n === 0,
    );
  }

  /** Validated whole first (nothing is written for a bad batch), then one transaction (mongodb-batch.ts). */
  async applyBatch(batch: WriteBatch): Promise<void> {
    this.assertOpen();
    const checked = checkBatch(batch, () => this.now().toISOString());
    const changes = changeOperations(checked.changes);
    const checkpointOps = checkpointOperations(checked.checkpoints);
    const { lease } = checked;

    await this.call('applyBatch', this.transactionTimeoutMs, (signal) =>
      writeBatch(
        { changes, checkpointOps, lease },
        {
          client: this.client,
          catalog: this.catalog,
          checkpoints: this.checkpoints,
          leases: this.leases,
          resolve: (ref, options) => this.resolve(ref, options),
          commitTimeoutMs: this.timeoutMs,
        },
        signal,
      ),
    );
  }

  async getCheckpoint(name: string): Promise<Checkpoint | undefined> {
    this.assertOpen();
    if (typeof name !== 'string') throw new ReadStoreValidationError('A checkpoint name is a string');
    const stored = await this.call('getCheckpoint', this.timeoutMs, (signal) =>
      this.checkpoints.findOne({ _id: name }, { signal }),
    );
    return stored ? toCheckpoint(stored) : undefined;
  }

  async listCheckpoints(): Promise<Checkpoint[]> {
    this.assertOpen();
    const stored = await this.call('listCheckpoints', this.timeoutMs, (signal) =>
      this.checkpoints.find({}, { signal }).sort({ _id: 1 }).toArray(),
    );
    return stored.map(toCheckpoint);
  }

  async acquireLease(name: string, owner: string, ttlMs: number): Promise<LeaseState> {
    this.assertOpen();
    const claim = normalizeLease({ name, owner, ttlMs });
    return this.leases.acquire(claim.name, claim.owner, claim.ttlMs);
  }

  async releaseLease(name: string, owner: string): Promise<void> {
    this.assertOpen();
    assertLeaseName(name, owner);
    await this.leases.release(name, owner);
  }

  /** From remembered metadata (see mongodb-catalog.ts): a switch by another process shows within its TTL. */
  async collectionVersions(name: string): Promise<CollectionVersions> {
    this.assertOpen();
    assertCollectionName(name);
    const { meta } = await this.call('collectionVersions', this.timeoutMs, (signal) =>
      this.catalog.get(name, { signal }),
    );
    const versions = Object.keys(meta?.versions ?? {})
      .map(Number)
      .sort((a, b) => a - b);
    return { name, ...(meta?.active === undefined ? {} : { active: meta.active }), versions };
  }

  async buildIndexes(name: string, version?: number): Promise<void> {
    this.assertOpen();
    assertCollectionVersion(name, version, true);
    await this.call('buildIndexes', this.indexTimeoutMs, () => this.versions.buildIndexes(name, version));
  }

  async activateVersion(name: string, version: number): Promise<void> {
    this.assertOpen();
    assertCollectionVersion(name, version);
    await this.call('activateVersion', this.timeoutMs, () => this.versions.activate(name, version));
  }

  async dropVersion(name: string, version: number): Promise<void> {
    this.assertOpen();
    assertCollectionVersion(name, version);
    await this.call('dropVersion', this.timeoutMs, () => this.versions.drop(name, version));
  }

  async dropCollection(name: string): Promise<void> {
    this.assertOpen();
    assertCollectionName(name);
    await this.call('dropCollection', this.timeoutMs, () => this.versions.dropAll(name));
  }

  async ping(): Promise<void> {
    this.assertOpen();
    await this.call('ping', this.timeoutMs, (signal) => this.db.command({ ping: 1 }, { signal }));
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.catalog.forget();
    if (this.options.ownsClient) await this.client.close();
  }

  /**
   * The winning plan of a find, to check that a query shape is served by an index (an IXSCAN, no blocking SORT).
   * Diagnostic, not part of the port.
   */
  async explainFind(collection: CollectionRef, query: FindQuery = {}): Promise<Document> {
    const resolved = await this.resolve(normalizeCollectionRef(collection), { fresh: true });
    const plan = planFind(resolved, query);
    let cursor = resolved.collection.find(plan.query).sort(plan.sort);
    if (plan.limit !== undefined) cursor = cursor.limit(plan.limit + 1);
    const explained = await cursor.explain('queryPlanner');
    const winning = (explained.queryPlanner as Document).winningPlan as Document;
    // With the slot-based engine (MongoDB 7+) the classic plan tree sits under `queryPlan`.
    return (winning.queryPlan as Document | undefined) ?? winning;
  }

  /** One call with its deadline (0: none) and MongoDB's errors translated. */
  private call<T>(
    operation: string,
    timeoutMs: number,
    work: (signal: AbortSignal) => Promise<T>,
  ): Promise<T> {
    return mongoCall(STORE, operation, timeoutMs, work);
  }

  /**
   * A read through the catalog. When it finds nothing through a logical name resolved from remembered metadata,
   * the metadata is read again: a version dropped by another process reads as empty (MongoDB answers a query on a
   * missing collection with nothing), so an empty answer from a version that has since been switched away from is
   * asked again of the version now active. Explicit versions are not checked (a batch into a dropped one fails).
   */
  private read<R>(
    operation: string,
    ref: CollectionRef,
    work: (resolved: Resolved, signal: AbortSignal) => Promise<R>,
    empty: (result: R) => boolean,
  ): Promise<R> {
    this.assertOpen();
    const { name, version } = normalizeCollectionRef(ref);
    return this.call(operation, this.timeoutMs, async (signal) => {
      const first = await this.resolve({ name, version }, { signal });
      const result = await work(first, signal);
      if (version !== undefined || !first.cached || !empty(result)) return result;
      const fresh = await this.resolve({ name, version }, { signal, fresh: true });
      return fresh.physical === first.physical ? result : work(fresh, signal);
    });
  }

  /** The physical collection of a logical name (its active version) or of an explicit version (validated). */
  private resolve(
    ref: { name: string; version?: number },
    options: { signal?: AbortSignal; fresh?: boolean } = {},
  ): Promise<Resolved> {
    return resolveCollection(
      { db: this.db, catalog: this.catalog, assertOpen: () => this.assertOpen() },
      ref,
      options,
    );
  }

  private assertOpen(): void {
    if (this.closed) throw new Error('The read store is closed');
  }
}

/** The database named in a connection string's path, or `slimmernetwerk`. */
export function dbNameOf(url: string): string {
  const match = /^mongodb(?:\+srv)?:\/\/[^/]*\/([^?]*)/.exec(url);
  const name = match?.[1] ? decodeURIComponent(match[1]) : '';
  return name || 'slimmernetwerk';
}
