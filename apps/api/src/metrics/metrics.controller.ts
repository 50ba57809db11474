import { Controller, Get, Header } from '@nestjs/common';
import { ApiExcludeEndpoint } from '@nestjs/swagger';
import { Metrics } from './metrics';
import { Allow } from '../auth/access.decorators';
import { AvailableWhileStarting } from '../health/readiness.guard';
import { Shows } from '../routes/route.decorators';

// Scraped also while the stores are not ready (process figures; projection figures when they can be read).
@AvailableWhileStarting()
@Controller('metrics')
export class MetricsController {
  constructor(private readonly metrics: Metrics) {}

  /** Prometheus text format. */
  // Prometheus scrapes with a bearer token (`authorization: { credentials_file: ... }`).
  @Allow('coordinator', 'member', 'observer')
  @Get()
  @Shows('Prometheus metrics')
  @ApiExcludeEndpoint()
  @Header('content-type', 'text/plain; version=0.0.4; charset=utf-8')
  scrape(): Promise<string> {
    return this.metrics.registry.metrics();
  }
}
