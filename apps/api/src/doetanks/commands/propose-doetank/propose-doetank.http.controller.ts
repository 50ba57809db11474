import { Body, Controller } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ProposeDoetankRequestDto } from './propose-doetank.request.dto';
import { ApiCommand } from '../../../commands/api-command.decorator';
import { CommandEndpoint } from '../../../commands/command-endpoint';
import { newIdFor } from '../../../commands/deterministic-id';
import { Meta, type RequestMeta } from '../../../commands/request-meta';
import { ProposeDoetankCommand } from './propose-doetank.command';
import { CommandRoute } from '../../../routes/command-route.decorator';

@ApiTags('Doetanks')
@Controller('doetanks')
export class ProposeDoetankHttpController {
  constructor(private readonly commands: CommandEndpoint) {}

  @ApiCommand({
    command: 'ProposeDoetank',
    summary: 'A member proposes a new Doetank for a problem from their own work',
    description:
      'The proposer must be an active member. With a theme, the theme must be defined for its year; ' +
      'the year then records that this Doetank works on it, so the theme cannot be removed. ' +
      'The Doetank id is chosen by the client or made by the server.',
    creates: true,
  })
  @CommandRoute('POST', { allow: ['coordinator', 'member'], actsAs: { from: 'body', field: 'proposedBy' } })
  propose(@Body() body: ProposeDoetankRequestDto, @Meta() request: RequestMeta) {
    const doetankId = newIdFor(body.doetankId, request.idempotencyKey, 'doetank');
    return this.commands.execute(
      new ProposeDoetankCommand(doetankId, body, this.commands.meta(request, body)),
    );
  }
}
