import { StartDiscussionRequestDto } from './start-discussion.request.dto';
import { newIdFor } from '../../../commands/deterministic-id';
import { onDiscussion } from '../../../commands/command-endpoint';
import { commandController } from '../../../routes/command-controller';

export const StartDiscussionHttpController = commandController({
  command: 'StartDiscussion',
  summary: 'A discussion in the online group is recorded',
  description:
    'Only its title and link are kept, not the text. The starter must be an active member; ' +
    'a theme it refers to must be defined and a Doetank it refers to must exist. ' +
    'The discussion id is chosen by the client or made by the server.',
  creates: true,
  route: 'POST /discussions',
  access: { allow: ['coordinator', 'member'], actsAs: { from: 'body', field: 'startedBy' } },
  body: StartDiscussionRequestDto,
  send: (_, body, { meta }) => {
    const discussionId = newIdFor(body.discussionId, meta.idempotencyKey, 'discussion');
    const { themeId, doetankId } = body;
    return onDiscussion(discussionId, async ({ facts }) => ({
      type: 'StartDiscussion',
      data: {
        discussionId,
        title: body.title,
        link: body.link,
        startedBy: body.startedBy,
        themeId,
        doetankId,
      },
      context: {
        starter: await facts.member(body.startedBy),
        themeDefined: themeId !== undefined ? await facts.themeDefined(themeId) : undefined,
        doetankExists: doetankId !== undefined ? await facts.doetankExists(doetankId) : undefined,
      },
    }));
  },
});
