import { upcast, type NetworkEvent } from '@app/contracts';
import type { EventStore, RecordedEvent, Subscription } from '@app/event-store';
import { PersonalDataError, withoutKeyStore, type PersonalDataReader } from '@app/privacy';
import type { CollectionChange, CollectionRef, ReadStore } from '@app/read-store';
import { UnknownCollectionError } from '@app/read-store';
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

export interface RunnerLogger {
  log(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

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
  /** Called after every written batch (progress bars, metrics). */
  onBatch?: (status: ProjectionStatus, applied: number) => void;
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
  constructor(
    readonly failedPosition: number,
    cause: unknown,
  ) {
    super(cause instanceof Error ? cause.message : String(cause));
    this.name = 'ProjectionFailure';
    this.stack = cause instanceof Error ? cause.stack : this.stack;
  }
}

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
  async statusWithLag(): Promise<ProjectionStatus> {
    const status = this.status();
    const head = (await this.eventStore.headPosition()) ?? 0;
    const waiting =
      head > status.position ? await this.eventStore.readAll({ after: status.position, maxCount: 1 }) : [];
    const oldest = waiting[0];
    return {
      ...status,
      headPosition: head,
      lagEvents: await this.countAfter(status.position, head),
      lagSeconds: oldest
        ? Math.max(0, (this.now().getTime() - Date.parse(oldest.metadata.recordedAt)) / 1000)
        : 0,
    };
  }

