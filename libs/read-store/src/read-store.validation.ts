// Validation and normalisation shared by every adapter: whatever reaches an adapter's query builder has passed
// through here, so names and fields are safe to inline and values are plain scalars to bind.
import {
  CheckpointState,
  CheckpointWrite,
  CollectionDeclaration,
  CollectionRef,
  FieldOperators,
  Filter,
  FilterValue,
  RangeValue,
  ReadStoreValidationError,
  SortField,
  SortOrder,
  TEXT_FILTER,
} from './read-store.port';

export const MAX_ID_LENGTH = 1024;
export const MAX_IN_VALUES = 10_000;
/** MongoDB's BSON document limit; kept on every adapter so a model that works embedded also works in production. */
export const MAX_DOCUMENT_CHARS = 16 * 1024 * 1024;

const COLLECTION_NAME = /^[a-z][a-z0-9_]{0,63}$/;
const INDEX_NAME = /^[a-z0-9_]{1,48}$/;
const FIELD_SEGMENT = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;
const MAX_FIELD_DEPTH = 8;
const MAX_INDEX_FIELDS = 8;
const MAX_SORT_FIELDS = 8;
const MAX_FILTER_FIELDS = 32;
const MAX_VERSION = 1_000_000;
const CHECKPOINT_STATES: readonly CheckpointState[] = ['running', 'failed'];
const RANGE_OPERATORS = ['$gt', '$gte', '$lt', '$lte'] as const;
const OPERATORS = new Set<string>(['$eq', '$in', ...RANGE_OPERATORS]);

export type RangeOperator = (typeof RANGE_OPERATORS)[number];

export interface NormalizedIndex {
  name: string;
  fields: { field: string; order: SortOrder }[];
  /** The one array field of a multikey index. */
  arrayField?: string;
}

export interface NormalizedDeclaration {
  name: string;
  /** Sorted, so that equal declarations serialise equally. */
  arrayFields: string[];
  indexes: NormalizedIndex[];
  /** Sorted; absent when none (so that declarations made before text fields existed serialise as they did). */
  textFields?: string[];
}

/** The conditions on one field after validation; all must hold (on one element, for an array field). */
export interface FieldPredicate {
  field: string;
  array: boolean;
  /** Equality with any of these; from a plain value, `$eq` and `$in` (intersected). Empty: matches nothing. */
  oneOf?: FilterValue[];
  ranges: { op: RangeOperator; value: RangeValue }[];
  /** The type of every range bound, for MongoDB-style type bracketing. */
  rangeType?: 'string' | 'number';
  /** A full-text condition (field `$text`): the folded words that must all occur in the text fields. */
  words?: string[];
}

export interface SortKey {
  field: string;
  order: SortOrder;
  /**
   * On an array field (only as the first key): the filter's string range on it. A document sorts by its smallest
   * element within the range, and appears once (see `SortField`).
   */
  within?: FieldPredicate['ranges'];
}

const fail = (message: string): never => {
  throw new ReadStoreValidationError(message);
};

const describe = (value: unknown): string => {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
};

const isPlainObject = (value: unknown): value is Record<string, unknown> => {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
};

export function assertCollectionName(name: unknown): asserts name is string {
  if (typeof name !== 'string' || !COLLECTION_NAME.test(name) || name.includes('__')) {
    fail(
      `Invalid collection name ${describe(name)}: use [a-z][a-z0-9_]*, at most 64 characters, without "__"`,
    );
  }
}

export function assertIndexName(name: unknown): asserts name is string {
  if (typeof name !== 'string' || !INDEX_NAME.test(name)) {
    fail(`Invalid index name ${describe(name)}: use [a-z0-9_], at most 48 characters`);
  }
}

export function assertFieldPath(field: unknown): asserts field is string {
  if (typeof field !== 'string') return fail(`Invalid field ${describe(field)}: not a string`);
  const segments = field.split('.');
  if (segments.length > MAX_FIELD_DEPTH || !segments.every((segment) => FIELD_SEGMENT.test(segment))) {
    fail(`Invalid field ${describe(field)}: use dot-separated names of [A-Za-z_][A-Za-z0-9_]*`);
  }
}

