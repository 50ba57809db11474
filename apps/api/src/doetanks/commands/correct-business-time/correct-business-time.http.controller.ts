import { Body, Controller } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { streams } from '@app/contracts';
import { memberActingIn } from '@app/domain';
import { CorrectBusinessTimeRequestDto } from './correct-business-time.request.dto';
import { ApiCommand } from '../../../commands/api-command.decorator';
import { CommandEndpoint, onDoetank } from '../../../commands/command-endpoint';
import { UuidParam } from '../../../commands/params';
import { Meta, type RequestMeta } from '../../../commands/request-meta';
import { CommandRoute } from '../../../routes/command-route.decorator';

@ApiTags('Audit')
@Controller('doetanks')
export class CorrectBusinessTimeHttpController {
  constructor(private readonly commands: CommandEndpoint) {}

  // Correcting the record is a coordinator's act: it changes what the history and the state at a moment say.
  @ApiCommand({
    command: 'CorrectBusinessTime',
    summary: 'Corrects the business time recorded for one event of a Doetank',
    description:
      'Appends a BusinessTimeCorrected event (revision, old and new time, reason; who in its metadata); the ' +
      'corrected event is never rewritten. The new time must stay after the event before it and not after the ' +
      'one that follows (409 BUSINESS_TIME.BEFORE_DEPENDENCY / AFTER_DEPENDENT, naming both times).',
  })
  @CommandRoute('POST :doetankId/business-time-corrections', { allow: ['coordinator'] })
  correct(
    @UuidParam('doetankId') doetankId: string,
    @Body() body: CorrectBusinessTimeRequestDto,
    @Meta() request: RequestMeta,
  ) {
    return this.commands.send(request, body, onDoetank(doetankId), async ({ clock, facts }) => {
      const corrected = await facts.recordedEvent(streams.doetank(doetankId), body.revision);
      const actedBy = corrected && memberActingIn(corrected);
      return {
        type: 'CorrectBusinessTime' as const,
        data: {
          doetankId,
          revision: body.revision,
          // Normalised like every business time (the DTO has checked it is a date-time).
          correctedTo: new Date(body.correctedTo).toISOString(),
          reason: body.reason,
        },
        context: { clock, corrected, ...(actedBy && { member: await facts.member(actedBy) }) },
      };
    });
  }
}
