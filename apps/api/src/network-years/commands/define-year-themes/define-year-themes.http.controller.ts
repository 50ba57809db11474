import { Body, Controller, Param } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { DefineYearThemesRequestDto } from './define-year-themes.request.dto';
import { ApiCommand } from '../../../commands/api-command.decorator';
import { YearParamPipe } from '../../../commands/params';
import { Meta, type RequestMeta } from '../../../commands/request-meta';
import { CommandRoute } from '../../../routes/command-route.decorator';
import { CommandEndpoint, onNetworkYear } from '../../../commands/command-endpoint';

@ApiTags('Network years')
@Controller('network-years')
export class DefineYearThemesHttpController {
  constructor(private readonly commands: CommandEndpoint) {}

  @ApiCommand({
    command: 'DefineYearThemes',
    summary: "The network defines (or redefines) a year's themes",
    description:
      'The list replaces the previous one. Theme ids start with the year of the path; ' +
      'a theme that a Doetank works on cannot be left out.',
  })
  @CommandRoute('PUT :year/themes', { allow: ['coordinator'] })
  defineThemes(
    @Param('year', YearParamPipe) year: number,
    @Body() body: DefineYearThemesRequestDto,
    @Meta() request: RequestMeta,
  ) {
    return this.commands.send(request, body, onNetworkYear(year), () => ({
      type: 'DefineYearThemes' as const,
      data: {
        year,
        themes: body.themes.map(({ themeId, title, description }) => ({ themeId, title, description })),
      },
    }));
  }
}
