// Pure translations of the read store's validated queries to MongoDB: filters, sorts, keyset ranges, index keys and
// documents. Every input has passed read-store.validation.ts, so field paths are plain dotted names.
import type { CursorPosition, CursorValue } from '../../read-store.cursor';
import { type FilterValue, type ReadDocument, ReadStoreValidationError } from '../../read-store.port';
import type { FieldPredicate, NormalizedIndex, SortKey } from '../../read-store.validation';

/** A MongoDB query or sort document: plain data, so this file needs no driver import. */
export type MongoQuery = Record<string, unknown>;
export type MongoSort = Record<string, 1 | -1>;

/** Physical collection of a version, as in the SQLite adapter and the port: `timeline__v2`. */
export const physicalCollection = (name: string, version: number): string => `${name}__v${version}`;

/** Our indexes carry this prefix, so that `_id_` and indexes made by hand are never dropped. */
export const INDEX_PREFIX = 'rs_';

/** The document id is MongoDB's `_id`. A field of the model named `_id` would clash with it and is refused. */
export function mongoPath(field: string): string {
  if (field === 'id') return '_id';
  if (field === '_id' || field.startsWith('_id.')) {
    throw new ReadStoreValidationError('The field _id is the document id in MongoDB: name it otherwise');
  }
  return field;
}

/** Conditions on one value (a field, or one element of an array field). */
function conditions(predicate: FieldPredicate): MongoQuery {
  const condition: MongoQuery = {};
  const { oneOf } = predicate;
  if (oneOf) {
    if (oneOf.length === 1) condition.$eq = oneOf[0];
    else condition.$in = oneOf;
  }
  for (const range of predicate.ranges) condition[range.op] = range.value;
  return condition;
}

/**
 * Filter -> query. MongoDB's own semantics are the port's: equality with null matches null and missing; ranges are
 * type-bracketed (a numeric bound matches numbers only, a string bound strings only); `$in: []` matches nothing; on an
 * array field equality and `$in` match an element. A condition on an array field with a range must hold for one
 * element as a whole, which is `$elemMatch` (without it, `{ $gte: 'r', $lt: 's' }` could match through two different
 * elements).
 */
export function toMongoFilter(predicates: readonly FieldPredicate[]): MongoQuery {
  const query: MongoQuery = {};
  for (const predicate of predicates) {
    if (predicate.words) {
      query.$text = { $search: textSearch(predicate.words) };
      continue;
    }
    const path = mongoPath(predicate.field);
    const condition = conditions(predicate);
    query[path] = predicate.array && predicate.ranges.length > 0 ? { $elemMatch: condition } : condition;
  }
  return query;
}

/** Sort keys (already ending with the id) -> sort document, in key order. */
export function toMongoSort(sort: readonly SortKey[]): MongoSort {
  const spec: MongoSort = {};
  for (const key of sort) spec[mongoPath(key.field)] = key.order === 'desc' ? -1 : 1;
  return spec;
}

/** A declared index -> its key: the declared fields, then `_id` in the direction of the last field. */
export function toIndexKey(index: NormalizedIndex): MongoSort {
  const key: MongoSort = {};
  for (const { field, order } of index.fields) key[mongoPath(field)] = order === 'desc' ? -1 : 1;
  key._id = index.fields[index.fields.length - 1].order === 'desc' ? -1 : 1;
  return key;
}

export const indexName = (index: NormalizedIndex): string => `${INDEX_PREFIX}${index.name}`;

/** Whether two index keys are the same fields in the same order and directions. */
export function sameIndexKey(a: Record<string, unknown>, b: Record<string, unknown>): boolean {
  const left = Object.entries(a);
  const right = Object.entries(b);
  return (
    left.length === right.length &&
    left.every(([field, direction], i) => right[i][0] === field && Number(right[i][1]) === Number(direction))
  );
}

/*
 * Keyset pagination. MongoDB sorts mixed types by BSON type order: null and missing first, then numbers, strings,
 * objects, arrays, ... booleans (https://www.mongodb.com/docs/manual/reference/bson-type-comparison-order/). Its
 * comparison operators, however, only compare within a type ($gt: 5 never matches a string). "After the cursor value
 * v" is therefore a union: greater values of v's own type, plus every value of a type that sorts after v's type. Each
 * part is a plain range on the field, so the planner turns it into index bounds.
 */
