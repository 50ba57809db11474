import { Global, Module } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { MetricsController } from './metrics.controller';
import { CommandMetricsInterceptor } from './metrics.interceptor';
import { Metrics } from './metrics';

@Global()
@Module({
  controllers: [MetricsController],
  providers: [Metrics, { provide: APP_INTERCEPTOR, useClass: CommandMetricsInterceptor }],
  exports: [Metrics],
})
export class MetricsModule {}
