import { Body, Controller } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { StartDoetankRequestDto } from './start-doetank.request.dto';
import { ApiCommand } from '../../../commands/api-command.decorator';
import { UuidParam } from '../../../commands/params';
import { Meta, type RequestMeta } from '../../../commands/request-meta';
import { CommandRoute } from '../../../routes/command-route.decorator';
import { CommandEndpoint, onDoetank } from '../../../commands/command-endpoint';
import { actorOf } from '../../../commands/command-meta';

@ApiTags('Doetanks')
@Controller('doetanks')
export class StartDoetankHttpController {
  constructor(private readonly commands: CommandEndpoint) {}

  @ApiCommand({
    command: 'StartDoetank',
    summary: 'A Doetank starts its work',
    description: 'Needs a problem statement and a coach.',
  })
  @CommandRoute('POST :doetankId/start', { allow: ['coordinator', 'member'], lead: 'doetankId' })
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
