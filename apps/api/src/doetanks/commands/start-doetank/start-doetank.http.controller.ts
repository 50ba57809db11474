import { Body, Controller, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { StartDoetankRequestDto } from './start-doetank.request.dto';
import { ApiCommand } from '../../../commands/api-command.decorator';
import { UuidParam } from '../../../commands/params';
import { Meta, type RequestMeta } from '../../../commands/request-meta';
import { Allow, MemberLeadsDoetank } from '../../../auth/access.decorators';
import { CommandEndpoint, onDoetank } from '../../../commands/command-endpoint';
import { actorOf } from '../../../commands/command-meta';

@ApiTags('Doetanks')
@Controller('doetanks')
export class StartDoetankHttpController {
  constructor(private readonly commands: CommandEndpoint) {}

  @Post(':doetankId/start')
  @Allow('coordinator', 'member')
  @MemberLeadsDoetank('doetankId')
  @ApiCommand({
    command: 'StartDoetank',
    summary: 'A Doetank starts its work',
    description: 'Needs a problem statement and a coach.',
  })
  start(
    @UuidParam('doetankId') doetankId: string,
    @Body() body: StartDoetankRequestDto,
    @Meta() request: RequestMeta,
  ) {
    return this.commands.send(request, body, onDoetank(doetankId), ({ meta }) => ({
      type: 'StartDoetank' as const,
      data: { doetankId },
      actor: actorOf(meta),
    }));
  }
}
