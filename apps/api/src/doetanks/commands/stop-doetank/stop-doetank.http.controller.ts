import { Body, Controller } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { StopDoetankRequestDto } from './stop-doetank.request.dto';
import { ApiCommand } from '../../../commands/api-command.decorator';
import { UuidParam } from '../../../commands/params';
import { Meta, type RequestMeta } from '../../../commands/request-meta';
import { CommandRoute } from '../../../routes/command-route.decorator';
import { CommandEndpoint, onDoetank } from '../../../commands/command-endpoint';
import { actorOf } from '../../../commands/command-meta';

@ApiTags('Doetanks')
@Controller('doetanks')
export class StopDoetankHttpController {
  constructor(private readonly commands: CommandEndpoint) {}

  @ApiCommand({
    command: 'StopDoetank',
    summary: 'A Doetank stops without concluding, for a stated reason',
    description: 'A final state: afterwards nobody joins, leaves or shares results any more.',
  })
  @CommandRoute('POST :doetankId/stop', { allow: ['coordinator', 'member'], lead: 'doetankId' })
  stop(
    @UuidParam('doetankId') doetankId: string,
    @Body() body: StopDoetankRequestDto,
    @Meta() request: RequestMeta,
  ) {
    return this.commands.send(request, body, onDoetank(doetankId), ({ meta }) => ({
      type: 'StopDoetank' as const,
      data: { doetankId, reason: body.reason },
      actor: actorOf(meta),
    }));
  }
}
