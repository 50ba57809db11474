import { Body, Controller, Param } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { AddSupporterRequestDto } from './add-supporter.request.dto';
import { ApiCommand } from '../../../commands/api-command.decorator';
import { newIdFor } from '../../../commands/deterministic-id';
import { YearParamPipe } from '../../../commands/params';
import { Meta, type RequestMeta } from '../../../commands/request-meta';
import { CommandRoute } from '../../../routes/command-route.decorator';
import { CommandEndpoint, onNetworkYear } from '../../../commands/command-endpoint';

@ApiTags('Network years')
@Controller('network-years')
export class AddSupporterHttpController {
  constructor(private readonly commands: CommandEndpoint) {}

  @ApiCommand({
    command: 'AddSupporter',
    summary: 'Someone joins the committee of supporters ("comité van aanbeveling") for a year',
    description: 'The supporter id is chosen by the client or made by the server.',
    creates: true,
  })
  @CommandRoute('POST :year/supporters', { allow: ['coordinator'] })
  addSupporter(
    @Param('year', YearParamPipe) year: number,
    @Body() body: AddSupporterRequestDto,
    @Meta() request: RequestMeta,
  ) {
    const supporterId = newIdFor(body.supporterId, request.idempotencyKey, 'supporter');
    return this.commands.send(request, body, onNetworkYear(year), () => ({
      type: 'AddSupporter' as const,
      data: { year, supporterId, name: body.name, affiliation: body.affiliation },
    }));
  }
}
