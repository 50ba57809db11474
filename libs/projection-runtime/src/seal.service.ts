import {
  BeforeApplicationShutdown,
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
} from '@nestjs/common';
import { EVENT_STORE, type EventStore } from '@app/event-store';
import { READ_STORE, type ReadStore } from '@app/read-store';
import { SealScheduler } from '@app/projections/runner';
import { PROJECTOR_OPTIONS, type ProjectorOptions } from './projector.service';

/**
 * The periodic seals, written where the projections run (`run`: the projector app, or the api in the embedded
 * mode) and only when `seal` is configured; the lease picks one process among several.
 */
@Injectable()
export class SealService implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('Seal');
  readonly scheduler?: SealScheduler;

  constructor(
    @Inject(EVENT_STORE) eventStore: EventStore,
    @Inject(READ_STORE) readStore: ReadStore,
    @Inject(PROJECTOR_OPTIONS) options: ProjectorOptions,
  ) {
    if (!options.run || !options.seal) return;
    this.scheduler = new SealScheduler(
      eventStore,
      readStore,
      { ...options.seal, ...(options.lease?.owner && { owner: options.lease.owner }) },
      {
        log: (msg, fields) => this.logger.log(fields ? { msg, ...fields } : msg),
        warn: (msg, fields) => this.logger.warn(fields ? { msg, ...fields } : msg),
      },
      options.now,
    );
  }

  onApplicationBootstrap(): void {
    this.scheduler?.start();
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.scheduler?.stop();
  }
}
