import { Body, Controller } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { LeaveNetworkRequestDto } from './leave-network.request.dto';
import { ApiCommand } from '../../../commands/api-command.decorator';
import { UuidParam } from '../../../commands/params';
import { Meta, type RequestMeta } from '../../../commands/request-meta';
import { CommandRoute } from '../../../routes/command-route.decorator';
import { CommandEndpoint, onMember } from '../../../commands/command-endpoint';
import { MemberAccess } from '../../../auth/member-access';

@ApiTags('Members')
@Controller('members')
export class LeaveNetworkHttpController {
  constructor(
    private readonly commands: CommandEndpoint,
    private readonly access: MemberAccess,
  ) {}

  @ApiCommand({ command: 'LeaveNetwork', summary: 'A member leaves the network' })
  @CommandRoute('POST :memberId/leave', {
    allow: ['coordinator', 'member'],
    actsAs: { from: 'path', field: 'memberId' },
  })
  async leave(
    @UuidParam('memberId') memberId: string,
    @Body() body: LeaveNetworkRequestDto,
    @Meta() request: RequestMeta,
  ) {
    const result = await this.commands.send(request, body, onMember(memberId), () => ({
      type: 'LeaveNetwork' as const,
      data: { memberId, reason: body.reason },
    }));
    // Their tokens no longer read here at once (AUTH.MEMBER_NOT_ACTIVE); elsewhere within the cache's bound.
    this.access.forget(memberId);
    return result;
  }
}