export function assertVersion(version: unknown): asserts version is number {
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1 || version > MAX_VERSION) {
    fail(`Invalid version ${describe(version)}: a positive integer`);
  }
}

export function normalizeCollectionRef(ref: CollectionRef): { name: string; version?: number } {
  if (typeof ref === 'string') {
    assertCollectionName(ref);
    return { name: ref };
  }
  if (!isPlainObject(ref)) return fail(`Invalid collection ${describe(ref)}`);
  assertCollectionName(ref.name);
  assertVersion(ref.version);
  return { name: ref.name, version: ref.version };
}

const assertOrder = (order: unknown, where: string): SortOrder => {
  if (order === undefined) return 'asc';
  if (order !== 'asc' && order !== 'desc') return fail(`Invalid order ${describe(order)} in ${where}`);
  return order;
};

// FNV-1a: a short, stable suffix that keeps derived index names distinct after lower-casing and truncation.
const shortHash = (text: string): string => {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0').slice(0, 6);
};

/** The name an index gets when its declaration has none, e.g. `doetankid_occurredat_desc_1a2b3c`. */
export function defaultIndexName(fields: readonly { field: string; order: SortOrder }[]): string {
  const spec = fields.map((f) => `${f.field}:${f.order}`).join(',');
  const readable = fields
    .map((f) => f.field.toLowerCase().replace(/\./g, '_') + (f.order === 'desc' ? '_desc' : ''))
    .join('_')
    .slice(0, 40);
  return `${readable}_${shortHash(spec)}`;
}

/** Validates a declaration and puts it in a canonical form (defaults filled in, array fields sorted). */
export function normalizeDeclaration(declaration: CollectionDeclaration): NormalizedDeclaration {
  if (!isPlainObject(declaration)) return fail(`Invalid collection declaration ${describe(declaration)}`);
  const { name } = declaration;
  assertCollectionName(name);
  const arrayFieldList = declaration.arrayFields ?? [];
  if (!Array.isArray(arrayFieldList)) return fail(`arrayFields of ${name} must be a list`);
  const arrayFields = new Set<string>();
  for (const field of arrayFieldList) {
    assertFieldPath(field);
    if (field === 'id') fail(`The id of ${name} cannot be an array field`);
    if (arrayFields.has(field)) fail(`Array field ${field} of ${name} is declared twice`);
    arrayFields.add(field);
  }
  const indexList = declaration.indexes ?? [];
  if (!Array.isArray(indexList)) return fail(`indexes of ${name} must be a list`);
  const indexes: NormalizedIndex[] = [];
  for (const index of indexList) {
    if (!isPlainObject(index) || !Array.isArray(index.fields)) return fail(`Invalid index in ${name}`);
    const fieldList = index.fields as readonly unknown[];
    if (fieldList.length === 0 || fieldList.length > MAX_INDEX_FIELDS) {
      fail(`An index of ${name} needs 1 to ${MAX_INDEX_FIELDS} fields`);
    }
    const fields: { field: string; order: SortOrder }[] = [];
    for (const entry of fieldList) {
      if (!isPlainObject(entry)) return fail(`Invalid index field ${describe(entry)} in ${name}`);
      assertFieldPath(entry.field);
      if (entry.field === 'id') fail(`Index of ${name}: id is implicit as the last key of every index`);
      if (fields.some((f) => f.field === entry.field)) fail(`Index of ${name} names ${entry.field} twice`);
      fields.push({ field: entry.field, order: assertOrder(entry.order, `index of ${name}`) });
    }
    const arrays = fields.filter((f) => arrayFields.has(f.field));
    if (arrays.length > 1) fail(`An index of ${name} may hold one array field, not ${arrays.length}`);
    const indexName = index.name ?? defaultIndexName(fields);
    assertIndexName(indexName);
    if (indexes.some((i) => i.name === indexName)) fail(`Index name ${indexName} is used twice in ${name}`);
    indexes.push({ name: indexName, fields, ...(arrays.length ? { arrayField: arrays[0].field } : {}) });
  }
  const textFields = normalizeTextFields(declaration.textFields, name, arrayFields);
  return {
    name,
    arrayFields: [...arrayFields].sort(),
    indexes,
    ...(textFields.length > 0 && { textFields }),
  };
}

