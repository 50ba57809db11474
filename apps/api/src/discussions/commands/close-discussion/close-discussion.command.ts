import { Command } from '@nestjs/cqrs';
import type { CloseDiscussionRequestDto } from './close-discussion.request.dto';
import type { CommandMeta, CommandResult } from '../../../commands/command-meta';

export class CloseDiscussionCommand extends Command<CommandResult> {
  constructor(
    readonly discussionId: string,
    readonly input: CloseDiscussionRequestDto,
    readonly meta: CommandMeta,
  ) {
    super();
  }
}
