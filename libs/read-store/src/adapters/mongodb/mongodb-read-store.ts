import { randomUUID } from 'node:crypto';
import { type AnyBulkWriteOperation, type Collection, type Db, type Document, MongoClient } from 'mongodb';
import { type CursorPosition, decodeCursor, encodeCursor } from '../../read-store.cursor';
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
  type ReadDocument,
  type ReadStore,
  ReadStoreValidationError,
  UnknownCollectionError,
  type WriteBatch,
} from '../../read-store.port';
import {
  MAX_DOCUMENT_CHARS,
  type NormalizedDeclaration,
  assertCollectionName,
  assertDocument,
  assertId,
  assertLimit,
  assertVersion,
  normalizeCheckpoint,
  normalizeCollectionRef,
  normalizeDeclaration,
  normalizeFilter,
  normalizeSort,
  sortSignature,
} from '../../read-store.validation';
import {
  INDEX_PREFIX,
  cursorOf,
  findQuery,
  fromStoredDocument,
  indexName,
  physicalCollection,
  sameIndexKey,
  toIndexKey,
  toMongoFilter,
  toMongoSort,
  toStoredDocument,
} from './mongodb-query';
import { assertLeaseName, normalizeLease } from '../../read-store.lease';
import { LEASE_COLLECTION, MongoLeases } from './mongodb-leases';
import { assertTransactionCapable } from './mongodb-topology';

export interface MongoReadStoreOptions {
  /** Whether close() closes the client. `connect()` sets it; a Db handed in stays open by default. */
  ownsClient?: boolean;
  /** Clock for checkpoint `updatedAt` when the writer gives none. */
  now?: () => Date;
}

export interface MongoReadStoreConnectOptions extends MongoReadStoreOptions {
  /** Database name; defaults to the one in the URL (`mongodb://host/slimmernetwerk`), else `slimmernetwerk`. */
  dbName?: string;
  /** How long to look for a server before an operation fails (ms). Default 5000, so health checks fail fast. */
  serverSelectionTimeoutMS?: number;
}

/** One document per logical collection: its versions with their declarations, and the active one. */
interface CollectionMeta {
  _id: string;
  active?: number;
  versions?: Record<string, { declaration: NormalizedDeclaration; generation: string }>;
}

interface CheckpointDoc {
  _id: string;
  position: number;
  updatedAt: string;
  state?: Checkpoint['state'];
  error?: string;
  failedPosition?: number;
  details?: Record<string, unknown>;
}

/** A stored read-model document: the port document with `id` as `_id`. */
interface StoredDocument {
  _id: string;
  [field: string]: unknown;
}

interface Resolved {
  name: string;
  version: number;
  collection: Collection<StoredDocument>;
  arrayFields: ReadonlySet<string>;
}

export const META_COLLECTION = 'rs__collections';
export const CHECKPOINT_COLLECTION = 'rs__checkpoints';
/** Ids per `$in` query of getMany: keeps each query document far below the 16 MB BSON limit. */
const GET_MANY_CHUNK = 5_000;
const NAMESPACE_EXISTS = 48;
const NAMESPACE_NOT_FOUND = 26;
const INDEX_NOT_FOUND = 27;

/**
 * The read store on MongoDB (official driver). Requires a replica set (a single-node one is enough) or a sharded
 * cluster: applyBatch is a multi-document transaction (https://www.mongodb.com/docs/manual/core/transactions/
 * "multi-document transactions are available for replica sets and sharded clusters"). `connect()` checks this.
 *
 * Layout: a logical collection `timeline` lives in physical collections `timeline__v1`, `timeline__v2`, ...; the
 * metadata collection `rs__collections` holds one document per logical name with its versions (declarations) and the
 * active one, so resolving a name is one `_id` lookup and switching versions is one atomic single-document update.
 * Checkpoints live in `rs__checkpoints`, keyed by name. Each declared index is a MongoDB index named `rs_<name>` on
 * the declared compound key plus `_id`; indexes named otherwise (`_id_`, hand-made ones) are left alone. Leases
 * live in `rs__leases` (`mongodb-leases.ts`).
 *
 * Documents are stored as their JSON form (as the SQLite adapter does), with `id` as `_id`.
 */
