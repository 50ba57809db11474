import { DynamicModule, Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { LoggerModule } from 'nestjs-pino';
import { ALL_PROJECTIONS } from '@app/projections';
import { ProjectionsHealthIndicator, ProjectorModule, StoresHealthIndicator } from '@app/projections/nest';
import { StoresModule, type StoreWrappers } from '@app/stores';
import { PROJECTOR_CONFIG, type ProjectorConfig } from './config/projector.config';
import { HealthController } from './health/health.controller';

/** The projector process: every projection, fed from the event store; HTTP only for health. */
@Module({})
export class ProjectorAppModule {
  static forRoot(config: ProjectorConfig, options: { wrapStores?: StoreWrappers } = {}): DynamicModule {
    return {
      module: ProjectorAppModule,
      imports: [
        LoggerModule.forRoot({ pinoHttp: { level: config.logLevel, autoLogging: false } }),
        // Serves its health checks while the read store is not reachable yet; the projections start once it is.
        StoresModule.forRoot(config.stores, { wrap: options.wrapStores, openInBackground: true }),
        ProjectorModule.forRoot({
          projections: ALL_PROJECTIONS,
          run: true,
          batchSize: config.batchSize,
          statusTimeoutMs: config.healthTimeoutMs,
        }),
        TerminusModule,
      ],
      controllers: [HealthController],
      providers: [
        { provide: PROJECTOR_CONFIG, useValue: config },
        StoresHealthIndicator,
        ProjectionsHealthIndicator,
      ],
    };
  }
}
