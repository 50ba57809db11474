import { Body, Controller, Inject, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { StartDoetankRequestDto } from './start-doetank.request.dto';
import { ApiCommand } from '../../../commands/api-command.decorator';
import { CLOCK, type Clock } from '../../../commands/clock';
import { uuidParam } from '../../../commands/params';
import { Meta, toCommandMeta, type RequestMeta } from '../../../commands/request-meta';
import { StartDoetankCommand } from './start-doetank.command';
import { Allow, MemberLeadsDoetank } from '../../../auth/access.decorators';

@ApiTags('Doetanks')
@Controller('doetanks')
export class StartDoetankHttpController {
  constructor(
    private readonly commandBus: CommandBus,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Post(':doetankId/start')
  @Allow('coordinator', 'member')
  @MemberLeadsDoetank('doetankId')
  @ApiCommand({
    command: 'StartDoetank',
    summary: 'A Doetank starts its work',
    description: 'Needs a problem statement and a coach.',
  })
  start(
    @Param('doetankId', uuidParam('doetankId')) doetankId: string,
    @Body() body: StartDoetankRequestDto,
    @Meta() request: RequestMeta,
  ) {
    const meta = toCommandMeta(request, body.occurredAt, this.clock.now());
    return this.commandBus.execute(new StartDoetankCommand(doetankId, body, meta));
  }
}
