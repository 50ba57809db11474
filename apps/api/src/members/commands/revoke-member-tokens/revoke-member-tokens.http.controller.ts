import { MemberAccess } from '../../../auth/member-access';
import { CLOCK, type Clock } from '../../../commands/clock';
import { onMember } from '../../../commands/command-endpoint';
import { commandController } from '../../../routes/command-controller';
import { RevokeMemberTokensRequestDto } from './revoke-member-tokens.request.dto';

export const RevokeMemberTokensHttpController = commandController({
  command: 'RevokeMemberTokens',
  summary: 'Every token the member holds now is refused from now on (a lost laptop, a stolen token)',
  description:
    'Tokens issued (`iat`) in or before the second of the revocation are refused with 401 AUTH.TOKEN_REVOKED, ' +
    'also after a restart; tokens issued afterwards are accepted. Other api processes apply it within ' +
    'AUTH_MEMBERSHIP_CACHE_SECONDS.',
  route: 'POST /members/:memberId/token-revocations',
  access: { allow: ['coordinator'] },
  body: RevokeMemberTokensRequestDto,
  send: ({ memberId }, body, { get }) =>
    onMember(memberId, () => ({
      type: 'RevokeMemberTokens',
      // The api's clock, not the business time: tokens say when they were issued in real time.
      data: { memberId, revokedAt: get<Clock>(CLOCK).now().toISOString(), reason: body.reason },
    })),
  // In force here at once; other api processes read it within AUTH_MEMBERSHIP_CACHE_SECONDS.
  afterwards: ({ memberId }, { get }) => get(MemberAccess).forget(memberId),
});
