import { StartDoetankRequestDto } from './start-doetank.request.dto';
import { onDoetank } from '../../../commands/command-endpoint';
import { actorOf } from '../../../commands/command-meta';
import { commandController } from '../../../routes/command-controller';

export const StartDoetankHttpController = commandController({
  command: 'StartDoetank',
  summary: 'A Doetank starts its work',
  description: 'Needs a problem statement and a coach.',
  route: 'POST /doetanks/:doetankId/start',
  access: { allow: ['coordinator', 'member'], lead: 'doetankId' },
  body: StartDoetankRequestDto,
  send: ({ doetankId }) =>
    onDoetank(doetankId, ({ meta }) => ({
      type: 'StartDoetank',
      data: { doetankId },
      actor: actorOf(meta),
    })),
});
