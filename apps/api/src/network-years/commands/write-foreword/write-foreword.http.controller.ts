import { Body, Controller, Param } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { WriteForewordRequestDto } from './write-foreword.request.dto';
import { ApiCommand } from '../../../commands/api-command.decorator';
import { YearParamPipe } from '../../../commands/params';
import { Meta, type RequestMeta } from '../../../commands/request-meta';
import { CommandRoute } from '../../../routes/command-route.decorator';
import { CommandEndpoint, onNetworkYear } from '../../../commands/command-endpoint';

@ApiTags('Network years')
@Controller('network-years')
export class WriteForewordHttpController {
  constructor(private readonly commands: CommandEndpoint) {}

  @ApiCommand({
    command: 'WriteForeword',
    summary: "The foreword of the year's report, signed by a name and role",
    description: 'Writing it again replaces it; the same text and signature again records nothing.',
  })
  @CommandRoute('PUT :year/foreword', { allow: ['coordinator'] })
  writeForeword(
    @Param('year', YearParamPipe) year: number,
    @Body() body: WriteForewordRequestDto,
    @Meta() request: RequestMeta,
  ) {
    const { name, role } = body.signedBy;
    return this.commands.send(request, body, onNetworkYear(year), () => ({
      type: 'WriteForeword' as const,
      data: { year, text: body.text, signedBy: { name, ...(role !== undefined && { role }) } },
    }));
  }
}
