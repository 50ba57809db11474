import { membersActingIn } from '@app/domain';
import { CorrectGatheringBusinessTimeRequestDto } from './correct-gathering-business-time.request.dto';
import { onGathering } from '../../../commands/command-endpoint';
import { correctionController } from '../../../routes/correction-controller';

export const CorrectGatheringBusinessTimeHttpController = correctionController(onGathering)({
  command: 'CorrectGatheringBusinessTime',
  of: 'a gathering',
  rules:
    'not before the member who registered or any attendee joined the network, and a holding not before the ' +
    "gathering's start (409 GATHERING.NOT_YET_HELD).",
  route: 'POST /gatherings/:gatheringId/business-time-corrections',
  body: CorrectGatheringBusinessTimeRequestDto,
  id: ({ gatheringId }) => gatheringId,
  build: async (fields, { id, clock, facts, corrected }) => ({
    type: 'CorrectGatheringBusinessTime',
    data: { gatheringId: id, ...fields },
    context: {
      clock,
      corrected,
      members: corrected ? await facts.members([...membersActingIn(corrected)]) : [],
    },
  }),
});
