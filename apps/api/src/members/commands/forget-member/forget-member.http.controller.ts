import { Body, Controller, Inject, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { ForgetMemberRequestDto } from './forget-member.request.dto';
import { ApiCommand } from '../../../commands/api-command.decorator';
import { CLOCK, type Clock } from '../../../commands/clock';
import { uuidParam } from '../../../commands/params';
import { Meta, toCommandMeta, type RequestMeta } from '../../../commands/request-meta';
import { ForgetMemberCommand } from './forget-member.command';
import { Allow } from '../../../auth/access.decorators';

@ApiTags('Members')
@Controller('members')
export class ForgetMemberHttpController {
  constructor(
    private readonly commandBus: CommandBus,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Post(':memberId/forget')
  @Allow('coordinator')
  @ApiCommand({
    command: 'ForgetMember',
    summary: 'The network forgets a member: personal data is erased, the history stays',
  })
  forget(
    @Param('memberId', uuidParam('memberId')) memberId: string,
    @Body() body: ForgetMemberRequestDto,
    @Meta() request: RequestMeta,
  ) {
    // Forgetting is done by the network: a coordinator, who is the actor in the event's metadata.
    const meta = toCommandMeta(request, body.occurredAt, this.clock.now());
    return this.commandBus.execute(new ForgetMemberCommand(memberId, body, meta));
  }
}
