import { SharpenProblemStatementRequestDto } from './sharpen-problem-statement.request.dto';
import { onDoetank } from '../../../commands/command-endpoint';
import { commandController } from '../../../routes/command-controller';

export const SharpenProblemStatementHttpController = commandController({
  command: 'SharpenProblemStatement',
  summary: 'A Doetank rewrites its problem statement as it learns',
  description:
    'Done by a member or the coach of the Doetank while it is open. ' +
    'The previous statement stays in the history.',
  route: 'POST /doetanks/:doetankId/problem-statement',
  access: { allow: ['coordinator', 'member'], actsAs: { from: 'body', field: 'sharpenedBy' } },
  body: SharpenProblemStatementRequestDto,
  send: ({ doetankId }, body) =>
    onDoetank(doetankId, async ({ facts }) => ({
      type: 'SharpenProblemStatement',
      data: { doetankId, problemStatement: body.problemStatement, sharpenedBy: body.sharpenedBy },
      context: { actor: await facts.member(body.sharpenedBy) },
    })),
});
