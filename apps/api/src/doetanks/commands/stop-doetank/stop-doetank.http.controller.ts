import { Body, Controller, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { StopDoetankRequestDto } from './stop-doetank.request.dto';
import { ApiCommand } from '../../../commands/api-command.decorator';
import { UuidParam } from '../../../commands/params';
import { Meta, type RequestMeta } from '../../../commands/request-meta';
import { Allow, MemberLeadsDoetank } from '../../../auth/access.decorators';
import { CommandEndpoint, onDoetank } from '../../../commands/command-endpoint';
import { actorOf } from '../../../commands/command-meta';

@ApiTags('Doetanks')
@Controller('doetanks')
export class StopDoetankHttpController {
  constructor(private readonly commands: CommandEndpoint) {}

  @Post(':doetankId/stop')
  @Allow('coordinator', 'member')
  @MemberLeadsDoetank('doetankId')
  @ApiCommand({
    command: 'StopDoetank',
    summary: 'A Doetank stops without concluding, for a stated reason',
    description: 'A final state: afterwards nobody joins, leaves or shares results any more.',
  })
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
