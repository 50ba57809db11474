import { Controller, Get, Inject } from '@nestjs/common';
import { HealthCheck, HealthCheckService } from '@nestjs/terminus';
import { ProjectionsHealthIndicator, StoresHealthIndicator } from '@app/projections/nest';
import { PROJECTOR_CONFIG, type ProjectorConfig } from '../config/projector.config';

@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly stores: StoresHealthIndicator,
    private readonly projections: ProjectionsHealthIndicator,
    @Inject(PROJECTOR_CONFIG) private readonly config: ProjectorConfig,
  ) {}

  /** Liveness: the process answers. */
  @Get('live')
  @HealthCheck()
  live() {
    return this.health.check([]);
  }

  /** Readiness: stores reachable, no projection failed or too far behind. */
  @Get()
  @HealthCheck()
  ready() {
    return this.health.check([
      () => this.stores.check(),
      () => this.projections.check(this.config.maxLagEvents),
    ]);
  }
}
