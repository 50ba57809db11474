import { Body, Controller, Inject, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { ConcludeDoetankRequestDto } from './conclude-doetank.request.dto';
import { ApiCommand } from '../../../commands/api-command.decorator';
import { CLOCK, type Clock } from '../../../commands/clock';
import { uuidParam } from '../../../commands/params';
import { Meta, toCommandMeta, type RequestMeta } from '../../../commands/request-meta';
import { ConcludeDoetankCommand } from './conclude-doetank.command';
import { Allow, MemberLeadsDoetank } from '../../../auth/access.decorators';

@ApiTags('Doetanks')
@Controller('doetanks')
export class ConcludeDoetankHttpController {
  constructor(
    private readonly commandBus: CommandBus,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Post(':doetankId/conclude')
  @Allow('coordinator', 'member')
  @MemberLeadsDoetank('doetankId')
  @ApiCommand({
    command: 'ConcludeDoetank',
    summary: 'A Doetank concludes its work',
    description: 'A final state: afterwards nobody joins, leaves or shares results any more.',
  })
  conclude(
    @Param('doetankId', uuidParam('doetankId')) doetankId: string,
    @Body() body: ConcludeDoetankRequestDto,
    @Meta() request: RequestMeta,
  ) {
    const meta = toCommandMeta(request, body.occurredAt, this.clock.now());
    return this.commandBus.execute(new ConcludeDoetankCommand(doetankId, body, meta));
  }
}
