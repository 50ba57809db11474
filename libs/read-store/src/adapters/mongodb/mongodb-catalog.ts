// What the MongoDB read store knows about its logical collections, and how little it asks the server for it.
//
// Metadata: one document per logical name in `rs__collections` (its versions with their declarations, and the
// active one). Resolving a name used to cost a round trip before every call; the catalog keeps each document for
// `ttlMs` (default 2 s), forgets it at once when this process changes it (ensure, activate, drop, prune), and is
// asked again when a read through a remembered alias finds nothing (the version it names may have been dropped by
// another process) or a batch finds its version gone. A switch made by another process is therefore seen here
// within the TTL, and meanwhile this process reads the version it knew: the previous read model, complete until a
// rebuild drops it after switching (reads of a dropped version are detected, see MongoReadStore.read), while the
// projection runner follows the switch when collectionVersions shows it.
//
// Version markers: one document per physical version in `rs__versions` (`_id` `timeline__v2`), made with the
// version and deleted before it is dropped. MongoDB creates a collection implicitly on its first write, so a batch
// racing with dropVersion could bring a dropped version back. Every batch therefore updates the marker of each
// version it writes, inside its transaction, before writing: a marker already deleted matches nothing (the batch
// throws UnknownCollectionError and writes nothing), and a marker deleted after the transaction read it is a
// write-write conflict, which MongoDB resolves by aborting one side: the transaction with a WriteConflict
// (TransientTransactionError; its retry finds the marker gone), or the delete waits for the transaction to end.
// https://www.mongodb.com/docs/manual/core/transactions-production-consideration/ ("In-progress Transactions and
// Write Conflicts": a write to a document that an in-progress transaction modified waits, or aborts the
// transaction). Only writes conflict, not reads, hence an update of the marker rather than a read of the metadata.
import type { ClientSession, Collection } from 'mongodb';
import { UnknownCollectionError } from '../../read-store.port';
import type { NormalizedDeclaration } from '../../read-store.validation';

/** One document per logical collection: its versions with their declarations, and the active one. */
export interface CollectionMeta {
  _id: string;
  active?: number;
  versions?: Record<string, { declaration: NormalizedDeclaration; generation: string }>;
}

/** One document per physical version that may be written: `_id` is the physical collection's name. */
export interface VersionMarker {
  _id: string;
  batches?: number;
}

export const META_COLLECTION = 'rs__collections';
export const VERSION_COLLECTION = 'rs__versions';
/** How long a metadata document read from the server is used without asking again. */
export const DEFAULT_METADATA_TTL_MS = 2_000;

interface Entry {
  loaded: Promise<CollectionMeta | null>;
  at: number;
}

export class CollectionCatalog {
  private readonly entries = new Map<string, Entry>();

  constructor(
    readonly meta: Collection<CollectionMeta>,
    readonly markers: Collection<VersionMarker>,
    private readonly ttlMs = DEFAULT_METADATA_TTL_MS,
    private readonly clock: () => number = () => performance.now(),
  ) {}

  /**
   * The metadata of a logical name (null when it has none, which is not remembered), remembered for the TTL unless
   * `fresh`; `cached` says whether it came from memory. Concurrent callers share one read.
   */
  async get(
    name: string,
    options: { fresh?: boolean; signal?: AbortSignal } = {},
  ): Promise<{ meta: CollectionMeta | null; cached: boolean }> {
    const now = this.clock();
    const entry = this.entries.get(name);
    if (!options.fresh && entry && now - entry.at < this.ttlMs) {
      return { meta: await entry.loaded, cached: true };
    }
    const loaded = this.meta.findOne({ _id: name }, { signal: options.signal });
    const fresh: Entry = { loaded, at: now };
    this.entries.set(name, fresh);
    try {
      const meta = await loaded;
      // A name without metadata is asked again next time: another process may be creating it right now.
      if (meta === null && this.entries.get(name) === fresh) this.entries.delete(name);
      return { meta, cached: false };
    } catch (error) {
      if (this.entries.get(name) === fresh) this.entries.delete(name);
      throw error;
    }
  }

  /** Forgets what was read about `name` (after this process changed it), or about every name. */
  forget(name?: string): void {
    if (name === undefined) this.entries.clear();
    else this.entries.delete(name);
  }

  /** Makes the marker of a version (idempotent): batches may write into it from now on. */
  async mark(physical: string): Promise<void> {
    await this.markers.updateOne({ _id: physical }, { $setOnInsert: { batches: 0 } }, { upsert: true });
  }

  /** Deletes the markers of versions about to be dropped: from now on no batch writes into them. */
  async unmark(physicals: readonly string[]): Promise<void> {
    if (physicals.length > 0) await this.markers.deleteMany({ _id: { $in: [...physicals] } });
  }

  /**
   * Inside a batch's transaction, before its writes: claims the markers of the versions it writes (a write, so a
   * concurrent unmark conflicts) and throws UnknownCollectionError for the first one that no longer exists.
   */
  async claim(
    session: ClientSession,
    targets: readonly { physical: string; name: string; version?: number }[],
  ): Promise<void> {
    const physicals = [...new Set(targets.map((t) => t.physical))];
    if (physicals.length === 0) return;
    const claimed = await this.markers.updateMany(
      { _id: { $in: physicals } },
      { $inc: { batches: 1 } },
      { session },
    );
    if (claimed.matchedCount === physicals.length) return;
    const present = new Set(
      (
        await this.markers.find({ _id: { $in: physicals } }, { session, projection: { _id: 1 } }).toArray()
      ).map((m) => m._id),
    );
    const gone = targets.find((t) => !present.has(t.physical))!;
    throw new UnknownCollectionError(gone.name, gone.version);
  }
}
