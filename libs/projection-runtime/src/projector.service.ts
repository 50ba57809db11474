import {
  BeforeApplicationShutdown,
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
} from '@nestjs/common';
import { EVENT_STORE, type EventStore } from '@app/event-store';
import { PERSONAL_DATA_TRANSFORMER, type PersonalDataReader } from '@app/privacy';
import { READ_STORE, type Checkpoint, type ReadStore } from '@app/read-store';
import { retrying, withDeadline } from '@app/resilience';
import { isTransientAtStartUp, reasonOf } from '@app/stores';
import type { Projection } from '@app/projections';
import {
  leaseOwnerId,
  withLags,
  type ProjectionLag,
  checkpointName,
  ProjectionRunner,
  type LogFields,
  type ProjectionStatus,
  type RunnerLogger,
  SharedEventReader,
  type SealSchedule,
} from '@app/projections/runner';
import { ProjectorThread, type ProjectorThreadOptions } from './projector-thread';

export const PROJECTOR_OPTIONS = Symbol('PROJECTOR_OPTIONS');

export interface ProjectorOptions {
  projections: readonly Projection[];
  /** Start the runners when the application boots (false: the service only reports). */
  run: boolean;
  /**
   * With `run`: run them in a worker thread of this process (ProjectorThread) rather than on this thread. The
   * service then keeps their statuses from the worker's messages.
   */
  thread?: ProjectorThreadOptions;
  batchSize?: number;
  /**
   * With `run` on this thread: recent events the runners' shared subscription keeps for runners a little behind
   * the others (default 10 batches; see SharedEventReader).
   */
  readWindowEvents?: number;
  /**
   * With `run`: one active projector per projection across processes. Each runner takes its projection's lease
   * (PROJECTION_LEASE_SECONDS) and waits in standby while another process holds it. `owner` defaults to a new
   * `host:pid:random` per service; a worker thread gets its service's owner, so a restarted worker resumes at
   * once instead of waiting for its predecessor's lease to expire.
   */
  lease?: { ttlMs: number; owner?: string };
  /** Called on every change of a runner's status (the worker thread posts them to the api's main thread). */
  onStatus?: (status: ProjectionStatus, writtenPosition: number) => void;
  /**
   * Deadline of the store reads behind `statuses()` (checkpoints, the head, the lag), so that /health and
   * /projections answer within it when a store hangs. Default 3000 ms.
   */
  statusTimeoutMs?: number;
  /** How often a wait for a position polls the checkpoints of projections that run elsewhere. Default 50 ms. */
  pollIntervalMs?: number;
  /** The clock of the lag in seconds (tests). */
  now?: () => Date;
  /** With `run`: write the store's seals (SEAL_INTERVAL_SECONDS, SEAL_EVERY_EVENTS); see SealService. */
  seal?: SealSchedule;
}

/**
 * A projection's status with its lag measured against the event store; `lagError` when the lag could not be
 * measured (the event store did not answer in time), and then no lag figures.
 */
export type MeasuredStatus = ProjectionStatus & Partial<ProjectionLag> & { lagError?: string };

/** Whether the projections can be read (collections ensured) and, in this process, run. */
export type ProjectorReadiness = { ready: true } | { ready: false; reason: string };

/** How long the active versions of projections that run elsewhere are trusted before they are read again. */
const VERSIONS_TTL_MS = 5000;
/** A checkpoint missing for a cached version reads the versions again, at most this often. */
const VERSIONS_MISS_REFRESH_MS = 500;

/**
 * The projections of this application, in one of three ways:
 * - on this thread (`run` without `thread`): in the projector app, in the api's worker thread, and inside the api
 *   when EMBEDDED_PROJECTOR_THREAD=false;
 * - in a worker thread of this process (`run` with `thread`): the api's embedded mode by default;
 * - elsewhere (`run: false`): the projector app runs them; this service reports from their stored checkpoints.
 *
 * Stops them gracefully on shutdown: the batch in hand is written with its checkpoint before the stores close.
 */