  /**
   * Resolves true once the projection has applied everything up to `position`, false after `timeoutMs` (or when
   * it stops or fails first). For read-your-writes.
   */
  waitForPosition(position: number, timeoutMs: number): Promise<boolean> {
    if (this.currentStatus.position >= position) return Promise.resolve(true);
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
    await this.readStore.ensureCollections(this.projection.collections, { version });
    const name = checkpointName(this.projection.name, version);
    const checkpoint = await this.readStore.getCheckpoint(name);
    let position = checkpoint?.position ?? 0;
    this.currentStatus = {
      name: this.projection.name,
      version,
      state: 'catching-up',
      position,
      updatedAt: checkpoint?.updatedAt,
    };
    this.logger.log(`${this.projection.name}: starting from position ${position} (version ${version})`);
    if (checkpoint?.state === 'failed') {
      this.logger.warn(
        `${this.projection.name}: retrying after an earlier failure at position ${checkpoint.failedPosition}: ${checkpoint.error}`,
      );
    }

    const subscription = this.eventStore.subscribeToAll({
      after: position || undefined,
      batchSize: this.batchSize,
    });
    this.subscription = subscription;
    try {
      for await (const batch of subscription) {
        const events = batch.events.filter((e) => e.position > position);
        if (events.length > 0) {
          await this.applyWithRetries(events, version, name);
          position = events[events.length - 1].position;
          this.currentStatus = { ...this.currentStatus, position, updatedAt: this.now().toISOString() };
          this.options.onBatch?.(this.status(), events.length);
          this.notifyWaiters();
        }
        if (batch.caughtUp && this.currentStatus.state !== 'live') {
          this.setState('live');
          this.logger.log(
            `${this.projection.name}: caught up at position ${position} (version ${version}); live`,
          );
          if (this.options.stopWhenCaughtUp) break;
        }
        if (this.stopping) break;
        if (this.options.version === undefined && (await this.activeVersion()) !== version) {
          this.logger.log(`${this.projection.name}: readers moved to a new version; following`);
          throw new UnknownCollectionError(this.projection.collections[0].name, version);
        }
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
        );
        await this.readStore
          .applyBatch({
            checkpoints: [
              { name, position, state: 'failed', error: error.message, failedPosition: error.failedPosition },
            ],
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
  private async applyWithRetries(events: RecordedEvent[], version: number, name: string): Promise<void> {
    for (let attempt = 1, storeAttempt = 1; ;) {
      try {
        await this.applyBatch(events, version, name);
        return;
      } catch (error) {
        if (error instanceof UnknownCollectionError) throw error;
        if (!(error instanceof ProjectionFailure)) {
          if (this.stopping) throw error;
          const delay = Math.min(30_000, this.retryDelayMs * 2 ** (storeAttempt - 1));
          this.logger.warn(
            `${this.projection.name}: the store failed on the batch from position ${events[0].position} (try ${storeAttempt}): ${String(error)}; retrying in ${delay} ms`,
          );
          storeAttempt++;
          await sleep(delay);
          continue;
        }
        if (attempt >= this.maxAttempts) throw error;
        this.logger.warn(
          `${this.projection.name}: event at position ${error.failedPosition} failed (attempt ${attempt}): ${error.message}; retrying`,
        );
        await sleep(this.retryDelayMs * 2 ** (attempt - 1));
        attempt++;
      }
    }
  }

  /** One batch: load what it touches, fold in memory, write documents and checkpoint in one transaction. */
  private async applyBatch(recorded: RecordedEvent[], version: number, name: string): Promise<void> {
    const events: ProjectionEvent[] = [];
    for (const e of await this.openPersonalData(recorded.filter((e) => this.handles.has(e.type)))) {
      try {
        events.push(toProjectionEvent(e));
      } catch (error) {
        throw new ProjectionFailure(e.position, error);
      }
    }

    const touched = new Map<string, Set<string>>();
    const plans = events.map((event) => {
      try {
        const targets = this.projection.targets(event);
        const related = this.projection.related?.(event) ?? [];
        for (const ref of [...targets, ...related]) {
          let ids = touched.get(ref.collection);
          if (!ids) touched.set(ref.collection, (ids = new Set()));
          ids.add(ref.id);
        }
        return { event, targets, related };
      } catch (error) {
        throw new ProjectionFailure(event.position, error);
      }
    });

    const documents = new Map<string, ProjectedDocument | null>();
    for (const [collection, ids] of touched) {
      const found = await this.readStore.getMany<ProjectedDocument>(physical(collection, version), [...ids]);
      for (const id of ids) documents.set(refKey({ collection, id }), found.get(id) ?? null);
    }

    const dirty = new Map<string, DocumentRef>();
    for (const { event, targets, related } of plans) {
      try {
        const relatedDocs: RelatedDocuments = new Map(
          related.map((ref) => [refKey(ref), documents.get(refKey(ref)) ?? null]),
        );
        for (const target of targets) {
          const key = refKey(target);
          const current = documents.get(key) ?? null;
          if (current && current.lastEventPosition >= event.position) continue; // applied before: redelivery
          const next = this.projection.evolve(current, event, target, relatedDocs);
          if (next === current) continue;
          if (next && next.id !== target.id) {
            throw new Error(`${this.projection.name} returned document ${next.id} for target ${target.id}`);
          }
          documents.set(key, next);
          dirty.set(key, target);
        }
      } catch (error) {
        throw new ProjectionFailure(event.position, error);
      }
    }

    const changes = new Map<string, { upserts: ProjectedDocument[]; deletes: string[] }>();
    for (const [key, ref] of dirty) {
      let change = changes.get(ref.collection);
      if (!change) changes.set(ref.collection, (change = { upserts: [], deletes: [] }));
      const doc = documents.get(key);
      if (doc) change.upserts.push(doc);
      else change.deletes.push(ref.id);
    }
    const batchChanges: CollectionChange[] = [...changes].map(([collection, change]) => ({
      collection: physical(collection, version),
      upserts: change.upserts,
      deletes: change.deletes,
    }));
    await this.readStore.applyBatch({
      changes: batchChanges,
      checkpoints: [{ name, position: recorded[recorded.length - 1].position, state: 'running' }],
    });
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
          throw new ProjectionFailure(event.position, single);
        }
      }
      throw new ProjectionFailure(events[0].position, error);
    }
  }

  private async activeVersion(): Promise<number> {
    const versions = await this.readStore.collectionVersions(this.projection.collections[0].name);
    return versions.active ?? 1;
  }

  private async countAfter(position: number, head: number): Promise<number> {
    // Positions are dense in the embedded store but not in EventStoreDB; count the events when the gap is small,
    // and report the position gap as an upper bound otherwise.
    if (head <= position) return 0;
    if (head - position > 1000) return head - position;
    const events = await this.eventStore.readAll({ after: position, maxCount: 1000 });
    return events.length;
  }

  private setState(state: ProjectionState): void {
    this.currentStatus = { ...this.currentStatus, state };
  }

  private notifyWaiters(giveUp = false): void {
    for (const waiter of this.waiters) {
      if (this.currentStatus.position >= waiter.position) waiter.resolve(true);
      else if (giveUp || this.currentStatus.state === 'failed') waiter.resolve(false);
    }
  }
}

const physical = (collection: string, version: number): CollectionRef => ({ name: collection, version });

/** A recorded event as projections see it, upcast to the current schema; its personal data must be opened first. */
export function toProjectionEvent(recorded: RecordedEvent): ProjectionEvent {
  const event: NetworkEvent = upcast(recorded.type, recorded.data, recorded.metadata.schemaVersion ?? 1);
  return {
    ...event,
    id: recorded.id,
    streamId: recorded.streamId,
    revision: recorded.revision,
    position: recorded.position,
    metadata: recorded.metadata,
  } as ProjectionEvent;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
