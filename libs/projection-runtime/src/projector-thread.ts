import { Logger } from '@nestjs/common';
import type { Worker } from 'node:worker_threads';
import { startWorkerThread } from '@app/resilience';
import { type EventStore } from '@app/event-store';
import type { StoresConfig } from '@app/stores';
import { type ProjectionLeaseOptions, withLags, type ProjectionStatus } from '@app/projections/runner';

/** How the embedded projector runs in a worker thread of the api (ProjectorOptions.thread). */
export interface ProjectorThreadOptions {
  /** The stores the worker opens for itself: the same configuration as this process's (its own connections). */
  stores: StoresConfig;
  /** The api's log level: the worker posts only the lines that level lets through. */
  logLevel: string;
  /** First wait before a worker that died is started again; doubles per death in a row, up to 30 s. Default 1 s. */
  restartDelayMs?: number;
  /** How long a stop waits for the worker to store its checkpoints and close before it is ended. Default 10 s. */
  stopTimeoutMs?: number;
  /** The runners' lease (ProjectorOptions.lease): every worker, restarted ones too, runs as this owner. */
  lease?: ProjectionLeaseOptions;
}

/** What a worker is started with (`workerData`). */
export interface ProjectorWorkerData {
  /** Names of the projections to run (ALL_PROJECTIONS holds their code). */
  projections: string[];
  batchSize?: number;
  stores: StoresConfig;
  logLevel: string;
  /** Start with the runners stopped (a worker started again while the demo data loads). */
  paused: boolean;
  lease?: ProjectionLeaseOptions;
}

/** A projection's status as the worker reports it, with the position readers can see. */
export interface ReportedStatus {
  status: ProjectionStatus;
  /** Position written with its checkpoint: what a read of the read models sees. */
  written: number;
}

export type NestLogMethod = 'log' | 'error' | 'warn' | 'debug' | 'verbose' | 'fatal';

/** Messages from the api's main thread to the worker. */
export type ToProjectorWorker =
  { type: 'appended' } | { type: 'pause' } | { type: 'resume' } | { type: 'stop' };

/** Messages from the worker to the api's main thread. */
export type FromProjectorWorker =
  /** Stores open, collections ensured, runners started. */
  | { type: 'ready' }
  /** Statuses changed since the last message (after every batch written, and on every change of state). */
  | { type: 'status'; statuses: ReportedStatus[]; heapUsedBytes: number }
  | { type: 'paused' }
  /** A log line of the worker, as its Nest logger received it (message, then stack and/or context). */
  | { type: 'log'; method: NestLogMethod; message: unknown; params: unknown[] };

interface Waiter {
  position: number;
  names: readonly string[];
  resolve: (reached: boolean) => void;
}

const MAX_RESTART_DELAY_MS = 30_000;
/** A worker that ran this long before it died starts again after the first delay, not a longer one. */
const HEALTHY_UPTIME_MS = 60_000;

/**
 * The main-thread side of the embedded projector when it runs in a worker thread: starts the worker
 * (projector.worker.ts, which runs every projection with its own stores), keeps each projection's latest status
 * from the worker's messages, so positions, read-your-writes and lowest positions cost no round trip to a
 * database, wakes the worker's subscriptions at once after appends through this process's SQLite event store,
 * stops it gracefully, and starts it again when it dies.
 */
export class ProjectorThread {
  private readonly logger = new Logger('Projector');
  private readonly known = new Map<string, ReportedStatus>();
  private readonly waiters = new Set<Waiter>();
  private readonly restartDelayMs: number;
  private readonly stopTimeoutMs: number;
  private worker?: Worker;
  /** The first worker was ready: a death from then on is restarted (before, the start fails). */
  private started = false;
  private stopping = false;
  /** The worker died and its successor is not ready yet: the statuses say failed, but waiters keep waiting. */
  private restarting = false;
  /** The error every projection shows after the worker died, until a new worker reports. */
  private deathError?: string;
  private paused = false;
  private deathsInARow = 0;
  private restartTimer?: NodeJS.Timeout;
  private wakePending = false;
  private stopListening?: () => void;
  private pauseDone?: () => void;
  private heapUsed?: number;

