import { Body, Controller, Inject, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { ScheduleGatheringRequestDto } from './schedule-gathering.request.dto';
import { ApiCommand } from '../../../commands/api-command.decorator';
import { CLOCK, type Clock } from '../../../commands/clock';
import { newIdFor } from '../../../commands/deterministic-id';
import { Meta, toCommandMeta, type RequestMeta } from '../../../commands/request-meta';
import { ScheduleGatheringCommand } from './schedule-gathering.command';
import { Allow } from '../../../auth/access.decorators';

@ApiTags('Gatherings')
@Controller('gatherings')
export class ScheduleGatheringHttpController {
  constructor(
    private readonly commandBus: CommandBus,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Post()
  @Allow('coordinator')
  @ApiCommand({
    command: 'ScheduleGathering',
    summary: 'A Café, the Grand Café or a Masterclass is scheduled',
    description: 'The gathering id is chosen by the client or made by the server.',
    creates: true,
  })
  schedule(@Body() body: ScheduleGatheringRequestDto, @Meta() request: RequestMeta) {
    const gatheringId = newIdFor(body.gatheringId, request.idempotencyKey, 'gathering');
    const meta = toCommandMeta(request, body.occurredAt, this.clock.now());
    return this.commandBus.execute(new ScheduleGatheringCommand(gatheringId, body, meta));
  }
}
