// How a declaration meets the one a version already has. Pure, shared by every adapter.
//
// During a rolling deploy an old and a new build declare the same collection differently; each declares at
// start-up. If declaring made the indexes exactly the declared ones, each build would drop the other's indexes
// in turn. So declaring only adds (mergeDeclarations): a version keeps every index it ever had until an explicit
// migration drops the ones no build declares any more (undeclaredIndexes, ReadStore.pruneIndexes).
import type { IndexDeclaration, PrunedIndex } from './read-store.port';
import { ReadStoreValidationError } from './read-store.port';
import {
  type NormalizedDeclaration,
  type NormalizedIndex,
  normalizeDeclaration,
} from './read-store.validation';

const sameIndex = (a: NormalizedIndex, b: NormalizedIndex): boolean =>
  JSON.stringify(a) === JSON.stringify(b);

const asDeclared = (index: NormalizedIndex): IndexDeclaration => ({ name: index.name, fields: index.fields });

/**
 * What a version holds after `declared` is declared on top of `stored` (undefined for a new version): every stored
 * index as it is, then the declared indexes it lacks (by name); the array fields of both. An index declared under a
 * stored name with other fields keeps its stored form (replacing it would drop an index someone else declared):
 * {@link undeclaredIndexes} reports it as changed, and pruning builds it as declared.
 *
 * Array fields only grow, because the documents already written may hold arrays there; a field that stops being
 * an array needs a new version (a rebuild). Throws ReadStoreValidationError when the union is not a valid
 * declaration (an index that would then hold two array fields).
 */
export function mergeDeclarations(
  stored: NormalizedDeclaration | undefined,
  declared: NormalizedDeclaration,
): NormalizedDeclaration {
  if (!stored) return declared;
  // The text index is made with its version; it cannot follow other fields without rebuilding every document.
  if (stored.textFields && declared.textFields && stored.textFields.join() !== declared.textFields.join()) {
    throw new ReadStoreValidationError(
      `The text fields of ${declared.name} (${declared.textFields.join(', ')}) differ from its version's ` +
        `(${stored.textFields.join(', ')}): rebuild it into a new version`,
    );
  }
  const textFields = stored.textFields ?? declared.textFields;
  const storedNames = new Set(stored.indexes.map((i) => i.name));
  const indexes = [...stored.indexes, ...declared.indexes.filter((i) => !storedNames.has(i.name))];
  const arrayFields = [...new Set([...stored.arrayFields, ...declared.arrayFields])];
  try {
    return normalizeDeclaration({
      name: declared.name,
      arrayFields,
      indexes: indexes.map(asDeclared),
      ...(textFields && { textFields }),
    });
  } catch (error) {
    throw new ReadStoreValidationError(
      `The declaration of ${declared.name} does not fit the indexes its version already has ` +
        `(${(error as Error).message}); rebuild it into a new version, or drop the old indexes with ` +
        'pruneIndexes (npm run projections:indexes -- --drop-undeclared) once no running build declares them',
    );
  }
}

/**
 * The indexes of `stored` that `declared` does not have: `undeclared` when no declared index has the name,
 * `changed` when one has it with other fields, order or array field. Pruning drops the former and rebuilds the
 * latter as declared.
 */
export function undeclaredIndexes(
  stored: NormalizedDeclaration,
  declared: NormalizedDeclaration,
): { index: NormalizedIndex; reason: PrunedIndex['reason'] }[] {
  const wanted = new Map(declared.indexes.map((i) => [i.name, i]));
  const found: { index: NormalizedIndex; reason: PrunedIndex['reason'] }[] = [];
  for (const index of stored.indexes) {
    const match = wanted.get(index.name);
    if (!match) found.push({ index, reason: 'undeclared' });
    else if (!sameIndex(match, index)) found.push({ index, reason: 'changed' });
  }
  return found;
}
