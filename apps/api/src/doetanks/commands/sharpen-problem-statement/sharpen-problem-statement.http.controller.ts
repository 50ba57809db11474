import { Body, Controller, Inject, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { SharpenProblemStatementRequestDto } from './sharpen-problem-statement.request.dto';
import { ApiCommand } from '../../../commands/api-command.decorator';
import { CLOCK, type Clock } from '../../../commands/clock';
import { uuidParam } from '../../../commands/params';
import { Meta, toCommandMeta, type RequestMeta } from '../../../commands/request-meta';
import { SharpenProblemStatementCommand } from './sharpen-problem-statement.command';
import { Allow, MemberActsAs } from '../../../auth/access.decorators';

@ApiTags('Doetanks')
@Controller('doetanks')
export class SharpenProblemStatementHttpController {
  constructor(
    private readonly commandBus: CommandBus,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Post(':doetankId/problem-statement')
  @Allow('coordinator', 'member')
  @MemberActsAs('body', 'sharpenedBy')
  @ApiCommand({
    command: 'SharpenProblemStatement',
    summary: 'A Doetank rewrites its problem statement as it learns',
    description:
      'Done by a member or the coach of the Doetank while it is open. ' +
      'The previous statement stays in the history.',
  })
  sharpen(
    @Param('doetankId', uuidParam('doetankId')) doetankId: string,
    @Body() body: SharpenProblemStatementRequestDto,
    @Meta() request: RequestMeta,
  ) {
    const meta = toCommandMeta(request, body.occurredAt, this.clock.now());
    return this.commandBus.execute(new SharpenProblemStatementCommand(doetankId, body, meta));
  }
}
