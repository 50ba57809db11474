import { upcast, type NetworkEvent } from '@app/contracts';
import type { EventStore, RecordedEvent } from '@app/event-store';
import { PersonalDataError, withoutKeyStore, type PersonalDataReader } from '@app/privacy';
import type {
  Checkpoint,
  CheckpointWrite,
  CollectionChange,
  CollectionRef,
  LeaseState,
  ReadStore,
} from '@app/read-store';
import { isLeaseLostError, LeaseLostError, UnknownCollectionError } from '@app/read-store';
import { backoffDelay, isTransientStoreError } from '@app/resilience';
import { setTimeout as delay } from 'node:timers/promises';
import { BatchApplier, ProjectionFailure, type EventLike } from './batch-applier';
import { DocumentCache } from './document-cache';
import { ProjectionLease, type ProjectionLeaseOptions } from './projection-lease';
import { ResumableSubscription, type EventBatches } from './resumable-subscription';
import type { SharedEventReader } from './shared-event-reader';
import { callWithPolicy, DEFAULT_RETRY_POLICY, failureKind, StoreCallFailure } from './store-call-policy';
import { DEFAULT_WRITE_BOUNDS, planWrites, type WriteBounds } from './write-chunks';
import { withLag } from './lag';
import { WrittenIds } from './written-ids';
import type { Projection, ProjectionEvent } from '../projection';

/** `standby`: another process holds the projection's lease; this runner waits to take over (see `lease`). */
export type ProjectionState = 'starting' | 'standby' | 'catching-up' | 'live' | 'failed' | 'stopped';

/** A store call that keeps failing with an error that may heal, and is being tried again. */
export interface ProjectionRetrying {
  /**
   * The call: `collectionVersions`, `ensureCollections`, `getCheckpoint`, `find` (at start-up), `subscription`
   * (reading events), `batch` (loading and applying a batch), `applyBatch` (writing), `activeVersion`,
   * `recordFailure`.
   */
  operation: string;
  /** Tries of that call that failed so far. */
  attempt: number;
  /** When the first failure of this outage happened (ISO-8601). */
  since: string;
  error: string;
}

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
  /**
   * Set while a store is away: the runner is trying a call again with backoff, and has not given up (`state` stays
   * what it was). Cleared by the next call that works.
   */
  retrying?: ProjectionRetrying;
  /** Events this runner has applied and written since it was created (a counter for metrics). */
  eventsApplied?: number;
  /** With a lease: whether this runner holds it, who does otherwise (when known), and how often it took it. */
  lease?: { held: boolean; owner: string; holder?: string; acquisitions: number };
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
  /**
   * Tries of a batch or store call whose failure is not known to heal (default 5): an event the projection's own
   * code cannot apply, or a store error its adapter did not classify. Then the projection stops as failed. Store
   * errors classified as transient are tried again without limit, permanent ones not at all.
   */
  maxAttempts?: number;
  /** First retry delay (default 200 ms); doubles per try, up to `maxRetryDelayMs`. */
  retryDelayMs?: number;
  /** Longest wait between two tries of a failing call (default 30 s). `stop()` ends a wait at once. */
  maxRetryDelayMs?: number;
  /** Documents (upserts and deletes) one write of the read store may carry (default 1,000). */
  maxWriteDocuments?: number;
  /** Bytes one write of the read store may carry, estimated as the documents' JSON (default 4 MB). */
  maxWriteBytes?: number;
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
  /**
   * One active runner per projection across processes: take the projection's lease (named after the projection)
   * before reading the checkpoint, fence every write with it, renew it while idle, give it up on stop. While
   * another owner holds it the runner waits in state `standby`; when a write finds it lost, the runner drops its
   * documents in memory and goes back to standby, and whoever takes over starts from the stored checkpoint. A
   * projection stopped in state `failed` by an event it cannot apply keeps its lease (renewed) until the runner is
   * stopped, so that another projector does not fail on the same event in turn; `stop()` releases it, and so does
   * an unexpected end of the runner (another projector may well succeed).
   */
  lease?: ProjectionLeaseOptions;
  /**
   * Read events through this reader, shared with the other live runners of a projector, rather than through a
   * subscription of this runner's own (see SharedEventReader). Not with `handledEventsOnly`, which reads a
   * filtered log of its own.
   */
  sharedReader?: SharedEventReader;
  logger?: RunnerLogger;
  now?: () => Date;
}

