import { Body, Controller, Inject, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { RevokeMemberTokensRequestDto } from './revoke-member-tokens.request.dto';
import { ApiCommand } from '../../../commands/api-command.decorator';
import { CLOCK, type Clock } from '../../../commands/clock';
import { uuidParam } from '../../../commands/params';
import { Meta, toCommandMeta, type RequestMeta } from '../../../commands/request-meta';
import { RevokeMemberTokensCommand } from './revoke-member-tokens.command';
import { Allow } from '../../../auth/access.decorators';

@ApiTags('Members')
@Controller('members')
export class RevokeMemberTokensHttpController {
  constructor(
    private readonly commandBus: CommandBus,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Post(':memberId/token-revocations')
  @Allow('coordinator')
  @ApiCommand({
    command: 'RevokeMemberTokens',
    summary: 'Every token the member holds now is refused from now on (a lost laptop, a stolen token)',
    description:
      'Tokens issued (`iat`) in or before the second of the revocation are refused with 401 AUTH.TOKEN_REVOKED, ' +
      'also after a restart; tokens issued afterwards are accepted. Other api processes apply it within ' +
      'AUTH_MEMBERSHIP_CACHE_SECONDS.',
  })
  revoke(
    @Param('memberId', uuidParam('memberId')) memberId: string,
    @Body() body: RevokeMemberTokensRequestDto,
    @Meta() request: RequestMeta,
  ) {
    const meta = toCommandMeta(request, body.occurredAt, this.clock.now());
    return this.commandBus.execute(new RevokeMemberTokensCommand(memberId, body, meta));
  }
}
