import type BetterSqlite3 from 'better-sqlite3';
import { sqliteCall } from '@app/event-store/adapters/sqlite/sqlite-errors';
import {
  Checkpoint,
  CollectionDeclaration,
  CollectionRef,
  CollectionVersions,
  EnsureCollectionsOptions,
  Filter,
  FindQuery,
  LeaseState,
  Page,
  PrunedIndex,
  PruneIndexesOptions,
  ReadDocument,
  ReadStore,
  ReadStoreValidationError,
  WriteBatch,
} from '../../read-store.port';
import {
  assertCollectionName,
  assertId,
  assertCollectionVersion,
  checkDeclarations,
  checkIds,
  normalizeCollectionRef,
} from '../../read-store.validation';
import { checkBatch } from '../../read-store.batch';
import { assertLeaseName, normalizeLease } from '../../read-store.lease';
import { writeBatch } from './sqlite-batch';
import { CATALOG_DDL, SqliteCatalog } from './sqlite-catalog';
import { CHECKPOINTS_DDL, readCheckpoint, readCheckpoints } from './sqlite-checkpoints';
import { type SqliteLayout, TEXT_MATCH_FUNCTION, textMatches } from './sqlite-layout';
import { SqliteLeases } from './sqlite-leases';
import { countDocuments, findPage, getDocument, getDocuments, planFind } from './sqlite-reads';
import { SqliteStatements } from './sqlite-statements';

type Database = BetterSqlite3.Database;

export interface SqliteReadStoreOptions {
  /**
   * Whether {@link SqliteReadStore.close} closes the database. Default false: whoever opened the database (usually
   * shared with the event store in one file) closes it.
   */
  ownsDatabase?: boolean;
  /** Clock for checkpoint `updatedAt` when the writer gives none, and for lease expiry. */
  now?: () => Date;
}

const STORE = 'SQLite read store';

/**
 * The read store on an embedded SQLite database (better-sqlite3). It works in the database it is given (tables
 * prefixed `rs_`), next to the event store if that shares the file. Whoever opens the database sets its pragmas:
 * WAL, `synchronous = NORMAL` and a `busy_timeout` are what a projector plus readers want.
 *
 * Table layout and index strategy: see `sqlite-layout.ts`. Reads resolve the logical name through the alias table
 * inside the same read transaction as the query, so a version switch is seen whole by every read. The parts:
 * versions and aliases (`sqlite-catalog.ts`), queries (`sqlite-reads.ts`), the batch write (`sqlite-batch.ts`),
 * checkpoints (`sqlite-checkpoints.ts`) and leases (`sqlite-leases.ts`); this class runs each in its transaction.
 */
export class SqliteReadStore implements ReadStore {
  private readonly statements: SqliteStatements;
  private readonly catalog: SqliteCatalog;
  private readonly ownsDatabase: boolean;
  private readonly now: () => Date;
  private closed = false;
  /** One transaction wrapper for every read: resolving the alias and querying share a snapshot. */
  private readonly inReadTransaction: (fn: () => unknown) => unknown;
  private readonly leases: SqliteLeases;

  constructor(
    private readonly db: Database,
    options: SqliteReadStoreOptions = {},
  ) {
    this.ownsDatabase = options.ownsDatabase ?? false;
    this.now = options.now ?? (() => new Date());
    // A new file needs the write lock for its tables: one locked by another process is a transient failure.
    sqliteCall(
      'open',
      () =>
        this.db.transaction(() => [...CATALOG_DDL, CHECKPOINTS_DDL].forEach((ddl) => this.db.exec(ddl)))(),
      STORE,
    );
    // Searches of a version whose FTS5 table is deferred call it (see sqlite-layout.ts).
    this.db.function(TEXT_MATCH_FUNCTION, { deterministic: true }, textMatches);
    this.inReadTransaction = this.db.transaction((fn: () => unknown) => fn());
    this.statements = new SqliteStatements(this.db);
    this.catalog = new SqliteCatalog(this.db, this.statements);
    this.leases = new SqliteLeases(this.db, this.now);
  }

  async ensureCollections(
    declarations: readonly CollectionDeclaration[],
    options: EnsureCollectionsOptions = {},
  ): Promise<void> {
    this.assertOpen();
    const normalized = checkDeclarations('ensureCollections', declarations, options.version);
    const defer = options.deferIndexes === true;
    this.write('ensureCollections', () => {
      for (const declaration of normalized) this.catalog.ensure(declaration, options.version, defer);
    });
  }

  async pruneIndexes(
    declarations: readonly CollectionDeclaration[],
    options: PruneIndexesOptions = {},
  ): Promise<PrunedIndex[]> {
    this.assertOpen();
    const normalized = checkDeclarations('pruneIndexes', declarations, options.version);
    return this.write('pruneIndexes', () =>
      normalized.flatMap((declaration) =>
        this.catalog.pruneIndexes(declaration, options.version, options.dryRun),
      ),
    );
  }

  async buildIndexes(name: string, version?: number): Promise<void> {
    this.assertOpen();
    assertCollectionVersion(name, version, true);
    this.write('buildIndexes', () => this.catalog.buildIndexes(name, version));
  }

