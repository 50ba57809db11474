import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ProjectorService } from '@app/projections/nest';
import { Allow } from '../auth/access.decorators';
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
      'this process holds it.',
  })
  @ApiOkResponse({ description: 'One entry per projection' })
  async status() {
    return { projections: await this.projector.statuses() };
  }
}
