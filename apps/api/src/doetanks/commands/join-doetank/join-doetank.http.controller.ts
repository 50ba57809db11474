import { onDoetank } from '../../../commands/command-endpoint';
import { JoinDoetankRequestDto } from './join-doetank.request.dto';
import { commandController } from '../../../routes/command-controller';

export const JoinDoetankHttpController = commandController({
  command: 'JoinDoetank',
  summary: 'A member joins a Doetank',
  description: 'Only active members join, and only while the Doetank has not concluded or stopped.',
  route: 'POST /doetanks/:doetankId/members',
  access: { allow: ['coordinator', 'member'], actsAs: { from: 'body', field: 'memberId' } },
  body: JoinDoetankRequestDto,
  send: ({ doetankId }, body) =>
    onDoetank(doetankId, async ({ facts }) => ({
      type: 'JoinDoetank',
      data: { doetankId, memberId: body.memberId },
      context: { member: await facts.member(body.memberId) },
    })),
});
