import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_INTERCEPTOR } from '@nestjs/core';
import { CqrsModule } from '@nestjs/cqrs';
import { LoggerModule } from 'nestjs-pino';
import { APP_CONFIG, type AppConfig } from './config/app.config';
import { CLOCK, systemClock, type Clock } from './commands/clock';
import { AuthModule } from './auth/auth.module';
import { CommandsModule } from './commands/commands.module';
import { DiscussionsModule } from './discussions/discussions.module';
import { DoetanksModule } from './doetanks/doetanks.module';
import { GatheringsModule } from './gatherings/gatherings.module';
import { IdempotencyInterceptor } from './idempotency/idempotency.interceptor';
import { PersistenceModule } from './infrastructure/persistence.module';
import { MembersModule } from './members/members.module';
import { HealthModule } from './health/health.module';
import { MetricsModule } from './metrics/metrics.module';
import { TimelineModule } from './timeline/timeline.module';
import { DoetankQueriesModule } from './doetanks/doetank-queries.module';
import { MemberQueriesModule } from './members/member-queries.module';
import { GatheringQueriesModule } from './gatherings/gathering-queries.module';
import { RetrospectivesModule } from './retrospectives/retrospectives.module';
import { ReportModule } from './report/report.module';
import { WebModule } from './web/web.module';
import { ProjectionStatusModule } from './projections/projection-status.module';
import { ALL_PROJECTIONS } from '@app/projections';
import { ProjectorModule } from '@app/projection-runtime';
import type { StoreWrappers } from '@app/stores';
import { NetworkYearsModule } from './network-years/network-years.module';
import { ProblemDetailsFilter } from './problem-details/problem-details.filter';

/** The write side: the command pipeline, authentication and the command routes of every area. */
const WRITE_MODULES = [
  CommandsModule,
  // Authentication, authorisation and rate limiting of every route (global guards).
  AuthModule,
  MembersModule,
  DoetanksModule,
  GatheringsModule,
  NetworkYearsModule,
  DiscussionsModule,
];

/**
 * The API's own modules, imported by AppModule after the infrastructure, in this order. Their controllers are every
 * route of the API (besides the OpenAPI document): the route catalogue (`routes/api-routes.ts`) reads them from
 * here without starting the app.
 */
export const API_MODULES = [
  // First, so the OpenAPI document lists its paths in the order it always had (routes register in module order).
  ProjectionStatusModule,
  HealthModule,
  MetricsModule,
  ...WRITE_MODULES,
  TimelineModule,
  DoetankQueriesModule,
  MemberQueriesModule,
  GatheringQueriesModule,
  RetrospectivesModule,
  ReportModule,
  WebModule,
];

/**
 * What the import CLI builds: the command routes with what every request passes (readiness, authentication,
 * validation, idempotency, problem details), without the read side, the report, the page or the metrics.
 */
export const COMMAND_MODULES = [HealthModule, ...WRITE_MODULES];

export interface AppModuleOptions {
  config: AppConfig;
  /** Only the write side (COMMAND_MODULES) and no OpenAPI document or page assets: the import CLI. */
  commandsOnly?: boolean;
  /** Replaces the system clock (tests): business time, and the lag in seconds of the projections. */
  clock?: Clock;
  /** Decorates the stores' adapters (tests only: fault injection with `withFaults`). */
  wrapStores?: StoreWrappers;
}

@Module({})
export class AppModule {
  static forRoot({ config, clock = systemClock, wrapStores, commandsOnly }: AppModuleOptions): DynamicModule {
    return {
      module: AppModule,
      global: true,
      imports: [
        LoggerModule.forRoot({
          pinoHttp: {
            level: config.logLevel,
            // Correlation ids travel from the request into every event and every log line of that request.
            customProps: (req) => ({ correlationId: req.headers['x-correlation-id'] ?? req.id }),
            autoLogging: config.logLevel === 'debug' || config.logLevel === 'trace',
            redact: ['req.headers.authorization'],
          },
        }),
        CqrsModule.forRoot(),
        PersistenceModule.forRoot(config, { wrapStores }),
        // Embedded mode runs the projections in this process, in a worker thread of their own unless
        // EMBEDDED_PROJECTOR_THREAD=false; otherwise the service reports on the projector's checkpoints
        // (read-your-writes, health) while the projector app runs them.
        ProjectorModule.forRoot({
          projections: ALL_PROJECTIONS,
          run: config.embeddedProjector,
          ...(config.embeddedProjectorThread && {
            thread: { stores: config.stores, logLevel: config.logLevel },
          }),
          batchSize: config.projectorBatchSize,
          lease: { ttlMs: config.projectionLeaseSeconds * 1000 },
          seal: config.seal,
          statusTimeoutMs: config.healthTimeoutMs,
          now: () => clock.now(),
        }),
        ...(commandsOnly ? COMMAND_MODULES : API_MODULES),
      ],
      providers: [
        { provide: APP_CONFIG, useValue: config },
        { provide: CLOCK, useValue: clock },
        { provide: APP_FILTER, useClass: ProblemDetailsFilter },
        { provide: APP_INTERCEPTOR, useClass: IdempotencyInterceptor },
      ],
      exports: [APP_CONFIG, CLOCK],
    };
  }
}
