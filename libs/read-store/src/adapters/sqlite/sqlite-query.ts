// Builds the SQL of find and count. Pure: validated predicates and sort keys in, SQL text and parameters out.
// Field names reach the SQL only as validated identifiers and JSON paths; every value is a bound parameter.
import { CursorPosition } from '../../read-store.cursor';
import { FilterValue } from '../../read-store.port';
import { FieldPredicate, SortKey } from '../../read-store.validation';
import {
  MultikeyLayout,
  NULL_KEY,
  SqliteLayout,
  jsonPath,
  keyExpression,
  q,
  TEXT_MATCH_FUNCTION,
  textExpression,
  textMatch,
} from './sqlite-layout';

export type SqlParam = string | number;

export interface BuiltQuery {
  sql: string;
  params: SqlParam[];
}

/** Where the rows come from: the collection table, or a multikey side table driving a join to it. */
interface AccessPath {
  from: string;
  /** SQL key expression of a field (`id` included). */
  key(field: string): string;
  /** Predicates the path already applies, and their SQL. */
  driver?: { predicate: FieldPredicate; sql: string; params: SqlParam[] };
}

const OPERATOR_SQL = { $gt: '>', $gte: '>=', $lt: '<', $lte: '<=' } as const;

/** SQLite reads JSON true and false as 1 and 0: where those numbers are sought, the JSON type tells them apart. */
const NOT_BOOLEAN = (type: string) => `${type} NOT IN ('true', 'false')`;
const isZeroOrOne = (v: unknown): boolean => v === 0 || v === 1;

const toParam = (value: string | number | boolean): SqlParam =>
  typeof value === 'boolean' ? (value ? 1 : 0) : value;

/** The bounds of a range, as SQL comparisons of `value` with the parameters `bound(i)`. */
const boundsSql = (ranges: FieldPredicate['ranges'], value: string, bound: (i: number) => string): string[] =>
  ranges.map((r, i) => `${value} ${OPERATOR_SQL[r.op]} ${bound(i)}`);

const isLowerBound = (r: FieldPredicate['ranges'][number]): boolean => r.op === '$gt' || r.op === '$gte';

/**
 * The sort key of an array field that leads a sort, where no side table serves it: its smallest element within the
 * range (a string bound excludes numbers, booleans and null, as type bracketing wants), computed per document with
 * the bounds read from the query's `range` CTE.
 */
const elementKey = (field: string, within: FieldPredicate['ranges']): string =>
  `(SELECT min(j.value) FROM json_each(t.doc, ${jsonPath(field)}) AS j ` +
  `WHERE ${boundsSql(within, 'j.value', (i) => `(SELECT b${i} FROM range)`).join(' AND ')})`;

/** `WITH range(b0, ..)`: the bounds of an array key computed per document, bound first (the CTE leads the SQL). */
const rangeCte = (sort: readonly SortKey[], params: SqlParam[]): string => {
  const within = sort[0]?.within;
  if (!within) return '';
  params.push(...within.map((r) => r.value));
  return `WITH range(${within.map((_, i) => `b${i}`).join(', ')}) AS (SELECT ${within.map(() => '?').join(', ')}) `;
};

const tablePath = (layout: SqliteLayout, sort: readonly SortKey[] = []): AccessPath => ({
  from: `${q(layout.table)} AS t`,
  key: (field) => {
    if (field === 'id') return 't.id';
    if (sort[0]?.within && field === sort[0].field) return elementKey(field, sort[0].within);
    const column = layout.columns.get(field);
    return column ? `t.${q(column)}` : keyExpression('t.doc', field);
  },
});

/**
 * An array field leads the sort within a range (a typeahead's prefix on name keys): its multikey index's side table
 * holds one row per element in (element, next fields, id) order, which is the sort's order, so the range is walked in
 * that order and the query stops after a page. A document appears once, at its smallest element in the range: a row
 * whose document holds a smaller element in the range is skipped (its few elements read from the document).
 */
