import { type CursorPosition, decodeCursor, encodeCursor } from '../../read-store.cursor';
import {
  type Filter,
  type FindQuery,
  type Page,
  type ReadDocument,
  ReadStoreValidationError,
} from '../../read-store.port';
import {
  assertLimit,
  type FieldPredicate,
  normalizeFilter,
  normalizeSort,
  sortSignature,
} from '../../read-store.validation';
import { type SqliteLayout, hasTextFields, q, textMatch } from './sqlite-layout';
import { type SqlParam, type TextPlan, buildCount, buildFind } from './sqlite-query';
import type { SqliteStatements } from './sqlite-statements';

// The queries of the SQLite read store, each run by the store inside one read transaction with the resolution of
// its collection's layout (see SqliteReadStore's `read`).

interface FindRow {
  id: string;
  doc: string;
  [key: `k${number}`]: SqlParam;
}

/** Ids per `getMany` statement: bounds the JSON parameter and the result held at once. */
const GET_MANY_CHUNK = 5_000;

export function getDocument<T extends ReadDocument>(
  statements: SqliteStatements,
  layout: SqliteLayout,
  id: string,
): T | undefined {
  const doc = statements.get(`SELECT doc FROM ${q(layout.table)} WHERE id = ?`, true).get(id) as
    string | undefined;
  return doc === undefined ? undefined : (JSON.parse(doc) as T);
}

export function getDocuments<T extends ReadDocument>(
  statements: SqliteStatements,
  layout: SqliteLayout,
  unique: readonly string[],
): Map<string, T> {
  const found = new Map<string, T>();
  const statement = statements.get(
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
}

export function findPage<T extends ReadDocument>(
  statements: SqliteStatements,
  layout: SqliteLayout,
  query: FindQuery,
): Page<T> {
  const { sql, params, limit, signature, keyCount } = planFind(statements, layout, query);
  const rows = statements.get(sql).all(...params) as FindRow[];
  const items = rows.slice(0, limit).map((row) => JSON.parse(row.doc) as T);
  if (limit === undefined || rows.length <= limit) return { items };
  const last = rows[limit - 1];
  const values = Array.from({ length: keyCount }, (_, i) => {
    const key = last[`k${i}`];
    return key === -Infinity ? null : key;
  });
  return { items, nextCursor: encodeCursor(signature, { values, id: last.id }) };
}

export function countDocuments(statements: SqliteStatements, layout: SqliteLayout, filter?: Filter): number {
  const predicates = normalizeFilter(filter, layout.arrayFields, hasTextFields(layout));
  const plan = textPlanOf(statements, layout, predicates, COUNT_AS_PAGE);
  const { sql, params } = buildCount(layout, predicates, plan === 'drive' ? 'drive' : 'any');
  return statements.get(sql, true).get(...params) as number;
}

/**
 * What a document costs when the full-text index drives (looked up by rowid, its sort keys read, sorted), in entries
 * of an index walk (a step and a look in the matches' b-tree): about 16, measured in the benchmark's 100k store
 * (1,147 matches driven in 3.4 ms; 100,000 entries walked in 18 ms).
 */
const DRIVE_COST_IN_WALKED_ENTRIES = 16;
/** A count decides as a page of the web page's size would (it visits every match whichever way it goes). */
const COUNT_AS_PAGE = 21;

/**
 * The most matches for which the full-text index should drive a query fetching `fetch` rows of `rows`: driving costs
 * `matches × 16` walked entries, walking `fetch × rows / matches`, so it drives while `matches² < fetch × rows / 16`
 * (362 matches for a page of 21 in 100,000 documents, 1,145 in 1,000,000: 3 to 4 ms either way at the crossing).
 * A query without a limit reads every match anyway: it always drives.
 */
export function textDrivesUpTo(fetch: number | undefined, rows: number): number {
  if (fetch === undefined) return Number.MAX_SAFE_INTEGER;
  return Math.floor(Math.sqrt((fetch * rows) / DRIVE_COST_IN_WALKED_ENTRIES));
}

/**
 * How the full-text condition among `predicates`, if any, is served (see `TextPlan`): its matches are counted up to
 * the bound of `textDrivesUpTo` (a tenth of a millisecond for 1,000), the collection's size taken from its largest
 * rowid (rows are appended; where some were deleted this overstates the size, and the index drives a little more).
 */
export function textPlanOf(
  statements: SqliteStatements,
  layout: SqliteLayout,
  predicates: readonly FieldPredicate[],
  fetch: number | undefined,
): TextPlan | undefined {
  const text = predicates.find((p) => p.words);
  if (!text || !layout.textTable) return undefined;
  if (fetch === undefined) return 'drive';
  const fts = q(layout.textTable);
  const rows =
    (statements.get(`SELECT max(rowid) FROM ${q(layout.table)}`, true).get() as number | null) ?? 0;
  const bound = textDrivesUpTo(fetch, rows);
  const matches = statements
    .get(`SELECT count(*) FROM (SELECT rowid FROM ${fts} WHERE ${fts} MATCH ? LIMIT ?)`, true)
    .get(textMatch(text.words!), bound + 1) as number;
  return matches <= bound ? 'drive' : 'walk';
}

/** The SQL of a find, with what its page and cursor need. */
export function planFind(statements: SqliteStatements, layout: SqliteLayout, query: FindQuery) {
  if (typeof query !== 'object' || query === null) throw new ReadStoreValidationError('Invalid query');
  assertLimit(query.limit);
  const predicates = normalizeFilter(query.filter, layout.arrayFields, hasTextFields(layout));
  const sort = normalizeSort(query.sort, layout.arrayFields, predicates);
  const signature = sortSignature(sort);
  const keyCount = sort.length - 1;
  let after: CursorPosition | undefined;
  if (query.after !== undefined) after = decodeCursor(query.after, signature, keyCount);
  const limit = query.limit;
  const fetch = limit === undefined ? undefined : limit + 1;
  const built = buildFind(layout, {
    predicates,
    sort,
    after,
    fetch,
    textPlan: textPlanOf(statements, layout, predicates, fetch),
  });
  return { ...built, limit, signature, keyCount };
}