  async get<T extends ReadDocument = ReadDocument>(
    collection: CollectionRef,
    id: string,
  ): Promise<T | undefined> {
    assertId(id, 'get');
    return this.read('get', collection, (layout) => getDocument<T>(this.statements, layout, id));
  }

  async getMany<T extends ReadDocument = ReadDocument>(
    collection: CollectionRef,
    ids: readonly string[],
  ): Promise<Map<string, T>> {
    const unique = checkIds(ids);
    return this.read('getMany', collection, (layout) => getDocuments<T>(this.statements, layout, unique));
  }

  async find<T extends ReadDocument = ReadDocument>(
    collection: CollectionRef,
    query: FindQuery = {},
  ): Promise<Page<T>> {
    return this.read('find', collection, (layout) => findPage<T>(this.statements, layout, query));
  }

  async count(collection: CollectionRef, filter?: Filter): Promise<number> {
    return this.read('count', collection, (layout) => countDocuments(this.statements, layout, filter));
  }

  async applyBatch(batch: WriteBatch): Promise<void> {
    this.assertOpen();
    // Checked and serialised before the transaction: a bad batch writes nothing, and the transaction holds the
    // write lock only for the writes themselves.
    const checked = checkBatch(batch, () => this.now().toISOString());
    this.write('applyBatch', () =>
      writeBatch(checked, {
        statements: this.statements,
        leases: this.leases,
        resolve: (name, version) => this.catalog.resolve(name, version),
      }),
    );
  }

  async getCheckpoint(name: string): Promise<Checkpoint | undefined> {
    this.assertOpen();
    if (typeof name !== 'string') throw new ReadStoreValidationError('A checkpoint name is a string');
    return sqliteCall('getCheckpoint', () => readCheckpoint(this.statements, name), STORE);
  }

  async listCheckpoints(): Promise<Checkpoint[]> {
    this.assertOpen();
    return sqliteCall('listCheckpoints', () => readCheckpoints(this.statements), STORE);
  }

  async acquireLease(name: string, owner: string, ttlMs: number): Promise<LeaseState> {
    this.assertOpen();
    const claim = normalizeLease({ name, owner, ttlMs });
    return this.leases.acquire(claim.name, claim.owner, claim.ttlMs);
  }

  async releaseLease(name: string, owner: string): Promise<void> {
    this.assertOpen();
    assertLeaseName(name, owner);
    this.leases.release(name, owner);
  }

  async collectionVersions(name: string): Promise<CollectionVersions> {
    this.assertOpen();
    assertCollectionName(name);
    return sqliteCall(
      'collectionVersions',
      () => this.inReadTransaction(() => this.catalog.versionsOf(name)) as CollectionVersions,
      STORE,
    );
  }

  async activateVersion(name: string, version: number): Promise<void> {
    this.assertOpen();
    assertCollectionVersion(name, version);
    this.write('activateVersion', () => this.catalog.activate(name, version));
  }

  async dropVersion(name: string, version: number): Promise<void> {
    this.assertOpen();
    assertCollectionVersion(name, version);
    this.write('dropVersion', () => this.catalog.dropVersion(name, version));
  }

  async dropCollection(name: string): Promise<void> {
    this.assertOpen();
    assertCollectionName(name);
    this.write('dropCollection', () => this.catalog.dropCollection(name));
  }

  async ping(): Promise<void> {
    this.assertOpen();
    sqliteCall('ping', () => this.statements.get('SELECT 1').get(), STORE);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.statements.clear();
    this.catalog.clear();
    if (this.ownsDatabase && this.db.open) this.db.close();
  }

  /**
   * The SQLite query plan of a find (EXPLAIN QUERY PLAN detail lines), to check that a query shape is served by an
   * index. Diagnostic, not part of the port.
   */
  explainFind(collection: CollectionRef, query: FindQuery = {}): string[] {
    const { name, version } = normalizeCollectionRef(collection);
    const { sql, params } = planFind(this.statements, this.catalog.resolve(name, version), query);
    return (this.db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[]).map(
      (r) => r.detail,
    );
  }

  /** Runs a read in one read transaction: alias resolution and query see the same snapshot. */
  private read<R>(operation: string, collection: CollectionRef, fn: (layout: SqliteLayout) => R): Promise<R> {
    this.assertOpen();
    const { name, version } = normalizeCollectionRef(collection);
    try {
      return Promise.resolve(
        sqliteCall(
          operation,
          () => this.inReadTransaction(() => fn(this.catalog.resolve(name, version))) as R,
          STORE,
        ),
      );
    } catch (error) {
      return Promise.reject(error as Error);
    }
  }

  /**
   * Runs `fn` in one IMMEDIATE transaction (the write lock from the start, so another process's writer waits for
   * the busy timeout instead of failing on a lock upgrade); SQLite's failures come out translated.
   */
  private write<R>(operation: string, fn: () => R): R {
    return sqliteCall(operation, () => this.db.transaction(fn).immediate(), STORE);
  }

  private assertOpen(): void {
    if (this.closed) throw new Error('The read store is closed');
  }
}
