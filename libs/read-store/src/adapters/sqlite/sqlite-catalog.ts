import { randomUUID } from 'node:crypto';
import type BetterSqlite3 from 'better-sqlite3';
import {
  type CollectionVersions,
  type PrunedIndex,
  ReadStoreValidationError,
  UnknownCollectionError,
} from '../../read-store.port';
import type { NormalizedDeclaration } from '../../read-store.validation';
import { mergeDeclarations } from '../../read-store.declarations';
import {
  type SqliteLayout,
  addColumnSql,
  backfillMultikeySql,
  buildLayout,
  createIndexSql,
  backfillTextIndexSql,
  createMultikeySql,
  createTableSql,
  createTextIndexSql,
  textTableName,
  dropIndexSql,
  generatedColumn,
  physicalTable,
  q,
} from './sqlite-layout';
import { indexesToPrune } from './sqlite-indexes';
import type { SqliteStatements } from './sqlite-statements';

interface CollectionRow {
  version: number;
  generation: string;
}

/** The tables of the catalog: versions with their declarations, the active version of each name (its alias). */
export const CATALOG_DDL = [
  `CREATE TABLE IF NOT EXISTS rs__collections (name TEXT NOT NULL, version INTEGER NOT NULL,
     declaration TEXT NOT NULL, generation TEXT NOT NULL, PRIMARY KEY (name, version)) WITHOUT ROWID`,
  `CREATE TABLE IF NOT EXISTS rs__aliases (name TEXT PRIMARY KEY NOT NULL, version INTEGER NOT NULL) WITHOUT ROWID`,
  // Versions created with deferIndexes whose declared indexes are not built yet.
  `CREATE TABLE IF NOT EXISTS rs__deferred_indexes (name TEXT NOT NULL, version INTEGER NOT NULL,
     PRIMARY KEY (name, version)) WITHOUT ROWID`,
];

/**
 * The versions and aliases of the SQLite read store: which physical table (`rs_<name>__v<version>`) a logical
 * name reads, each version's declaration and indexes, and the layouts readers use (cached by generation: a new
 * generation whenever the layout changes). The caller runs every method inside a transaction: a read one for
 * {@link resolve} and {@link versionsOf}, an IMMEDIATE write one for the others.
 */
export class SqliteCatalog {
  private readonly layouts = new Map<string, SqliteLayout & { generation: string }>();

  constructor(
    private readonly db: BetterSqlite3.Database,
    private readonly statements: SqliteStatements,
  ) {}

  /** The layout of a version, or of the active one. */
  resolve(name: string, version?: number): SqliteLayout {
    const row = (
      version === undefined
        ? this.statements
            .get(
              `SELECT c.version, c.generation FROM rs__aliases a
             JOIN rs__collections c ON c.name = a.name AND c.version = a.version WHERE a.name = ?`,
            )
            .get(name)
        : this.collectionRow(name, version)
    ) as CollectionRow | undefined;
    if (!row) throw new UnknownCollectionError(name, version);
    const cacheKey = `${name}@${row.version}`;
    const cached = this.layouts.get(cacheKey);
    if (cached?.generation === row.generation) return cached;
    const built = buildLayout(name, row.version, this.declaration(name, row.version)!);
    // While its indexes are deferred a version has no side tables and no FTS5 table: queries then read the table
    // alone (a search matches each document's words, see `TEXT_MATCH_FUNCTION`).
    const deferred = this.isDeferred(name, row.version);
    const { textTable, ...rest } = built;
    const layout = {
      ...rest,
      multikey: deferred ? [] : built.multikey,
      ...(textTable && !deferred && { textTable }),
      generation: row.generation,
    };
    this.layouts.set(cacheKey, layout);
    return layout;
  }

  versionsOf(name: string): CollectionVersions {
    const active = this.activeVersion(name);
    const versions = this.statements
      .get('SELECT version FROM rs__collections WHERE name = ? ORDER BY version', true)
      .all(name) as number[];
    return { name, ...(active === undefined ? {} : { active }), versions };
  }

  /**
   * Adds to what the version has (mergeDeclarations), never drops; with `exact` (after pruneIndexes dropped what
   * it lacks) the version gets exactly this declaration.
   */
  ensure(
    declared: NormalizedDeclaration,
    requestedVersion: number | undefined,
    deferIndexes: boolean,
    exact = false,
  ): void {
    const { name } = declared;
    const active = this.activeVersion(name);
    const version = requestedVersion ?? active ?? 1;
    const previousRow = this.statements
      .get('SELECT declaration FROM rs__collections WHERE name = ? AND version = ?', true)
      .get(name, version) as string | undefined;
    const previous =
      previousRow === undefined ? undefined : (JSON.parse(previousRow) as NormalizedDeclaration);
    const declaration = exact ? declared : mergeDeclarations(previous, declared);
    const layout = buildLayout(name, version, declaration);
    const table = layout.table;
    const wasDeferred = this.isDeferred(name, version);
    const tableExists =
      this.statements
        .get("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = ?", true)
        .get(table) !== undefined;
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
      this.statements
        .get('INSERT OR IGNORE INTO rs__deferred_indexes (name, version) VALUES (?, ?)')
        .run(name, version);
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
      if (declaration.textFields && layout.textTable) {
        const exists = this.db
          .prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = ?")
          .get(layout.textTable);
        createTextIndexSql(table, declaration.textFields).forEach((sql) => this.db.exec(sql));
        if (!exists) this.db.exec(backfillTextIndexSql(table, declaration.textFields));
      }
      if (wasDeferred) {
        this.statements
          .get('DELETE FROM rs__deferred_indexes WHERE name = ? AND version = ?')
          .run(name, version);
      }
    }

