import { Body, Controller, Inject, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { StartDiscussionRequestDto } from './start-discussion.request.dto';
import { ApiCommand } from '../../../commands/api-command.decorator';
import { CLOCK, type Clock } from '../../../commands/clock';
import { newIdFor } from '../../../commands/deterministic-id';
import { Meta, toCommandMeta, type RequestMeta } from '../../../commands/request-meta';
import { StartDiscussionCommand } from './start-discussion.command';
import { Allow, MemberActsAs } from '../../../auth/access.decorators';

@ApiTags('Discussions')
@Controller('discussions')
export class StartDiscussionHttpController {
  constructor(
    private readonly commandBus: CommandBus,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Post()
  @Allow('coordinator', 'member')
  @MemberActsAs('body', 'startedBy')
  @ApiCommand({
    command: 'StartDiscussion',
    summary: 'A discussion in the online group is recorded',
    description:
      'Only its title and link are kept, not the text. The starter must be an active member; ' +
      'a theme it refers to must be defined and a Doetank it refers to must exist. ' +
      'The discussion id is chosen by the client or made by the server.',
    creates: true,
  })
  start(@Body() body: StartDiscussionRequestDto, @Meta() request: RequestMeta) {
    const discussionId = newIdFor(body.discussionId, request.idempotencyKey, 'discussion');
    const meta = toCommandMeta(request, body.occurredAt, this.clock.now());
    return this.commandBus.execute(new StartDiscussionCommand(discussionId, body, meta));
  }
}
