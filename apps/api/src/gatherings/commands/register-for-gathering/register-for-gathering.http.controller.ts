import { RegisterForGatheringRequestDto } from './register-for-gathering.request.dto';
import { onGathering } from '../../../commands/command-endpoint';
import { commandController } from '../../../routes/command-controller';

export const RegisterForGatheringHttpController = commandController({
  command: 'RegisterForGathering',
  summary: 'A member registers for a gathering',
  description: 'Only active members, while places are left and before the gathering was held or cancelled.',
  route: 'POST /gatherings/:gatheringId/registrations',
  access: { allow: ['coordinator', 'member'], actsAs: { from: 'body', field: 'memberId' } },
  body: RegisterForGatheringRequestDto,
  send: ({ gatheringId }, body) =>
    onGathering(gatheringId, async ({ facts }) => ({
      type: 'RegisterForGathering',
      data: { gatheringId, memberId: body.memberId },
      context: { member: await facts.member(body.memberId) },
    })),
});
