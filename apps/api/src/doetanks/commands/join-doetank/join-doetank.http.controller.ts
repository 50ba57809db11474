import { Body, Controller } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CommandRoute } from '../../../routes/command-route.decorator';
import { ApiCommand } from '../../../commands/api-command.decorator';
import { CommandEndpoint, onDoetank } from '../../../commands/command-endpoint';
import { UuidParam } from '../../../commands/params';
import { Meta, type RequestMeta } from '../../../commands/request-meta';
import { JoinDoetankRequestDto } from './join-doetank.request.dto';

@ApiTags('Doetanks')
@Controller('doetanks')
export class JoinDoetankHttpController {
  constructor(private readonly commands: CommandEndpoint) {}

  @ApiCommand({
    command: 'JoinDoetank',
    summary: 'A member joins a Doetank',
    description: 'Only active members join, and only while the Doetank has not concluded or stopped.',
  })
  @CommandRoute('POST :doetankId/members', {
    allow: ['coordinator', 'member'],
    actsAs: { from: 'body', field: 'memberId' },
  })
  join(
    @UuidParam('doetankId') doetankId: string,
    @Body() body: JoinDoetankRequestDto,
    @Meta() request: RequestMeta,
  ) {
    return this.commands.send(request, body, onDoetank(doetankId), async ({ facts }) => ({
      type: 'JoinDoetank' as const,
      data: { doetankId, memberId: body.memberId },
      context: { member: await facts.member(body.memberId) },
    }));
  }
}
