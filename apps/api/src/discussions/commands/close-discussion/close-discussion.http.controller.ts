import { CloseDiscussionRequestDto } from './close-discussion.request.dto';
import { onDiscussion } from '../../../commands/command-endpoint';
import { commandController } from '../../../routes/command-controller';

export const CloseDiscussionHttpController = commandController({
  command: 'CloseDiscussion',
  summary: 'A discussion is closed',
  route: 'POST /discussions/:discussionId/close',
  access: { allow: ['coordinator'] },
  body: CloseDiscussionRequestDto,
  send: ({ discussionId }) =>
    onDiscussion(discussionId, () => ({
      type: 'CloseDiscussion',
      data: { discussionId },
    })),
});
