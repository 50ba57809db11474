import { Body, Controller, Inject, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { SecureClientRequestDto } from './secure-client.request.dto';
import { ApiCommand } from '../../../commands/api-command.decorator';
import { CLOCK, type Clock } from '../../../commands/clock';
import { uuidParam } from '../../../commands/params';
import { Meta, toCommandMeta, type RequestMeta } from '../../../commands/request-meta';
import { SecureClientCommand } from './secure-client.command';
import { Allow, MemberLeadsDoetank } from '../../../auth/access.decorators';

@ApiTags('Doetanks')
@Controller('doetanks')
export class SecureClientHttpController {
  constructor(
    private readonly commandBus: CommandBus,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Post(':doetankId/client')
  @Allow('coordinator', 'member')
  @MemberLeadsDoetank('doetankId')
  @ApiCommand({
    command: 'SecureClient',
    summary: 'An organisation commits as the client ("opdrachtgever") of a Doetank',
  })
  secureClient(
    @Param('doetankId', uuidParam('doetankId')) doetankId: string,
    @Body() body: SecureClientRequestDto,
    @Meta() request: RequestMeta,
  ) {
    const meta = toCommandMeta(request, body.occurredAt, this.clock.now());
    return this.commandBus.execute(new SecureClientCommand(doetankId, body, meta));
  }
}
