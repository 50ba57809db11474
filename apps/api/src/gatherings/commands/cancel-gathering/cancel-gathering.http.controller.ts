import { Body, Controller } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CancelGatheringRequestDto } from './cancel-gathering.request.dto';
import { ApiCommand } from '../../../commands/api-command.decorator';
import { UuidParam } from '../../../commands/params';
import { Meta, type RequestMeta } from '../../../commands/request-meta';
import { CommandRoute } from '../../../routes/command-route.decorator';
import { CommandEndpoint, onGathering } from '../../../commands/command-endpoint';

@ApiTags('Gatherings')
@Controller('gatherings')
export class CancelGatheringHttpController {
  constructor(private readonly commands: CommandEndpoint) {}

  @ApiCommand({ command: 'CancelGathering', summary: 'A gathering is cancelled and will not take place' })
  @CommandRoute('POST :gatheringId/cancel', { allow: ['coordinator'] })
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
