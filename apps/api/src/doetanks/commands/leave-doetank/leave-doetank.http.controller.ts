import { onDoetank } from '../../../commands/command-endpoint';
import { commandController } from '../../../routes/command-controller';
import { LeaveDoetankRequestDto } from './leave-doetank.request.dto';

export const LeaveDoetankHttpController = commandController({
  command: 'LeaveDoetank',
  summary: 'A member leaves a Doetank',
  description:
    'Not possible any more once the Doetank has concluded or stopped: ' +
    'its team is then part of the history.',
  route: 'POST /doetanks/:doetankId/members/:memberId/leave',
  access: { allow: ['coordinator', 'member'], actsAs: { from: 'path', field: 'memberId' } },
  body: LeaveDoetankRequestDto,
  send: ({ doetankId, memberId }, body) =>
    onDoetank(doetankId, () => ({
      type: 'LeaveDoetank',
      data: { doetankId, memberId, ...(body.reason !== undefined && { reason: body.reason }) },
    })),
});
