// Creating, pruning, switching and dropping the versions of a logical collection on MongoDB. Every change goes to
// the server at once and makes the catalog forget what it remembered about the name.
import { randomUUID } from 'node:crypto';
import type { Db } from 'mongodb';
import { StoreUnavailableError } from '@app/resilience';
import { mergeDeclarations } from '../../read-store.declarations';
import {
  type PrunedIndex,
  type PruneIndexesOptions,
  ReadStoreValidationError,
  UnknownCollectionError,
} from '../../read-store.port';
import type { NormalizedDeclaration } from '../../read-store.validation';
import type { CollectionCatalog } from './mongodb-catalog';
import { addMissingIndexes, dropIndex, indexesToPrune, ourIndexes } from './mongodb-indexes';
import { physicalCollection } from './mongodb-query';

const NAMESPACE_EXISTS = 48;
const NAMESPACE_NOT_FOUND = 26;
const DUPLICATE_KEY = 11000;
const MAX_DECLARE_ATTEMPTS = 5;

const codeOf = (error: unknown): number | undefined => {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'number' ? code : undefined;
};

export class CollectionVersionsAdmin {
  constructor(
    private readonly db: Db,
    private readonly catalog: CollectionCatalog,
  ) {}

  /**
   * Adds to what the version has (mergeDeclarations): creates it, its marker and its missing indexes; drops
   * nothing. The first version of a name becomes its active one.
   */
  async ensure(declared: NormalizedDeclaration, requestedVersion?: number): Promise<void> {
    const { name } = declared;
    try {
      // Two processes declaring at once (an api and a projector of different builds) must not lose each other's
      // additions: the declaration is replaced only if it is still the one merged with, else merged again.
      for (let attempt = 1; ; attempt++) {
        const { meta } = await this.catalog.get(name, { fresh: true });
        const version = requestedVersion ?? meta?.active ?? 1;
        const previous = meta?.versions?.[String(version)];
        const declaration = mergeDeclarations(previous?.declaration, declared);
        const physicalName = physicalCollection(name, version);
        try {
          await this.db.createCollection(physicalName);
        } catch (error) {
          if (codeOf(error) !== NAMESPACE_EXISTS) throw error;
        }
        await this.catalog.mark(physicalName);
        const physical = this.db.collection(physicalName);
        await addMissingIndexes(physical, declaration, await ourIndexes(physical));
        const unchanged = previous && JSON.stringify(previous.declaration) === JSON.stringify(declaration);
        if (
          !unchanged &&
          !(await this.replaceDeclaration(name, version, previous?.generation, declaration))
        ) {
          if (attempt < MAX_DECLARE_ATTEMPTS) continue;
          throw new StoreUnavailableError(
            'MongoDB read store',
            'ensureCollections',
            `the declaration of ${name} kept changing under ${MAX_DECLARE_ATTEMPTS} attempts; try again`,
          );
        }
        await this.catalog.meta.updateOne(
          { _id: name, active: { $exists: false } },
          { $set: { active: version } },
        );
        return;
      }
    } finally {
      this.catalog.forget(name);
    }
  }

  /** Sets a version's declaration if its generation is still `generation` (absent: the version is new). */
  private async replaceDeclaration(
    name: string,
    version: number,
    generation: string | undefined,
    declaration: NormalizedDeclaration,
  ): Promise<boolean> {
    const path = `versions.${version}`;
    const unchangedSince =
      generation === undefined ? { [path]: { $exists: false } } : { [`${path}.generation`]: generation };
    try {
      const result = await this.catalog.meta.updateOne(
        { _id: name, ...unchangedSince },
        { $set: { [path]: { declaration, generation: randomUUID() } } },
        // Only a new version may create the document; a known one must still be there as it was.
        { upsert: generation === undefined },
      );
      return result.matchedCount + result.upsertedCount > 0;
    } catch (error) {
      // The document exists but no longer matches: the upsert's insert met its _id.
      if (codeOf(error) === DUPLICATE_KEY) return false;
      throw error;
    }
  }

