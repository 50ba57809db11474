import { Body, Controller, Inject, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { CancelGatheringRequestDto } from './cancel-gathering.request.dto';
import { ApiCommand } from '../../../commands/api-command.decorator';
import { CLOCK, type Clock } from '../../../commands/clock';
import { uuidParam } from '../../../commands/params';
import { Meta, toCommandMeta, type RequestMeta } from '../../../commands/request-meta';
import { CancelGatheringCommand } from './cancel-gathering.command';
import { Allow } from '../../../auth/access.decorators';

@ApiTags('Gatherings')
@Controller('gatherings')
export class CancelGatheringHttpController {
  constructor(
    private readonly commandBus: CommandBus,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Post(':gatheringId/cancel')
  @Allow('coordinator')
  @ApiCommand({ command: 'CancelGathering', summary: 'A gathering is cancelled and will not take place' })
  cancel(
    @Param('gatheringId', uuidParam('gatheringId')) gatheringId: string,
    @Body() body: CancelGatheringRequestDto,
    @Meta() request: RequestMeta,
  ) {
    const meta = toCommandMeta(request, body.occurredAt, this.clock.now());
    return this.commandBus.execute(new CancelGatheringCommand(gatheringId, body, meta));
  }
}
