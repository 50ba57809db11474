import { upcast, type NetworkEvent } from '@app/contracts';
import type { EventStore, RecordedEvent, Subscription } from '@app/event-store';
import { PersonalDataError, withoutKeyStore, type PersonalDataReader } from '@app/privacy';
import type { CollectionChange, CollectionRef, ReadStore } from '@app/read-store';
import { UnknownCollectionError } from '@app/read-store';
import { DocumentCache } from './document-cache';
import { withLag } from './lag';
import { WrittenIds } from './written-ids';
import {
  refKey,
  type DocumentRef,
  type ProjectedDocument,
  type Projection,
  type ProjectionEvent,
  type RelatedDocuments,
} from '../projection';

export type ProjectionState = 'starting' | 'catching-up' | 'live' | 'failed' | 'stopped';

export interface ProjectionStatus {
  name: string;
  /** Physical version of the collections this runner writes. */
  version: number;
  state: ProjectionState;
  /** Position of the last event applied (0 before the first). */
  position: number;
  /** Position of the newest event in the store, when known. */
  headPosition?: number;
  /** Events in the store after `position`. */
  lagEvents?: number;
  /** How long the oldest event not yet applied has been waiting (0 when caught up). */
  lagSeconds?: number;
  failedPosition?: number;
  error?: string;
  updatedAt?: string;
}

/** Structured fields of a log line: the projection, positions, and the events' correlation ids. */
export type LogFields = Record<string, unknown>;

export interface RunnerLogger {
  log(message: string, fields?: LogFields): void;
  warn(message: string, fields?: LogFields): void;
  error(message: string, fields?: LogFields): void;
  /** Per batch: the positions applied and the correlation ids of their events (a request traced to here). */
  debug?(message: string, fields?: LogFields): void;
}

/** Correlation ids listed per batch line at most (a batch of a thousand imported events shares a few). */
const MAX_CORRELATION_IDS = 50;

interface EventLike {
  id: string;
  type: string;
  position: number;
  metadata?: { correlationId?: string; causationId?: string };
}

/** Where an event came from, for a log line: its id, type, position and the request that caused it. */
const eventFields = (event: EventLike): LogFields => ({
  position: event.position,
  eventId: event.id,
  eventType: event.type,
  correlationId: event.metadata?.correlationId,
  causationId: event.metadata?.causationId,
});

export interface ProjectionRunnerOptions {
  /** Events read per batch; documents and the checkpoint are written once per batch. */
  batchSize?: number;
  /** Tries of a failing batch before the projection stops as failed. */
  maxAttempts?: number;
  /** First retry delay; doubles per try. */
  retryDelayMs?: number;
  /**
   * Write into this physical version of the collections (a rebuild). Without it, the runner follows the active
   * version and restarts on a new one when a rebuild switches readers over.
   */
  version?: number;
  /** Stop as soon as the store's head (at the time) is reached: for rebuilds and one-off catch-ups. */
  stopWhenCaughtUp?: boolean;
  /**
   * Keep up to this many documents in memory across batches (default 0: none), least recently used ones evicted
   * first, and write changed documents with the checkpoint every `flushEvery` events rather than every batch
   * (write-behind): a rebuild then reads, parses and rewrites a busy document once per flush instead of once per
   * batch. Documents and checkpoint are still written in one transaction, so a crash loses only work that is
   * redone from the checkpoint. Meant for catching up (rebuilds): readers see progress only per flush.
   */
  cacheDocuments?: number;
  /** With `cacheDocuments`: events between writes (default: the larger of `batchSize` and 10,000). */
  flushEvery?: number;
  /**
   * Create the collections of `version` with their indexes deferred (see the read store's `deferIndexes`): for a
   * rebuild, which builds them with `buildIndexes` once caught up.
   */
  deferIndexes?: boolean;
  /**
   * Ask the event store for the event types the projection handles only, rather than every event (the runner
   * skips the others either way). The checkpoint then stays at the last handled event.
   */
  handledEventsOnly?: boolean;
  /**
   * With `version` (a rebuild): when the version's collections are empty as the runner starts on them, remember
   * which documents it writes (WrittenIds), so that a document out of memory that was never written is known
   * absent without a read of the store (every document an event creates). Off when resuming into documents
   * written before.
   */
  trackWrittenIds?: boolean;
  /** Called after every batch applied (progress bars, metrics); with `cacheDocuments`, before it is written. */
  onBatch?: (status: ProjectionStatus, applied: number) => void;
  /**
   * Called whenever the status changes: a state, or a position written with its checkpoint (`writtenPosition`,
   * what readers can see). The embedded projector's worker thread posts these to the api's main thread.
   */
  onStatus?: (status: ProjectionStatus, writtenPosition: number) => void;
  /**
   * Opens the personal data in events (libs/privacy's PersonalDataTransformer over the key store), so projections
   * get plain data, or "forgotten" (null) where a member's key is destroyed, also in a rebuild. Without it, an
   * event with sealed personal data fails the projection.
   */
  personalData?: PersonalDataReader;
  logger?: RunnerLogger;
  now?: () => Date;
}

