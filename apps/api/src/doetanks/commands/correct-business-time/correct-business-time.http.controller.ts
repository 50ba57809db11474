import { Body, Controller, Inject, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { CorrectBusinessTimeRequestDto } from './correct-business-time.request.dto';
import { ApiCommand } from '../../../commands/api-command.decorator';
import { CLOCK, type Clock } from '../../../commands/clock';
import { uuidParam } from '../../../commands/params';
import { Meta, toCommandMeta, type RequestMeta } from '../../../commands/request-meta';
import { CorrectBusinessTimeCommand } from './correct-business-time.command';
import { Allow } from '../../../auth/access.decorators';

@ApiTags('Audit')
@Controller('doetanks')
export class CorrectBusinessTimeHttpController {
  constructor(
    private readonly commandBus: CommandBus,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Post(':doetankId/business-time-corrections')
  // Correcting the record is a coordinator's act: it changes what the history and the state at a moment say.
  @Allow('coordinator')
  @ApiCommand({
    command: 'CorrectBusinessTime',
    summary: 'Corrects the business time recorded for one event of a Doetank',
    description:
      'Appends a BusinessTimeCorrected event (revision, old and new time, reason; who in its metadata); the ' +
      'corrected event is never rewritten. The new time must stay after the event before it and not after the ' +
      'one that follows (409 BUSINESS_TIME.BEFORE_DEPENDENCY / AFTER_DEPENDENT, naming both times).',
  })
  correct(
    @Param('doetankId', uuidParam('doetankId')) doetankId: string,
    @Body() body: CorrectBusinessTimeRequestDto,
    @Meta() request: RequestMeta,
  ) {
    const meta = toCommandMeta(request, body.occurredAt, this.clock.now());
    return this.commandBus.execute(new CorrectBusinessTimeCommand(doetankId, body, meta));
  }
}
