import { Body, Controller, Inject, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { StopDoetankRequestDto } from './stop-doetank.request.dto';
import { ApiCommand } from '../../../commands/api-command.decorator';
import { CLOCK, type Clock } from '../../../commands/clock';
import { uuidParam } from '../../../commands/params';
import { Meta, toCommandMeta, type RequestMeta } from '../../../commands/request-meta';
import { StopDoetankCommand } from './stop-doetank.command';
import { Allow, MemberLeadsDoetank } from '../../../auth/access.decorators';

@ApiTags('Doetanks')
@Controller('doetanks')
export class StopDoetankHttpController {
  constructor(
    private readonly commandBus: CommandBus,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Post(':doetankId/stop')
  @Allow('coordinator', 'member')
  @MemberLeadsDoetank('doetankId')
  @ApiCommand({
    command: 'StopDoetank',
    summary: 'A Doetank stops without concluding, for a stated reason',
    description: 'A final state: afterwards nobody joins, leaves or shares results any more.',
  })
  stop(
    @Param('doetankId', uuidParam('doetankId')) doetankId: string,
    @Body() body: StopDoetankRequestDto,
    @Meta() request: RequestMeta,
  ) {
    const meta = toCommandMeta(request, body.occurredAt, this.clock.now());
    return this.commandBus.execute(new StopDoetankCommand(doetankId, body, meta));
  }
}
