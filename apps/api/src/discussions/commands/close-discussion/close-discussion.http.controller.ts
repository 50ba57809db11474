import { Body, Controller } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CloseDiscussionRequestDto } from './close-discussion.request.dto';
import { ApiCommand } from '../../../commands/api-command.decorator';
import { UuidParam } from '../../../commands/params';
import { Meta, type RequestMeta } from '../../../commands/request-meta';
import { CommandRoute } from '../../../routes/command-route.decorator';
import { CommandEndpoint, onDiscussion } from '../../../commands/command-endpoint';

@ApiTags('Discussions')
@Controller('discussions')
export class CloseDiscussionHttpController {
  constructor(private readonly commands: CommandEndpoint) {}

  @ApiCommand({ command: 'CloseDiscussion', summary: 'A discussion is closed' })
  @CommandRoute('POST :discussionId/close', { allow: ['coordinator'] })
  close(
    @UuidParam('discussionId') discussionId: string,
    @Body() body: CloseDiscussionRequestDto,
    @Meta() request: RequestMeta,
  ) {
    return this.commands.send(request, body, onDiscussion(discussionId), () => ({
      type: 'CloseDiscussion' as const,
      data: { discussionId },
    }));
  }
}
