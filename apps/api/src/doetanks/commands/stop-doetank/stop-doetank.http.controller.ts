import { StopDoetankRequestDto } from './stop-doetank.request.dto';
import { onDoetank } from '../../../commands/command-endpoint';
import { actorOf } from '../../../commands/command-meta';
import { commandController } from '../../../routes/command-controller';

export const StopDoetankHttpController = commandController({
  command: 'StopDoetank',
  summary: 'A Doetank stops without concluding, for a stated reason',
  description: 'A final state: afterwards nobody joins, leaves or shares results any more.',
  route: 'POST /doetanks/:doetankId/stop',
  access: { allow: ['coordinator', 'member'], lead: 'doetankId' },
  body: StopDoetankRequestDto,
  send: ({ doetankId }, body) =>
    onDoetank(doetankId, ({ meta }) => ({
      type: 'StopDoetank',
      data: { doetankId, reason: body.reason },
      actor: actorOf(meta),
    })),
});