/** Checkpoint name of a projection's physical version: `timeline@v2`. */
export const checkpointName = (projection: string, version: number) => `${projection}@v${version}`;

class ProjectionFailure extends Error {
  readonly failedPosition: number;
  constructor(
    readonly event: EventLike,
    cause: unknown,
  ) {
    super(cause instanceof Error ? cause.message : String(cause));
    this.failedPosition = event.position;
    this.name = 'ProjectionFailure';
    this.stack = cause instanceof Error ? cause.stack : this.stack;
  }
}

const yieldToEventLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

const silentLogger: RunnerLogger = { log: () => undefined, warn: () => undefined, error: () => undefined };

/**
 * Runs one projection: subscribes to the event store from the stored checkpoint and, per batch, loads the
 * documents the batch touches (one query per collection), folds the events over them with the projection's pure
 * `evolve`, and writes documents and checkpoint in one transaction. Delivery is at-least-once; documents remember
 * the last event applied to them, so a redelivered event changes nothing. A failing batch is retried with
 * backoff, then the projection stops in state `failed` with the position of the event that failed: nothing is
 * skipped.
 */
export class ProjectionRunner {
  private readonly batchSize: number;
  private readonly maxAttempts: number;
  private readonly retryDelayMs: number;
  private readonly logger: RunnerLogger;
  private readonly personalData: PersonalDataReader;
  private readonly now: () => Date;
  private readonly handles: ReadonlySet<string>;
  private readonly cacheLimit: number;
  private readonly flushEvery: number;
  /** Documents in memory (only those of the batch in hand without `cacheDocuments`). Reset per version. */
  private readonly cache = new DocumentCache();
  /** Position of the last event applied and written (what readers can see). */
  private writtenPosition = 0;
  /** The documents written since the version was empty (trackWrittenIds); undefined when not known. */
  private written?: WrittenIds;

  private currentStatus: ProjectionStatus;
  private subscription?: Subscription;
  private stopping = false;
  private running?: Promise<void>;
  private readonly waiters = new Set<{ position: number; resolve: (reached: boolean) => void }>();

  constructor(
    readonly projection: Projection,
    private readonly eventStore: EventStore,
    private readonly readStore: ReadStore,
    private readonly options: ProjectionRunnerOptions = {},
  ) {
    this.batchSize = options.batchSize ?? 1000;
    this.maxAttempts = options.maxAttempts ?? 5;
    this.retryDelayMs = options.retryDelayMs ?? 200;
    this.logger = options.logger ?? silentLogger;
    this.personalData = options.personalData ?? withoutKeyStore;
    this.now = options.now ?? (() => new Date());
    this.handles = new Set(projection.handles);
    this.cacheLimit = Math.max(0, Math.floor(options.cacheDocuments ?? 0));
    this.flushEvery = Math.max(1, Math.floor(options.flushEvery ?? Math.max(this.batchSize, 10_000)));
    this.currentStatus = {
      name: projection.name,
      version: options.version ?? 0,
      state: 'starting',
      position: 0,
    };
  }

