import { Body, Controller, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CancelGatheringRequestDto } from './cancel-gathering.request.dto';
import { ApiCommand } from '../../../commands/api-command.decorator';
import { UuidParam } from '../../../commands/params';
import { Meta, type RequestMeta } from '../../../commands/request-meta';
import { Allow } from '../../../auth/access.decorators';
import { CommandEndpoint, onGathering } from '../../../commands/command-endpoint';

@ApiTags('Gatherings')
@Controller('gatherings')
export class CancelGatheringHttpController {
  constructor(private readonly commands: CommandEndpoint) {}

  @Post(':gatheringId/cancel')
  @Allow('coordinator')
  @ApiCommand({ command: 'CancelGathering', summary: 'A gathering is cancelled and will not take place' })
  cancel(
    @UuidParam('gatheringId') gatheringId: string,
    @Body() body: CancelGatheringRequestDto,
    @Meta() request: RequestMeta,
  ) {
    return this.commands.send(request, body, onGathering(gatheringId), () => ({
      type: 'CancelGathering' as const,
      data: { gatheringId, reason: body.reason },
    }));
  }
}
