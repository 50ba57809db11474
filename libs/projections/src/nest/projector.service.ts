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
import {
  checkpointName,
  ProjectionRunner,
  type LogFields,
  type ProjectionStatus,
  type RunnerLogger,
} from '../runner/projection-runner';

export const PROJECTOR_OPTIONS = Symbol('PROJECTOR_OPTIONS');

export interface ProjectorOptions {
  projections: readonly Projection[];
  /** Start the runners when the application boots (false: the service only reports). */
  run: boolean;
  batchSize?: number;
}

/**
 * Runs every projection in this process: in the projector app, and inside the api in embedded mode. Stops them
 * gracefully on shutdown: the batch in hand is written with its checkpoint before the stores close.
 */
@Injectable()
export class ProjectorService implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('Projector');
  private readonly runners: ProjectionRunner[];

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
    this.runners = options.projections.map(
      (projection) =>
        new ProjectionRunner(projection, eventStore, readStore, {
          batchSize: options.batchSize,
          logger,
          personalData,
        }),
    );
  }

  get running(): boolean {
    return this.options.run;
  }

  async onApplicationBootstrap(): Promise<void> {
    // Collections exist before the first query, also when the projector runs in another process.
    for (const projection of this.options.projections) {
      const versions = await this.readStore.collectionVersions(projection.collections[0].name);
      await this.readStore.ensureCollections(projection.collections, { version: versions.active ?? 1 });
    }
    if (!this.options.run) return;
    for (const runner of this.runners) runner.start();
    this.logger.log(`Running projections: ${this.runners.map((r) => r.projection.name).join(', ')}`);
  }

  async beforeApplicationShutdown(): Promise<void> {
    await Promise.all(this.runners.map((runner) => runner.stop()));
    this.logger.log('Projections stopped; checkpoints stored');
  }

  projectionNames(): string[] {
    return this.runners.map((r) => r.projection.name);
  }

  runner(name: string): ProjectionRunner | undefined {
    return this.runners.find((r) => r.projection.name === name);
  }

  /**
   * Status of every projection with its lag. When the projections run in another process, from their stored
   * checkpoints.
   */
  async statuses(): Promise<ProjectionStatus[]> {
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