/** Checkpoint name of a projection's physical version: `timeline@v2`. */
export const checkpointName = (projection: string, version: number) => `${projection}@v${version}`;

/** Bytes assumed per document until the first write has measured them (see `write`). */
const ASSUMED_DOCUMENT_BYTES = 1024;

const yieldToEventLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

const silentLogger: RunnerLogger = { log: () => undefined, warn: () => undefined, error: () => undefined };

/**
 * Runs one projection: subscribes to the event store from the stored checkpoint and, per batch, loads the
 * documents the batch touches (one query per collection), folds the events over them with the projection's pure
 * `evolve`, and writes documents and checkpoint in one transaction. Delivery is at-least-once; documents remember
 * the last event applied to them, so a redelivered event changes nothing.
 *
 * Every store call goes through one error policy (see `callWithPolicy`), from start-up to the record of a failure:
 * a store that is away is waited for with backoff, however long it takes (the subscription resumes after the last
 * event applied); an error that will not heal (a permanent store error, the projection's own code failing on an
 * event, an unclassified error after `maxAttempts` tries) stops the projection in state `failed` at the position
 * where it happened, with the cause in its checkpoint and status: nothing is skipped.
 */
export class ProjectionRunner {
  private readonly batchSize: number;
  private readonly maxAttempts: number;
  private readonly retryDelayMs: number;
  private readonly maxRetryDelayMs: number;
  private readonly writeBounds: WriteBounds;
  private readonly logger: RunnerLogger;
  private readonly personalData: PersonalDataReader;
  private readonly now: () => Date;
  private readonly handles: ReadonlySet<string>;
  private readonly cacheLimit: number;
  private readonly flushEvery: number;
  /** Documents in memory (only those of the batch in hand without `cacheDocuments`). Reset per version. */
  private readonly cache = new DocumentCache();
  private readonly applier: BatchApplier;
  /** Position of the last event applied (in memory; written or not). */
  private position = 0;
  /** Position of the last event applied and written (what readers can see). */
  private writtenPosition = 0;
  /** Events applied since the last write, and the position of the first of them. */
  private unwritten = 0;
  private firstUnwritten = 0;
  /** Documents in memory that call for a write: the bound, or fewer when documents run large (see `write`). */
  private documentBudget: number;
  /** The documents written since the version was empty (trackWrittenIds); undefined when not known. */
  private written?: WrittenIds;
  /** The version written and its checkpoint's name, once the checkpoint has been read. */
  private target?: { version: number; name: string };

  private currentStatus: ProjectionStatus;
  private subscription?: EventBatches;
  private stopping = false;
  /** Aborted by `stop()`: ends a wait between two tries at once. */
  private abort?: AbortController;
  private running?: Promise<void>;
  private readonly waiters = new Set<{ position: number; resolve: (reached: boolean) => void }>();
  private readonly lease?: ProjectionLease;
  private eventsApplied = 0;

  constructor(
    readonly projection: Projection,
    private readonly eventStore: EventStore,
    private readonly readStore: ReadStore,
    private readonly options: ProjectionRunnerOptions = {},
  ) {
    this.batchSize = options.batchSize ?? 1000;
    this.maxAttempts = Math.max(1, options.maxAttempts ?? DEFAULT_RETRY_POLICY.maxAttempts);
    this.retryDelayMs = options.retryDelayMs ?? DEFAULT_RETRY_POLICY.initialMs;
    this.maxRetryDelayMs = options.maxRetryDelayMs ?? DEFAULT_RETRY_POLICY.maxMs;
    this.writeBounds = {
      maxDocuments: Math.max(1, Math.floor(options.maxWriteDocuments ?? DEFAULT_WRITE_BOUNDS.maxDocuments)),
      maxBytes: Math.max(1, options.maxWriteBytes ?? DEFAULT_WRITE_BOUNDS.maxBytes),
    };
    this.documentBudget = this.budgetFor(ASSUMED_DOCUMENT_BYTES);
    this.logger = options.logger ?? silentLogger;
    this.personalData = options.personalData ?? withoutKeyStore;
    this.now = options.now ?? (() => new Date());
    this.handles = new Set(projection.handles);
    this.applier = new BatchApplier(projection, readStore, this.cache);
    this.cacheLimit = Math.max(0, Math.floor(options.cacheDocuments ?? 0));
    this.flushEvery = Math.max(1, Math.floor(options.flushEvery ?? Math.max(this.batchSize, 10_000)));
    this.currentStatus = {
      name: projection.name,
      version: options.version ?? 0,
      state: 'starting',
      position: 0,
    };
    if (options.lease) {
      // A renewal that finds the lease taken ends the subscription; the runner then goes back to standby.
      this.lease = new ProjectionLease(readStore, projection.name, options.lease, this.logger, () => {
        void this.subscription?.close();
        this.reportStatus();
      });
    }
  }

