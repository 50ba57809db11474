import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { TerminusModule } from '@nestjs/terminus';
import { HealthChecks, ProjectionsHealthIndicator, StoresHealthIndicator } from '@app/projection-runtime';
import { HealthController } from './health.controller';
import { ReadinessGuard } from './readiness.guard';

@Module({
  imports: [TerminusModule],
  controllers: [HealthController],
  providers: [
    StoresHealthIndicator,
    ProjectionsHealthIndicator,
    HealthChecks,
    // Before authentication (registered earlier): a request that needs a store that is not ready gets 503.
    { provide: APP_GUARD, useClass: ReadinessGuard },
  ],
})
export class HealthModule {}