const rangeSortPath = (
  layout: SqliteLayout,
  mk: MultikeyLayout,
  predicate: FieldPredicate,
  sort: readonly SortKey[],
  from: unknown,
): AccessPath => {
  const table = tablePath(layout, sort);
  const lower = predicate.ranges.filter(isLowerBound);
  // A later page starts at its cursor's key: where that key is within the lower bounds, the keyset implies them,
  // and left out they leave SQLite the keyset's row value to seek to (given both, it seeks to the lower bound and
  // walks up to the cursor).
  const implied =
    typeof from === 'string' && lower.every((r) => (r.op === '$gt' ? from > r.value : from >= r.value));
  const ranges = implied ? predicate.ranges.filter((r) => !isLowerBound(r)) : predicate.ranges;
  const params = [...ranges, ...lower].map((r) => r.value);
  return {
    from: `${q(mk.table)} AS s CROSS JOIN ${q(layout.table)} AS t ON t.id = s.id`,
    key: (field) =>
      field === 'id' ? 's.id' : mk.keyColumns.has(field) ? `s.${mk.keyColumns.get(field)}` : table.key(field),
    driver: {
      predicate,
      sql: [
        ...boundsSql(ranges, 's.k0', () => '?'),
        `NOT EXISTS (SELECT 1 FROM json_each(t.doc, ${jsonPath(mk.arrayField)}) AS j WHERE ` +
          `${[...boundsSql(lower, 'j.value', () => '?'), 'j.value < s.k0'].join(' AND ')})`,
      ].join(' AND '),
      params,
    },
  };
};

/** A multikey index drives the query when the filter pins its leading array field to one value. */
const sidePath = (
  layout: SqliteLayout,
  mk: MultikeyLayout,
  predicate: FieldPredicate,
  sort: readonly SortKey[],
): AccessPath => {
  const table = tablePath(layout, sort);
  const value = predicate.oneOf![0] as string | number;
  return {
    // CROSS JOIN fixes the loop order: walk the side table in key order, look each document up by id.
    from: `${q(mk.table)} AS s CROSS JOIN ${q(layout.table)} AS t ON t.id = s.id`,
    key: (field) => {
      if (field === 'id') return 's.id';
      const column = field === mk.arrayField ? undefined : mk.keyColumns.get(field);
      return column ? `s.${column}` : table.key(field);
    },
    driver: { predicate, sql: 's.k0 = ?', params: [value] },
  };
};

/**
 * How a full-text condition is served, from how many documents it matches (the reader counts them, up to a bound):
 * - `drive`: few. The FTS5 index drives the query (`textPath`): its matches, each document looked up by rowid, the
 *   other conditions checked on it, the page sorted from them; the cost follows the matches, not the collection.
 * - `walk`: many. The query walks the sort's index (or another condition's) and checks each entry against the
 *   matches, read once into a temporary b-tree: a page of a common word is found after `limit × rows / matches`
 *   entries. Left to choose, SQLite takes the matches as the access path (the rowid IN list) for any word, looks
 *   every one up and sorts them all: 280 ms for a word in a quarter of 100,000 entries, where the walk takes 3 ms.
 * - `any`: SQLite chooses (a count, which visits every match whichever way it goes).
 */
export type TextPlan = 'drive' | 'walk' | 'any';

const textPath = (layout: SqliteLayout, predicate: FieldPredicate, sort: readonly SortKey[]): AccessPath => {
  const fts = q(layout.textTable!);
  return {
    // CROSS JOIN fixes the loop order: the matches first, then each one's document.
    from: `${fts} CROSS JOIN ${q(layout.table)} AS t ON t.rowid = ${fts}.rowid`,
    key: tablePath(layout, sort).key,
    driver: { predicate, sql: `${fts} MATCH ?`, params: [textMatch(predicate.words!)] },
  };
};

/** Booleans share the keys 1 and 0 in the side table, so those two numbers are left to the exact path. */
const isDriver = (p: FieldPredicate): boolean =>
  p.array &&
  p.ranges.length === 0 &&
  p.oneOf?.length === 1 &&
  (typeof p.oneOf[0] === 'string' || (typeof p.oneOf[0] === 'number' && !isZeroOrOne(p.oneOf[0])));

