import { Body, Controller } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { StartDiscussionRequestDto } from './start-discussion.request.dto';
import { ApiCommand } from '../../../commands/api-command.decorator';
import { newIdFor } from '../../../commands/deterministic-id';
import { Meta, type RequestMeta } from '../../../commands/request-meta';
import { CommandRoute } from '../../../routes/command-route.decorator';
import { CommandEndpoint, onDiscussion } from '../../../commands/command-endpoint';

@ApiTags('Discussions')
@Controller('discussions')
export class StartDiscussionHttpController {
  constructor(private readonly commands: CommandEndpoint) {}

  @ApiCommand({
    command: 'StartDiscussion',
    summary: 'A discussion in the online group is recorded',
    description:
      'Only its title and link are kept, not the text. The starter must be an active member; ' +
      'a theme it refers to must be defined and a Doetank it refers to must exist. ' +
      'The discussion id is chosen by the client or made by the server.',
    creates: true,
  })
  @CommandRoute('POST', { allow: ['coordinator', 'member'], actsAs: { from: 'body', field: 'startedBy' } })
  start(@Body() body: StartDiscussionRequestDto, @Meta() request: RequestMeta) {
    const discussionId = newIdFor(body.discussionId, request.idempotencyKey, 'discussion');
    const { themeId, doetankId } = body;
    return this.commands.send(request, body, onDiscussion(discussionId), async ({ facts }) => ({
      type: 'StartDiscussion' as const,
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
  }
}
