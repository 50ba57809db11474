import { Controller, Get, Inject } from '@nestjs/common';
import { HealthCheck } from '@nestjs/terminus';
import { HealthChecks } from '@app/projection-runtime';
import { PROJECTOR_CONFIG, type ProjectorConfig } from '../config/projector.config';

@Controller('health')
export class HealthController {
  constructor(
    private readonly checks: HealthChecks,
    @Inject(PROJECTOR_CONFIG) private readonly config: ProjectorConfig,
  ) {}

  /** Liveness: the process answers (container health checks ask this). */
  @Get('live')
  @HealthCheck()
  live() {
    return this.checks.live();
  }

  /**
   * Readiness: both stores answer within HEALTH_TIMEOUT_MS, the read models are prepared and the projections run,
   * none failed or lags more than HEALTH_MAX_LAG_SECONDS (or, where counted exactly, HEALTH_MAX_LAG_EVENTS).
   */
  @Get()
  @HealthCheck()
  ready() {
    const { healthTimeoutMs: timeoutMs, maxLagSeconds, maxLagEvents } = this.config;
    return this.checks.ready({ timeoutMs, maxLagSeconds, maxLagEvents });
  }
}