@Injectable()
export class ProjectorService implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('Projector');
  /** The runners on this thread; none when the projections run in a worker thread or elsewhere. */
  private readonly runners: ProjectionRunner[];
  /** The one subscription to all events the runners on this thread share. */
  readonly reader?: SharedEventReader;
  /** The worker thread's side in this thread, when the projections run there. */
  readonly thread?: ProjectorThread;
  private readonly now: () => Date;
  private readonly statusTimeoutMs: number;
  private readonly pollIntervalMs: number;
  /** Preparing the read store (collections) and starting the runners, in the background from bootstrap on. */
  private preparation: ProjectorReadiness = { ready: false, reason: 'starting' };
  private prepared?: Promise<void>;
  private readonly stopPreparing = new AbortController();
  /** The runners were paused (an import): preparation does not start them. */
  private paused = false;
  /** The reading of statuses in progress: concurrent callers (/health, /metrics, /projections) share it. */
  private reading?: Promise<MeasuredStatus[]>;
  /** Active versions of the projections, for reading their checkpoints when they run elsewhere. */
  private versions?: { byProjection: Map<string, number>; readAt: number };

  constructor(
    @Inject(EVENT_STORE) private readonly eventStore: EventStore,
    @Inject(READ_STORE) private readonly readStore: ReadStore,
    @Inject(PROJECTOR_OPTIONS) private readonly options: ProjectorOptions,
    @Inject(PERSONAL_DATA_TRANSFORMER) personalData: PersonalDataReader,
  ) {
    this.now = options.now ?? (() => new Date());
    this.statusTimeoutMs = options.statusTimeoutMs ?? 3000;
    this.pollIntervalMs = Math.max(1, options.pollIntervalMs ?? 50);
    // Structured lines (pino in the apps): the message plus the runner's fields (projection, positions, the
    // events' correlation ids).
    const line = (msg: string, fields?: LogFields) => (fields ? { msg, ...fields } : msg);
    const logger: RunnerLogger = {
      log: (m, fields) => this.logger.log(line(m, fields)),
      warn: (m, fields) => this.logger.warn(line(m, fields)),
      error: (m, fields) => this.logger.error(line(m, fields)),
      debug: (m, fields) => this.logger.debug(line(m, fields)),
    };
    const lease = options.lease && {
      ttlMs: options.lease.ttlMs,
      owner: options.lease.owner ?? leaseOwnerId(),
    };
    this.thread =
      options.run && options.thread
        ? new ProjectorThread(
            options.projections.map((p) => p.name),
            options.batchSize,
            { ...options.thread, ...(lease && { lease }) },
            eventStore,
          )
        : undefined;
    const runsHere = options.run && !options.thread;
    this.reader = runsHere
      ? new SharedEventReader(eventStore, {
          batchSize: options.batchSize,
          windowEvents: options.readWindowEvents,
        })
      : undefined;
    this.runners = runsHere
      ? options.projections.map(
          (projection) =>
            new ProjectionRunner(projection, eventStore, readStore, {
              batchSize: options.batchSize,
              logger,
              personalData,
              onStatus: options.onStatus,
              lease,
              sharedReader: this.reader,
            }),
        )
      : [];
  }

  /** The projections run under this process's control (this thread or its worker): positions are in memory. */
  get running(): boolean {
    return this.options.run;
  }

  /**
   * Prepares the read models: the collections are ensured, then the runners or the worker thread start. When the
   * read store is there, the application starts once that is done (as it always did). When it is not reachable
   * yet (unavailable, or its file locked), the application starts anyway, so it answers its health checks, and
   * preparing goes on in the background, retried with capped backoff; until it is done `readiness()` says why not.
   * An error that retrying will not cure fails the start, or later rejects `whenPrepared()`.
   */
  async onApplicationBootstrap(): Promise<void> {
    let waiting!: () => void;
    const storeNotThereYet = new Promise<void>((resolve) => (waiting = resolve));
    this.prepared = this.prepare(waiting);
    this.prepared.catch(() => undefined);
    await Promise.race([this.prepared, storeNotThereYet]);
  }

  /** Resolves once prepared; rejects when a permanent error stopped the preparation. */
  async whenPrepared(): Promise<void> {
    await this.prepared;
  }

  readiness(): ProjectorReadiness {
    return this.preparation;
  }

  private async prepare(onWaiting: () => void): Promise<void> {
    try {
      await retrying(() => this.ensureCollections(), {
        retryable: isTransientAtStartUp,
        signal: this.stopPreparing.signal,
        initialMs: 100,
        maxMs: 5000,
        onRetry: (error, attempt, delayMs) => {
          this.preparation = { ready: false, reason: `read store unavailable: ${reasonOf(error)}` };
          onWaiting();
          if (attempt === 1 || attempt % 20 === 0) {
            this.logger.warn(
              `Cannot prepare the read models yet (${reasonOf(error)}); trying again in ${Math.round(delayMs)} ms`,
            );
          }
        },
      });
      if (this.stopPreparing.signal.aborted) return;
      if (this.thread) {
        await this.thread.start();
      } else if (this.options.run && !this.paused) {
        for (const runner of this.runners) runner.start();
        this.logger.log(`Running projections: ${this.runners.map((r) => r.projection.name).join(', ')}`);
      }
      this.preparation = { ready: true };
    } catch (error) {
      if (this.stopPreparing.signal.aborted) return;
      this.preparation = { ready: false, reason: `cannot prepare the read models: ${reasonOf(error)}` };
      this.logger.error(`Cannot prepare the read models: ${reasonOf(error)}`);
      throw error;
    }
  }

  /** Collections exist before the first query, also when the projector runs in another process. */
  private async ensureCollections(): Promise<void> {
    for (const projection of this.options.projections) {
      const versions = await this.readStore.collectionVersions(projection.collections[0].name);
      await this.readStore.ensureCollections(projection.collections, { version: versions.active ?? 1 });
    }
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopPreparing.abort();
    if (this.thread) {
      // Also a worker still starting (waiting for its stores) is stopped, or ended after the stop timeout.
      await this.thread.stop();
      await this.prepared?.catch(() => undefined);
      this.logger.log('Projector thread stopped; checkpoints stored');
      return;
    }
    await this.prepared?.catch(() => undefined);
    if (!this.options.run) return;
    await Promise.all(this.runners.map((runner) => runner.stop()));
    await this.reader?.close();
    this.logger.log('Projections stopped; checkpoints stored');
  }

  projectionNames(): string[] {
    return this.options.projections.map((p) => p.name);
  }

  /** The runner of a projection on this thread (none when they run in a worker thread or elsewhere). */
  runner(name: string): ProjectionRunner | undefined {
    return this.runners.find((r) => r.projection.name === name);
  }

  /** With the projections in a worker thread: its JavaScript heap in use, as last reported (the api's metrics). */
  get threadHeapUsedBytes(): number | undefined {
    return this.thread?.heapUsedBytes;
  }

  /**
   * The position a projection has applied, known in memory when the projections run under this process's control
   * (undefined otherwise: ask `statuses()`).
   */
  position(name: string): number | undefined {
    if (this.thread) return this.thread.position(name);
    return this.runner(name)?.status().position;
  }

  /**
   * Stops the runners (each stores its checkpoint), until `resume()`: while a large import goes in, catching up
   * afterwards in large batches is faster than following it. Nothing to do when they run elsewhere.
   */
  async pause(): Promise<void> {
    this.paused = true;
    if (this.thread) return this.thread.pause();
    await Promise.all(this.runners.map((runner) => runner.stop()));
  }

  resume(): void {
    this.paused = false;
    if (this.thread) return this.thread.resume();
    // Not prepared yet: the preparation starts them.
    if (!this.preparation.ready) return;
    for (const runner of this.runners) runner.start();
  }

  /**
   * Status of every projection with its lag (see libs/projections' lag.ts). Positions and states come from the
   * runners or the worker thread's reports when the projections run under this process's control, otherwise from
   * their stored checkpoints (one query); the lag from the event store. Each part has the deadline
   * `statusTimeoutMs`: a read store that does not answer rejects, an event store that does not answer leaves the
   * lag out (`lagError`). Callers at the same time share one reading, so /health and /metrics agree.
   */
  statuses(): Promise<MeasuredStatus[]> {
    this.reading ??= this.readStatuses().finally(() => (this.reading = undefined));
    return this.reading;
  }

  private async readStatuses(): Promise<MeasuredStatus[]> {
    const deadline = Date.now() + this.statusTimeoutMs;
    const remaining = () => Math.max(1, deadline - Date.now());
    const applied = this.options.run
      ? this.appliedInProcess()
      : await withDeadline(remaining(), { store: 'read store', operation: 'listCheckpoints' }, () =>
          this.checkpointStatuses(),
        );
    const now = this.now();
    try {
      const measured = await withDeadline(
        remaining(),
        { store: 'event store', operation: 'headPosition' },
        () => withLags(applied, this.eventStore, now),
      );
      // In another process the state follows from the lag: caught up is live.
      return this.options.run
        ? measured
        : measured.map((s) => (s.state === 'catching-up' && s.lagEvents === 0 ? { ...s, state: 'live' } : s));
    } catch (error) {
      return applied.map((s) => ({ ...s, lagError: reasonOf(error) }));
    }
  }

  private appliedInProcess(): ProjectionStatus[] {
    return this.thread ? this.thread.reportedStatuses() : this.runners.map((r) => r.status());
  }

  /** Projections that run elsewhere, from their stored checkpoints: one query, versions cached. */
  private async checkpointStatuses(): Promise<ProjectionStatus[]> {
    const { checkpoints, versions } = await this.activeCheckpoints();
    return this.options.projections.map((projection) => {
      const version = versions.get(projection.name) ?? 1;
      const checkpoint = checkpoints.get(projection.name);
      return {
        name: projection.name,
        version,
        state: checkpoint?.state === 'failed' ? 'failed' : 'catching-up',
        position: checkpoint?.position ?? 0,
        failedPosition: checkpoint?.failedPosition,
        error: checkpoint?.error,
        updatedAt: checkpoint?.updatedAt,
      } satisfies ProjectionStatus;
    });
  }

  /**
   * The checkpoint of each projection's active version: every checkpoint in one query, matched to the active
   * versions, which are cached (a rebuild switches them rarely): read again every few seconds, or when a cached
   * version's checkpoint is missing.
   */
  private async activeCheckpoints(): Promise<{
    checkpoints: Map<string, Checkpoint>;
    versions: Map<string, number>;
  }> {
    const stale = !this.versions || Date.now() - this.versions.readAt > VERSIONS_TTL_MS;
    const [cached, all] = await Promise.all([this.activeVersions(stale), this.readStore.listCheckpoints()]);
    let versions = cached;
    const byName = new Map(all.map((c) => [c.name, c]));
    const missing = this.options.projections.some(
      (p) => !byName.has(checkpointName(p.name, versions.get(p.name) ?? 1)),
    );
    if (missing && !stale && Date.now() - this.versions!.readAt > VERSIONS_MISS_REFRESH_MS) {
      versions = await this.activeVersions(true);
    }
    const checkpoints = new Map<string, Checkpoint>();
    for (const projection of this.options.projections) {
      const checkpoint = byName.get(checkpointName(projection.name, versions.get(projection.name) ?? 1));
      if (checkpoint) checkpoints.set(projection.name, checkpoint);
    }
    return { checkpoints, versions };
  }

  private async activeVersions(refresh: boolean): Promise<Map<string, number>> {
    if (!refresh && this.versions) return this.versions.byProjection;
    const entries = await Promise.all(
      this.options.projections.map(
        async (p) =>
          [p.name, (await this.readStore.collectionVersions(p.collections[0].name)).active ?? 1] as const,
      ),
    );
    this.versions = { byProjection: new Map(entries), readAt: Date.now() };
    return this.versions.byProjection;
  }

  /**
   * The lowest position the named projections (all when none is named) have applied: what a read of their read
   * models includes at least. In memory when they run under this process's control, otherwise one read of their
   * checkpoints; never the event store.
   */
  async lowestPosition(names?: readonly string[]): Promise<number> {
    const selected = this.options.projections.filter((p) => !names || names.includes(p.name));
    if (selected.length === 0) return 0;
    if (this.options.run) return Math.min(...selected.map((p) => this.position(p.name) ?? 0));
    const { checkpoints } = await this.activeCheckpoints();
    return Math.min(...selected.map((p) => checkpoints.get(p.name)?.position ?? 0));
  }

  /**
   * Read-your-writes: resolves true once every named projection (all when none is named) has applied the event
   * at `position`, false after `timeoutMs` (or as soon as one of them has failed). Projections that run elsewhere
   * are followed through their checkpoints, polled every `pollIntervalMs` (the read store only).
   */
  async waitForPosition(position: number, timeoutMs: number, names?: readonly string[]): Promise<boolean> {
    if (this.thread) return this.thread.waitForPosition(position, timeoutMs, names);
    const selected = this.options.projections.filter((p) => !names || names.includes(p.name));
    if (this.options.run) {
      const reached = await Promise.all(
        selected.map((p) => this.runner(p.name)!.waitForPosition(position, timeoutMs)),
      );
      return reached.every(Boolean);
    }
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const { checkpoints } = await this.activeCheckpoints();
      const applied = selected.map((p) => checkpoints.get(p.name));
      if (applied.every((c) => (c?.position ?? 0) >= position)) return true;
      if (applied.some((c) => c?.state === 'failed')) return false;
      if (Date.now() >= deadline) return false;
      await new Promise((resolve) =>
        setTimeout(resolve, Math.min(this.pollIntervalMs, Math.max(1, deadline - Date.now()))),
      );
    }
  }
}
