import { Body, Controller, Inject, Param, Put } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { DefineYearThemesRequestDto } from './define-year-themes.request.dto';
import { ApiCommand } from '../../../commands/api-command.decorator';
import { CLOCK, type Clock } from '../../../commands/clock';
import { YearParamPipe } from '../../../commands/params';
import { Meta, toCommandMeta, type RequestMeta } from '../../../commands/request-meta';
import { DefineYearThemesCommand } from './define-year-themes.command';
import { Allow } from '../../../auth/access.decorators';

@ApiTags('Network years')
@Controller('network-years')
export class DefineYearThemesHttpController {
  constructor(
    private readonly commandBus: CommandBus,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Put(':year/themes')
  @Allow('coordinator')
  @ApiCommand({
    command: 'DefineYearThemes',
    summary: "The network defines (or redefines) a year's themes",
    description:
      'The list replaces the previous one. Theme ids start with the year of the path; ' +
      'a theme that a Doetank works on cannot be left out.',
  })
  defineThemes(
    @Param('year', YearParamPipe) year: number,
    @Body() body: DefineYearThemesRequestDto,
    @Meta() request: RequestMeta,
  ) {
    const meta = toCommandMeta(request, body.occurredAt, this.clock.now());
    return this.commandBus.execute(new DefineYearThemesCommand(year, body, meta));
  }
}
