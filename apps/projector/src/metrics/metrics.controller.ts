import { Controller, Get, Header } from '@nestjs/common';
import { ProjectorMetrics } from '@app/projection-runtime';

/**
 * Prometheus text format: per projection the events this process applied, position, lag, state and whether it
 * holds the lease. Unauthenticated like `/health`: the projector's port is for the cluster's network only.
 */
@Controller('metrics')
export class MetricsController {
  constructor(private readonly metrics: ProjectorMetrics) {}

  @Get()
  @Header('content-type', 'text/plain; version=0.0.4; charset=utf-8')
  scrape(): Promise<string> {
    return this.metrics.registry.metrics();
  }
}
