import type { LeaseState, ReadStore } from '@app/read-store';
import { isLeaseLostError, UnknownCollectionError } from '@app/read-store';
import { ProjectionFailure } from './batch-applier';
import type { ProjectionLease } from './projection-lease';
import {
  checkpointName,
  eventFields,
  silentLogger,
  type ProjectionRunnerOptions,
  type ProjectionState,
  type ProjectionStatus,
  type RunnerLogger,
} from './runner-options';
import { callWithPolicy, DEFAULT_RETRY_POLICY, failureKind, StoreCallFailure } from './store-call-policy';
import type { Projection } from '../projection';

/**
 * What a projection runner keeps besides its loop (ProjectionRunner): its status and who waits on its position,
 * the error policy every store call goes through (`call`), the record of a failure that stops it, and the
 * standby while another process holds its lease.
 */
export abstract class RunnerBase {
  protected readonly maxAttempts: number;
  protected readonly retryDelayMs: number;
  protected readonly maxRetryDelayMs: number;
  protected readonly logger: RunnerLogger;
  protected readonly now: () => Date;
  /** Position of the last event applied (in memory; written or not). */
  protected position = 0;
  /** Position of the last event applied and written (what readers can see). */
  protected writtenPosition = 0;
  /** The version written and its checkpoint's name, once the checkpoint has been read. */
  protected target?: { version: number; name: string };
  protected currentStatus: ProjectionStatus;
  protected stopping = false;
  /** Aborted by `stop()`: ends a wait between two tries at once. */
  protected abort?: AbortController;
  protected lease?: ProjectionLease;
  protected eventsApplied = 0;
  private readonly waiters = new Set<{ position: number; resolve: (reached: boolean) => void }>();

  constructor(
    readonly projection: Projection,
    protected readonly readStore: ReadStore,
    protected readonly options: ProjectionRunnerOptions,
  ) {
    this.maxAttempts = Math.max(1, options.maxAttempts ?? DEFAULT_RETRY_POLICY.maxAttempts);
    this.retryDelayMs = options.retryDelayMs ?? DEFAULT_RETRY_POLICY.initialMs;
    this.maxRetryDelayMs = options.maxRetryDelayMs ?? DEFAULT_RETRY_POLICY.maxMs;
    this.logger = options.logger ?? silentLogger;
    this.now = options.now ?? (() => new Date());
    this.currentStatus = {
      name: projection.name,
      version: options.version ?? 0,
      state: 'starting',
      position: 0,
    };
  }

  /** Writes the documents in hand with their checkpoint (as failed, with `failure`). */
  protected abstract write(
    version: number,
    name: string,
    failure?: { error: string; failedPosition?: number },
  ): Promise<void>;

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

  /**
   * Stops the projection for good: the status and an error line say why and where, and the checkpoint records it,
   * with the documents in hand (they hold every event up to the last one applied) unless writing them is what
   * failed. Recording is a store call like any other: retried while the store is away.
   */
  protected async fail(error: unknown): Promise<void> {
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
  protected whyStopped(error: unknown): string {
    if (error instanceof ProjectionFailure)
      return `the projection failed on the event, ${this.maxAttempts} tries`;
    if (!(error instanceof StoreCallFailure)) return `${failureKind(error)} error`;
    const kind = failureKind(error.cause);
    return `${kind} error in ${error.operation}${kind === 'unclassified' ? `, ${this.maxAttempts} tries` : ''}`;
  }

  protected async recordFailure(
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
  protected async call<T>(operation: string, work: () => Promise<T>, failedPosition?: number): Promise<T> {
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

  protected willRetry(operation: string, error: unknown, attempt: number, delayMs: number): void {
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

  protected recovered(): void {
    const { retrying, ...status } = this.currentStatus;
    this.currentStatus = status;
    this.logger.log(
      `${this.projection.name}: ${retrying?.operation} works again (failing since ${retrying?.since})`,
      { projection: this.projection.name, operation: retrying?.operation, since: retrying?.since },
    );
    this.reportStatus();
  }

  /**
   * Waiting for the lease: the status says `standby`, with the position the holder has written (so lag and
   * read-your-writes reflect the read models, whoever writes them). Failures to read it are left for the next try.
   */
  protected async standby(lease: LeaseState | undefined): Promise<void> {
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

  protected async activeVersion(): Promise<number> {
    const versions = await this.readStore.collectionVersions(this.projection.collections[0].name);
    return versions.active ?? 1;
  }

  protected setState(state: ProjectionState): void {
    this.currentStatus = { ...this.currentStatus, state };
    this.reportStatus();
  }

  protected reportStatus(): void {
    this.options.onStatus?.(this.status(), this.writtenPosition);
  }

  /** After a write, a failure or a stop: waiters that are done resolve, and the status is reported. */
  protected notifyWaiters(giveUp = false): void {
    this.reportStatus();
    for (const waiter of this.waiters) {
      if (this.writtenPosition >= waiter.position) waiter.resolve(true);
      else if (giveUp || this.currentStatus.state === 'failed') waiter.resolve(false);
    }
  }
}
