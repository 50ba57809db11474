import { Body, Controller, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { LeaveNetworkRequestDto } from './leave-network.request.dto';
import { ApiCommand } from '../../../commands/api-command.decorator';
import { UuidParam } from '../../../commands/params';
import { Meta, type RequestMeta } from '../../../commands/request-meta';
import { Allow, MemberActsAs } from '../../../auth/access.decorators';
import { CommandEndpoint, onMember } from '../../../commands/command-endpoint';

@ApiTags('Members')
@Controller('members')
export class LeaveNetworkHttpController {
  constructor(private readonly commands: CommandEndpoint) {}

  @Post(':memberId/leave')
  @Allow('coordinator', 'member')
  @MemberActsAs('path', 'memberId')
  @ApiCommand({ command: 'LeaveNetwork', summary: 'A member leaves the network' })
  leave(
    @UuidParam('memberId') memberId: string,
    @Body() body: LeaveNetworkRequestDto,
    @Meta() request: RequestMeta,
  ) {
    return this.commands.send(request, body, onMember(memberId), () => ({
      type: 'LeaveNetwork' as const,
      data: { memberId, reason: body.reason },
    }));
  }
}
