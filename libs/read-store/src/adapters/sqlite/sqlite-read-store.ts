import { randomUUID } from 'node:crypto';
import type BetterSqlite3 from 'better-sqlite3';
import { sqliteCall } from '@app/event-store/adapters/sqlite/sqlite-errors';
import { CursorPosition, decodeCursor, encodeCursor } from '../../read-store.cursor';
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
  UnknownCollectionError,
  WriteBatch,
} from '../../read-store.port';
import {
  MAX_DOCUMENT_CHARS,
  NormalizedDeclaration,
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
import { mergeDeclarations } from '../../read-store.declarations';
import {
  SqliteLayout,
  addColumnSql,
  backfillMultikeySql,
  buildLayout,
  createIndexSql,
  createMultikeySql,
  createTableSql,
  dropIndexSql,
  generatedColumn,
  physicalTable,
  q,
} from './sqlite-layout';
import { assertLeaseName, normalizeLease } from '../../read-store.lease';
import { SqliteLeases } from './sqlite-leases';
import { SqlParam, buildCount, buildFind } from './sqlite-query';
import { indexesToPrune } from './sqlite-indexes';

type Database = BetterSqlite3.Database;
type Statement = BetterSqlite3.Statement<SqlParam[]>;

export interface SqliteReadStoreOptions {
  /**
   * Whether {@link SqliteReadStore.close} closes the database. Default false: whoever opened the database (usually
   * shared with the event store in one file) closes it.
   */
  ownsDatabase?: boolean;
  /** Clock for checkpoint `updatedAt` when the writer gives none, and for lease expiry. */
  now?: () => Date;
}

interface CollectionRow {
  version: number;
  generation: string;
}

interface CheckpointRow {
  name: string;
  position: number;
  updated_at: string;
  state: string | null;
  error: string | null;
  failed_position: number | null;
  details: string | null;
}

interface FindRow {
  id: string;
  doc: string;
  [key: `k${number}`]: SqlParam;
}

/** Ids per `getMany` statement: bounds the JSON parameter and the result held at once. */
const GET_MANY_CHUNK = 5_000;
/** Distinct SQL texts kept prepared; query shapes are few, so this is a guard rather than a working limit. */
const STATEMENT_CACHE_LIMIT = 1_000;

const STORE = 'SQLite read store';

const META_DDL = [
  `CREATE TABLE IF NOT EXISTS rs__collections (name TEXT NOT NULL, version INTEGER NOT NULL,
     declaration TEXT NOT NULL, generation TEXT NOT NULL, PRIMARY KEY (name, version)) WITHOUT ROWID`,
  `CREATE TABLE IF NOT EXISTS rs__aliases (name TEXT PRIMARY KEY NOT NULL, version INTEGER NOT NULL) WITHOUT ROWID`,
  `CREATE TABLE IF NOT EXISTS rs__checkpoints (name TEXT PRIMARY KEY NOT NULL, position INTEGER NOT NULL,
     updated_at TEXT NOT NULL, state TEXT, error TEXT, failed_position INTEGER, details TEXT) WITHOUT ROWID`,
  // Versions created with deferIndexes whose declared indexes are not built yet.
  `CREATE TABLE IF NOT EXISTS rs__deferred_indexes (name TEXT NOT NULL, version INTEGER NOT NULL,
     PRIMARY KEY (name, version)) WITHOUT ROWID`,
];

/**
 * The read store on an embedded SQLite database (better-sqlite3). It works in the database it is given (tables
 * prefixed `rs_`), next to the event store if that shares the file. Whoever opens the database sets its pragmas:
 * WAL, `synchronous = NORMAL` and a `busy_timeout` are what a projector plus readers want.
 *
 * Table layout and index strategy: see `sqlite-layout.ts`. Reads resolve the logical name through the alias table
 * inside the same read transaction as the query, so a version switch is seen whole by every read.
 */
export class SqliteReadStore implements ReadStore {
  private readonly statements = new Map<string, Statement>();
  private readonly layouts = new Map<string, SqliteLayout & { generation: string }>();
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
      () => this.db.transaction(() => META_DDL.forEach((ddl) => this.db.exec(ddl)))(),
      STORE,
    );
    this.inReadTransaction = this.db.transaction((fn: () => unknown) => fn());
    this.leases = new SqliteLeases(this.db, this.now);
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
    const defer = options.deferIndexes === true;
    this.write('ensureCollections', () => {
      for (const declaration of normalized) this.ensureCollection(declaration, options.version, defer);
    });
  }

  async pruneIndexes(
    declarations: readonly CollectionDeclaration[],
    options: PruneIndexesOptions = {},
  ): Promise<PrunedIndex[]> {
    this.assertOpen();
    if (!Array.isArray(declarations)) throw new ReadStoreValidationError('pruneIndexes takes a list');
    const normalized = declarations.map((d) => normalizeDeclaration(d));
    if (options.version !== undefined) assertVersion(options.version);
    return this.write('pruneIndexes', () =>
      normalized.flatMap((declaration) => {
        const { name } = declaration;
        const version =
          options.version ??
          (this.statement('SELECT version FROM rs__aliases WHERE name = ?', true).get(name) as
            number | undefined);
        const stored =
          version === undefined
            ? undefined
            : (this.statement(
                'SELECT declaration FROM rs__collections WHERE name = ? AND version = ?',
                true,
              ).get(name, version) as string | undefined);
        if (version === undefined || stored === undefined)
          throw new UnknownCollectionError(name, options.version);
        const table = physicalTable(name, version);
        const prune = indexesToPrune(
          this.db,
          table,
          JSON.parse(stored) as NormalizedDeclaration,
          declaration,
        );
        if (!options.dryRun) {
          prune.forEach(({ drop }) => drop.forEach((sql) => this.db.exec(sql)));
          // Exactly the declaration: built (or left deferred) as declared, under a new generation for readers.
          this.ensureCollection(declaration, version, this.isDeferred(name, version), true);
        }
        return prune.map(({ index, reason }) => ({ collection: name, version, index, reason }));
      }),
    );
  }

  async buildIndexes(name: string, version?: number): Promise<void> {
    this.assertOpen();
    assertCollectionName(name);
    if (version !== undefined) assertVersion(version);
    this.write('buildIndexes', () => {
      const resolved =
        version ??
        (this.statement('SELECT version FROM rs__aliases WHERE name = ?', true).get(name) as
          number | undefined);
      if (resolved === undefined || !this.collectionRow(name, resolved))
        throw new UnknownCollectionError(name, version);
      this.buildDeferred(name, resolved);
    });
  }

  async get<T extends ReadDocument = ReadDocument>(
    collection: CollectionRef,
    id: string,
  ): Promise<T | undefined> {
    assertId(id, 'get');
    return this.read('get', collection, (layout) => {
      const doc = this.statement(`SELECT doc FROM ${q(layout.table)} WHERE id = ?`, true).get(id) as
        string | undefined;
      return doc === undefined ? undefined : (JSON.parse(doc) as T);
    });
  }

  async getMany<T extends ReadDocument = ReadDocument>(
    collection: CollectionRef,
    ids: readonly string[],
  ): Promise<Map<string, T>> {
    if (!Array.isArray(ids)) throw new ReadStoreValidationError('getMany takes a list of ids');
    ids.forEach((id) => assertId(id, 'getMany'));
    const unique = [...new Set(ids)];
    return this.read('getMany', collection, (layout) => {
      const found = new Map<string, T>();
      const statement = this.statement(
        `SELECT id, doc FROM ${q(layout.table)} WHERE id IN (SELECT value FROM json_each(?))`,
      );
      for (let i = 0; i < unique.length; i += GET_MANY_CHUNK) {
        const rows = statement.all(JSON.stringify(unique.slice(i, i + GET_MANY_CHUNK))) as {
          id: string;
          doc: string;
        }[];
        for (const row of rows) found.set(row.id, JSON.parse(row.doc) as T);
      }
      return found;
    });
  }

  async find<T extends ReadDocument = ReadDocument>(
    collection: CollectionRef,
    query: FindQuery = {},
  ): Promise<Page<T>> {
    return this.read('find', collection, (layout) => {
      const { sql, params, limit, signature, keyCount } = this.planFind(layout, query);
      const rows = this.statement(sql).all(...params) as FindRow[];
      const items = rows.slice(0, limit).map((row) => JSON.parse(row.doc) as T);
      if (limit === undefined || rows.length <= limit) return { items };
      const last = rows[limit - 1];
      const values = Array.from({ length: keyCount }, (_, i) => {
        const key = last[`k${i}`];
        return key === -Infinity ? null : key;
      });
      return { items, nextCursor: encodeCursor(signature, { values, id: last.id }) };
    });
  }

  async count(collection: CollectionRef, filter?: Filter): Promise<number> {
    return this.read('count', collection, (layout) => {
      const { sql, params } = buildCount(layout, normalizeFilter(filter, layout.arrayFields));
      return this.statement(sql, true).get(...params) as number;
    });
  }

  async applyBatch(batch: WriteBatch): Promise<void> {
    this.assertOpen();
    if (typeof batch !== 'object' || batch === null) throw new ReadStoreValidationError('Invalid batch');
    // Everything is validated and serialised before the transaction starts, so a bad batch writes nothing and the
    // transaction holds the write lock only for the writes themselves.
    const writes = (batch.changes ?? []).map((change) => {
      const { name, version } = normalizeCollectionRef(change.collection);
      const seen = new Set<string>();
      const once = (id: string) => {
        if (seen.has(id))
          throw new ReadStoreValidationError(`Id ${id} appears twice in one change to ${name}`);
        seen.add(id);
      };
      const upserts = (change.upserts ?? []).map((doc) => {
        const id = assertDocument(doc, name);
        once(id);
        let json: string;
        try {
          json = JSON.stringify(doc);
        } catch (error) {
          throw new ReadStoreValidationError(
            `Document ${id} of ${name} is not JSON: ${(error as Error).message}`,
          );
        }
        if (json.length > MAX_DOCUMENT_CHARS)
          throw new ReadStoreValidationError(`Document ${id} of ${name} is too large`);
        return [id, json] as const;
      });
      const deletes = (change.deletes ?? []).map((id) => {
        assertId(id, `A delete in ${name}`);
        once(id);
        return id;
      });
      return { name, version, upserts, deletes };
    });
    const checkpoints = (batch.checkpoints ?? []).map((c) =>
      normalizeCheckpoint(c, () => this.now().toISOString()),
    );
    const checkpointNames = checkpoints.map((c) => c.name);
    if (new Set(checkpointNames).size !== checkpointNames.length) {
      throw new ReadStoreValidationError('A checkpoint appears twice in one batch');
    }
    const lease = batch.lease === undefined ? undefined : normalizeLease(batch.lease);

    // Collections are resolved inside the transaction: one dropped by another process meanwhile is unknown
    // (UnknownCollectionError, nothing written) rather than a missing table.
    this.write('applyBatch', () => {
      if (lease) this.leases.fence(lease);
      const layouts = writes.map(({ name, version }) => this.resolve(name, version));
      writes.forEach(({ upserts, deletes }, i) => {
        const table = q(layouts[i].table);
        if (deletes.length) {
          const remove = this.statement(`DELETE FROM ${table} WHERE id = ?`);
          for (const id of deletes) remove.run(id);
        }
        if (upserts.length) {
          // Unchanged documents are left alone: redelivered events then cost a comparison, not index rewrites.
          const upsert = this.statement(
            `INSERT INTO ${table} (id, doc) VALUES (?, ?) ` +
              'ON CONFLICT (id) DO UPDATE SET doc = excluded.doc WHERE doc IS NOT excluded.doc',
          );
          for (const [id, json] of upserts) upsert.run(id, json);
        }
      });
      if (checkpoints.length) {
        const save = this.statement(
          `INSERT INTO rs__checkpoints (name, position, updated_at, state, error, failed_position, details)
           VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (name) DO UPDATE SET position = excluded.position,
           updated_at = excluded.updated_at, state = excluded.state, error = excluded.error,
           failed_position = excluded.failed_position, details = excluded.details`,
        );
        for (const c of checkpoints) {
          save.run(
            ...([
              c.name,
              c.position,
              c.updatedAt,
              c.state ?? null,
              c.error ?? null,
              c.failedPosition ?? null,
              c.details === undefined ? null : JSON.stringify(c.details),
            ] as SqlParam[]),
          );
        }
      }
    });
  }

  async getCheckpoint(name: string): Promise<Checkpoint | undefined> {
    this.assertOpen();
    if (typeof name !== 'string') throw new ReadStoreValidationError('A checkpoint name is a string');
    const row = sqliteCall(
      'getCheckpoint',
      () =>
        this.statement('SELECT * FROM rs__checkpoints WHERE name = ?').get(name) as CheckpointRow | undefined,
      STORE,
    );
    return row && toCheckpoint(row);
  }

  async listCheckpoints(): Promise<Checkpoint[]> {
    this.assertOpen();
    const rows = sqliteCall(
      'listCheckpoints',
      () => this.statement('SELECT * FROM rs__checkpoints ORDER BY name').all() as CheckpointRow[],
      STORE,
    );
    return rows.map(toCheckpoint);
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
      () =>
        this.inReadTransaction(() => {
          const active = this.statement('SELECT version FROM rs__aliases WHERE name = ?', true).get(name) as
            number | undefined;
          const versions = this.statement(
            'SELECT version FROM rs__collections WHERE name = ? ORDER BY version',
            true,
          ).all(name) as number[];
          return { name, ...(active === undefined ? {} : { active }), versions };
        }) as CollectionVersions,
      STORE,
    );
  }

  async activateVersion(name: string, version: number): Promise<void> {
    this.assertOpen();
    assertCollectionName(name);
    assertVersion(version);
    this.write('activateVersion', () => {
      if (!this.collectionRow(name, version)) throw new UnknownCollectionError(name, version);
      this.buildDeferred(name, version);
      this.statement(
        'INSERT INTO rs__aliases (name, version) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET version = excluded.version',
      ).run(name, version);
    });
  }

  async dropVersion(name: string, version: number): Promise<void> {
    this.assertOpen();
    assertCollectionName(name);
    assertVersion(version);
    this.write('dropVersion', () => {
      const active = this.statement('SELECT version FROM rs__aliases WHERE name = ?', true).get(name);
      if (active === version) {
        throw new ReadStoreValidationError(
          `Version ${version} of ${name} is active; activate another one first`,
        );
      }
      this.dropPhysical(name, version);
    });
  }

  async dropCollection(name: string): Promise<void> {
    this.assertOpen();
    assertCollectionName(name);
    this.write('dropCollection', () => {
      const versions = this.statement('SELECT version FROM rs__collections WHERE name = ?', true).all(
        name,
      ) as number[];
      for (const version of versions) this.dropPhysical(name, version);
      this.statement('DELETE FROM rs__aliases WHERE name = ?').run(name);
    });
  }

  async ping(): Promise<void> {
    this.assertOpen();
    sqliteCall('ping', () => this.statement('SELECT 1').get(), STORE);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.statements.clear();
    this.layouts.clear();
    if (this.ownsDatabase && this.db.open) this.db.close();
  }

  /**
   * The SQLite query plan of a find (EXPLAIN QUERY PLAN detail lines), to check that a query shape is served by an
   * index. Diagnostic, not part of the port.
   */
  explainFind(collection: CollectionRef, query: FindQuery = {}): string[] {
    const { name, version } = normalizeCollectionRef(collection);
    const { sql, params } = this.planFind(this.resolve(name, version), query);
    return (this.db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[]).map(
      (r) => r.detail,
    );
  }

  private planFind(layout: SqliteLayout, query: FindQuery) {
    if (typeof query !== 'object' || query === null) throw new ReadStoreValidationError('Invalid query');
    assertLimit(query.limit);
    const predicates = normalizeFilter(query.filter, layout.arrayFields);
    const sort = normalizeSort(query.sort, layout.arrayFields);
    const signature = sortSignature(sort);
    const keyCount = sort.length - 1;
    let after: CursorPosition | undefined;
    if (query.after !== undefined) after = decodeCursor(query.after, signature, keyCount);
    const limit = query.limit;
    const built = buildFind(layout, {
      predicates,
      sort,
      after,
      fetch: limit === undefined ? undefined : limit + 1,
    });
    return { ...built, limit, signature, keyCount };
  }

  /** Runs a read in one read transaction: alias resolution and query see the same snapshot. */
  private read<R>(operation: string, collection: CollectionRef, fn: (layout: SqliteLayout) => R): Promise<R> {
    this.assertOpen();
    const { name, version } = normalizeCollectionRef(collection);
    try {
      return Promise.resolve(
        sqliteCall(
          operation,
          () => this.inReadTransaction(() => fn(this.resolve(name, version))) as R,
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

  private resolve(name: string, version?: number): SqliteLayout {
    const row = (
      version === undefined
        ? this.statement(
            `SELECT c.version, c.generation FROM rs__aliases a
             JOIN rs__collections c ON c.name = a.name AND c.version = a.version WHERE a.name = ?`,
          ).get(name)
        : this.collectionRow(name, version)
    ) as CollectionRow | undefined;
    if (!row) throw new UnknownCollectionError(name, version);
    const cacheKey = `${name}@${row.version}`;
    const cached = this.layouts.get(cacheKey);
    if (cached?.generation === row.generation) return cached;
    const declaration = this.statement(
      'SELECT declaration FROM rs__collections WHERE name = ? AND version = ?',
      true,
    )

      .get(name, row.version) as string;
    const built = buildLayout(name, row.version, JSON.parse(declaration) as NormalizedDeclaration);
    // While its indexes are deferred a version has no side tables: queries then read the table alone.
    const layout = {
      ...built,
      multikey: this.isDeferred(name, row.version) ? [] : built.multikey,
      generation: row.generation,
    };
    this.layouts.set(cacheKey, layout);
    return layout;
  }

  private collectionRow(name: string, version: number): CollectionRow | undefined {
    return this.statement(
      'SELECT version, generation FROM rs__collections WHERE name = ? AND version = ?',
    ).get(name, version) as CollectionRow | undefined;
  }

  private isDeferred(name: string, version: number): boolean {
    return (
      this.statement('SELECT 1 FROM rs__deferred_indexes WHERE name = ? AND version = ?', true).get(
        name,
        version,
      ) !== undefined
    );
  }

  /** Inside a write transaction: builds the indexes of a version made with deferIndexes, if still deferred. */
  private buildDeferred(name: string, version: number): void {
    if (!this.isDeferred(name, version)) return;
    const declaration = this.statement(
      'SELECT declaration FROM rs__collections WHERE name = ? AND version = ?',
      true,
    ).get(name, version) as string;
    this.ensureCollection(JSON.parse(declaration) as NormalizedDeclaration, version, false);
  }

  /**
   * Inside a write transaction. Adds to what the version has (mergeDeclarations), never drops; with `exact` (after
   * pruneIndexes dropped what it lacks) the version gets exactly this declaration.
   */
  private ensureCollection(
    declared: NormalizedDeclaration,
    requestedVersion: number | undefined,
    deferIndexes: boolean,
    exact = false,
  ): void {
    const { name } = declared;
    const active = this.statement('SELECT version FROM rs__aliases WHERE name = ?', true).get(name) as
      number | undefined;
    const version = requestedVersion ?? active ?? 1;
    const previousRow = this.statement(
      'SELECT declaration FROM rs__collections WHERE name = ? AND version = ?',
      true,
    )

      .get(name, version) as string | undefined;
    const previous =
      previousRow === undefined ? undefined : (JSON.parse(previousRow) as NormalizedDeclaration);
    const declaration = exact ? declared : mergeDeclarations(previous, declared);
    const layout = buildLayout(name, version, declaration);
    const table = layout.table;
    const wasDeferred = this.isDeferred(name, version);
    const tableExists =
      this.statement("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = ?", true).get(table) !==
      undefined;
    // Deferring applies to a version this call creates, or one still deferred; built indexes stay built.
    const defer = deferIndexes && (wasDeferred || !tableExists);

    if (!tableExists) {
      // SQLite column names ignore case; JSON field names do not.
      const columns = [...layout.columns.values()];
      const clash = columns.find(
        (c, i) => columns.findIndex((o) => o.toLowerCase() === c.toLowerCase()) !== i,
      );
      if (clash)
        throw new ReadStoreValidationError(`Field ${clash.slice(2)} of ${name} clashes with another (case)`);
      this.db.exec(createTableSql(table, layout.columns.keys()));
    }
    const existing = (this.db.prepare(`PRAGMA table_xinfo(${q(table)})`).all() as { name: string }[]).map(
      (c) => c.name,
    );
    for (const field of layout.columns.keys()) {
      const column = generatedColumn(field);
      if (existing.includes(column)) continue;
      // SQLite column names ignore case; JSON field names do not.
      const clash = existing.find((c) => c.toLowerCase() === column.toLowerCase());
      if (clash) throw new ReadStoreValidationError(`Field ${field} of ${name} clashes with ${clash} (case)`);
      this.db.exec(addColumnSql(table, field));
      existing.push(column);
    }
    if (defer) {
      this.statement('INSERT OR IGNORE INTO rs__deferred_indexes (name, version) VALUES (?, ?)').run(
        name,
        version,
      );
    } else {
      for (const index of declaration.indexes) {
        if (!index.arrayField) this.db.exec(createIndexSql(table, index));
      }
      for (const mk of layout.multikey) {
        const exists = this.db
          .prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = ?")
          .get(mk.table);
        createMultikeySql(table, mk).forEach((sql) => this.db.exec(sql));
        if (!exists) this.db.exec(backfillMultikeySql(table, mk));
      }
      if (wasDeferred) {
        this.statement('DELETE FROM rs__deferred_indexes WHERE name = ? AND version = ?').run(name, version);
      }
    }

    const json = JSON.stringify(declaration);
    // A new generation whenever the layout readers see changes: the declaration, or its side tables appearing.
    if (previousRow !== json || wasDeferred !== defer) {
      this.statement(
        `INSERT INTO rs__collections (name, version, declaration, generation) VALUES (?, ?, ?, ?)
         ON CONFLICT (name, version) DO UPDATE SET declaration = excluded.declaration, generation = excluded.generation`,
      ).run(name, version, json, randomUUID());
    }
    if (active === undefined)
      this.statement('INSERT INTO rs__aliases (name, version) VALUES (?, ?)').run(name, version);
  }

  /** Inside a write transaction. */
  private dropPhysical(name: string, version: number): void {
    const declaration = this.statement(
      'SELECT declaration FROM rs__collections WHERE name = ? AND version = ?',
      true,
    )

      .get(name, version) as string | undefined;
    if (declaration === undefined) return;
    const table = physicalTable(name, version);
    for (const index of (JSON.parse(declaration) as NormalizedDeclaration).indexes) {
      if (index.arrayField) dropIndexSql(table, index).forEach((sql) => this.db.exec(sql));
    }
    this.db.exec(`DROP TABLE IF EXISTS ${q(table)}`);
    this.statement('DELETE FROM rs__collections WHERE name = ? AND version = ?').run(name, version);
    this.statement('DELETE FROM rs__deferred_indexes WHERE name = ? AND version = ?').run(name, version);
    this.layouts.delete(`${name}@${version}`);
    for (const sql of this.statements.keys()) if (sql.includes(`"${table}`)) this.statements.delete(sql);
  }

  /** A cached prepared statement; `pluck` ones return the first column only. */
  private statement(sql: string, pluck = false): Statement {
    const key = `${pluck ? 'pluck' : 'rows'}:${sql}`;
    let statement = this.statements.get(key);
    if (!statement) {
      if (this.statements.size >= STATEMENT_CACHE_LIMIT) this.statements.clear();
      statement = this.db.prepare<SqlParam[]>(sql);
      if (pluck) statement.pluck();
      this.statements.set(key, statement);
    }
    return statement;
  }

  private assertOpen(): void {
    if (this.closed) throw new Error('The read store is closed');
  }
}

const toCheckpoint = (row: CheckpointRow): Checkpoint => {
  const checkpoint: Checkpoint = { name: row.name, position: row.position, updatedAt: row.updated_at };
  if (row.state !== null) checkpoint.state = row.state as Checkpoint['state'];
  if (row.error !== null) checkpoint.error = row.error;
  if (row.failed_position !== null) checkpoint.failedPosition = row.failed_position;
  if (row.details !== null) checkpoint.details = JSON.parse(row.details) as Record<string, unknown>;
  return checkpoint;
};
