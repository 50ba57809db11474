import { DynamicModule, Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { LoggerModule } from 'nestjs-pino';
import { ALL_PROJECTIONS } from '@app/projections';
import {
  HealthChecks,
  ProjectionsHealthIndicator,
  ProjectorMetrics,
  ProjectorModule,
  StoresHealthIndicator,
} from '@app/projection-runtime';
import { StoresModule, type StoreWrappers } from '@app/stores';
import { PROJECTOR_CONFIG, type ProjectorConfig } from './config/projector.config';
import { HealthController } from './health/health.controller';
import { MetricsController } from './metrics/metrics.controller';

/** The projector process: every projection, fed from the event store; HTTP only for health and metrics. */
@Module({})
export class ProjectorAppModule {
  static forRoot(config: ProjectorConfig, options: { wrapStores?: StoreWrappers } = {}): DynamicModule {
    return {
      module: ProjectorAppModule,
      imports: [
        LoggerModule.forRoot({ pinoHttp: { level: config.logLevel, autoLogging: false } }),
        // Serves its health checks while the read store is not reachable yet; the projections start once it is.
        // Any number of projector processes may run: per projection, the one holding its lease applies events.
        StoresModule.forRoot(config.stores, { wrap: options.wrapStores, openInBackground: true }),
        ProjectorModule.forRoot({
          projections: ALL_PROJECTIONS,
          run: true,
          batchSize: config.batchSize,
          lease: { ttlMs: config.leaseSeconds * 1000 },
          seal: config.seal,
          statusTimeoutMs: config.healthTimeoutMs,
        }),
        TerminusModule,
      ],
      controllers: [HealthController, MetricsController],
      providers: [
        { provide: PROJECTOR_CONFIG, useValue: config },
        StoresHealthIndicator,
        ProjectionsHealthIndicator,
        HealthChecks,
        ProjectorMetrics,
      ],
    };
  }
}
