import { Body, Controller, Param } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { MeasureCommunitySizeRequestDto } from './measure-community-size.request.dto';
import { ApiCommand } from '../../../commands/api-command.decorator';
import { YearParamPipe } from '../../../commands/params';
import { Meta, type RequestMeta } from '../../../commands/request-meta';
import { CommandRoute } from '../../../routes/command-route.decorator';
import { CommandEndpoint, onNetworkYear } from '../../../commands/command-endpoint';

@ApiTags('Network years')
@Controller('network-years')
export class MeasureCommunitySizeHttpController {
  constructor(private readonly commands: CommandEndpoint) {}

  @ApiCommand({
    command: 'MeasureCommunitySize',
    summary: 'The size of a community around the network (e.g. its LinkedIn group) on a day',
    description:
      'Distinct from registered members: the report shows it in its community section. The same count again ' +
      'records nothing; another count of the same community and day replaces it.',
  })
  @CommandRoute('POST :year/community-sizes', { allow: ['coordinator'] })
  measureCommunitySize(
    @Param('year', YearParamPipe) year: number,
    @Body() body: MeasureCommunitySizeRequestDto,
    @Meta() request: RequestMeta,
  ) {
    return this.commands.send(request, body, onNetworkYear(year), () => ({
      type: 'MeasureCommunitySize' as const,
      data: {
        year,
        community: body.community,
        size: body.size,
        approximate: body.approximate === true,
        measuredOn: body.measuredOn,
        ...(body.link !== undefined && { link: body.link }),
      },
    }));
  }
}
