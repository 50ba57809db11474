import type { EventStore } from '@app/event-store';
import { withoutKeyStore } from '@app/privacy';
import type { Checkpoint, CheckpointWrite, ReadStore } from '@app/read-store';
import { isLeaseLostError, LeaseLostError, UnknownCollectionError } from '@app/read-store';
import { backoffDelay, isTransientStoreError } from '@app/resilience';
import { setTimeout as delay } from 'node:timers/promises';
import { BatchWriter, versionIsEmpty } from './batch-writer';
import { ProjectionLease } from './projection-lease';
import { ResumableSubscription, type EventBatches } from './resumable-subscription';
import {
  checkpointName,
  logBatch,
  type ProjectionRunnerOptions,
  type ProjectionStatus,
} from './runner-options';
import { DEFAULT_WRITE_BOUNDS } from './write-chunks';
import { withLag } from './lag';
import { WrittenIds } from './written-ids';
import { RunnerBase } from './runner-base';
import type { Projection } from '../projection';

export * from './runner-options';
export { toProjectionEvent } from './batch-writer';

const yieldToEventLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

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
export class ProjectionRunner extends RunnerBase {
  private readonly batchSize: number;
  private readonly flushEvery: number;
  /** The documents in hand: applies batches to them, writes them with the checkpoint. */
  private readonly batches: BatchWriter;
  /** Events applied since the last write, and the position of the first of them. */
  private unwritten = 0;
  private firstUnwritten = 0;
  private subscription?: EventBatches;
  private running?: Promise<void>;

  constructor(
    projection: Projection,
    private readonly eventStore: EventStore,
    readStore: ReadStore,
    options: ProjectionRunnerOptions = {},
  ) {
    super(projection, readStore, options);
    this.batchSize = options.batchSize ?? 1000;
    this.batches = new BatchWriter(
      projection,
      readStore,
      options.personalData ?? withoutKeyStore,
      {
        maxDocuments: Math.max(1, Math.floor(options.maxWriteDocuments ?? DEFAULT_WRITE_BOUNDS.maxDocuments)),
        maxBytes: Math.max(1, options.maxWriteBytes ?? DEFAULT_WRITE_BOUNDS.maxBytes),
      },
      Math.max(0, Math.floor(options.cacheDocuments ?? 0)),
    );
    this.flushEvery = Math.max(1, Math.floor(options.flushEvery ?? Math.max(this.batchSize, 10_000)));
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

  /** Status with lag measured against the store now. */
  statusWithLag(): Promise<ProjectionStatus> {
    return withLag(this.status(), this.eventStore, this.now());
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
    this.batches.reset(
      this.options.trackWrittenIds &&
        (await this.call('find', () => versionIsEmpty(this.readStore, this.projection, version)))
        ? new WrittenIds()
        : undefined,
    );
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
        const applied = await this.call('batch', () => this.batches.apply(events, version), first);
        if (applied === 0) {
          // The next event's documents would not fit with those in hand: those are written first.
          await this.write(version, name);
          continue;
        }
        if (this.unwritten === 0) this.firstUnwritten = first;
        this.position = events[applied - 1].position;
        this.unwritten += applied;
        logBatch(this.logger, this.projection.name, events, applied);
        const more = applied < events.length;
        this.batches.trim();
        // Documents and checkpoint are written every batch without a cache; with one, every `flushEvery` events,
        // when changed documents alone fill the memory, and whenever the runner catches up or stops. Either way
        // also when the changed documents are as many as one write may carry (the batch goes on afterwards).
        if (
          more ||
          this.batches.cacheLimit === 0 ||
          this.unwritten >= this.flushEvery ||
          this.batches.full ||
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
   * Writes the documents in hand with the checkpoint at the last event applied (as failed, with `failure`), each
   * write fenced by the lease and under the error policy (see BatchWriter's `write` for when one write is several).
   */
  protected async write(
    version: number,
    name: string,
    failure?: { error: string; failedPosition?: number },
  ): Promise<void> {
    const position = this.position;
    const checkpoint: CheckpointWrite = failure
      ? { name, position, state: 'failed', ...failure }
      : { name, position, state: 'running' };
    const lease = this.lease?.claim;
    await this.batches.write(version, checkpoint, (batch) =>
      this.call(
        'applyBatch',
        () => this.readStore.applyBatch(lease ? { ...batch, lease } : batch),
        this.firstUnwritten,
      ),
    );
    this.lease?.renewed();
    this.writtenPosition = position;
    this.eventsApplied += this.unwritten;
    this.unwritten = 0;
  }
}