  /** Starts in the background; `done()` resolves when the runner stops (or fails). */
  start(): this {
    this.stopping = false;
    if (!this.running) {
      this.abort = new AbortController();
      this.running = this.run()
        .catch((error: unknown) => {
          // Not a store's failure (those are retried, or stop the projection in `run`): a fault of the runner
          // itself. Reported as a failure of the projection rather than an unhandled rejection.
          this.currentStatus = {
            ...this.currentStatus,
            state: 'failed',
            error: String(error),
            retrying: undefined,
          };
          this.logger.error(
            `${this.projection.name}: stopped: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
          );
          // Not the projection's own failure: another projector may well succeed.
          void this.lease?.release();
          this.notifyWaiters(true);
        })
        .finally(() => {
          this.running = undefined;
        });
    }
    return this;
  }

  /** Resolves when the runner has stopped: stopped, failed, or caught up with `stopWhenCaughtUp`. */
  done(): Promise<void> {
    return this.running ?? Promise.resolve();
  }

  /**
   * Finishes the batch in hand (its checkpoint is written), then stops. A wait for a store that is away ends at
   * once, and a call that fails now is not tried again: the next start takes up from the stored checkpoint.
   */
  async stop(): Promise<void> {
    this.stopping = true;
    this.abort?.abort();
    this.lease?.interrupt();
    await this.subscription?.close();
    await this.done();
    await this.lease?.release();
    if (this.currentStatus.state !== 'failed') {
      this.currentStatus = { ...this.currentStatus, retrying: undefined };
      this.setState('stopped');
    }
  }

  status(): ProjectionStatus {
    const lease = this.lease;
    return {
      ...this.currentStatus,
      eventsApplied: this.eventsApplied,
      ...(lease && {
        lease: {
          held: lease.held,
          owner: lease.owner,
          ...(lease.holder !== undefined && { holder: lease.holder }),
          acquisitions: lease.acquisitions,
        },
      }),
    };
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
    if (this.currentStatus.state === 'failed') return Promise.resolve(false);
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
    for (let stray = 1; !this.stopping;) {
      try {
        await this.runOnVersion();
        return;
      } catch (error) {
        // A call cut short by stop(): nothing failed, and the next start takes up from the checkpoint.
        if (this.stopping) return;
        // A rebuild switched readers to a new version and dropped ours: follow it.
        if (error instanceof UnknownCollectionError && this.options.version === undefined) {
          this.logger.log(`${this.projection.name}: collections switched to a new version; following`);
          continue;
        }
        // Another projector took the lease over: what is in memory is dropped (runOnVersion starts afresh from
        // the stored checkpoint), and this runner waits in standby to take over again.
        if (isLeaseLostError(error) && this.lease) {
          this.lease.lost();
          continue;
        }
        // Every store call retries a transient error itself; one arriving here slipped past them (a bug), and
        // still must not end the run: start over from the checkpoint.
        if (isTransientStoreError(error)) {
          const wait = backoffDelay(stray++, { initialMs: this.retryDelayMs, maxMs: this.maxRetryDelayMs });
          this.logger.warn(`${this.projection.name}: ${String(error)}; starting over in ${wait} ms`);
          await delay(wait, undefined, { signal: this.abort?.signal }).catch(() => undefined);
          continue;
        }
        await this.fail(error);
        return;
      }
    }
  }

  /**
   * Start-up on the version to write (the active one, or the rebuild's): its collections, then its checkpoint, read
   * last because everything after resumes from it; then the batches.
   */
  private async runOnVersion(): Promise<void> {
    this.target = undefined;
    // The lease comes first: whatever this runner reads from here on was written by the last holder, whose
    // writes stopped when this one took the lease.
    if (this.lease && !this.lease.held) {
      const held = await this.lease.acquire(
        (state) => this.standby(state),
        () => this.stopping,
      );
      if (!held) return this.notifyWaiters(true); // stopped while waiting
    }
    const version =
      this.options.version ?? (await this.call('collectionVersions', () => this.activeVersion()));
    await this.call('ensureCollections', () =>
      this.readStore.ensureCollections(this.projection.collections, {
        version,
        ...(this.options.deferIndexes && this.options.version !== undefined && { deferIndexes: true }),
      }),
    );
    const name = checkpointName(this.projection.name, version);
    const checkpoint = await this.call('getCheckpoint', () => this.readStore.getCheckpoint(name));
    await this.resumeFrom(version, name, checkpoint);

    const subscription = this.openEvents();
    this.subscription = subscription;
    try {
      await this.follow(subscription, version, name);
    } finally {
      await subscription.close();
      this.subscription = undefined;
    }
    if (this.stopping) this.setState('stopped');
    this.notifyWaiters(this.stopping);
  }

  /** The runner's share of its projector's subscription, or a subscription of its own. */
  private openEvents(): EventBatches {
    const { sharedReader, handledEventsOnly } = this.options;
    if (sharedReader && !handledEventsOnly) return sharedReader.open(this.batchSize);
    return new ResumableSubscription(this.eventStore, {
      batchSize: this.batchSize,
      ...(handledEventsOnly && { eventTypes: this.projection.handles }),
    });
  }

  /** Positions, memory and status as the checkpoint says (none: from the first event). */
  private async resumeFrom(version: number, name: string, checkpoint: Checkpoint | undefined): Promise<void> {
    this.target = { version, name };
    this.position = this.writtenPosition = checkpoint?.position ?? 0;
    this.unwritten = 0;
    this.cache.clear();
    this.written =
      this.options.trackWrittenIds && (await this.call('find', () => this.versionIsEmpty(version)))
        ? new WrittenIds()
        : undefined;
    this.currentStatus = {
      name: this.projection.name,
      version,
      state: 'catching-up',
      position: this.position,
      updatedAt: checkpoint?.updatedAt,
    };
    this.reportStatus();
    this.logger.log(`${this.projection.name}: starting from position ${this.position} (version ${version})`, {
      projection: this.projection.name,
      position: this.position,
      version,
    });
    if (checkpoint?.state === 'failed') {
      this.logger.warn(
        `${this.projection.name}: retrying after an earlier failure at position ${checkpoint.failedPosition}: ${checkpoint.error}`,
      );
    }
  }

  /**
   * Applies the subscription's batches until stopped, caught up (with `stopWhenCaughtUp`), or readers moved to
   * another version; then writes the documents in hand.
   */
  private async follow(subscription: EventBatches, version: number, name: string): Promise<void> {
    while (!this.stopping) {
      const next = await this.call('subscription', () => subscription.next(this.position));
      if (next.done) break;
      const batch = next.value;
      // Reading and writing the stores may never wait on I/O (SQLite is synchronous): catching up, the runner
      // lets timers, requests and messages of its thread run between batches.
      await yieldToEventLoop();
      for (let events = batch.events.filter((e) => e.position > this.position); events.length > 0;) {
        const first = events[0].position;
        const applied = await this.call('batch', () => this.applyBatch(events, version), first);
        if (applied === 0) {
          // The next event's documents would not fit with those in hand: those are written first.
          await this.write(version, name);
          continue;
        }
        if (this.unwritten === 0) this.firstUnwritten = first;
        this.position = events[applied - 1].position;
        this.unwritten += applied;
        this.logBatch(events, applied);
        const more = applied < events.length;
        // Memory over its limit: unchanged documents go first, least recently used first.
        if (this.cache.size > this.cacheLimit) this.cache.trim(Math.floor(this.cacheLimit * 0.75));
        // Documents and checkpoint are written every batch without a cache; with one, every `flushEvery` events,
        // when changed documents alone fill the memory, and whenever the runner catches up or stops. Either way
        // also when the changed documents are as many as one write may carry (the batch goes on afterwards).
        if (
          more ||
          this.cacheLimit === 0 ||
          this.unwritten >= this.flushEvery ||
          this.cache.size > this.cacheLimit ||
          this.cache.dirtySize >= this.documentBudget ||
          batch.caughtUp ||
          this.stopping
        ) {
          await this.write(version, name);
        }
        this.currentStatus = {
          ...this.currentStatus,
          position: this.position,
          updatedAt: this.now().toISOString(),
        };
        this.options.onBatch?.(this.status(), applied);
        this.notifyWaiters();
        events = events.slice(applied);
      }
      if (batch.caughtUp && this.currentStatus.state !== 'live') {
        this.setState('live');
        this.logger.log(
          `${this.projection.name}: caught up at position ${this.position} (version ${version}); live`,
          { projection: this.projection.name, position: this.position, version },
        );
        if (this.options.stopWhenCaughtUp) break;
      }
      if (this.stopping) break;
      if (this.unwritten > 0) continue; // a switch is looked for once the documents in hand are written
      if (
        this.options.version === undefined &&
        (await this.call('activeVersion', () => this.activeVersion())) !== version
      ) {
        this.logger.log(`${this.projection.name}: readers moved to a new version; following`);
        throw new UnknownCollectionError(this.projection.collections[0].name, version);
      }
    }
    // A renewal found the lease taken: nothing more may be written.
    if (this.lease && !this.lease.held && !this.stopping) {
      throw new LeaseLostError(this.projection.name, this.lease.owner, this.lease.holder);
    }
    // Stopped (or caught up) with documents in hand: write them with their checkpoint.
    if (this.unwritten > 0) {
      await this.write(version, name);
      this.notifyWaiters();
    }
  }

  /**
   * Stops the projection for good: the status and an error line say why and where, and the checkpoint records it,
   * with the documents in hand (they hold every event up to the last one applied) unless writing them is what
   * failed. Recording is a store call like any other: retried while the store is away.
   */
  private async fail(error: unknown): Promise<void> {
    const cause = error instanceof StoreCallFailure ? error.cause : error;
    const failedPosition =
      error instanceof ProjectionFailure || error instanceof StoreCallFailure
        ? error.failedPosition
        : undefined;
    const message = cause instanceof Error ? cause.message : String(cause);
    this.currentStatus = {
      ...this.currentStatus,
      state: 'failed',
      failedPosition,
      error: message,
      retrying: undefined,
    };
    this.logger.error(
      `${this.projection.name}: stopped${failedPosition === undefined ? '' : ` at position ${failedPosition}`} (${this.whyStopped(error)}): ${cause instanceof Error ? (cause.stack ?? message) : message}`,
      {
        projection: this.projection.name,
        ...(error instanceof ProjectionFailure ? eventFields(error.event) : { position: failedPosition }),
      },
    );
    const target = this.target;
    if (target) {
      const failure = { error: message, ...(failedPosition !== undefined && { failedPosition }) };
      const documentsFailed = error instanceof StoreCallFailure && error.operation === 'applyBatch';
      await this.recordFailure(target, failure, !documentsFailed);
    }
    this.currentStatus = { ...this.currentStatus, position: this.writtenPosition };
    this.notifyWaiters(true);
  }

  /** What kind of failure stopped the projection, and after how many tries, for its log line. */
  private whyStopped(error: unknown): string {
    if (error instanceof ProjectionFailure)
      return `the projection failed on the event, ${this.maxAttempts} tries`;
    if (!(error instanceof StoreCallFailure)) return `${failureKind(error)} error`;
    const kind = failureKind(error.cause);
    return `${kind} error in ${error.operation}${kind === 'unclassified' ? `, ${this.maxAttempts} tries` : ''}`;
  }

  private async recordFailure(
    target: { version: number; name: string },
    failure: { error: string; failedPosition?: number },
    withDocuments: boolean,
  ): Promise<void> {
    if (withDocuments) {
      try {
        await this.write(target.version, target.name, failure);
        return;
      } catch (error) {
        if (this.stopping) return;
        this.logger.error(`${this.projection.name}: could not write the documents in hand: ${String(error)}`);
      }
    }
    // The documents are dropped (the events after the written checkpoint are applied again on restart).
    try {
      await this.call('recordFailure', () =>
        this.readStore.applyBatch({
          checkpoints: [{ name: target.name, position: this.writtenPosition, state: 'failed', ...failure }],
          lease: this.lease?.claim,
        }),
      );
    } catch (error) {
      this.logger.error(`${this.projection.name}: could not record the failure: ${String(error)}`);
    }
  }

  /**
   * One store call (or one batch, which calls stores) under the error policy of `callWithPolicy`: retried while
   * the error may heal, with the status saying so and a warning per try. What is given up on comes out as a
   * StoreCallFailure at `failedPosition`; the projection's own failures and a switch of versions as they are.
   */
  private async call<T>(operation: string, work: () => Promise<T>, failedPosition?: number): Promise<T> {
    let result: T;
    try {
      result = await callWithPolicy(work, {
        maxAttempts: this.maxAttempts,
        initialMs: this.retryDelayMs,
        maxMs: this.maxRetryDelayMs,
        signal: this.abort?.signal,
        onRetry: (error, attempt, delayMs) => this.willRetry(operation, error, attempt, delayMs),
      });
    } catch (error) {
      if (
        this.stopping ||
        error instanceof ProjectionFailure ||
        error instanceof UnknownCollectionError ||
        isLeaseLostError(error)
      )
        throw error;
      throw new StoreCallFailure(operation, error, failedPosition);
    }
    if (this.currentStatus.retrying) this.recovered();
    return result;
  }

  private willRetry(operation: string, error: unknown, attempt: number, delayMs: number): void {
    const message = error instanceof Error ? error.message : String(error);
    const since = this.currentStatus.retrying?.since ?? this.now().toISOString();
    this.currentStatus = { ...this.currentStatus, retrying: { operation, attempt, since, error: message } };
    this.reportStatus();
    if (error instanceof ProjectionFailure) {
      this.logger.warn(
        `${this.projection.name}: event at position ${error.failedPosition} failed (attempt ${attempt}): ${message}; retrying in ${delayMs} ms`,
        { projection: this.projection.name, attempt, ...eventFields(error.event) },
      );
      return;
    }
    this.logger.warn(
      `${this.projection.name}: ${operation} failed (try ${attempt}, ${failureKind(error)} error): ${message}; retrying in ${delayMs} ms`,
      { projection: this.projection.name, operation, attempt, delayMs, position: this.position },
    );
  }

  private recovered(): void {
    const { retrying, ...status } = this.currentStatus;
    this.currentStatus = status;
    this.logger.log(
      `${this.projection.name}: ${retrying?.operation} works again (failing since ${retrying?.since})`,
      { projection: this.projection.name, operation: retrying?.operation, since: retrying?.since },
    );
    this.reportStatus();
  }

  /**
   * Applies the batch's events from the first, as many as the documents in memory can take before a write is due
   * (see BatchApplier), their personal data opened. Returns how many of `recorded` it applied.
   */
  private async applyBatch(recorded: RecordedEvent[], version: number): Promise<number> {
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
    const budget = this.documentBudget - this.cache.dirtySize;
    return this.applier.apply(recorded, events, version, budget, this.written);
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
   * Writes the changed documents in memory with the checkpoint at the last event applied (as failed, with
   * `failure`), then trims the documents in memory to the cache's size, least recently used first.
   *
   * Nearly always in one transaction: the runner writes before the changed documents outgrow what one write may
   * carry (`maxWriteDocuments`, `maxWriteBytes`: a MongoDB transaction stays far from its limits), at an event
   * boundary (see `applyBatch`). Only the documents of a single event that exceed the bounds alone, or documents
   * far larger than the previous write's average, are split over several writes (planWrites), the checkpoint in the
   * last. A crash between them leaves documents ahead of the stored checkpoint, and the events after it come again
   * on restart. That is safe because:
   * - a document skips every event at or before its `lastEventPosition`: one written ahead takes no event twice;
   * - a document not yet written is rebuilt from the stored one by the same events, in order, and what they read as
   *   related documents must be as it was the first time. The collections any event read related documents from
   *   are written after the others, with the checkpoint, so a crash leaves them at the checkpoint as well.
   * Two cases are left to the projection, in a split over several events (documents far over the estimate) or with
   * related documents filling more than one write: an event that changed nothing in a document (no new
   * `lastEventPosition`) may meet a later state of it, and must change nothing there either; and an event may read
   * a related document it changed itself ahead. The tests crash between the chunks of every projection's rebuild.
   */
  private async write(
    version: number,
    name: string,
    failure?: { error: string; failedPosition?: number },
  ): Promise<void> {
    const pending = this.cache.changes();
    const position = this.position;
    const checkpoint: CheckpointWrite = failure
      ? { name, position, state: 'failed', ...failure }
      : { name, position, state: 'running' };
    const plan = planWrites(
      this.pendingChanges(version, pending),
      checkpoint,
      this.writeBounds,
      this.applier.readAsRelated,
    );
    const lease = this.lease?.claim;
    for (const batch of plan.batches) {
      await this.call(
        'applyBatch',
        () => this.readStore.applyBatch(lease ? { ...batch, lease } : batch),
        this.firstUnwritten,
      );
    }
    this.lease?.renewed();
    if (plan.bytes > 0) this.documentBudget = this.budgetFor(plan.bytes / plan.documents);
    if (this.written) {
      for (const { collection, upserts } of pending) {
        for (const doc of upserts) this.written.add(collection, doc.id);
      }
    }
    this.cache.markClean();
    this.writtenPosition = position;
    this.eventsApplied += this.unwritten;
    this.unwritten = 0;
    // Down to 75% of the limit, so that trimming is not due again after the next batch.
    if (this.cache.size > this.cacheLimit) this.cache.trim(Math.floor(this.cacheLimit * 0.75));
  }

  /** Changed documents that fill one write, at `bytesPerDocument` each. */
  private budgetFor(bytesPerDocument: number): number {
    const byBytes = Math.floor(this.writeBounds.maxBytes / Math.max(1, bytesPerDocument));
    return Math.max(1, Math.min(this.writeBounds.maxDocuments, byBytes));
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

  /**
   * Waiting for the lease: the status says `standby`, with the position the holder has written (so lag and
   * read-your-writes reflect the read models, whoever writes them). Failures to read it are left for the next try.
   */
  private async standby(lease: LeaseState | undefined): Promise<void> {
    const entering = this.currentStatus.state !== 'standby';
    try {
      const version = this.options.version ?? (await this.activeVersion());
      const checkpoint = await this.readStore.getCheckpoint(checkpointName(this.projection.name, version));
      const position = checkpoint?.position ?? 0;
      this.writtenPosition = position;
      this.currentStatus = {
        name: this.projection.name,
        version,
        state: 'standby',
        position,
        updatedAt: checkpoint?.updatedAt,
        // The holder stopped on an event it cannot apply: shown here too, where it will stop as well.
        ...(checkpoint?.state === 'failed' && {
          failedPosition: checkpoint.failedPosition,
          error: checkpoint.error,
        }),
      };
    } catch {
      this.currentStatus = { ...this.currentStatus, state: 'standby' };
    }
    if (entering) {
      const holder = lease ? `; the lease is held by ${lease.owner}` : '';
      this.logger.log(
        `${this.projection.name}: standby at position ${this.currentStatus.position}${holder}`,
        {
          projection: this.projection.name,
          position: this.currentStatus.position,
          leaseHolder: lease?.owner,
        },
      );
    }
    this.notifyWaiters();
  }

  private async activeVersion(): Promise<number> {
    const versions = await this.readStore.collectionVersions(this.projection.collections[0].name);
    return versions.active ?? 1;
  }

  /** The batch's positions and the correlation ids of its events: a request's events traced into the projector. */
  private logBatch(events: readonly RecordedEvent[], count: number): void {
    if (!this.logger.debug) return;
    const correlationIds = new Set<string>();
    for (let i = 0; i < count && correlationIds.size < MAX_CORRELATION_IDS; i++) {
      const correlationId = events[i].metadata.correlationId;
      if (correlationId) correlationIds.add(correlationId);
    }
    const first = events[0].position;
    const last = events[count - 1].position;
    this.logger.debug(`${this.projection.name}: applied ${count} events, positions ${first} to ${last}`, {
      projection: this.projection.name,
      fromPosition: first,
      toPosition: last,
      events: count,
      correlationIds: [...correlationIds],
    });
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
