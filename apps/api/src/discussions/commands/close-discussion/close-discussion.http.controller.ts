import { Body, Controller, Inject, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { CloseDiscussionRequestDto } from './close-discussion.request.dto';
import { ApiCommand } from '../../../commands/api-command.decorator';
import { CLOCK, type Clock } from '../../../commands/clock';
import { uuidParam } from '../../../commands/params';
import { Meta, toCommandMeta, type RequestMeta } from '../../../commands/request-meta';
import { CloseDiscussionCommand } from './close-discussion.command';
import { Allow } from '../../../auth/access.decorators';

@ApiTags('Discussions')
@Controller('discussions')
export class CloseDiscussionHttpController {
  constructor(
    private readonly commandBus: CommandBus,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Post(':discussionId/close')
  @Allow('coordinator')
  @ApiCommand({ command: 'CloseDiscussion', summary: 'A discussion is closed' })
  close(
    @Param('discussionId', uuidParam('discussionId')) discussionId: string,
    @Body() body: CloseDiscussionRequestDto,
    @Meta() request: RequestMeta,
  ) {
    const meta = toCommandMeta(request, body.occurredAt, this.clock.now());
    return this.commandBus.execute(new CloseDiscussionCommand(discussionId, body, meta));
  }
}
