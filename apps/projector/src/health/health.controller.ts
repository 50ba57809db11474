import { Controller, Get, Inject } from '@nestjs/common';
import { HealthCheck, HealthCheckService } from '@nestjs/terminus';
import { ProjectionsHealthIndicator, StoresHealthIndicator } from '@app/projection-runtime';
import { PROJECTOR_CONFIG, type ProjectorConfig } from '../config/projector.config';

@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly stores: StoresHealthIndicator,
    private readonly projections: ProjectionsHealthIndicator,
    @Inject(PROJECTOR_CONFIG) private readonly config: ProjectorConfig,
  ) {}

  /** Liveness: the process answers (container health checks ask this). */
  @Get('live')
  @HealthCheck()
  live() {
    return this.health.check([]);
  }

  /**
   * Readiness: both stores answer within HEALTH_TIMEOUT_MS, the read models are prepared and the projections run,
   * none failed or lags more than HEALTH_MAX_LAG_SECONDS (or, where counted exactly, HEALTH_MAX_LAG_EVENTS).
   */
  @Get()
  @HealthCheck()
  ready() {
    return this.health.check([
      () => this.stores.check(this.config.healthTimeoutMs),
      () =>
        this.projections.check({
          maxLagSeconds: this.config.maxLagSeconds,
          maxLagEvents: this.config.maxLagEvents,
        }),
    ]);
  }
}
