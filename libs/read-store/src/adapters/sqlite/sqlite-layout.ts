// How a declared collection is laid out in SQLite. Pure: names and DDL only, no database.
//
// One table per physical collection: `rs_<name>__v<version>(id TEXT PRIMARY KEY, doc TEXT NOT NULL)`, the document
// as JSON text. Every scalar field named by an index gets a generated column `"f:<field>"`; indexes are ordinary
// SQLite indexes on those columns plus `id`. The columns of a new table are STORED: computed once when a document is
// written (one JSON parse for all of them), so building an index and updating a document read the stored keys
// instead of parsing the JSON again per index. A field indexed later is added to the existing table as a VIRTUAL
// column (SQLite cannot add stored ones), computed when read; a rebuild's new version has it stored. Generated
// columns, rather than indexes on the expressions themselves, because SQLite seeks row-value ranges such as
// `("f:occurredAt", id) < (?, ?)` on columns but not on expressions, and the keyset cursor relies on that seek.
//
// Sort keys map null and missing to -Infinity (the SQL literal -9e999), which no JSON document can hold: it sorts
// before every number and string, as null and missing do in MongoDB, and it keeps keys NOT NULL so that keyset
// comparisons and index ranges never meet SQL's three-valued NULL logic.
//
// A multikey index (one holding an array field) is a side table `<table>__mk_<index>` with one row per distinct
// array element: (k0..kn, id), clustered (WITHOUT ROWID) on its key in index order, kept in step with the main
// table by triggers, so every writer (this process or another) maintains it inside the same transaction.
//
// Declared text fields get a contentless FTS5 table `<table>__fts` (rowid = the document row's rowid, one column
// holding the fields' text), kept by triggers in the same way. Contentless (it stores the index, not the text)
// with `contentless_delete=1` (SQLite 3.43+), so rows are deleted by rowid alone. See https://sqlite.org/fts5.html
// (4.4.3). Deferred with the other indexes (a rebuild's bulk load): filled by one INSERT ... SELECT over the loaded
// rows, which costs about a third of keeping it row by row through the triggers (docs/performance.md, "Rebuild").
// While deferred, a search of the version is answered by a scan that matches each document's words in JS
// (`TEXT_MATCH_FUNCTION`), so a version that is loading answers as it will once built.
import { NormalizedDeclaration, NormalizedIndex, textWords } from '../../read-store.validation';

/** SQL literal for the sort key of null and missing values: -Infinity. */
export const NULL_KEY = '-9e999';

const SAFE_IDENTIFIER = /^[A-Za-z0-9_:.]+$/;

/** Quotes an identifier that was built from validated names (the check is a second line of defence). */
export const q = (identifier: string): string => {
  if (!SAFE_IDENTIFIER.test(identifier)) throw new Error(`Unsafe SQL identifier ${identifier}`);
  return `"${identifier}"`;
};

/** A JSON path literal for a validated field path. */
export const jsonPath = (field: string): string => `'$.${field}'`;

/** The sort/compare key of a field of the JSON document `docRef`. */
export const keyExpression = (docRef: string, field: string): string =>
  `coalesce(json_extract(${docRef}, ${jsonPath(field)}), ${NULL_KEY})`;

export const physicalTable = (name: string, version: number): string => `rs_${name}__v${version}`;
export const generatedColumn = (field: string): string => `f:${field}`;
export const sqlIndexName = (table: string, index: string): string => `${table}__ix_${index}`;
export const sideTableName = (table: string, index: string): string => `${table}__mk_${index}`;

export interface MultikeyLayout {
  index: NormalizedIndex;
  table: string;
  arrayField: string;
  /** Index field -> side table column (`k0`, `k1`, ...), in index order. */
  keyColumns: Map<string, string>;
}

export interface SqliteLayout {
  name: string;
  version: number;
  table: string;
  declaration: NormalizedDeclaration;
  arrayFields: ReadonlySet<string>;
  /** Scalar indexed field -> generated column name. */
  columns: ReadonlyMap<string, string>;
  multikey: MultikeyLayout[];
  /** The FTS5 table of the declared text fields, if any and built (not while the version's indexes are deferred). */
  textTable?: string;
}

/** Whether the collection declares text fields (searchable with `$text`, through its FTS5 table or a scan). */
export const hasTextFields = (layout: SqliteLayout): boolean => layout.declaration.textFields !== undefined;