  constructor(
    private readonly projections: readonly string[],
    private readonly batchSize: number | undefined,
    private readonly options: ProjectorThreadOptions,
    private readonly eventStore: EventStore,
  ) {
    this.restartDelayMs = Math.max(1, options.restartDelayMs ?? 1000);
    this.stopTimeoutMs = Math.max(1, options.stopTimeoutMs ?? 10_000);
    for (const name of projections) {
      this.known.set(name, { status: { name, version: 0, state: 'starting', position: 0 }, written: 0 });
    }
  }

  /** Starts the worker and resolves once it is ready; rejects when it fails before. */
  async start(): Promise<void> {
    this.stopping = false;
    // Appends through this process's store wake the worker at once; its own poll interval remains the fallback.
    this.stopListening = this.eventStore.onAppended?.(() => this.wake());
    await this.spawn();
    this.started = true;
    this.logger.log(`Running projections in a worker thread: ${this.projections.join(', ')}`);
  }

  /**
   * Asks the worker to stop (the runners finish their batch and store their checkpoints, the stores close) and
   * waits for it to end; ends it after `stopTimeoutMs`.
   */
  async stop(): Promise<void> {
    this.stopping = true;
    clearTimeout(this.restartTimer);
    this.stopListening?.();
    const worker = this.worker;
    if (worker) {
      const exited = new Promise<'exited'>((resolve) => worker.once('exit', () => resolve('exited')));
      let timer: NodeJS.Timeout | undefined;
      const timedOut = new Promise<'timeout'>((resolve) => {
        timer = setTimeout(() => resolve('timeout'), this.stopTimeoutMs);
      });
      worker.postMessage({ type: 'stop' } satisfies ToProjectorWorker);
      if ((await Promise.race([exited, timedOut])) === 'timeout') {
        this.logger.error(`The projector thread did not stop within ${this.stopTimeoutMs} ms; ending it`);
        await worker.terminate();
      }
      clearTimeout(timer);
    }
    for (const waiter of this.waiters) waiter.resolve(false);
  }

  /** Stops the runners in the worker (each stores its checkpoint); resolves once they have stopped. */
  async pause(): Promise<void> {
    this.paused = true;
    const worker = this.worker;
    if (!worker) return;
    // Also resolved when the worker ends first.
    await new Promise<void>((resolve) => {
      this.pauseDone = resolve;
      worker.postMessage({ type: 'pause' } satisfies ToProjectorWorker);
    });
  }

  resume(): void {
    this.paused = false;
    this.worker?.postMessage({ type: 'resume' } satisfies ToProjectorWorker);
  }

  /**
   * The worker's JavaScript heap in use, as it last reported it (with its statuses); undefined before. The api's
   * `/metrics` shows it (`slimmernetwerk_projector_thread_heap_used_bytes`): the process's own heap figures are
   * its main thread's alone.
   */
  get heapUsedBytes(): number | undefined {
    return this.heapUsed;
  }

  /** Position written by a projection, as last reported (in memory). */
  position(name: string): number | undefined {
    return this.known.get(name)?.written;
  }

  /** The last reported statuses, with their lag measured against the event store now. */
  statuses(): Promise<ProjectionStatus[]> {
    return withLags(this.reportedStatuses(), this.eventStore, new Date());
  }

  /** The last reported statuses (in memory; no lag). */
  reportedStatuses(): ProjectionStatus[] {
    return [...this.known.values()].map(({ status }) => status);
  }

