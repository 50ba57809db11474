import { Body, Controller, Param } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { PublishNetworkResultRequestDto } from './publish-network-result.request.dto';
import { ApiCommand } from '../../../commands/api-command.decorator';
import { newIdFor } from '../../../commands/deterministic-id';
import { YearParamPipe } from '../../../commands/params';
import { Meta, type RequestMeta } from '../../../commands/request-meta';
import { CommandRoute } from '../../../routes/command-route.decorator';
import { CommandEndpoint, onNetworkYear } from '../../../commands/command-endpoint';

@ApiTags('Network years')
@Controller('network-years')
export class PublishNetworkResultHttpController {
  constructor(private readonly commands: CommandEndpoint) {}

  @ApiCommand({
    command: 'PublishNetworkResult',
    summary: 'A result of the network as a whole (a film, a publication), with its makers',
    description: 'Not owned by a Doetank. The result id is chosen by the client or made by the server.',
    creates: true,
  })
  @CommandRoute('POST :year/results', { allow: ['coordinator'] })
  publishNetworkResult(
    @Param('year', YearParamPipe) year: number,
    @Body() body: PublishNetworkResultRequestDto,
    @Meta() request: RequestMeta,
  ) {
    const resultId = newIdFor(body.resultId, request.idempotencyKey, 'network-result');
    return this.commands.send(request, body, onNetworkYear(year), () => ({
      type: 'PublishNetworkResult' as const,
      data: {
        year,
        resultId,
        title: body.title,
        kind: body.kind,
        ...(body.description !== undefined && { description: body.description }),
        ...(body.link !== undefined && { link: body.link }),
        makers: body.makers.map(({ name, role }) => ({ name, ...(role !== undefined && { role }) })),
        publishedOn: body.publishedOn,
      },
    }));
  }
}
