import { onDoetank } from '../../../commands/command-endpoint';
import { actorOf } from '../../../commands/command-meta';
import { commandController } from '../../../routes/command-controller';
import { ConcludeDoetankRequestDto } from './conclude-doetank.request.dto';

export const ConcludeDoetankHttpController = commandController({
  command: 'ConcludeDoetank',
  summary: 'A Doetank concludes its work',
  description: 'A final state: afterwards nobody joins, leaves or shares results any more.',
  route: 'POST /doetanks/:doetankId/conclude',
  access: { allow: ['coordinator', 'member'], lead: 'doetankId' },
  body: ConcludeDoetankRequestDto,
  send: ({ doetankId }, body) =>
    onDoetank(doetankId, ({ meta }) => ({
      type: 'ConcludeDoetank',
      data: { doetankId, conclusion: body.conclusion },
      actor: actorOf(meta),
    })),
});