type TypeClass = 'null' | 'number' | 'string' | 'object' | 'boolean';
const CLASS_ORDER: readonly TypeClass[] = ['null', 'number', 'string', 'object', 'boolean'];

const typeClass = (value: CursorValue): TypeClass =>
  value === null
    ? 'null'
    : typeof value === 'number'
      ? 'number'
      : typeof value === 'string'
        ? 'string'
        : 'boolean';

/** Every value of a type class, as a range that brackets to that type. */
const wholeClass: Record<TypeClass, MongoQuery> = {
  null: { $eq: null },
  number: { $gte: Number.NEGATIVE_INFINITY },
  string: { $gte: '' },
  object: { $gte: {} },
  boolean: { $in: [false, true] },
};

/** Conditions (alternatives) on one field for "strictly after `value`" in the given order. */
export function afterValue(value: CursorValue, order: 'asc' | 'desc'): MongoQuery[] {
  const own = typeClass(value);
  const rank = CLASS_ORDER.indexOf(own);
  if (order === 'asc') {
    // Everything but null and missing, in one range.
    if (own === 'null') return [{ $ne: null }];
    const sameType = own === 'boolean' ? (value === false ? [{ $eq: true }] : []) : [{ $gt: value }];
    return [...sameType, ...CLASS_ORDER.slice(rank + 1).map((c) => wholeClass[c])];
  }
  if (own === 'null') return [];
  const sameType = own === 'boolean' ? (value === true ? [{ $eq: false }] : []) : [{ $lt: value }];
  return [...sameType, ...CLASS_ORDER.slice(0, rank).map((c) => wholeClass[c])];
}

/**
 * "After the cursor" in the sort order as one `$or` of conjunctions: for each key i, equal on the keys before it and
 * after it on key i. Every branch pins a prefix of the sort keys and ranges over the next, so an index on the sort
 * keys serves each branch. Returns the branches (to be ANDed with the filter).
 */
export function keysetBranches(sort: readonly SortKey[], cursor: CursorPosition): MongoQuery[] {
  const values: CursorValue[] = [...cursor.values, cursor.id];
  if (values.length !== sort.length) throw new ReadStoreValidationError('Cursor does not fit the sort');
  const branches: MongoQuery[] = [];
  const equal: MongoQuery = {};
  sort.forEach((key, i) => {
    const path = mongoPath(key.field);
    // Ids are strings: one range suffices.
    const ranges =
      key.field === 'id'
        ? [{ [key.order === 'desc' ? '$lt' : '$gt']: values[i] }]
        : afterValue(values[i], key.order);
    for (const range of ranges) branches.push({ ...equal, [path]: range });
    equal[path] = { $eq: values[i] };
  });
  return branches;
}

/** The filter ANDed with the keyset range (when there is a cursor). */
export function findQuery(filter: MongoQuery, sort: readonly SortKey[], after?: CursorPosition): MongoQuery {
  if (!after) return filter;
  const branches = keysetBranches(sort, after);
  const range: MongoQuery = branches.length === 1 ? branches[0] : { $or: branches };
  // `$text` stays at the top level, where the manual's restrictions on it are plainest.
  const { $text, ...rest } = filter;
  const combined = Object.keys(rest).length === 0 ? range : { $and: [rest, range] };
  return $text === undefined ? combined : { $text, ...combined };
}

/** The name of a collection's text index: outside {@link INDEX_PREFIX}, so pruning never drops it. */
export const TEXT_INDEX_NAME = 'text_search';

/**
 * The text index of the declared text fields. `default_language: 'none'`: no stemming and no stop words, so a word
 * is found as written (as in SQLite FTS5's unicode61); a field of the documents named `language` would otherwise
 * choose the language per document, hence a `language_override` no document has. Text index version 3 (the
 * default since MongoDB 3.2) ignores case and diacritics. MongoDB manual, "Text Indexes" and "Specify the Default
 * Language for a Text Index".
 */
export const textIndexSpec = (fields: readonly string[]) => ({
  key: Object.fromEntries(fields.map((f) => [mongoPath(f), 'text' as const])),
  options: { name: TEXT_INDEX_NAME, default_language: 'none', language_override: '_rs_language' },
});