  /** Starts in the background; `done()` resolves when the runner stops (or fails). */
  start(): this {
    this.stopping = false;
    this.running ??= this.run()
      .catch((error: unknown) => {
        // Anything the batch retries did not cover (the store went away while subscribing, say): report it as a
        // failure of the projection rather than an unhandled rejection.
        this.currentStatus = { ...this.currentStatus, state: 'failed', error: String(error) };
        this.logger.error(
          `${this.projection.name}: stopped: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
        );
        this.notifyWaiters(true);
      })
      .finally(() => {
        this.running = undefined;
      });
    return this;
  }

  /** Resolves when the runner has stopped: stopped, failed, or caught up with `stopWhenCaughtUp`. */
  done(): Promise<void> {
    return this.running ?? Promise.resolve();
  }

  /** Finishes the batch in hand (its checkpoint is written), then stops. */
  async stop(): Promise<void> {
    this.stopping = true;
    await this.subscription?.close();
    await this.done();
    if (this.currentStatus.state !== 'failed') this.setState('stopped');
  }

  status(): ProjectionStatus {
    return { ...this.currentStatus };
  }

  /** Status with lag measured against the store now. */
  statusWithLag(): Promise<ProjectionStatus> {
    return withLag(this.status(), this.eventStore, this.now());
  }

  /**
   * Resolves true once the projection has applied everything up to `position`, false after `timeoutMs` (or when
   * it stops or fails first). For read-your-writes.
   */
  waitForPosition(position: number, timeoutMs: number): Promise<boolean> {
    if (this.writtenPosition >= position) return Promise.resolve(true);
    return new Promise((resolve) => {
      const waiter = {
        position,
        resolve: (reached: boolean) => {
          clearTimeout(timer);
          this.waiters.delete(waiter);
          resolve(reached);
        },
      };
      const timer = setTimeout(() => waiter.resolve(false), timeoutMs);
      this.waiters.add(waiter);
    });
  }

  private async run(): Promise<void> {
    while (!this.stopping) {
      try {
        await this.runOnVersion();
        return;
      } catch (error) {
        // A rebuild switched readers to a new version and dropped ours: follow it.
        if (error instanceof UnknownCollectionError && this.options.version === undefined && !this.stopping) {
          this.logger.log(`${this.projection.name}: collections switched to a new version; following`);
          continue;
        }
        throw error;
      }
    }
  }

  private async runOnVersion(): Promise<void> {
    const version = this.options.version ?? (await this.activeVersion());
    await this.readStore.ensureCollections(this.projection.collections, {
      version,
      ...(this.options.deferIndexes && this.options.version !== undefined && { deferIndexes: true }),
    });
    const name = checkpointName(this.projection.name, version);
    const checkpoint = await this.readStore.getCheckpoint(name);
    let position = checkpoint?.position ?? 0;
    this.cache.clear();
    this.written =
      this.options.trackWrittenIds && (await this.versionIsEmpty(version)) ? new WrittenIds() : undefined;
    this.writtenPosition = position;
    let unwritten = 0;
    this.currentStatus = {
      name: this.projection.name,
      version,
      state: 'catching-up',
      position,
      updatedAt: checkpoint?.updatedAt,
    };
    this.reportStatus();
    this.logger.log(`${this.projection.name}: starting from position ${position} (version ${version})`, {
      projection: this.projection.name,
      position,
      version,
    });
    if (checkpoint?.state === 'failed') {
      this.logger.warn(
        `${this.projection.name}: retrying after an earlier failure at position ${checkpoint.failedPosition}: ${checkpoint.error}`,
      );
    }

    const subscription = this.eventStore.subscribeToAll({
      after: position || undefined,
      batchSize: this.batchSize,
      ...(this.options.handledEventsOnly && { eventTypes: this.projection.handles }),
    });
    this.subscription = subscription;
    try {
      for await (const batch of subscription) {
        // Reading and writing the stores may never wait on I/O (SQLite is synchronous): catching up, the runner
        // lets timers, requests and messages of its thread run between batches.
        await yieldToEventLoop();
        const events = batch.events.filter((e) => e.position > position);
        if (events.length > 0) {
          await this.applyWithRetries(events[0].position, () => this.applyBatch(events, version));
          position = events[events.length - 1].position;
          unwritten += events.length;
          this.logBatch(events);
        }
        // Memory over its limit: unchanged documents go first, least recently used first.
        if (this.cache.size > this.cacheLimit) this.cache.trim(Math.floor(this.cacheLimit * 0.75));
        // Documents and checkpoint are written every batch without a cache; with one, every `flushEvery` events,
        // when changed documents alone fill the memory, and whenever the runner catches up or stops.
        if (
          unwritten > 0 &&
          (this.cacheLimit === 0 ||
            unwritten >= this.flushEvery ||
            this.cache.size > this.cacheLimit ||
            batch.caughtUp ||
            this.stopping)
        ) {
          await this.writeWithRetries(version, name, position);
          unwritten = 0;
        }
        if (events.length > 0) {
          this.currentStatus = { ...this.currentStatus, position, updatedAt: this.now().toISOString() };
          this.options.onBatch?.(this.status(), events.length);
          this.notifyWaiters();
        }
        if (batch.caughtUp && this.currentStatus.state !== 'live') {
          this.setState('live');
          this.logger.log(
            `${this.projection.name}: caught up at position ${position} (version ${version}); live`,
            { projection: this.projection.name, position, version },
          );
          if (this.options.stopWhenCaughtUp) break;
        }
        if (this.stopping) break;
        if (unwritten > 0) continue; // a switch is looked for once the documents in hand are written
        if (this.options.version === undefined && (await this.activeVersion()) !== version) {
          this.logger.log(`${this.projection.name}: readers moved to a new version; following`);
          throw new UnknownCollectionError(this.projection.collections[0].name, version);
        }
      }
      // Stopped (or caught up) with documents in hand: write them with their checkpoint.
      if (unwritten > 0) {
        await this.writeWithRetries(version, name, position);
        this.notifyWaiters();
      }
    } catch (error) {
      if (error instanceof ProjectionFailure) {
        this.currentStatus = {
          ...this.currentStatus,
          state: 'failed',
          failedPosition: error.failedPosition,
          error: error.message,
        };
        this.logger.error(
          `${this.projection.name}: stopped at position ${error.failedPosition} after ${this.maxAttempts} attempts: ${error.stack ?? error.message}`,
          { projection: this.projection.name, ...eventFields(error.event) },
        );
        // The documents in hand hold every event up to `position` (a failing batch changes none of them).
        await this.readStore
          .applyBatch({
            changes: this.pendingChanges(version),
            checkpoints: [
              { name, position, state: 'failed', error: error.message, failedPosition: error.failedPosition },
            ],
          })
          .then(() => {
            this.cache.markClean();
            this.writtenPosition = position;
          })
          .catch((e: unknown) =>
            this.logger.error(`${this.projection.name}: could not record the failure: ${String(e)}`),
          );
        this.notifyWaiters(true);
        return;
      }
      throw error;
    } finally {
      await subscription.close();
      this.subscription = undefined;
    }
    if (this.currentStatus.state !== 'failed' && this.stopping) this.setState('stopped');
    this.notifyWaiters(this.stopping);
  }

  /**
   * A failure of the projection's own code (evolve, targets, upcasting) is retried `maxAttempts` times and then
   * stops the projection: retrying will not change the outcome. A failure of the stores (a server went away) is
   * retried with backoff, capped at 30 s, until it works or the runner is stopped: it heals by itself.
   */
  private async applyWithRetries(firstPosition: number, work: () => Promise<void>): Promise<void> {
    for (let attempt = 1, storeAttempt = 1; ;) {
      try {
        await work();
        return;
      } catch (error) {
        if (error instanceof UnknownCollectionError) throw error;
        if (!(error instanceof ProjectionFailure)) {
          if (this.stopping) throw error;
          const delay = Math.min(30_000, this.retryDelayMs * 2 ** (storeAttempt - 1));
          this.logger.warn(
            `${this.projection.name}: the store failed on the batch from position ${firstPosition} (try ${storeAttempt}): ${String(error)}; retrying in ${delay} ms`,
          );
          storeAttempt++;
          await sleep(delay);
          continue;
        }
        if (attempt >= this.maxAttempts) throw error;
        this.logger.warn(
          `${this.projection.name}: event at position ${error.failedPosition} failed (attempt ${attempt}): ${error.message}; retrying`,
          { projection: this.projection.name, attempt, ...eventFields(error.event) },
        );
        await sleep(this.retryDelayMs * 2 ** (attempt - 1));
        attempt++;
      }
    }
  }

  /**
   * One batch: load what it touches and is not in memory (one query per collection), fold the events over the
   * documents, and keep the results in memory as changed. All or nothing: a batch that fails changes nothing.
   */
  private async applyBatch(recorded: RecordedEvent[], version: number): Promise<void> {
    const events: ProjectionEvent[] = [];
    const handled = recorded.filter((e) => this.handles.has(e.type));
    const opened =
      this.projection.readsPersonalData === false ? handled : await this.openPersonalData(handled);
    for (const e of opened) {
      try {
        events.push(toProjectionEvent(e));
      } catch (error) {
        throw new ProjectionFailure(e, error);
      }
    }

    const cache = this.cache;
    const written = this.written;
    cache.beginBatch();
    const missing = new Map<string, Set<string>>();
    const want = (ref: DocumentRef) => {
      if (cache.touch(ref)) return;
      if (written && !written.mayHave(ref.collection, ref.id)) {
        cache.add(ref.collection, ref.id, null); // never written into this version: not there
        return;
      }
      let ids = missing.get(ref.collection);
      if (!ids) missing.set(ref.collection, (ids = new Set()));
      ids.add(ref.id);
    };
    const plans = events.map((event) => {
      try {
        const targets = this.projection.targets(event);
        const related = this.projection.related?.(event) ?? NO_REFS;
        targets.forEach(want);
        related.forEach(want);
        return { event, targets, related };
      } catch (error) {
        throw new ProjectionFailure(event, error);
      }
    });

    // What is loaded is what the store holds: it may stay in memory even if the batch fails.
    for (const [collection, ids] of missing) {
      const found = await this.readStore.getMany<ProjectedDocument>(physical(collection, version), [...ids]);
      for (const id of ids) cache.add(collection, id, found.get(id) ?? null);
    }

    // The batch's results are staged over the documents in memory until the whole batch has succeeded.
    try {
      for (const { event, targets, related } of plans) {
        try {
          const relatedDocs: RelatedDocuments =
            related.length === 0
              ? NO_DOCUMENTS
              : new Map(related.map((ref) => [refKey(ref), cache.get(ref)]));
          for (const target of targets) {
            const current = cache.get(target);
            if (current && current.lastEventPosition >= event.position) continue; // applied before: redelivery
            const next = this.projection.evolve(current, event, target, relatedDocs);
            if (next === current) continue;
            if (next && next.id !== target.id) {
              throw new Error(`${this.projection.name} returned document ${next.id} for target ${target.id}`);
            }
            cache.stage(target, next);
          }
        } catch (error) {
          throw new ProjectionFailure(event, error);
        }
      }
    } catch (error) {
      cache.abortBatch();
      throw error;
    }
    cache.commitBatch();
  }

  /** The changed documents in memory, as read store changes. */
  private pendingChanges(version: number, pending = this.cache.changes()): CollectionChange[] {
    return pending.map(({ collection, upserts, deletes }) => ({
      collection: physical(collection, version),
      upserts,
      deletes,
    }));
  }

  /**
   * Writes the changed documents and the checkpoint at `position` in one transaction (retried while the store
   * fails), then trims the documents in memory to the cache's size, least recently used first.
   */
  private async writeWithRetries(version: number, name: string, position: number): Promise<void> {
    const pending = this.cache.changes();
    const changes = this.pendingChanges(version, pending);
    await this.applyWithRetries(position, () =>
      this.readStore.applyBatch({ changes, checkpoints: [{ name, position, state: 'running' }] }),
    );
    if (this.written) {
      for (const { collection, upserts } of pending) {
        for (const doc of upserts) this.written.add(collection, doc.id);
      }
    }
    this.cache.markClean();
    this.writtenPosition = position;
    // Down to 75% of the limit, so that trimming is not due again after the next batch.
    if (this.cache.size > this.cacheLimit) this.cache.trim(Math.floor(this.cacheLimit * 0.75));
  }

  /**
   * Personal data opened for the whole batch with one key lookup. An event whose personal data cannot be read
   * (not an outage of the key store: a missing key, a seal that does not open) is the projection's failure at that
   * event's position; an outage is the stores' and is retried.
   */
  private async openPersonalData(events: RecordedEvent[]): Promise<RecordedEvent[]> {
    try {
      return await this.personalData.open(events);
    } catch (error) {
      if (!(error instanceof PersonalDataError)) throw error;
      for (const event of events) {
        try {
          await this.personalData.open([event]);
        } catch (single) {
          throw new ProjectionFailure(event, single);
        }
      }
      throw new ProjectionFailure(events[0], error);
    }
  }

  /** Whether none of the projection's collections holds a document in `version`. */
  private async versionIsEmpty(version: number): Promise<boolean> {
    for (const { name } of this.projection.collections) {
      const { items } = await this.readStore.find(physical(name, version), { limit: 1 });
      if (items.length > 0) return false;
    }
    return true;
  }

  private async activeVersion(): Promise<number> {
    const versions = await this.readStore.collectionVersions(this.projection.collections[0].name);
    return versions.active ?? 1;
  }

  /** The batch's positions and the correlation ids of its events: a request's events traced into the projector. */
  private logBatch(events: readonly RecordedEvent[]): void {
    if (!this.logger.debug) return;
    const correlationIds = new Set<string>();
    for (const event of events) {
      if (correlationIds.size >= MAX_CORRELATION_IDS) break;
      if (event.metadata.correlationId) correlationIds.add(event.metadata.correlationId);
    }
    const first = events[0].position;
    const last = events[events.length - 1].position;
    this.logger.debug(
      `${this.projection.name}: applied ${events.length} events, positions ${first} to ${last}`,
      {
        projection: this.projection.name,
        fromPosition: first,
        toPosition: last,
        events: events.length,
        correlationIds: [...correlationIds],
      },
    );
  }

  private setState(state: ProjectionState): void {
    this.currentStatus = { ...this.currentStatus, state };
    this.reportStatus();
  }

  private reportStatus(): void {
    this.options.onStatus?.(this.status(), this.writtenPosition);
  }

  /** After a write, a failure or a stop: waiters that are done resolve, and the status is reported. */
  private notifyWaiters(giveUp = false): void {
    this.reportStatus();
    for (const waiter of this.waiters) {
      if (this.writtenPosition >= waiter.position) waiter.resolve(true);
      else if (giveUp || this.currentStatus.state === 'failed') waiter.resolve(false);
    }
  }
}

const physical = (collection: string, version: number): CollectionRef => ({ name: collection, version });
const NO_REFS: readonly DocumentRef[] = [];
const NO_DOCUMENTS: RelatedDocuments = new Map();

/** A recorded event as projections see it, upcast to the current schema; its personal data must be opened first. */
export function toProjectionEvent(recorded: RecordedEvent): ProjectionEvent {
  const event: NetworkEvent = upcast(recorded.type, recorded.data, recorded.metadata.schemaVersion ?? 1);
  // Built field by field rather than spread: this runs for every event of a rebuild.
  return {
    type: event.type,
    data: event.data,
    id: recorded.id,
    streamId: recorded.streamId,
    revision: recorded.revision,
    position: recorded.position,
    metadata: recorded.metadata,
  } as ProjectionEvent;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
