import { Controller, Get, Inject, Req } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { HealthCheck } from '@nestjs/terminus';
import { HealthChecks } from '@app/projection-runtime';
import { APP_CONFIG, type AppConfig } from '../config/app.config';
import { OpenAccess } from '../auth/access.decorators';
import { healthReportFor } from './health-report';
import { AvailableWhileStarting } from './readiness.guard';
import { Shows } from '../routes/route.decorators';

@ApiTags('Operations')
// Container health checks and load balancers ask without a token, also while the stores are not ready; without a
// token the answer is the status only, the checks' details are for signed-in callers.
@OpenAccess()
@AvailableWhileStarting()
@Controller('health')
export class HealthController {
  constructor(
    private readonly checks: HealthChecks,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get('live')
  @Shows('liveness')
  @HealthCheck()
  @ApiOperation({
    summary: 'Liveness: the process answers (whatever the stores do; container health checks ask this)',
  })
  async live(@Req() request: FastifyRequest) {
    return healthReportFor(request, await this.checks.live());
  }

  @Get()
  @Shows('readiness')
  @HealthCheck()
  @ApiOperation({
    summary:
      'Readiness (for load balancers): both stores answer within HEALTH_TIMEOUT_MS, the read models are ' +
      'prepared, no projection failed, and none lags more than HEALTH_MAX_LAG_SECONDS (or, where counted ' +
      "exactly, HEALTH_MAX_LAG_EVENTS); 503 otherwise. The checks' details and reasons for signed-in " +
      'callers only; without a token, `{ status }` alone',
  })
  async ready(@Req() request: FastifyRequest) {
    const {
      healthTimeoutMs: timeoutMs,
      healthMaxLagSeconds: maxLagSeconds,
      healthMaxLagEvents: maxLagEvents,
    } = this.config;
    return healthReportFor(request, await this.checks.ready({ timeoutMs, maxLagSeconds, maxLagEvents }));
  }
}