    const json = JSON.stringify(declaration);
    // A new generation whenever the layout readers see changes: the declaration, or its side tables appearing.
    if (previousRow !== json || wasDeferred !== defer) {
      this.statements
        .get(
          `INSERT INTO rs__collections (name, version, declaration, generation) VALUES (?, ?, ?, ?)
         ON CONFLICT (name, version) DO UPDATE SET declaration = excluded.declaration, generation = excluded.generation`,
        )
        .run(name, version, json, randomUUID());
    }
    if (active === undefined)
      this.statements.get('INSERT INTO rs__aliases (name, version) VALUES (?, ?)').run(name, version);
  }

  /** Drops the indexes a version has and the declaration lacks (unless `dryRun`), and says which. */
  pruneIndexes(
    declaration: NormalizedDeclaration,
    requestedVersion: number | undefined,
    dryRun: boolean | undefined,
  ) {
    const { name } = declaration;
    const version = requestedVersion ?? this.activeVersion(name);
    const stored = version === undefined ? undefined : this.declaration(name, version);
    if (version === undefined || stored === undefined)
      throw new UnknownCollectionError(name, requestedVersion);
    const prune = indexesToPrune(this.db, physicalTable(name, version), stored, declaration);
    if (!dryRun) {
      prune.forEach(({ drop }) => drop.forEach((sql) => this.db.exec(sql)));
      // Exactly the declaration: built (or left deferred) as declared, under a new generation for readers.
      this.ensure(declaration, version, this.isDeferred(name, version), true);
    }
    return prune.map(({ index, reason }): PrunedIndex => ({ collection: name, version, index, reason }));
  }

  buildIndexes(name: string, version: number | undefined): void {
    const resolved = version ?? this.activeVersion(name);
    if (resolved === undefined || !this.collectionRow(name, resolved))
      throw new UnknownCollectionError(name, version);
    this.buildDeferred(name, resolved);
  }

  activate(name: string, version: number): void {
    if (!this.collectionRow(name, version)) throw new UnknownCollectionError(name, version);
    this.buildDeferred(name, version);
    this.statements
      .get(
        'INSERT INTO rs__aliases (name, version) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET version = excluded.version',
      )
      .run(name, version);
  }

  dropVersion(name: string, version: number): void {
    if (this.activeVersion(name) === version) {
      throw new ReadStoreValidationError(
        `Version ${version} of ${name} is active; activate another one first`,
      );
    }
    this.dropPhysical(name, version);
  }

  dropCollection(name: string): void {
    const versions = this.statements
      .get('SELECT version FROM rs__collections WHERE name = ?', true)
      .all(name) as number[];
    for (const version of versions) this.dropPhysical(name, version);
    this.statements.get('DELETE FROM rs__aliases WHERE name = ?').run(name);
  }

  /** Forgets the cached layouts (the store is closed). */
  clear(): void {
    this.layouts.clear();
  }

  private activeVersion(name: string): number | undefined {
    return this.statements.get('SELECT version FROM rs__aliases WHERE name = ?', true).get(name) as
      number | undefined;
  }

  private declaration(name: string, version: number): NormalizedDeclaration | undefined {
    const stored = this.statements
      .get('SELECT declaration FROM rs__collections WHERE name = ? AND version = ?', true)
      .get(name, version) as string | undefined;
    return stored === undefined ? undefined : (JSON.parse(stored) as NormalizedDeclaration);
  }

  private collectionRow(name: string, version: number): CollectionRow | undefined {
    return this.statements
      .get('SELECT version, generation FROM rs__collections WHERE name = ? AND version = ?')
      .get(name, version) as CollectionRow | undefined;
  }

  private isDeferred(name: string, version: number): boolean {
    return (
      this.statements
        .get('SELECT 1 FROM rs__deferred_indexes WHERE name = ? AND version = ?', true)
        .get(name, version) !== undefined
    );
  }

  /** Builds the indexes of a version made with deferIndexes, if still deferred. */
  private buildDeferred(name: string, version: number): void {
    if (!this.isDeferred(name, version)) return;
    this.ensure(this.declaration(name, version)!, version, false);
  }

  private dropPhysical(name: string, version: number): void {
    const declaration = this.declaration(name, version);
    if (declaration === undefined) return;
    const table = physicalTable(name, version);
    for (const index of declaration.indexes) {
      if (index.arrayField) dropIndexSql(table, index).forEach((sql) => this.db.exec(sql));
    }
    this.db.exec(`DROP TABLE IF EXISTS ${q(table)}`);
    this.db.exec(`DROP TABLE IF EXISTS ${q(textTableName(table))}`);
    this.statements.get('DELETE FROM rs__collections WHERE name = ? AND version = ?').run(name, version);
    this.statements.get('DELETE FROM rs__deferred_indexes WHERE name = ? AND version = ?').run(name, version);
    this.layouts.delete(`${name}@${version}`);
    this.statements.forgetTable(table);
  }
}
