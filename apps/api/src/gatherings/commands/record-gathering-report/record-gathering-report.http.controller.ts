import { Body, Controller, Inject, Param, Put } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { RecordGatheringReportRequestDto } from './record-gathering-report.request.dto';
import { ApiCommand } from '../../../commands/api-command.decorator';
import { CLOCK, type Clock } from '../../../commands/clock';
import { uuidParam } from '../../../commands/params';
import { Meta, toCommandMeta, type RequestMeta } from '../../../commands/request-meta';
import { RecordGatheringReportCommand } from './record-gathering-report.command';
import { Allow } from '../../../auth/access.decorators';

@ApiTags('Gatherings')
@Controller('gatherings')
export class RecordGatheringReportHttpController {
  constructor(
    private readonly commandBus: CommandBus,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Put(':gatheringId/report')
  @Allow('coordinator')
  @ApiCommand({
    command: 'RecordGatheringReport',
    summary: 'The report of a held gathering: what happened, links to media and their makers, quotes, guests',
    description:
      'Only a held gathering has a report; recording it again replaces it. Speakers and makers are free text ' +
      '(they need not be members); guests are the people who came without being members.',
  })
  recordGatheringReport(
    @Param('gatheringId', uuidParam('gatheringId')) gatheringId: string,
    @Body() body: RecordGatheringReportRequestDto,
    @Meta() request: RequestMeta,
  ) {
    const meta = toCommandMeta(request, body.occurredAt, this.clock.now());
    return this.commandBus.execute(new RecordGatheringReportCommand(gatheringId, body, meta));
  }
}
