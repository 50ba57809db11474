import { Body, Controller } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { RecordGatheringReportRequestDto } from './record-gathering-report.request.dto';
import { ApiCommand } from '../../../commands/api-command.decorator';
import { CommandEndpoint, onGathering } from '../../../commands/command-endpoint';
import { UuidParam } from '../../../commands/params';
import { Meta, type RequestMeta } from '../../../commands/request-meta';
import { CommandRoute } from '../../../routes/command-route.decorator';

@ApiTags('Gatherings')
@Controller('gatherings')
export class RecordGatheringReportHttpController {
  constructor(private readonly commands: CommandEndpoint) {}

  @ApiCommand({
    command: 'RecordGatheringReport',
    summary: 'The report of a held gathering: what happened, links to media and their makers, quotes, guests',
    description:
      'Only a held gathering has a report; recording it again replaces it. Speakers and makers are free text ' +
      '(they need not be members); guests are the people who came without being members.',
  })
  @CommandRoute('PUT :gatheringId/report', { allow: ['coordinator'] })
  recordGatheringReport(
    @UuidParam('gatheringId') gatheringId: string,
    @Body() body: RecordGatheringReportRequestDto,
    @Meta() request: RequestMeta,
  ) {
    return this.commands.send(request, body, onGathering(gatheringId), () => ({
      type: 'RecordGatheringReport' as const,
      data: {
        gatheringId,
        summary: body.summary,
        links: (body.links ?? []).map(({ title, url, maker }) => ({
          title,
          url,
          ...(maker !== undefined && { maker }),
        })),
        quotes: (body.quotes ?? []).map(({ text, speaker, role }) => ({
          text,
          speaker,
          ...(role !== undefined && { role }),
        })),
        ...(body.guests !== undefined && { guests: body.guests }),
      },
    }));
  }
}
