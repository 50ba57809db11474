import { ShareResultRequestDto } from './share-result.request.dto';
import { newIdFor } from '../../../commands/deterministic-id';
import { onDoetank } from '../../../commands/command-endpoint';
import { commandController } from '../../../routes/command-controller';

export const ShareResultHttpController = commandController({
  command: 'ShareResult',
  summary: 'A Doetank shares a result: a business case, film, report, tool or lesson',
  description:
    'Shared by one of its members or its coach while the Doetank is at work. ' +
    'The result id is chosen by the client or made by the server.',
  creates: true,
  route: 'POST /doetanks/:doetankId/results',
  access: {
    allow: ['coordinator', 'member'],
    actsAs: { from: 'body', field: 'sharedBy', note: 'and a member of it' },
  },
  body: ShareResultRequestDto,
  send: ({ doetankId }, body, { meta }) => {
    const resultId = newIdFor(body.resultId, meta.idempotencyKey, 'result');
    return onDoetank(doetankId, async ({ facts }) => ({
      type: 'ShareResult',
      data: {
        doetankId,
        resultId,
        kind: body.kind,
        title: body.title,
        link: body.link,
        sharedBy: body.sharedBy,
      },
      context: { actor: await facts.member(body.sharedBy) },
    }));
  },
});
