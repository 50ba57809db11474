import {
  BeforeApplicationShutdown,
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
} from '@nestjs/common';
import { EVENT_STORE, type EventStore } from '@app/event-store';
import { PERSONAL_DATA_TRANSFORMER, type PersonalDataReader } from '@app/privacy';
import { READ_STORE, type ReadStore } from '@app/read-store';
import type { Projection } from '../projection';
import { leaseOwnerId } from '../runner/projection-lease';
import {
  checkpointName,
  ProjectionRunner,
  type LogFields,
  type ProjectionStatus,
  type RunnerLogger,
} from '../runner/projection-runner';
import { ProjectorThread, type ProjectorThreadOptions, type ThreadHeap } from './projector-thread';

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
   * With `run`: one active projector per projection across processes. Each runner takes its projection's lease
   * (PROJECTION_LEASE_SECONDS) and waits in standby while another process holds it. `owner` defaults to a new
   * `host:pid:random` per service; a worker thread gets its service's owner, so a restarted worker resumes at
   * once instead of waiting for its predecessor's lease to expire.
   */
  lease?: { ttlMs: number; owner?: string };
  /** Called on every change of a runner's status (the worker thread posts them to the api's main thread). */
  onStatus?: (status: ProjectionStatus, writtenPosition: number) => void;
}

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
  /** The worker thread's side in this thread, when the projections run there. */
  readonly thread?: ProjectorThread;

  constructor(
    @Inject(EVENT_STORE) private readonly eventStore: EventStore,
    @Inject(READ_STORE) private readonly readStore: ReadStore,
    @Inject(PROJECTOR_OPTIONS) private readonly options: ProjectorOptions,
    @Inject(PERSONAL_DATA_TRANSFORMER) personalData: PersonalDataReader,
  ) {
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
    this.runners =
      options.run && !options.thread
        ? options.projections.map(
            (projection) =>
              new ProjectionRunner(projection, eventStore, readStore, {
                batchSize: options.batchSize,
                logger,
                personalData,
                onStatus: options.onStatus,
                lease,
              }),
          )
        : [];
  }

  /** The projections run under this process's control (this thread or its worker): positions are in memory. */
  get running(): boolean {
    return this.options.run;
  }

  async onApplicationBootstrap(): Promise<void> {
    // Collections exist before the first query, also when the projector runs in another process.
    for (const projection of this.options.projections) {
      const versions = await this.readStore.collectionVersions(projection.collections[0].name);
      await this.readStore.ensureCollections(projection.collections, { version: versions.active ?? 1 });
    }
    if (this.thread) {
      await this.thread.start();
      return;
    }
    if (!this.options.run) return;
    for (const runner of this.runners) runner.start();
    this.logger.log(`Running projections: ${this.runners.map((r) => r.projection.name).join(', ')}`);
  }

  async beforeApplicationShutdown(): Promise<void> {
    if (this.thread) {
      await this.thread.stop();
      this.logger.log('Projector thread stopped; checkpoints stored');
      return;
    }
    if (!this.options.run) return;
    await Promise.all(this.runners.map((runner) => runner.stop()));
    this.logger.log('Projections stopped; checkpoints stored');
  }

  projectionNames(): string[] {
    return this.options.projections.map((p) => p.name);
  }

  /** The runner of a projection on this thread (none when they run in a worker thread or elsewhere). */
  runner(name: string): ProjectionRunner | undefined {
    return this.runners.find((r) => r.projection.name === name);
  }

  /** With the projections in a worker thread: its JavaScript heap in use, as last reported (memory checks). */
  get threadHeapUsedBytes(): number | undefined {
    return this.thread?.heapUsedBytes;
  }

  /**
   * With the projections in a worker thread: its heap in use now, after a full collection when the process runs
   * with `--expose-gc` (its live data); undefined without a thread.
   */
  measureThreadHeap(): Promise<ThreadHeap | undefined> {
    return this.thread?.measureHeap() ?? Promise.resolve(undefined);
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
    if (this.thread) return this.thread.pause();
    await Promise.all(this.runners.map((runner) => runner.stop()));
  }

  resume(): void {
    if (this.thread) return this.thread.resume();
    for (const runner of this.runners) runner.start();
  }

  /**
   * Status of every projection with its lag. From the runners or the worker thread's reports when the
   * projections run under this process's control; otherwise from their stored checkpoints.
   */
  async statuses(): Promise<ProjectionStatus[]> {
    if (this.thread) return this.thread.statuses();
    if (this.options.run) return Promise.all(this.runners.map((r) => r.statusWithLag()));
    const head = (await this.eventStore.headPosition()) ?? 0;
    return Promise.all(
      this.options.projections.map(async (projection) => {
        const version = (await this.readStore.collectionVersions(projection.collections[0].name)).active ?? 1;
        const checkpoint = await this.readStore.getCheckpoint(checkpointName(projection.name, version));
        const position = checkpoint?.position ?? 0;
        return {
          name: projection.name,
          version,
          state: checkpoint?.state === 'failed' ? 'failed' : position >= head ? 'live' : 'catching-up',
          position,
          headPosition: head,
          lagEvents: Math.max(0, head - position),
          failedPosition: checkpoint?.failedPosition,
          error: checkpoint?.error,
          updatedAt: checkpoint?.updatedAt,
        } satisfies ProjectionStatus;
      }),
    );
  }

  /**
   * Read-your-writes: resolves true once every named projection (all when none is named) has applied the event
   * at `position`, false after `timeoutMs`.
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
    // Projections in another process: poll their checkpoints.
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const statuses = (await this.statuses()).filter((s) => selected.some((p) => p.name === s.name));
      if (statuses.every((s) => s.position >= position)) return true;
      if (Date.now() >= deadline) return false;
      await new Promise((resolve) => setTimeout(resolve, Math.min(25, Math.max(1, deadline - Date.now()))));
    }
  }
}
