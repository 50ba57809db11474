import { Body, Controller, Inject, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { LeaveNetworkRequestDto } from './leave-network.request.dto';
import { ApiCommand } from '../../../commands/api-command.decorator';
import { CLOCK, type Clock } from '../../../commands/clock';
import { uuidParam } from '../../../commands/params';
import { Meta, toCommandMeta, type RequestMeta } from '../../../commands/request-meta';
import { LeaveNetworkCommand } from './leave-network.command';
import { Allow, MemberActsAs } from '../../../auth/access.decorators';

@ApiTags('Members')
@Controller('members')
export class LeaveNetworkHttpController {
  constructor(
    private readonly commandBus: CommandBus,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Post(':memberId/leave')
  @Allow('coordinator', 'member')
  @MemberActsAs('path', 'memberId')
  @ApiCommand({ command: 'LeaveNetwork', summary: 'A member leaves the network' })
  leave(
    @Param('memberId', uuidParam('memberId')) memberId: string,
    @Body() body: LeaveNetworkRequestDto,
    @Meta() request: RequestMeta,
  ) {
    const meta = toCommandMeta(request, body.occurredAt, this.clock.now());
    return this.commandBus.execute(new LeaveNetworkCommand(memberId, body, meta));
  }
}
