import { Body, Controller, Inject } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { RevokeMemberTokensRequestDto } from './revoke-member-tokens.request.dto';
import { ApiCommand } from '../../../commands/api-command.decorator';
import { CLOCK, type Clock } from '../../../commands/clock';
import { CommandEndpoint, onMember } from '../../../commands/command-endpoint';
import { UuidParam } from '../../../commands/params';
import { Meta, type RequestMeta } from '../../../commands/request-meta';
import { CommandRoute } from '../../../routes/command-route.decorator';
import { MemberAccess } from '../../../auth/member-access';

@ApiTags('Members')
@Controller('members')
export class RevokeMemberTokensHttpController {
  constructor(
    private readonly commands: CommandEndpoint,
    private readonly access: MemberAccess,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @ApiCommand({
    command: 'RevokeMemberTokens',
    summary: 'Every token the member holds now is refused from now on (a lost laptop, a stolen token)',
    description:
      'Tokens issued (`iat`) in or before the second of the revocation are refused with 401 AUTH.TOKEN_REVOKED, ' +
      'also after a restart; tokens issued afterwards are accepted. Other api processes apply it within ' +
      'AUTH_MEMBERSHIP_CACHE_SECONDS.',
  })
  @CommandRoute('POST :memberId/token-revocations', { allow: ['coordinator'] })
  async revoke(
    @UuidParam('memberId') memberId: string,
    @Body() body: RevokeMemberTokensRequestDto,
    @Meta() request: RequestMeta,
  ) {
    const result = await this.commands.send(request, body, onMember(memberId), () => ({
      type: 'RevokeMemberTokens' as const,
      // The api's clock, not the business time: tokens say when they were issued in real time.
      data: { memberId, revokedAt: this.clock.now().toISOString(), reason: body.reason },
    }));
    // In force here at once; other api processes read it within AUTH_MEMBERSHIP_CACHE_SECONDS.
    this.access.forget(memberId);
    return result;
  }
}