const MAX_TEXT_FIELDS = 8;
const MAX_TEXT_WORDS = 16;
const MAX_WORD_LENGTH = 100;

function normalizeTextFields(list: unknown, name: string, arrayFields: ReadonlySet<string>): string[] {
  if (list === undefined) return [];
  if (!Array.isArray(list) || list.length > MAX_TEXT_FIELDS) {
    return fail(`textFields of ${name} must be a list of at most ${MAX_TEXT_FIELDS} fields`);
  }
  for (const field of list as unknown[]) {
    assertFieldPath(field);
    if (field === 'id' || arrayFields.has(field))
      fail(`Text field ${field} of ${name} must be a string field`);
  }
  if (new Set(list).size !== list.length) fail(`A text field of ${name} is declared twice`);
  return [...(list as string[])].sort();
}

/**
 * The words of a text as full-text search sees them: lower case, accents dropped, everything that is not a letter
 * or digit a separator (as SQLite FTS5's unicode61 tokenizer with remove_diacritics 2, and MongoDB's text index
 * version 3, fold and split them).
 */
export const textWords = (text: string): string[] =>
  text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word.length > 0);

function textPredicate(condition: unknown, hasTextFields: boolean): FieldPredicate {
  if (!hasTextFields) fail('Filter on $text: the collection declares no text fields');
  if (typeof condition !== 'string')
    fail(`Filter on $text takes a string of words, not ${describe(condition)}`);
  const words = [...new Set(textWords(condition as string))];
  if (words.length === 0) fail('Filter on $text: no word to search for (letters or digits)');
  if (words.length > MAX_TEXT_WORDS) fail(`Filter on $text: at most ${MAX_TEXT_WORDS} words`);
  if (words.some((w) => w.length > MAX_WORD_LENGTH))
    fail(`Filter on $text: a word of at most ${MAX_WORD_LENGTH} characters`);
  return { field: TEXT_FILTER, array: false, ranges: [], words };
}

const isFilterValue = (value: unknown): value is FilterValue =>
  value === null ||
  typeof value === 'string' ||
  typeof value === 'boolean' ||
  (typeof value === 'number' && Number.isFinite(value));

const assertFilterValue = (value: unknown, field: string): FilterValue => {
  if (!isFilterValue(value)) {
    fail(`Invalid value ${describe(value)} for ${field}: use a string, a finite number, a boolean or null`);
  }
  return value as FilterValue;
};

/**
 * Validates a filter and turns it into one predicate per field. `arrayFields` are the collection's declared array
 * fields (their conditions apply per element).
 */
