import { Body, Controller } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { JoinNetworkRequestDto } from './join-network.request.dto';
import { ApiCommand } from '../../../commands/api-command.decorator';
import { CommandEndpoint } from '../../../commands/command-endpoint';
import { newIdFor } from '../../../commands/deterministic-id';
import { Meta, type RequestMeta } from '../../../commands/request-meta';
import { JoinNetworkCommand } from './join-network.command';
import { CommandRoute } from '../../../routes/command-route.decorator';

@ApiTags('Members')
@Controller('members')
export class JoinNetworkHttpController {
  constructor(private readonly commands: CommandEndpoint) {}

  @ApiCommand({
    command: 'JoinNetwork',
    summary: 'A professional joins the network',
    description:
      'One membership per e-mail address. The member id is chosen by the client or made by the server.',
    creates: true,
  })
  @CommandRoute('POST', {
    allow: ['coordinator', 'member'],
    actsAs: {
      from: 'body',
      field: 'memberId',
      required: true,
      note: 'required for a member: self-registration',
    },
  })
  join(@Body() body: JoinNetworkRequestDto, @Meta() request: RequestMeta) {
    const memberId = newIdFor(body.memberId, request.idempotencyKey, 'member');
    return this.commands.execute(new JoinNetworkCommand(memberId, body, this.commands.meta(request, body)));
  }
}
