import { Global, Module } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { MetricsController } from './metrics.controller';
import { CommandMetricsInterceptor } from './metrics.interceptor';
import { APPENDED_EVENTS_LISTENER } from '../commands/appended-events';
import { Metrics } from './metrics';

@Global()
@Module({
  controllers: [MetricsController],
  providers: [
    Metrics,
    { provide: APPENDED_EVENTS_LISTENER, useExisting: Metrics },
    { provide: APP_INTERCEPTOR, useClass: CommandMetricsInterceptor },
  ],
  exports: [Metrics, APPENDED_EVENTS_LISTENER],
})
export class MetricsModule {}
