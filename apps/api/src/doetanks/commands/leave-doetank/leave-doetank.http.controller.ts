import { Body, Controller, Inject, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { LeaveDoetankRequestDto } from './leave-doetank.request.dto';
import { ApiCommand } from '../../../commands/api-command.decorator';
import { CLOCK, type Clock } from '../../../commands/clock';
import { uuidParam } from '../../../commands/params';
import { Meta, toCommandMeta, type RequestMeta } from '../../../commands/request-meta';
import { LeaveDoetankCommand } from './leave-doetank.command';
import { Allow, MemberActsAs } from '../../../auth/access.decorators';

@ApiTags('Doetanks')
@Controller('doetanks')
export class LeaveDoetankHttpController {
  constructor(
    private readonly commandBus: CommandBus,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Post(':doetankId/members/:memberId/leave')
  @Allow('coordinator', 'member')
  @MemberActsAs('path', 'memberId')
  @ApiCommand({
    command: 'LeaveDoetank',
    summary: 'A member leaves a Doetank',
    description:
      'Not possible any more once the Doetank has concluded or stopped: ' +
      'its team is then part of the history.',
  })
  leave(
    @Param('doetankId', uuidParam('doetankId')) doetankId: string,
    @Param('memberId', uuidParam('memberId')) memberId: string,
    @Body() body: LeaveDoetankRequestDto,
    @Meta() request: RequestMeta,
  ) {
    const meta = toCommandMeta(request, body.occurredAt, this.clock.now());
    return this.commandBus.execute(new LeaveDoetankCommand(doetankId, memberId, body, meta));
  }
}
