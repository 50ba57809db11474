import { Controller, Get, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { ProjectorService } from '@app/projection-runtime';
import { isTransientStoreError } from '@app/resilience';
import { reasonOf } from '@app/stores';
import { Allow } from '../auth/access.decorators';
import { storeUnavailable } from '../health/readiness.guard';
import { Shows } from '../routes/route.decorators';

@ApiTags('Operations')
@Controller('projections')
export class ProjectionStatusHttpController {
  constructor(private readonly projector: ProjectorService) {}

  @Allow('coordinator', 'member', 'observer')
  @Get()
  @Shows('projection status')
  @ApiOperation({
    summary: 'Where each read model stands',
    description:
      'Per projection: state (standby, catching-up, live, failed, stopped), the position of the last event ' +
      'applied, the head of the event store, lag in events and in seconds (how long the oldest unapplied event ' +
      'has waited), on failure the position and error of the event that stopped it, and with a lease whether ' +
      'this process holds it. Answers within HEALTH_TIMEOUT_MS: when the event store does not answer in time the ' +
      'lag is left out (`lagError`); when the read store does not, the answer is 503.',
  })
  @ApiOkResponse({ description: 'One entry per projection' })
  async status(@Res({ passthrough: true }) reply: FastifyReply) {
    try {
      return { projections: await this.projector.statuses() };
    } catch (error) {
      if (isTransientStoreError(error)) throw storeUnavailable(reply, reasonOf(error));
      throw error;
    }
  }
}
