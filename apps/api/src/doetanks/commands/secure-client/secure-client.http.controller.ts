import { Body, Controller } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { SecureClientRequestDto } from './secure-client.request.dto';
import { ApiCommand } from '../../../commands/api-command.decorator';
import { UuidParam } from '../../../commands/params';
import { Meta, type RequestMeta } from '../../../commands/request-meta';
import { CommandRoute } from '../../../routes/command-route.decorator';
import { CommandEndpoint, onDoetank } from '../../../commands/command-endpoint';
import { actorOf } from '../../../commands/command-meta';

@ApiTags('Doetanks')
@Controller('doetanks')
export class SecureClientHttpController {
  constructor(private readonly commands: CommandEndpoint) {}

  @ApiCommand({
    command: 'SecureClient',
    summary: 'An organisation commits as the client ("opdrachtgever") of a Doetank',
  })
  @CommandRoute('POST :doetankId/client', { allow: ['coordinator', 'member'], lead: 'doetankId' })
  secureClient(
    @UuidParam('doetankId') doetankId: string,
    @Body() body: SecureClientRequestDto,
    @Meta() request: RequestMeta,
  ) {
    return this.commands.send(request, body, onDoetank(doetankId), ({ meta }) => ({
      type: 'SecureClient' as const,
      data: { doetankId, organisation: body.organisation, contactName: body.contactName },
      actor: actorOf(meta),
    }));
  }
}