export function normalizeFilter(
  filter: Filter | undefined,
  arrayFields: ReadonlySet<string>,
  hasTextFields = false,
): FieldPredicate[] {
  if (filter === undefined) return [];
  if (!isPlainObject(filter))
    return fail(`Invalid filter ${describe(filter)}: an object of field conditions`);
  const entries = Object.entries(filter);
  if (entries.length > MAX_FILTER_FIELDS) fail(`A filter may name at most ${MAX_FILTER_FIELDS} fields`);
  return entries.map(([field, condition]) => {
    if (field === TEXT_FILTER) return textPredicate(condition, hasTextFields);
    assertFieldPath(field);
    const predicate: FieldPredicate = { field, array: arrayFields.has(field), ranges: [] };
    if (!isPlainObject(condition)) {
      if (Array.isArray(condition))
        fail(`Filter on ${field}: to match one of several values use { $in: [...] }`);
      predicate.oneOf = [assertFilterValue(condition, field)];
      return predicate;
    }
    const ops = condition as FieldOperators & Record<string, unknown>;
    const keys = Object.keys(ops);
    if (keys.length === 0) fail(`Filter on ${field}: empty condition`);
    for (const key of keys) {
      if (!OPERATORS.has(key)) fail(`Filter on ${field}: unsupported operator ${describe(key)}`);
    }
    const intersect = (values: FilterValue[]) => {
      predicate.oneOf = predicate.oneOf ? predicate.oneOf.filter((v) => values.includes(v)) : values;
    };
    if ('$eq' in ops) intersect([assertFilterValue(ops.$eq, field)]);
    if ('$in' in ops) {
      const list: unknown = ops.$in;
      if (!Array.isArray(list)) return fail(`Filter on ${field}: $in takes a list`);
      if (list.length > MAX_IN_VALUES) fail(`Filter on ${field}: $in takes at most ${MAX_IN_VALUES} values`);
      intersect([...new Set(list.map((v) => assertFilterValue(v, field)))]);
    }
    for (const op of RANGE_OPERATORS) {
      if (!(op in ops)) continue;
      const value: unknown = ops[op];
      const type = typeof value === 'string' ? 'string' : typeof value === 'number' ? 'number' : undefined;
      if (type === undefined || (type === 'number' && !Number.isFinite(value))) {
        return fail(`Filter on ${field}: ${op} takes a string or a finite number, not ${describe(value)}`);
      }
      if (predicate.rangeType && predicate.rangeType !== type) {
        fail(`Filter on ${field}: range bounds mix strings and numbers`);
      }
      predicate.rangeType = type;
      predicate.ranges.push({ op, value: value as RangeValue });
    }
    return predicate;
  });
}

/**
 * Validates a sort and completes it with the id tie-breaker (in the direction of the last key), so the order is
 * total and a keyset cursor is well defined. An array field may lead an ascending sort when `predicates` (the
 * normalised filter) hold a string range with a lower bound on it, and no equality: the key is then the smallest
 * element in that range.
 */
export function normalizeSort(
  sort: readonly SortField[] | undefined,
  arrayFields: ReadonlySet<string>,
  predicates: readonly FieldPredicate[] = [],
): SortKey[] {
  const list = sort ?? [];
  if (!Array.isArray(list)) return fail(`Invalid sort ${describe(sort)}: a list of { field, order }`);
  if (list.length > MAX_SORT_FIELDS) fail(`A sort may have at most ${MAX_SORT_FIELDS} keys`);
  const keys: SortKey[] = [];
  list.forEach((entry: unknown, i) => {
    if (!isPlainObject(entry)) return fail(`Invalid sort key ${describe(entry)}`);
    assertFieldPath(entry.field);
    if (keys.some((k) => k.field === entry.field)) fail(`Sort names ${entry.field} twice`);
    if (entry.field === 'id' && i !== list.length - 1) fail('id can only be the last sort key');
    const order = assertOrder(entry.order, 'sort');
    if (!arrayFields.has(entry.field)) return void keys.push({ field: entry.field, order });
    const range = predicates.find((p) => p.field === entry.field && p.rangeType === 'string' && !p.oneOf);
    const lower = range?.ranges.some((r) => r.op === '$gt' || r.op === '$gte');
    if (i !== 0 || order !== 'asc' || !lower) {
      fail(
        `Cannot sort on the array field ${entry.field} unless it is the first key, ascending, and the filter ` +
          'holds a string range with a lower bound on it (and no equality)',
      );
    }
    keys.push({ field: entry.field, order, within: range!.ranges });
  });
  if (keys.at(-1)?.field !== 'id') keys.push({ field: 'id', order: keys.at(-1)?.order ?? 'asc' });
  return keys;
}

/** Identifies a sort inside a cursor, so a cursor is not silently reused with another order. */
export const sortSignature = (keys: readonly SortKey[]): string =>
  keys.map((k) => `${k.field}:${k.order}`).join(',');