  /**
   * Resolves true once every named projection (all when none is named) has written `position`, false after
   * `timeoutMs` or as soon as one of them has failed. While a worker that died is started again, waiters keep
   * waiting (within their timeout) for the new one to catch up.
   */
  waitForPosition(position: number, timeoutMs: number, names?: readonly string[]): Promise<boolean> {
    const selected = [...this.known.keys()].filter((name) => !names || names.includes(name));
    const outcome = this.outcome(position, selected);
    if (outcome !== undefined) return Promise.resolve(outcome);
    return new Promise((resolve) => {
      const waiter: Waiter = {
        position,
        names: selected,
        resolve: (reached) => {
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
   * Ends the worker at once, without letting it stop its runners: what a crash of the thread looks like. For
   * tests of the restart; nothing else calls it.
   */
  async terminateAbruptly(): Promise<void> {
    await this.worker?.terminate();
  }

  private outcome(position: number, names: readonly string[]): boolean | undefined {
    const reported = names.map((name) => this.known.get(name)!);
    if (reported.every((r) => r.written >= position)) return true;
    if (!this.restarting && reported.some((r) => r.status.state === 'failed')) return false;
    return undefined;
  }

  private spawn(): Promise<void> {
    const data: ProjectorWorkerData = {
      projections: [...this.projections],
      batchSize: this.batchSize,
      stores: this.options.stores,
      logLevel: this.options.logLevel,
      paused: this.paused,
      lease: this.options.lease,
    };
    const worker = startWorker(data);
    this.worker = worker;
    const startedAt = Date.now();
    return new Promise<void>((resolve, reject) => {
      let ready = false;
      let failure: Error | undefined;
      worker.on('message', (message: FromProjectorWorker) => {
        if (message.type === 'ready') {
          ready = true;
          // After a restart, what still says "failed" is the old worker's death, unless the new one reported
          // already: those projections are starting, and read-your-writes waits for their first report.
          if (this.restarting) this.forgetDeath();
          this.restarting = false;
          this.settleWaiters();
          resolve();
        } else {
          this.handle(message);
        }
      });
      worker.on('error', (error) => {
        failure = error;
        this.logger.error({ msg: `The projector thread failed: ${error.stack ?? error.message}` });
      });
      worker.on('exit', (code) => {
        if (this.worker === worker) this.worker = undefined;
        this.pauseDone?.();
        if (!ready) {
          reject(failure ?? new Error(`The projector thread ended before it was ready (exit code ${code})`));
        }
        if (!this.stopping && this.started) this.died(code, ready ? Date.now() - startedAt : 0);
      });
    });
  }

  private handle(message: FromProjectorWorker): void {
    switch (message.type) {
      case 'status':
        for (const reported of message.statuses) this.known.set(reported.status.name, reported);
        this.heapUsed = message.heapUsedBytes;
        this.settleWaiters();
        break;
      case 'log':
        (Logger[message.method] as (message: unknown, ...params: unknown[]) => void).call(
          Logger,
          message.message,
          ...message.params,
        );
        break;
      case 'paused':
        this.pauseDone?.();
        this.pauseDone = undefined;
        break;
      case 'ready':
        break;
    }
  }

  private settleWaiters(): void {
    for (const waiter of this.waiters) {
      const outcome = this.outcome(waiter.position, waiter.names);
      if (outcome !== undefined) waiter.resolve(outcome);
    }
  }

  private forgetDeath(): void {
    for (const [name, { status, written }] of this.known) {
      if (status.state === 'failed' && status.error === this.deathError) {
        this.known.set(name, { status: { ...status, state: 'starting', error: undefined }, written });
      }
    }
  }

  /**
   * The worker ended on its own: every projection is reported failed (so /health shows it) until a new worker,
   * started after a backoff, reports again from the checkpoints.
   */
  private died(code: number, uptimeMs: number): void {
    if (uptimeMs >= HEALTHY_UPTIME_MS) this.deathsInARow = 0;
    const delay = Math.min(MAX_RESTART_DELAY_MS, this.restartDelayMs * 2 ** this.deathsInARow);
    this.deathsInARow++;
    const error = `the projector thread ended unexpectedly (exit code ${code}); restarting it`;
    this.deathError = error;
    this.logger.error({
      msg: `The projector thread ended unexpectedly (exit code ${code}); starting it again in ${delay} ms`,
      exitCode: code,
      restartInMs: delay,
    });
    this.restarting = true;
    for (const [name, { status, written }] of this.known) {
      this.known.set(name, { status: { ...status, state: 'failed', error }, written });
    }
    this.restartTimer = setTimeout(() => {
      this.restartTimer = undefined;
      if (this.stopping) return;
      this.logger.log('Starting the projector thread again; the projections resume from their checkpoints');
      // A worker that fails again before it is ready is handled by its exit as well.
      this.spawn().catch(() => undefined);
    }, delay);
  }

  /** Appends of one turn of the event loop wake the worker once. */
  private wake(): void {
    if (this.wakePending) return;
    this.wakePending = true;
    setImmediate(() => {
      this.wakePending = false;
      this.worker?.postMessage({ type: 'appended' } satisfies ToProjectorWorker);
    });
  }
}

/** The worker runs projector.worker beside this file. */
function startWorker(data: ProjectorWorkerData): Worker {
  return startWorkerThread(__dirname, 'projector.worker', { workerData: data });
}