/** How many leading sort keys a side table delivers in order once its first (array) key is pinned. */
const sortMatch = (mk: MultikeyLayout, sort: readonly SortKey[]): number => {
  const fields = mk.index.fields;
  const delivered = [...fields.slice(1), { field: 'id', order: fields[fields.length - 1].order }];
  let matched = 0;
  let flipped: boolean | undefined;
  for (let i = 0; i < sort.length && i < delivered.length; i++) {
    if (sort[i].field !== delivered[i].field) break;
    const flip = sort[i].order !== delivered[i].order;
    if (flipped !== undefined && flip !== flipped) break;
    flipped = flip;
    matched++;
  }
  return matched;
};

/** Where a query's rows come from: a full-text index that drives, a multikey side table, or the collection's table. */
export function chooseAccessPath(
  layout: SqliteLayout,
  predicates: readonly FieldPredicate[],
  sort: readonly SortKey[],
  textPlan: TextPlan = 'any',
  after?: CursorPosition,
): AccessPath {
  const text = textPlan === 'drive' && layout.textTable ? predicates.find((p) => p.words) : undefined;
  if (text) return textPath(layout, text, sort);
  const leading = sort[0]?.within ? sort[0].field : undefined;
  const ranged = layout.multikey.find((mk) => leading !== undefined && mk.index.fields[0].field === leading);
  if (ranged) {
    const predicate = predicates.find((p) => p.field === leading)!;
    return rangeSortPath(layout, ranged, predicate, sort, after?.values[0]);
  }
  let best: { mk: MultikeyLayout; predicate: FieldPredicate; score: number } | undefined;
  for (const predicate of predicates.filter(isDriver)) {
    for (const mk of layout.multikey) {
      if (mk.index.fields[0].field !== predicate.field) continue;
      const score = sortMatch(mk, sort);
      if (!best || score > best.score) best = { mk, predicate, score };
    }
  }
  return best ? sidePath(layout, best.mk, best.predicate, sort) : tablePath(layout, sort);
}

/** Equality with any of `values`; `type` is the JSON type expression of the value compared. */
const oneOfSql = (values: readonly FilterValue[], key: string, type: string, params: SqlParam[]): string => {
  const terms: string[] = [];
  const plain = values.filter((v): v is string | number => typeof v === 'string' || typeof v === 'number');
  const guard = plain.some(isZeroOrOne) ? ` AND ${NOT_BOOLEAN(type)}` : '';
  if (plain.length === 1) {
    terms.push(guard ? `(${key} = ?${guard})` : `${key} = ?`);
    params.push(plain[0]);
  } else if (plain.length > 1) {
    // One parameter whatever the list's length: one cached statement, no bound-variable limit.
    const inList = `${key} IN (SELECT value FROM json_each(?))`;
    terms.push(guard ? `(${inList}${guard})` : inList);
    params.push(JSON.stringify(plain));
  }
  if (values.includes(null)) terms.push(`${key} = ${NULL_KEY}`);
  for (const b of values.filter((v): v is boolean => typeof v === 'boolean')) {
    terms.push(`(${key} = ${b ? 1 : 0} AND ${type} = '${b ? 'true' : 'false'}')`);
  }
  if (terms.length === 0) return '0';
  return terms.length === 1 ? terms[0] : `(${terms.join(' OR ')})`;
};

/**
 * Range bounds with MongoDB type bracketing: null/missing (-Infinity) < numbers < strings in SQLite's order, so a
 * numeric range is closed by `> -Infinity` and `< ''`, and a string range by `>= ''`.
 */
const rangeSql = (p: FieldPredicate, key: string, type: string, params: SqlParam[]): string[] => {
  if (p.ranges.length === 0) return [];
  const terms = p.ranges.map((r) => {
    params.push(r.value);
    return `${key} ${OPERATOR_SQL[r.op]} ?`;
  });
  const hasLower = p.ranges.some((r) => r.op === '$gt' || r.op === '$gte');
  const hasUpper = p.ranges.some((r) => r.op === '$lt' || r.op === '$lte');
  if (p.rangeType === 'number') {
    if (!hasLower) terms.push(`${key} > ${NULL_KEY}`);
    if (!hasUpper) terms.push(`${key} < ''`);
    if ([0, 1].some((n) => inRange(p, n))) terms.push(NOT_BOOLEAN(type));
  } else if (!hasLower) {
    terms.push(`${key} >= ''`);
  }
  return terms;
};