export class MongoReadStore implements ReadStore {
  private readonly meta: Collection<CollectionMeta>;
  private readonly checkpoints: Collection<CheckpointDoc>;
  private readonly leases: MongoLeases;
  private readonly client: MongoClient;
  private readonly now: () => Date;
  private closed = false;

  constructor(
    private readonly db: Db,
    private readonly options: MongoReadStoreOptions = {},
  ) {
    this.client = db.client;
    this.meta = db.collection<CollectionMeta>(META_COLLECTION);
    this.checkpoints = db.collection<CheckpointDoc>(CHECKPOINT_COLLECTION);
    this.leases = new MongoLeases(db.collection(LEASE_COLLECTION));
    this.now = options.now ?? (() => new Date());
  }

  /** The database it works in, for other adapters that keep their data beside the read models (idempotency). */
  get database(): Db {
    return this.db;
  }

  /**
   * Connects, checks that the deployment supports transactions, and returns a store that owns the client, e.g.
   * `MongoReadStore.connect('mongodb://mongo:27017/slimmernetwerk?replicaSet=rs0')`.
   */
  static async connect(url: string, options: MongoReadStoreConnectOptions = {}): Promise<MongoReadStore> {
    const client = new MongoClient(url, {
      serverSelectionTimeoutMS: options.serverSelectionTimeoutMS ?? 5000,
    });
    await client.connect();
    try {
      assertTransactionCapable(await client.db('admin').command({ hello: 1 }));
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
    if (!Array.isArray(declarations)) throw new ReadStoreValidationError('ensureCollections takes a list');
    const normalized = declarations.map((d) => normalizeDeclaration(d));
    const names = normalized.map((d) => d.name);
    const twice = names.find((n, i) => names.indexOf(n) !== i);
    if (twice) throw new ReadStoreValidationError(`Collection ${twice} is declared twice`);
    if (options.version !== undefined) assertVersion(options.version);
    // Index keys are checked before anything is created (a field named _id is refused).
    for (const declaration of normalized) declaration.indexes.forEach(toIndexKey);
    for (const declaration of normalized) await this.ensureCollection(declaration, options.version);
  }

  async get<T extends ReadDocument = ReadDocument>(
    collection: CollectionRef,
    id: string,
  ): Promise<T | undefined> {
    assertId(id, 'get');
    const { collection: physical } = await this.resolve(collection);
    const stored = await physical.findOne({ _id: id });
    return stored ? fromStoredDocument<T>(stored) : undefined;
  }

  async getMany<T extends ReadDocument = ReadDocument>(
    collection: CollectionRef,
    ids: readonly string[],
  ): Promise<Map<string, T>> {
    if (!Array.isArray(ids)) throw new ReadStoreValidationError('getMany takes a list of ids');
    ids.forEach((id) => assertId(id, 'getMany'));
    const unique = [...new Set(ids)];
    const { collection: physical } = await this.resolve(collection);
    const found = new Map<string, T>();
    for (let i = 0; i < unique.length; i += GET_MANY_CHUNK) {
      const chunk = unique.slice(i, i + GET_MANY_CHUNK);
      for await (const stored of physical.find({ _id: { $in: chunk } })) {
        const doc = fromStoredDocument<T>(stored);
        found.set(doc.id, doc);
      }
    }
    return found;
  }

  async find<T extends ReadDocument = ReadDocument>(
    collection: CollectionRef,
    query: FindQuery = {},
  ): Promise<Page<T>> {
    if (typeof query !== 'object' || query === null) throw new ReadStoreValidationError('Invalid query');
    assertLimit(query.limit);
    const resolved = await this.resolve(collection);
    const plan = this.planFind(resolved, query);
    let cursor = resolved.collection.find(plan.query).sort(plan.sort);
    if (plan.limit !== undefined) cursor = cursor.limit(plan.limit + 1);
    const items = (await cursor.toArray()).map((stored) => fromStoredDocument<T>(stored));
    if (plan.limit === undefined || items.length <= plan.limit) return { items };
    const page = items.slice(0, plan.limit);
    return {
      items: page,
      nextCursor: encodeCursor(plan.signature, cursorOf(page[page.length - 1], plan.keys)),
    };
  }

  async count(collection: CollectionRef, filter?: Filter): Promise<number> {
    const resolved = await this.resolve(collection);
    return resolved.collection.countDocuments(toMongoFilter(normalizeFilter(filter, resolved.arrayFields)));
  }

  /**
   * One transaction: per collection an unordered bulkWrite of whole-document replacements (upserts) and deletes,
   * then the checkpoint replacements. `withTransaction` retries the whole callback on transient transaction errors
   * and the commit on an unknown commit result; the writes are idempotent, so a retry is harmless.
   */
  async applyBatch(batch: WriteBatch): Promise<void> {
    this.assertOpen();
    if (typeof batch !== 'object' || batch === null) throw new ReadStoreValidationError('Invalid batch');
    // Validate everything first: nothing is written for a bad batch.
    const prepared = (batch.changes ?? []).map((change) => {
      const name = normalizeCollectionRef(change.collection).name;
      const seen = new Set<string>();
      const once = (id: string) => {
        if (seen.has(id))
          throw new ReadStoreValidationError(`Id ${id} appears twice in one change to ${name}`);
        seen.add(id);
      };
      const operations: AnyBulkWriteOperation<StoredDocument>[] = [];
      for (const id of change.deletes ?? []) {
        assertId(id, `A delete in ${name}`);
        once(id);
        operations.push({ deleteOne: { filter: { _id: id } } });
      }
      for (const doc of change.upserts ?? []) {
        const id = assertDocument(doc, name);
        once(id);
        const { _id, ...replacement } = toStoredDocument(toJson(doc, id, name));
        operations.push({ replaceOne: { filter: { _id }, replacement, upsert: true } });
      }
      return { ref: change.collection, operations };
    });
    const checkpoints = (batch.checkpoints ?? []).map((c) =>
      normalizeCheckpoint(c, () => this.now().toISOString()),
    );
    if (new Set(checkpoints.map((c) => c.name)).size !== checkpoints.length) {
      throw new ReadStoreValidationError('A checkpoint appears twice in one batch');
    }
    const writes: {
      collection: Collection<StoredDocument>;
      operations: AnyBulkWriteOperation<StoredDocument>[];
    }[] = [];
    for (const { ref, operations } of prepared) {
      const { collection } = await this.resolve(ref);
      if (operations.length > 0) writes.push({ collection, operations });
    }
    const lease = batch.lease === undefined ? undefined : normalizeLease(batch.lease);
    if (writes.length === 0 && checkpoints.length === 0 && !lease) return;
    const checkpointOps: AnyBulkWriteOperation<CheckpointDoc>[] = checkpoints.map((c) => {
      const replacement: Omit<CheckpointDoc, '_id'> = { position: c.position, updatedAt: c.updatedAt };
      if (c.state !== undefined) replacement.state = c.state;
      if (c.error !== undefined) replacement.error = c.error;
      if (c.failedPosition !== undefined) replacement.failedPosition = c.failedPosition;
      if (c.details !== undefined) replacement.details = JSON.parse(JSON.stringify(c.details));
      return { replaceOne: { filter: { _id: c.name }, replacement, upsert: true } };
    });

    const session = this.client.startSession();
    try {
      await session.withTransaction(
        async () => {
          // First: a lost lease aborts the transaction before any document is sent.
          if (lease) await this.leases.fence(lease, session);
          for (const { collection, operations } of writes) {
            await collection.bulkWrite(operations, { session, ordered: false });
          }
          if (checkpointOps.length > 0)
            await this.checkpoints.bulkWrite(checkpointOps, { session, ordered: false });
        },
        { readConcern: { level: 'snapshot' }, writeConcern: { w: 'majority' } },
      );
    } finally {
      await session.endSession();
    }
  }

  async getCheckpoint(name: string): Promise<Checkpoint | undefined> {
    this.assertOpen();
    if (typeof name !== 'string') throw new ReadStoreValidationError('A checkpoint name is a string');
    const stored = await this.checkpoints.findOne({ _id: name });
    return stored ? toCheckpoint(stored) : undefined;
  }

  async listCheckpoints(): Promise<Checkpoint[]> {
    this.assertOpen();
    return (await this.checkpoints.find().sort({ _id: 1 }).toArray()).map(toCheckpoint);
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

  async collectionVersions(name: string): Promise<CollectionVersions> {
    this.assertOpen();
    assertCollectionName(name);
    const meta = await this.meta.findOne({ _id: name });
    const versions = Object.keys(meta?.versions ?? {})
      .map(Number)
      .sort((a, b) => a - b);
    return { name, ...(meta?.active === undefined ? {} : { active: meta.active }), versions };
  }

  /**
   * MongoDB builds declared indexes at once, also with `deferIndexes` (an index build on a loaded collection is not
   * what makes its rebuild slow), so this only makes sure the version's declared indexes exist.
   */
  async buildIndexes(name: string, version?: number): Promise<void> {
    this.assertOpen();
    assertCollectionName(name);
    if (version !== undefined) assertVersion(version);
    const meta = await this.meta.findOne({ _id: name });
    const resolved = version ?? meta?.active;
    const entry = resolved === undefined ? undefined : meta?.versions?.[String(resolved)];
    if (resolved === undefined || !entry) throw new UnknownCollectionError(name, version);
    const physical = this.db.collection(physicalCollection(name, resolved));
    for (const index of entry.declaration.indexes) {
      await physical.createIndex(toIndexKey(index), { name: indexName(index) });
    }
  }

  async activateVersion(name: string, version: number): Promise<void> {
    this.assertOpen();
    assertCollectionName(name);
    assertVersion(version);
    const result = await this.meta.updateOne(
      { _id: name, [`versions.${version}`]: { $exists: true } },
      { $set: { active: version } },
    );
    if (result.matchedCount === 0) throw new UnknownCollectionError(name, version);
  }

  async dropVersion(name: string, version: number): Promise<void> {
    this.assertOpen();
    assertCollectionName(name);
    assertVersion(version);
    const result = await this.meta.updateOne(
      { _id: name, active: { $ne: version }, [`versions.${version}`]: { $exists: true } },
      { $unset: { [`versions.${version}`]: '' } },
    );
    if (result.matchedCount === 0) {
      const meta = await this.meta.findOne({ _id: name });
      if (meta?.active === version) {
        throw new ReadStoreValidationError(
          `Version ${version} of ${name} is active; activate another one first`,
        );
      }
      if (meta?.versions?.[String(version)] === undefined) return;
    }
    await this.dropPhysical(name, version);
  }

  async dropCollection(name: string): Promise<void> {
    this.assertOpen();
    assertCollectionName(name);
    const meta = await this.meta.findOneAndDelete({ _id: name });
    for (const version of Object.keys(meta?.versions ?? {})) await this.dropPhysical(name, Number(version));
  }

  async ping(): Promise<void> {
    this.assertOpen();
    await this.db.command({ ping: 1 });
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    if (this.options.ownsClient) await this.client.close();
  }

  /**
   * The winning plan of a find, to check that a query shape is served by an index (an IXSCAN, no blocking SORT).
   * Diagnostic, not part of the port.
   */
  async explainFind(collection: CollectionRef, query: FindQuery = {}): Promise<Document> {
    const resolved = await this.resolve(collection);
    const plan = this.planFind(resolved, query);
    let cursor = resolved.collection.find(plan.query).sort(plan.sort);
    if (plan.limit !== undefined) cursor = cursor.limit(plan.limit + 1);
    const explained = await cursor.explain('queryPlanner');
    const winning = (explained.queryPlanner as Document).winningPlan as Document;
    // With the slot-based engine (MongoDB 7+) the classic plan tree sits under `queryPlan`.
    return (winning.queryPlan as Document | undefined) ?? winning;
  }

  private planFind(resolved: Resolved, query: FindQuery) {
    const predicates = normalizeFilter(query.filter, resolved.arrayFields);
    const keys = normalizeSort(query.sort, resolved.arrayFields);
    const signature = sortSignature(keys);
    let after: CursorPosition | undefined;
    if (query.after !== undefined) after = decodeCursor(query.after, signature, keys.length - 1);
    return {
      query: findQuery(toMongoFilter(predicates), keys, after),
      sort: toMongoSort(keys),
      keys,
      signature,
      limit: query.limit,
    };
  }

  /**
   * The physical collection of a logical name (its active version) or of an explicit version. One `_id` lookup per
   * call, so a version switch by another process is seen by the next read.
   */
  private async resolve(ref: CollectionRef): Promise<Resolved> {
    this.assertOpen();
    const { name, version: requested } = normalizeCollectionRef(ref);
    const meta = await this.meta.findOne({ _id: name });
    const version = requested ?? meta?.active;
    const entry = version === undefined ? undefined : meta?.versions?.[String(version)];
    if (version === undefined || !entry) throw new UnknownCollectionError(name, requested);
    return {
      name,
      version,
      collection: this.db.collection<StoredDocument>(physicalCollection(name, version)),
      arrayFields: new Set(entry.declaration.arrayFields),
    };
  }

  private async ensureCollection(
    declaration: NormalizedDeclaration,
    requestedVersion?: number,
  ): Promise<void> {
    const { name } = declaration;
    const meta = await this.meta.findOne({ _id: name });
    const version = requestedVersion ?? meta?.active ?? 1;
    const physicalName = physicalCollection(name, version);
    try {
      await this.db.createCollection(physicalName);
    } catch (error) {
      if (codeOf(error) !== NAMESPACE_EXISTS) throw error;
    }
    const physical = this.db.collection(physicalName);

    const wanted = new Map(declaration.indexes.map((index) => [indexName(index), toIndexKey(index)]));
    const existing = await physical.listIndexes().toArray();
    for (const index of existing) {
      const indexNameOf = String(index.name);
      if (!indexNameOf.startsWith(INDEX_PREFIX)) continue;
      const key = wanted.get(indexNameOf);
      if (key && sameIndexKey(key, index.key as Record<string, unknown>)) {
        wanted.delete(indexNameOf);
        continue;
      }
      try {
        await physical.dropIndex(indexNameOf);
      } catch (error) {
        if (codeOf(error) !== INDEX_NOT_FOUND) throw error;
      }
    }
    for (const [indexNameOf, key] of wanted) await physical.createIndex(key, { name: indexNameOf });

    const json = JSON.stringify(declaration);
    const previous = meta?.versions?.[String(version)];
    if (!previous || JSON.stringify(previous.declaration) !== json) {
      await this.meta.updateOne(
        { _id: name },
        { $set: { [`versions.${version}`]: { declaration, generation: randomUUID() } } },
        { upsert: true },
      );
    }
    // The first version created for a name becomes its active one.
    await this.meta.updateOne({ _id: name, active: { $exists: false } }, { $set: { active: version } });
  }

  private async dropPhysical(name: string, version: number): Promise<void> {
    try {
      await this.db.dropCollection(physicalCollection(name, version));
    } catch (error) {
      if (codeOf(error) !== NAMESPACE_NOT_FOUND) throw error;
    }
  }

  private assertOpen(): void {
    if (this.closed) throw new Error('The read store is closed');
  }
}

function toJson(doc: ReadDocument, id: string, collection: string): string {
  let json: string;
  try {
    json = JSON.stringify(doc);
  } catch (error) {
    throw new ReadStoreValidationError(
      `Document ${id} of ${collection} is not JSON: ${(error as Error).message}`,
    );
  }
  if (json.length > MAX_DOCUMENT_CHARS) {
    throw new ReadStoreValidationError(`Document ${id} of ${collection} is too large`);
  }
  return json;
}

function toCheckpoint(stored: CheckpointDoc): Checkpoint {
  const checkpoint: Checkpoint = { name: stored._id, position: stored.position, updatedAt: stored.updatedAt };
  if (stored.state !== undefined && stored.state !== null) checkpoint.state = stored.state;
  if (stored.error !== undefined && stored.error !== null) checkpoint.error = stored.error;
  if (stored.failedPosition !== undefined && stored.failedPosition !== null) {
    checkpoint.failedPosition = stored.failedPosition;
  }
  if (stored.details !== undefined && stored.details !== null) checkpoint.details = stored.details;
  return checkpoint;
}

const codeOf = (error: unknown): number | undefined => {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'number' ? code : undefined;
};

/** The database named in a connection string's path, or `slimmernetwerk`. */
export function dbNameOf(url: string): string {
  const match = /^mongodb(?:\+srv)?:\/\/[^/]*\/([^?]*)/.exec(url);
  const name = match?.[1] ? decodeURIComponent(match[1]) : '';
  return name || 'slimmernetwerk';
}
