import { Body, Controller, Inject, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { JoinDoetankRequestDto } from './join-doetank.request.dto';
import { ApiCommand } from '../../../commands/api-command.decorator';
import { CLOCK, type Clock } from '../../../commands/clock';
import { uuidParam } from '../../../commands/params';
import { Meta, toCommandMeta, type RequestMeta } from '../../../commands/request-meta';
import { JoinDoetankCommand } from './join-doetank.command';
import { Allow, MemberActsAs } from '../../../auth/access.decorators';

@ApiTags('Doetanks')
@Controller('doetanks')
export class JoinDoetankHttpController {
  constructor(
    private readonly commandBus: CommandBus,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Post(':doetankId/members')
  @Allow('coordinator', 'member')
  @MemberActsAs('body', 'memberId')
  @ApiCommand({
    command: 'JoinDoetank',
    summary: 'A member joins a Doetank',
    description: 'Only active members join, and only while the Doetank has not concluded or stopped.',
  })
  join(
    @Param('doetankId', uuidParam('doetankId')) doetankId: string,
    @Body() body: JoinDoetankRequestDto,
    @Meta() request: RequestMeta,
  ) {
    const meta = toCommandMeta(request, body.occurredAt, this.clock.now());
    return this.commandBus.execute(new JoinDoetankCommand(doetankId, body, meta));
  }
}
