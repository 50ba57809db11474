import { type CursorPosition, decodeCursor, encodeCursor } from '../../read-store.cursor';
import {
  type Filter,
  type FindQuery,
  type Page,
  type ReadDocument,
  ReadStoreValidationError,
} from '../../read-store.port';
import { assertLimit, normalizeFilter, normalizeSort, sortSignature } from '../../read-store.validation';
import { type SqliteLayout, q } from './sqlite-layout';
import { type SqlParam, buildCount, buildFind } from './sqlite-query';
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
  const { sql, params, limit, signature, keyCount } = planFind(layout, query);
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
  const { sql, params } = buildCount(
    layout,
    normalizeFilter(filter, layout.arrayFields, layout.textTable !== undefined),
  );
  return statements.get(sql, true).get(...params) as number;
}

/** The SQL of a find, with what its page and cursor need. */
export function planFind(layout: SqliteLayout, query: FindQuery) {
  if (typeof query !== 'object' || query === null) throw new ReadStoreValidationError('Invalid query');
  assertLimit(query.limit);
  const predicates = normalizeFilter(query.filter, layout.arrayFields, layout.textTable !== undefined);
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
