import { Body, Controller, Inject, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { AppointStrategicPartnerRequestDto } from './appoint-strategic-partner.request.dto';
import { ApiCommand } from '../../../commands/api-command.decorator';
import { CLOCK, type Clock } from '../../../commands/clock';
import { YearParamPipe } from '../../../commands/params';
import { Meta, toCommandMeta, type RequestMeta } from '../../../commands/request-meta';
import { AppointStrategicPartnerCommand } from './appoint-strategic-partner.command';
import { Allow } from '../../../auth/access.decorators';

@ApiTags('Network years')
@Controller('network-years')
export class AppointStrategicPartnerHttpController {
  constructor(
    private readonly commandBus: CommandBus,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Post(':year/strategic-partners')
  @Allow('coordinator')
  @ApiCommand({
    command: 'AppointStrategicPartner',
    summary: 'An organisation becomes a strategic partner of the network for a year',
  })
  appointStrategicPartner(
    @Param('year', YearParamPipe) year: number,
    @Body() body: AppointStrategicPartnerRequestDto,
    @Meta() request: RequestMeta,
  ) {
    const meta = toCommandMeta(request, body.occurredAt, this.clock.now());
    return this.commandBus.execute(new AppointStrategicPartnerCommand(year, body, meta));
  }
}