  /** See ReadStore.pruneIndexes: the version's indexes exactly as declared, or with `dryRun` what that drops. */
  async prune(declaration: NormalizedDeclaration, options: PruneIndexesOptions): Promise<PrunedIndex[]> {
    const { name } = declaration;
    const { meta } = await this.catalog.get(name, { fresh: true });
    const version = options.version ?? meta?.active;
    if (version === undefined || !meta?.versions?.[String(version)]) {
      throw new UnknownCollectionError(name, options.version);
    }
    const physical = this.db.collection(physicalCollection(name, version));
    const prune = indexesToPrune(await ourIndexes(physical), declaration);
    if (!options.dryRun) {
      try {
        for (const { name: index } of prune) await dropIndex(physical, index);
        await addMissingIndexes(physical, declaration, await ourIndexes(physical));
        await this.catalog.meta.updateOne(
          { _id: name, [`versions.${version}`]: { $exists: true } },
          { $set: { [`versions.${version}`]: { declaration, generation: randomUUID() } } },
        );
      } finally {
        this.catalog.forget(name);
      }
    }
    return prune.map(({ index, reason }) => ({ collection: name, version, index, reason }));
  }

  /**
   * MongoDB builds declared indexes at once, also with `deferIndexes` (an index build on a loaded collection is not
   * what makes its rebuild slow), so this only makes sure the version's declared indexes exist.
   */
  async buildIndexes(name: string, version?: number): Promise<void> {
    const { meta } = await this.catalog.get(name, { fresh: true });
    const resolved = version ?? meta?.active;
    const entry = resolved === undefined ? undefined : meta?.versions?.[String(resolved)];
    if (resolved === undefined || !entry) throw new UnknownCollectionError(name, version);
    const physical = this.db.collection(physicalCollection(name, resolved));
    await addMissingIndexes(physical, entry.declaration, await ourIndexes(physical));
  }

  async activate(name: string, version: number): Promise<void> {
    try {
      const result = await this.catalog.meta.updateOne(
        { _id: name, [`versions.${version}`]: { $exists: true } },
        { $set: { active: version } },
      );
      if (result.matchedCount === 0) throw new UnknownCollectionError(name, version);
    } finally {
      this.catalog.forget(name);
    }
  }

  /**
   * Unlists the version, deletes its marker (a batch still writing into it now fails instead of creating it
   * again), then drops the collection.
   */
  async drop(name: string, version: number): Promise<void> {
    try {
      const result = await this.catalog.meta.updateOne(
        { _id: name, active: { $ne: version }, [`versions.${version}`]: { $exists: true } },
        { $unset: { [`versions.${version}`]: '' } },
      );
      if (result.matchedCount === 0) {
        const meta = await this.catalog.meta.findOne({ _id: name });
        if (meta?.active === version) {
          throw new ReadStoreValidationError(
            `Version ${version} of ${name} is active; activate another one first`,
          );
        }
      }
      await this.catalog.unmark([physicalCollection(name, version)]);
      await this.dropPhysical(name, version);
    } finally {
      this.catalog.forget(name);
    }
  }

  /** Every version and the metadata of a logical name. */
  async dropAll(name: string): Promise<void> {
    try {
      const meta = await this.catalog.meta.findOneAndDelete({ _id: name });
      const versions = Object.keys(meta?.versions ?? {}).map(Number);
      await this.catalog.unmark(versions.map((v) => physicalCollection(name, v)));
      for (const version of versions) await this.dropPhysical(name, version);
    } finally {
      this.catalog.forget(name);
    }
  }

  private async dropPhysical(name: string, version: number): Promise<void> {
    try {
      await this.db.dropCollection(physicalCollection(name, version));
    } catch (error) {
      if (codeOf(error) !== NAMESPACE_NOT_FOUND) throw error;
    }
  }
}
