import { Body, Controller, Param } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { AppointStrategicPartnerRequestDto } from './appoint-strategic-partner.request.dto';
import { ApiCommand } from '../../../commands/api-command.decorator';
import { YearParamPipe } from '../../../commands/params';
import { Meta, type RequestMeta } from '../../../commands/request-meta';
import { CommandRoute } from '../../../routes/command-route.decorator';
import { CommandEndpoint, onNetworkYear } from '../../../commands/command-endpoint';

@ApiTags('Network years')
@Controller('network-years')
export class AppointStrategicPartnerHttpController {
  constructor(private readonly commands: CommandEndpoint) {}

  @ApiCommand({
    command: 'AppointStrategicPartner',
    summary: 'An organisation becomes a strategic partner of the network for a year',
  })
  @CommandRoute('POST :year/strategic-partners', { allow: ['coordinator'] })
  appointStrategicPartner(
    @Param('year', YearParamPipe) year: number,
    @Body() body: AppointStrategicPartnerRequestDto,
    @Meta() request: RequestMeta,
  ) {
    return this.commands.send(request, body, onNetworkYear(year), () => ({
      type: 'AppointStrategicPartner' as const,
      data: { year, organisation: body.organisation, description: body.description },
    }));
  }
}