const inRange = (p: FieldPredicate, n: number): boolean =>
  p.ranges.every(({ op, value }) => {
    const v = value as number;
    return op === '$gt' ? n > v : op === '$gte' ? n >= v : op === '$lt' ? n < v : n <= v;
  });

/** The side table that serves a string range with a lower bound on its leading array field, if any. */
const rangeSide = (p: FieldPredicate, layout: SqliteLayout): MultikeyLayout | undefined =>
  p.array && !p.oneOf && p.rangeType === 'string' && p.ranges.some((r) => r.op === '$gt' || r.op === '$gte')
    ? layout.multikey.find((mk) => mk.index.fields[0].field === p.field)
    : undefined;

const predicateSql = (
  p: FieldPredicate,
  path: AccessPath,
  params: SqlParam[],
  layout: SqliteLayout,
  textPlan: TextPlan,
): string => {
  if (p.words) {
    if (!layout.textTable) {
      // The version's FTS5 table is not built yet (its indexes are deferred): each document's words are matched.
      params.push(p.words.join(' '));
      return `${TEXT_MATCH_FUNCTION}(${textExpression('t.doc', layout.declaration.textFields!)}, ?)`;
    }
    const fts = q(layout.textTable);
    params.push(textMatch(p.words));
    // A unary plus keeps the matches from being the access path, so the walk is taken (SQLite, "The SQLite Query
    // Optimizer Overview", section "Disqualifying WHERE Clause Terms Using Unary-'+'").
    return `${textPlan === 'walk' ? '+' : ''}t.rowid IN (SELECT rowid FROM ${fts} WHERE ${fts} MATCH ?)`;
  }
  if (p.field === 'id') {
    // The id is a non-null string: other types never match it.
    const strings = p.oneOf?.filter((v) => typeof v === 'string');
    if (p.rangeType === 'number' || (p.oneOf && strings!.length === 0)) return '0';
    return [
      ...(strings ? [oneOfSql(strings, path.key('id'), "'text'", params)] : []),
      ...rangeSql(p, path.key('id'), "'text'", params),
    ].join(' AND ');
  }
  if (!p.array) {
    const key = path.key(p.field);
    const type = `json_type(t.doc, ${jsonPath(p.field)})`;
    return [
      ...(p.oneOf ? [oneOfSql(p.oneOf, key, type, params)] : []),
      ...rangeSql(p, key, type, params),
    ].join(' AND ');
  }
  const side = rangeSide(p, layout);
  if (side) {
    // A string range on the leading array field of a multikey index (a typeahead's prefix): the side table's rows
    // are the elements, in key order, so the range is an index range there instead of a json_each per document.
    // A lower string bound excludes numbers, booleans (1, 0) and null (-Infinity), as type bracketing wants.
    const bounds = p.ranges.map((r) => {
      params.push(r.value);
      return `s.k0 ${OPERATOR_SQL[r.op]} ?`;
    });
    return `t.id IN (SELECT s.id FROM ${q(side.table)} AS s WHERE ${bounds.join(' AND ')})`;
  }
  // Array field: one element must satisfy every condition ($elemMatch); a scalar value counts as one element.
  const element = `coalesce(j.value, ${NULL_KEY})`;
  const inner = [
    ...(p.oneOf ? [oneOfSql(p.oneOf, element, 'j.type', params)] : []),
    ...rangeSql(p, element, 'j.type', params),
  ];
  const exists = `EXISTS (SELECT 1 FROM json_each(t.doc, ${jsonPath(p.field)}) AS j WHERE ${inner.join(' AND ')})`;
  // As in MongoDB, equality with null also matches a document without the field.
  return p.oneOf?.includes(null) && p.ranges.length === 0
    ? `(json_type(t.doc, ${jsonPath(p.field)}) IS NULL OR ${exists})`
    : exists;
};

const whereSql = (
  predicates: readonly FieldPredicate[],
  path: AccessPath,
  params: SqlParam[],
  layout: SqliteLayout,
  textPlan: TextPlan,
): string[] => {
  const terms: string[] = [];
  if (path.driver) {
    terms.push(path.driver.sql);
    params.push(...path.driver.params);
  }
  for (const p of predicates)
    if (p !== path.driver?.predicate) terms.push(predicateSql(p, path, params, layout, textPlan));
  return terms;
};

