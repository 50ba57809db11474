import { CancelRegistrationRequestDto } from './cancel-registration.request.dto';
import { onGathering } from '../../../commands/command-endpoint';
import { commandController } from '../../../routes/command-controller';

export const CancelRegistrationHttpController = commandController({
  command: 'CancelRegistration',
  summary: 'A member cancels their registration for a gathering',
  route: 'POST /gatherings/:gatheringId/registrations/:memberId/cancel',
  access: { allow: ['coordinator', 'member'], actsAs: { from: 'path', field: 'memberId' } },
  body: CancelRegistrationRequestDto,
  send: ({ gatheringId, memberId }, body) =>
    onGathering(gatheringId, () => ({
      type: 'CancelRegistration',
      data: { gatheringId, memberId, ...(body.reason !== undefined && { reason: body.reason }) },
    })),
});
