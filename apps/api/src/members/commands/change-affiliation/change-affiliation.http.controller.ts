import { Body, Controller, Inject, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { ChangeAffiliationRequestDto } from './change-affiliation.request.dto';
import { ApiCommand } from '../../../commands/api-command.decorator';
import { CLOCK, type Clock } from '../../../commands/clock';
import { uuidParam } from '../../../commands/params';
import { Meta, toCommandMeta, type RequestMeta } from '../../../commands/request-meta';
import { ChangeAffiliationCommand } from './change-affiliation.command';
import { Allow, MemberActsAs } from '../../../auth/access.decorators';

@ApiTags('Members')
@Controller('members')
export class ChangeAffiliationHttpController {
  constructor(
    private readonly commandBus: CommandBus,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Post(':memberId/affiliation')
  @Allow('coordinator', 'member')
  @MemberActsAs('path', 'memberId')
  @ApiCommand({
    command: 'ChangeAffiliation',
    summary: 'A member moves to another organisation, sector or role',
  })
  changeAffiliation(
    @Param('memberId', uuidParam('memberId')) memberId: string,
    @Body() body: ChangeAffiliationRequestDto,
    @Meta() request: RequestMeta,
  ) {
    const meta = toCommandMeta(request, body.occurredAt, this.clock.now());
    return this.commandBus.execute(new ChangeAffiliationCommand(memberId, body, meta));
  }
}
