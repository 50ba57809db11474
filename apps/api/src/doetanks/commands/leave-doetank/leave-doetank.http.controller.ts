import { Body, Controller } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { LeaveDoetankRequestDto } from './leave-doetank.request.dto';
import { ApiCommand } from '../../../commands/api-command.decorator';
import { UuidParam } from '../../../commands/params';
import { Meta, type RequestMeta } from '../../../commands/request-meta';
import { CommandRoute } from '../../../routes/command-route.decorator';
import { CommandEndpoint, onDoetank } from '../../../commands/command-endpoint';

@ApiTags('Doetanks')
@Controller('doetanks')
export class LeaveDoetankHttpController {
  constructor(private readonly commands: CommandEndpoint) {}

  @ApiCommand({
    command: 'LeaveDoetank',
    summary: 'A member leaves a Doetank',
    description:
      'Not possible any more once the Doetank has concluded or stopped: ' +
      'its team is then part of the history.',
  })
  @CommandRoute('POST :doetankId/members/:memberId/leave', {
    allow: ['coordinator', 'member'],
    actsAs: { from: 'path', field: 'memberId' },
  })
  leave(
    @UuidParam('doetankId') doetankId: string,
    @UuidParam('memberId') memberId: string,
    @Body() body: LeaveDoetankRequestDto,
    @Meta() request: RequestMeta,
  ) {
    return this.commands.send(request, body, onDoetank(doetankId), () => ({
      type: 'LeaveDoetank' as const,
      data: { doetankId, memberId, ...(body.reason !== undefined && { reason: body.reason }) },
    }));
  }
}
