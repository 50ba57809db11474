// Declared indexes on a MongoDB collection: added by ensureCollections (never dropped there), made exactly the
// declared ones only by pruneIndexes. Only indexes named `rs_<name>` are ours; `_id_` and indexes made by hand are
// never touched.
import type { Collection, Document } from 'mongodb';
import type { PrunedIndex } from '../../read-store.port';
import type { NormalizedDeclaration } from '../../read-store.validation';
import { INDEX_PREFIX, indexName, sameIndexKey, textIndexSpec, toIndexKey } from './mongodb-query';

const INDEX_NOT_FOUND = 27;

export interface ExistingIndex {
  name: string;
  key: Record<string, unknown>;
}

/** Our indexes on a collection (a collection that does not exist has none). */
export async function ourIndexes(collection: Collection<Document>): Promise<ExistingIndex[]> {
  let listed: Document[];
  try {
    listed = await collection.listIndexes().toArray();
  } catch (error) {
    if ((error as { code?: unknown }).code === 26) return []; // NamespaceNotFound
    throw error;
  }
  return listed
    .filter((index) => String(index.name).startsWith(INDEX_PREFIX))
    .map((index) => ({ name: String(index.name), key: index.key as Record<string, unknown> }));
}

/**
 * Creates the declared indexes the collection lacks, by name. An index that exists under a declared name with
 * another key is left as it is (replacing it would drop what another build declares; pruneIndexes replaces it).
 */
export async function addMissingIndexes(
  collection: Collection<Document>,
  declaration: NormalizedDeclaration,
  existing: readonly ExistingIndex[],
): Promise<void> {
  // Creating an index that exists with the same key and options does nothing; text fields are fixed per version.
  if (declaration.textFields) {
    const { key, options } = textIndexSpec(declaration.textFields);
    await collection.createIndex(key, options);
  }
  const names = new Set(existing.map((index) => index.name));
  for (const index of declaration.indexes) {
    if (!names.has(indexName(index)))
      await collection.createIndex(toIndexKey(index), { name: indexName(index) });
  }
}

/** Our indexes the declaration lacks (`undeclared`) or declares with another key (`changed`). */
export function indexesToPrune(
  existing: readonly ExistingIndex[],
  declaration: NormalizedDeclaration,
): { name: string; index: string; reason: PrunedIndex['reason'] }[] {
  const wanted = new Map(declaration.indexes.map((index) => [indexName(index), toIndexKey(index)]));
  return existing.flatMap(({ name, key }) => {
    const declared = wanted.get(name);
    if (declared && sameIndexKey(declared, key)) return [];
    return [
      { name, index: name.slice(INDEX_PREFIX.length), reason: declared ? 'changed' : 'undeclared' } as const,
    ];
  });
}

/** Drops one of our indexes; one already gone is fine. */
export async function dropIndex(collection: Collection<Document>, name: string): Promise<void> {
  try {
    await collection.dropIndex(name);
  } catch (error) {
    if ((error as { code?: unknown }).code !== INDEX_NOT_FOUND) throw error;
  }
}
