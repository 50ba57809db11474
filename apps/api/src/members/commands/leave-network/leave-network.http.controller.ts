import { MemberAccess } from '../../../auth/member-access';
import { onMember } from '../../../commands/command-endpoint';
import { commandController } from '../../../routes/command-controller';
import { LeaveNetworkRequestDto } from './leave-network.request.dto';

export const LeaveNetworkHttpController = commandController({
  command: 'LeaveNetwork',
  summary: 'A member leaves the network',
  route: 'POST /members/:memberId/leave',
  access: { allow: ['coordinator', 'member'], actsAs: { from: 'path', field: 'memberId' } },
  body: LeaveNetworkRequestDto,
  send: ({ memberId }, body) =>
    onMember(memberId, () => ({ type: 'LeaveNetwork', data: { memberId, reason: body.reason } })),
  // Their tokens no longer read here at once (AUTH.MEMBER_NOT_ACTIVE); elsewhere within the cache's bound.
  afterwards: ({ memberId }, { get }) => get(MemberAccess).forget(memberId),
});