export function buildLayout(name: string, version: number, declaration: NormalizedDeclaration): SqliteLayout {
  const table = physicalTable(name, version);
  const columns = new Map<string, string>();
  const multikey: MultikeyLayout[] = [];
  for (const index of declaration.indexes) {
    if (index.arrayField) {
      multikey.push({
        index,
        table: sideTableName(table, index.name),
        arrayField: index.arrayField,
        keyColumns: new Map(index.fields.map((f, i) => [f.field, `k${i}`])),
      });
    } else {
      for (const { field } of index.fields) columns.set(field, generatedColumn(field));
    }
  }
  return {
    name,
    version,
    table,
    declaration,
    arrayFields: new Set(declaration.arrayFields),
    columns,
    multikey,
    ...(declaration.textFields && { textTable: textTableName(table) }),
  };
}

export const textTableName = (table: string): string => `${table}__fts`;

/** The text of a document's text fields, one space apart (a field that is not a string adds nothing). */
export const textExpression = (docRef: string, fields: readonly string[]): string =>
  fields
    .map(
      (f) =>
        `coalesce(CASE json_type(${docRef}, ${jsonPath(f)}) WHEN 'text' THEN json_extract(${docRef}, ${jsonPath(f)}) END, '')`,
    )
    .join(" || ' ' || ");

/** DDL of the FTS5 table of `fields` and the triggers that keep it; backfill separately. */
export const createTextIndexSql = (table: string, fields: readonly string[]): string[] => {
  const fts = q(textTableName(table));
  const insert = (docRef: string, rowRef: string) =>
    `INSERT INTO ${fts} (rowid, body) VALUES (${rowRef}, ${textExpression(docRef, fields)})`;
  const trigger = (suffix: string) => q(`${textTableName(table)}__${suffix}`);
  return [
    `CREATE VIRTUAL TABLE IF NOT EXISTS ${fts} USING fts5(body, content='', contentless_delete=1, ` +
      `tokenize='unicode61 remove_diacritics 2')`,
    `CREATE TRIGGER IF NOT EXISTS ${trigger('ai')} AFTER INSERT ON ${q(table)} BEGIN ${insert('NEW.doc', 'NEW.rowid')}; END`,
    `CREATE TRIGGER IF NOT EXISTS ${trigger('au')} AFTER UPDATE OF doc ON ${q(table)} BEGIN ` +
      `DELETE FROM ${fts} WHERE rowid = OLD.rowid; ${insert('NEW.doc', 'NEW.rowid')}; END`,
    `CREATE TRIGGER IF NOT EXISTS ${trigger('ad')} AFTER DELETE ON ${q(table)} BEGIN ` +
      `DELETE FROM ${fts} WHERE rowid = OLD.rowid; END`,
  ];
};

/** Fills a new FTS5 table from the documents already in the collection. */
export const backfillTextIndexSql = (table: string, fields: readonly string[]): string =>
  `INSERT INTO ${q(textTableName(table))} (rowid, body) SELECT rowid, ${textExpression('doc', fields)} FROM ${q(table)}`;

/**
 * The SQL function a search of a version whose FTS5 table is not built yet calls per document:
 * `rs_text_match(text, words)` is 1 when the text holds every one of `words` (space-separated, as `textWords` gives
 * them), each as a whole word, as the FTS5 query of {@link textMatch} finds them. The text is split by `textWords`,
 * the rule the query's words come from (FTS5's unicode61 with remove_diacritics 2: letters and digits, case and
 * accents ignored).
 */
export const TEXT_MATCH_FUNCTION = 'rs_text_match';

export const textMatches = (text: string, words: string): number => {
  const found = new Set(textWords(text));
  return words.split(' ').every((word) => found.has(word)) ? 1 : 0;
};

/** An FTS5 query for all of `words`, each a quoted string (so nothing in it is FTS5 syntax). */
export const textMatch = (words: readonly string[]): string =>
  words.map((w) => `"${w.replace(/"/g, '""')}"`).join(' ');

/** The table of a collection, with a STORED generated column for each of `fields`. */
export const createTableSql = (table: string, fields: Iterable<string> = []): string => {
  const columns = [...fields].map(
    (field) => `, ${q(generatedColumn(field))} AS (${keyExpression('doc', field)}) STORED`,
  );
  return `CREATE TABLE IF NOT EXISTS ${q(table)} (id TEXT PRIMARY KEY NOT NULL, doc TEXT NOT NULL${columns.join('')})`;
};

// No declared type: a typed column would get an affinity and turn the string '2012' into the number 2012.
export const addColumnSql = (table: string, field: string): string =>
  `ALTER TABLE ${q(table)} ADD COLUMN ${q(generatedColumn(field))} AS (${keyExpression('doc', field)}) VIRTUAL`;

