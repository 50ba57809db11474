import { CancelGatheringRequestDto } from './cancel-gathering.request.dto';
import { onGathering } from '../../../commands/command-endpoint';
import { commandController } from '../../../routes/command-controller';

export const CancelGatheringHttpController = commandController({
  command: 'CancelGathering',
  summary: 'A gathering is cancelled and will not take place',
  route: 'POST /gatherings/:gatheringId/cancel',
  access: { allow: ['coordinator'] },
  body: CancelGatheringRequestDto,
  send: ({ gatheringId }, body) =>
    onGathering(gatheringId, () => ({
      type: 'CancelGathering',
      data: { gatheringId, reason: body.reason },
    })),
});