/** Cursor values as bound parameters: null (null/missing) is the -Infinity key. */
const cursorParams = (cursor: CursorPosition): SqlParam[] => [
  ...cursor.values.map((v) => (v === null ? -Infinity : toParam(v))),
  cursor.id,
];

/**
 * "After the cursor" in the sort order. One direction: a row-value comparison, which SQLite turns into an index
 * seek. Mixed directions: the expanded lexicographic form, led by a bound on the first key that narrows the scan.
 */
export const keysetSql = (
  keys: readonly string[],
  orders: readonly ('asc' | 'desc')[],
  values: SqlParam[],
  params: SqlParam[],
): string => {
  const after = (order: 'asc' | 'desc') => (order === 'asc' ? '>' : '<');
  if (orders.every((o) => o === orders[0])) {
    params.push(...values);
    return keys.length === 1
      ? `${keys[0]} ${after(orders[0])} ?`
      : `(${keys.join(', ')}) ${after(orders[0])} (${keys.map(() => '?').join(', ')})`;
  }
  params.push(values[0]);
  const lead = `${keys[0]} ${after(orders[0])}= ?`;
  const expand = (i: number): string => {
    params.push(values[i]);
    const strict = `${keys[i]} ${after(orders[i])} ?`;
    if (i === keys.length - 1) return strict;
    params.push(values[i]);
    return `(${strict} OR (${keys[i]} = ? AND ${expand(i + 1)}))`;
  };
  return `${lead} AND ${expand(0)}`;
};

export interface FindSpec {
  predicates: readonly FieldPredicate[];
  /** Normalised: ends with the id key. */
  sort: readonly SortKey[];
  after?: CursorPosition;
  /** Rows to fetch (page size plus one, to know whether another page follows). */
  fetch?: number;
  /** How a full-text condition is served (SQLite chooses unless told). */
  textPlan?: TextPlan;
}

/** Selects `id`, `doc` and the sort keys `k0..` (for the next cursor). */
export function buildFind(layout: SqliteLayout, spec: FindSpec): BuiltQuery {
  const textPlan = spec.textPlan ?? 'any';
  const path = chooseAccessPath(layout, spec.predicates, spec.sort, textPlan, spec.after);
  const params: SqlParam[] = [];
  const cte = rangeCte(spec.sort, params);
  const keys = spec.sort.map((k) => path.key(k.field));
  const where = whereSql(spec.predicates, path, params, layout, textPlan);
  if (spec.after) {
    where.push(
      keysetSql(
        keys,
        spec.sort.map((k) => k.order),
        cursorParams(spec.after),
        params,
      ),
    );
  }
  const select = ['t.id AS id', 't.doc AS doc', ...keys.slice(0, -1).map((k, i) => `${k} AS k${i}`)];
  let sql = `${cte}SELECT ${select.join(', ')} FROM ${path.from}`;
  if (where.length) sql += ` WHERE ${where.join(' AND ')}`;
  sql += ` ORDER BY ${spec.sort.map((k, i) => `${keys[i]} ${k.order === 'desc' ? 'DESC' : 'ASC'}`).join(', ')}`;
  if (spec.fetch !== undefined) {
    sql += ' LIMIT ?';
    params.push(spec.fetch);
  }
  return { sql, params };
}

/**
 * `textPlan`: `drive` for a full-text condition with few matches; otherwise SQLite chooses. A count of the full-text
 * condition alone is the count of its matches in the FTS5 index, which its triggers keep to one row per document in
 * the same transaction: no document is read.
 */
export function buildCount(
  layout: SqliteLayout,
  predicates: readonly FieldPredicate[],
  textPlan: TextPlan = 'any',
): BuiltQuery {
  const [only] = predicates;
  if (predicates.length === 1 && only.words && layout.textTable) {
    const fts = q(layout.textTable);
    return { sql: `SELECT count(*) AS n FROM ${fts} WHERE ${fts} MATCH ?`, params: [textMatch(only.words)] };
  }
  const path = chooseAccessPath(layout, predicates, [], textPlan);
  const params: SqlParam[] = [];
  const where = whereSql(predicates, path, params, layout, textPlan);
  return {
    sql: `SELECT count(*) AS n FROM ${path.from}${where.length ? ` WHERE ${where.join(' AND ')}` : ''}`,
    params,
  };
}
