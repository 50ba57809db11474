import { Command } from '@nestjs/cqrs';
import type { StartDiscussionRequestDto } from './start-discussion.request.dto';
import type { CommandMeta, CommandResult } from '../../../commands/command-meta';

export class StartDiscussionCommand extends Command<CommandResult> {
  constructor(
    readonly discussionId: string,
    readonly input: StartDiscussionRequestDto,
    readonly meta: CommandMeta,
  ) {
    super();
  }
}
