import { Body, Controller, Param } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { DescribeProgrammeRequestDto } from './describe-programme.request.dto';
import { ApiCommand } from '../../../commands/api-command.decorator';
import { UuidParam, YearParamPipe } from '../../../commands/params';
import { Meta, type RequestMeta } from '../../../commands/request-meta';
import { CommandRoute } from '../../../routes/command-route.decorator';
import { CommandEndpoint, onNetworkYear } from '../../../commands/command-endpoint';

@ApiTags('Network years')
@Controller('network-years')
export class DescribeProgrammeHttpController {
  constructor(private readonly commands: CommandEndpoint) {}

  @ApiCommand({
    command: 'DescribeProgramme',
    summary: 'The programme the network is part of: name, goals, consortium, funder, date announced',
    description:
      'Recorded on the year it was announced; describing it again replaces the description. Every later report ' +
      'names the programme in its part on organisation and funding.',
  })
  @CommandRoute('PUT :year/programmes/:programmeId', { allow: ['coordinator'] })
  describeProgramme(
    @Param('year', YearParamPipe) year: number,
    @UuidParam('programmeId') programmeId: string,
    @Body() body: DescribeProgrammeRequestDto,
    @Meta() request: RequestMeta,
  ) {
    return this.commands.send(request, body, onNetworkYear(year), () => ({
      type: 'DescribeProgramme' as const,
      data: {
        year,
        programmeId,
        name: body.name,
        goals: body.goals ?? [],
        consortium: body.consortium.map(({ organisation, role }) => ({
          organisation,
          ...(role !== undefined && { role }),
        })),
        funder: {
          organisation: body.funder.organisation,
          ...(body.funder.scheme !== undefined && { scheme: body.funder.scheme }),
        },
        announcedOn: body.announcedOn,
        ...(body.reconstruction === true && { reconstruction: true }),
      },
    }));
  }
}
