import { Controller, Get, Inject } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService } from '@nestjs/terminus';
import { ProjectionsHealthIndicator, StoresHealthIndicator } from '@app/projections/nest';
import { APP_CONFIG, type AppConfig } from '../config/app.config';
import { OpenAccess } from '../auth/access.decorators';
import { AvailableWhileStarting } from './readiness.guard';
import { Shows } from '../routes/route.decorators';

@ApiTags('Operations')
// Container health checks and load balancers ask without a token, also while the stores are not ready.
@OpenAccess()
@AvailableWhileStarting()
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly stores: StoresHealthIndicator,
    private readonly projections: ProjectionsHealthIndicator,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get('live')
  @Shows('liveness')
  @HealthCheck()
  @ApiOperation({
    summary: 'Liveness: the process answers (whatever the stores do; container health checks ask this)',
  })
  live() {
    return this.health.check([]);
  }

  @Get()
  @Shows('readiness')
  @HealthCheck()
  @ApiOperation({
    summary:
      'Readiness (for load balancers): both stores answer within HEALTH_TIMEOUT_MS, the read models are ' +
      'prepared, no projection failed, and none lags more than HEALTH_MAX_LAG_SECONDS (or, where counted ' +
      'exactly, HEALTH_MAX_LAG_EVENTS); 503 with the reasons otherwise',
  })
  ready() {
    return this.health.check([
      () => this.stores.check(this.config.healthTimeoutMs),
      () =>
        this.projections.check({
          maxLagSeconds: this.config.healthMaxLagSeconds,
          maxLagEvents: this.config.healthMaxLagEvents,
        }),
    ]);
  }
}
