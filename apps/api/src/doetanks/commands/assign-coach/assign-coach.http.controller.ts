import { Body, Controller, Inject, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { AssignCoachRequestDto } from './assign-coach.request.dto';
import { ApiCommand } from '../../../commands/api-command.decorator';
import { CLOCK, type Clock } from '../../../commands/clock';
import { uuidParam } from '../../../commands/params';
import { Meta, toCommandMeta, type RequestMeta } from '../../../commands/request-meta';
import { AssignCoachCommand } from './assign-coach.command';
import { Allow, MemberLeadsDoetank } from '../../../auth/access.decorators';

@ApiTags('Doetanks')
@Controller('doetanks')
export class AssignCoachHttpController {
  constructor(
    private readonly commandBus: CommandBus,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Post(':doetankId/coach')
  @Allow('coordinator', 'member')
  @MemberLeadsDoetank('doetankId')
  @ApiCommand({
    command: 'AssignCoach',
    summary: 'A coach is assigned to a Doetank',
    description:
      'The coach must be an active member. A Doetank has one coach at a time; ' +
      'assigning another replaces the current one if the rules allow it.',
  })
  assignCoach(
    @Param('doetankId', uuidParam('doetankId')) doetankId: string,
    @Body() body: AssignCoachRequestDto,
    @Meta() request: RequestMeta,
  ) {
    const meta = toCommandMeta(request, body.occurredAt, this.clock.now());
    return this.commandBus.execute(new AssignCoachCommand(doetankId, body, meta));
  }
}
