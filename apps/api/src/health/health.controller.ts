import { Controller, Get, Inject } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService } from '@nestjs/terminus';
import { ProjectionsHealthIndicator, StoresHealthIndicator } from '@app/projections/nest';
import { APP_CONFIG, type AppConfig } from '../config/app.config';
import { OpenAccess } from '../auth/access.decorators';
import { Shows } from '../routes/route.decorators';

@ApiTags('Operations')
// Container health checks and load balancers ask without a token.
@OpenAccess()
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
  @ApiOperation({ summary: 'Liveness: the process answers' })
  live() {
    return this.health.check([]);
  }

  @Get()
  @Shows('readiness')
  @HealthCheck()
  @ApiOperation({
    summary:
      'Readiness: both stores answer, and no projection failed or is further behind than HEALTH_MAX_LAG_EVENTS',
  })
  ready() {
    return this.health.check([
      () => this.stores.check(),
      () => this.projections.check(this.config.healthMaxLagEvents),
    ]);
  }
}
