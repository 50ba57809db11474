import { memberActingIn } from '@app/domain';
import { CorrectBusinessTimeRequestDto } from './correct-business-time.request.dto';
import { onDoetank } from '../../../commands/command-endpoint';
import { correctionController } from '../../../routes/correction-controller';

export const CorrectBusinessTimeHttpController = correctionController(onDoetank)({
  command: 'CorrectBusinessTime',
  of: 'a Doetank',
  rules: 'not before the member who acted in the event (proposer, coach, sharer, ...) joined the network.',
  route: 'POST /doetanks/:doetankId/business-time-corrections',
  body: CorrectBusinessTimeRequestDto,
  id: ({ doetankId }) => doetankId,
  build: async (fields, { id, clock, facts, corrected }) => {
    const actedBy = corrected && memberActingIn(corrected);
    return {
      type: 'CorrectBusinessTime',
      data: { doetankId: id, ...fields },
      context: { clock, corrected, ...(actedBy && { member: await facts.member(actedBy) }) },
    };
  },
});