const direction = (order: 'asc' | 'desc'): string => (order === 'desc' ? 'DESC' : 'ASC');

/** The id tie-breaker runs in the direction of the last key, so one index serves sort and tie-break. */
const idOrder = (index: NormalizedIndex): 'asc' | 'desc' => index.fields[index.fields.length - 1].order;

export const createIndexSql = (table: string, index: NormalizedIndex): string => {
  const keys = index.fields.map((f) => `${q(generatedColumn(f.field))} ${direction(f.order)}`);
  return `CREATE INDEX IF NOT EXISTS ${q(sqlIndexName(table, index.name))} ON ${q(table)} (${[
    ...keys,
    `id ${direction(idOrder(index))}`,
  ].join(', ')})`;
};

export const dropIndexSql = (table: string, index: NormalizedIndex): string[] =>
  index.arrayField
    ? [
        ...['ai', 'au', 'ad'].map(
          (t) => `DROP TRIGGER IF EXISTS ${q(`${sideTableName(table, index.name)}__${t}`)}`,
        ),
        `DROP TABLE IF EXISTS ${q(sideTableName(table, index.name))}`,
      ]
    : [`DROP INDEX IF EXISTS ${q(sqlIndexName(table, index.name))}`];

/** Key expressions of the side table's columns, for the document `docRef` and its array element `j`. */
const sideKeys = (mk: MultikeyLayout, docRef: string): string[] =>
  mk.index.fields.map((f) =>
    f.field === mk.arrayField ? `coalesce(j.value, ${NULL_KEY})` : keyExpression(docRef, f.field),
  );

const sideInsertSql = (mk: MultikeyLayout, docRef: string, idRef: string, from: string): string => {
  const columns = [...mk.keyColumns.values(), 'id'].join(', ');
  // DISTINCT: an element listed twice is indexed once, so a single-value lookup yields each document once.
  return `INSERT INTO ${q(mk.table)} (${columns}) SELECT DISTINCT ${[...sideKeys(mk, docRef), idRef].join(', ')} FROM ${from}`;
};

/**
 * DDL for a multikey index: the side table and the triggers that maintain it. Rows are removed by their full key,
 * recomputed from the old document, so the side table needs no second index on `id` (which would cost another
 * b-tree insert per element). Backfill separately.
 */
export const createMultikeySql = (table: string, mk: MultikeyLayout): string[] => {
  const key = mk.index.fields.map((f, i) => `k${i} ${direction(f.order)}`);
  const side = q(mk.table);
  const each = (docRef: string) => `json_each(${docRef}, ${jsonPath(mk.arrayField)}) AS j`;
  const removeOld =
    `DELETE FROM ${side} WHERE (${[...mk.keyColumns.values(), 'id'].join(', ')}) IN ` +
    `(SELECT ${[...sideKeys(mk, 'OLD.doc'), 'OLD.id'].join(', ')} FROM ${each('OLD.doc')})`;
  return [
    `CREATE TABLE IF NOT EXISTS ${side} (${mk.index.fields.map((_, i) => `k${i} NOT NULL`).join(', ')}, ` +
      `id TEXT NOT NULL, PRIMARY KEY (${[...key, `id ${direction(idOrder(mk.index))}`].join(', ')})) WITHOUT ROWID`,
    `CREATE TRIGGER IF NOT EXISTS ${q(`${mk.table}__ai`)} AFTER INSERT ON ${q(table)} BEGIN ` +
      `${sideInsertSql(mk, 'NEW.doc', 'NEW.id', each('NEW.doc'))}; END`,
    `CREATE TRIGGER IF NOT EXISTS ${q(`${mk.table}__au`)} AFTER UPDATE OF doc ON ${q(table)} BEGIN ` +
      `${removeOld}; ${sideInsertSql(mk, 'NEW.doc', 'NEW.id', each('NEW.doc'))}; END`,
    `CREATE TRIGGER IF NOT EXISTS ${q(`${mk.table}__ad`)} AFTER DELETE ON ${q(table)} BEGIN ${removeOld}; END`,
  ];
};

/** Fills a new side table from the documents already in the collection. */
export const backfillMultikeySql = (table: string, mk: MultikeyLayout): string =>
  sideInsertSql(mk, 't.doc', 't.id', `${q(table)} AS t, json_each(t.doc, ${jsonPath(mk.arrayField)}) AS j`);
