import { Body, Controller } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ConcludeDoetankRequestDto } from './conclude-doetank.request.dto';
import { ApiCommand } from '../../../commands/api-command.decorator';
import { UuidParam } from '../../../commands/params';
import { Meta, type RequestMeta } from '../../../commands/request-meta';
import { CommandRoute } from '../../../routes/command-route.decorator';
import { CommandEndpoint, onDoetank } from '../../../commands/command-endpoint';
import { actorOf } from '../../../commands/command-meta';

@ApiTags('Doetanks')
@Controller('doetanks')
export class ConcludeDoetankHttpController {
  constructor(private readonly commands: CommandEndpoint) {}

  @ApiCommand({
    command: 'ConcludeDoetank',
    summary: 'A Doetank concludes its work',
    description: 'A final state: afterwards nobody joins, leaves or shares results any more.',
  })
  @CommandRoute('POST :doetankId/conclude', { allow: ['coordinator', 'member'], lead: 'doetankId' })
  conclude(
    @UuidParam('doetankId') doetankId: string,
    @Body() body: ConcludeDoetankRequestDto,
    @Meta() request: RequestMeta,
  ) {
    return this.commands.send(request, body, onDoetank(doetankId), ({ meta }) => ({
      type: 'ConcludeDoetank' as const,
      data: { doetankId, conclusion: body.conclusion },
      actor: actorOf(meta),
    }));
  }
}