/**
 * Every word a quoted phrase: a `$text` search for plain terms ORs them, while each quoted phrase must occur in a
 * matching document (MongoDB manual, `$text`, "Phrases"; server `fts_matcher.cpp`, positivePhrasesMatch). One
 * difference from SQLite remains: a phrase is matched as a substring of the text (case and diacritics ignored),
 * so, of documents the index finds by another word, `rapport` also matches `rapporten`.
 */
export const textSearch = (words: readonly string[]): string => words.map((w) => `"${w}"`).join(' ');

/** The value of a dotted path in a document; undefined when a step is missing or not an object. */
export function valueAt(doc: Record<string, unknown>, field: string): unknown {
  let current: unknown = doc;
  for (const segment of field.split('.')) {
    if (typeof current !== 'object' || current === null || Array.isArray(current)) return undefined;
    current = (current as Record<string, unknown>)[segment];
  }
  return current;
}

/** The cursor of the last document of a page: its sort values (null for null or missing) and its id. */
export function cursorOf(doc: ReadDocument, sort: readonly SortKey[]): CursorPosition {
  const values = sort.slice(0, -1).map((key): CursorValue => {
    const value = valueAt(doc, key.field);
    if (value === undefined || value === null) return null;
    if (typeof value === 'object') {
      throw new ReadStoreValidationError(
        `Cannot page on ${key.field}: document ${doc.id} holds an object or array there`,
      );
    }
    return value as FilterValue;
  });
  return { values, id: doc.id };
}

/** Port document -> stored document: JSON semantics (as the SQLite adapter stores JSON text), id as `_id`. */
export function toStoredDocument(json: string): Record<string, unknown> & { _id: string } {
  const { id, ...rest } = JSON.parse(json) as ReadDocument;
  if ('_id' in rest) {
    throw new ReadStoreValidationError(`Document ${id}: the field _id is the document id in MongoDB`);
  }
  return { _id: id, ...rest };
}

/** Stored document -> port document. */
export function fromStoredDocument<T extends ReadDocument>(stored: Record<string, unknown>): T {
  const { _id, ...rest } = stored;
  return { id: _id as string, ...rest } as T;
}

/** The field an aggregation adds for a sort led by an array field: the document's smallest element in the range. */
export const ELEMENT_KEY = '_rs_key';

/**
 * A find whose sort is led by an array field within the filter's range (see the port's `SortField`), as an
 * aggregation: a `find` cannot express it, since MongoDB sorts an array by its smallest element whatever the query
 * (MongoDB manual, `cursor.sort()`, "Sort by an Array Field"; since 3.6 the filter is not considered). The `$match`
 * leads, so the multikey index serves the range (and a `$text` condition may stand there, as it must come first);
 * the key is the least element in the range that is a string (`$filter`, `$min`), compared as the query's type
 * bracketing compares; `$sort` followed by `$limit` keeps only the page in memory (manual, "$sort + $limit
 * Coalescence"), but reads every match: no index gives this order on MongoDB.
 */
export function elementSortPipeline(
  predicates: readonly FieldPredicate[],
  keys: readonly SortKey[],
  after: CursorPosition | undefined,
  limit: number | undefined,
): MongoQuery[] {
  const [lead, ...rest] = keys;
  const sortKeys = [{ field: ELEMENT_KEY, order: lead.order }, ...rest];
  const path = `$${mongoPath(lead.field)}`;
  const inRange = [
    { $eq: [{ $type: '$$e' }, 'string'] },
    ...(lead.within ?? []).map((r) => ({ [r.op]: ['$$e', r.value] })),
  ];
  const elements = { $cond: [{ $isArray: path }, path, [path]] };
  return [
    { $match: toMongoFilter(predicates) },
    {
      $addFields: {
        [ELEMENT_KEY]: { $min: { $filter: { input: elements, as: 'e', cond: { $and: inRange } } } },
      },
    },
    ...(after ? [{ $match: { $or: keysetBranches(sortKeys, after) } }] : []),
    { $sort: toMongoSort(sortKeys) },
    ...(limit === undefined ? [] : [{ $limit: limit + 1 }]),
  ];
}