export function assertLimit(limit: unknown): asserts limit is number | undefined {
  if (limit === undefined) return;
  if (typeof limit !== 'number' || !Number.isSafeInteger(limit) || limit < 1) {
    fail(`Invalid limit ${describe(limit)}: a positive integer`);
  }
}

export function assertId(id: unknown, where: string): asserts id is string {
  if (typeof id !== 'string' || id.length === 0 || id.length > MAX_ID_LENGTH) {
    fail(`${where}: an id is a non-empty string of at most ${MAX_ID_LENGTH} characters, not ${describe(id)}`);
  }
}

/** Checks that `doc` is a plain object with a string id; returns the id. */
export function assertDocument(doc: unknown, collection: string): string {
  if (!isPlainObject(doc))
    return fail(`A document of ${collection} must be a plain object, not ${describe(doc)}`);
  assertId(doc.id, `A document of ${collection}`);
  return doc.id;
}

/** Checks a checkpoint write; returns it with `updatedAt` filled in from `now`. */
export function normalizeCheckpoint(
  checkpoint: CheckpointWrite,
  now: () => string,
): CheckpointWrite & { updatedAt: string } {
  if (!isPlainObject(checkpoint)) return fail(`Invalid checkpoint ${describe(checkpoint)}`);
  const { name, position, state, error, failedPosition, details, updatedAt } = checkpoint;
  if (typeof name !== 'string' || name.length === 0 || name.length > 200) {
    fail(`Invalid checkpoint name ${describe(name)}: 1 to 200 characters`);
  }
  if (typeof position !== 'number' || !Number.isSafeInteger(position)) {
    fail(`Checkpoint ${name}: position must be a safe integer, not ${describe(position)}`);
  }
  if (state !== undefined && !CHECKPOINT_STATES.includes(state)) {
    fail(`Checkpoint ${name}: state must be one of ${CHECKPOINT_STATES.join(', ')}`);
  }
  if (error !== undefined && typeof error !== 'string') fail(`Checkpoint ${name}: error must be a string`);
  if (failedPosition !== undefined && !Number.isSafeInteger(failedPosition)) {
    fail(`Checkpoint ${name}: failedPosition must be a safe integer`);
  }
  if (details !== undefined && !isPlainObject(details)) fail(`Checkpoint ${name}: details must be an object`);
  if (updatedAt !== undefined && (typeof updatedAt !== 'string' || Number.isNaN(Date.parse(updatedAt)))) {
    fail(`Checkpoint ${name}: updatedAt must be an ISO-8601 string`);
  }
  return { ...checkpoint, updatedAt: updatedAt ?? now() };
}

/**
 * The declarations given to ensureCollections or pruneIndexes, checked and in canonical form; ensureCollections
 * also refuses a collection declared twice.
 */
export function checkDeclarations(
  operation: 'ensureCollections' | 'pruneIndexes',
  declarations: readonly CollectionDeclaration[],
  version: number | undefined,
): NormalizedDeclaration[] {
  if (!Array.isArray(declarations)) throw new ReadStoreValidationError(`${operation} takes a list`);
  const normalized = declarations.map((d) => normalizeDeclaration(d));
  if (operation === 'ensureCollections') {
    const names = normalized.map((d) => d.name);
    const twice = names.find((n, i) => names.indexOf(n) !== i);
    if (twice) throw new ReadStoreValidationError(`Collection ${twice} is declared twice`);
  }
  if (version !== undefined) assertVersion(version);
  return normalized;
}

/** The ids given to getMany, checked, each once. */
export function checkIds(ids: readonly string[]): string[] {
  if (!Array.isArray(ids)) throw new ReadStoreValidationError('getMany takes a list of ids');
  ids.forEach((id) => assertId(id, 'getMany'));
  return [...new Set(ids)];
}

/** A collection's name and one of its versions (buildIndexes may leave the version out: the active one). */
export function assertCollectionVersion(name: unknown, version: unknown, optional = false): void {
  assertCollectionName(name);
  if (!optional || version !== undefined) assertVersion(version);
}
