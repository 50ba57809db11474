import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { streams } from '@app/contracts';
import { discussionDecider } from '@app/domain';
import { CommandRunner } from '../../../commands/command-runner';
import type { CommandResult } from '../../../commands/command-meta';
import { CloseDiscussionCommand } from './close-discussion.command';

@CommandHandler(CloseDiscussionCommand)
export class CloseDiscussionHandler implements ICommandHandler<CloseDiscussionCommand> {
  constructor(private readonly runner: CommandRunner) {}

  execute({ discussionId, meta }: CloseDiscussionCommand): Promise<CommandResult> {
    return this.runner.run({
      decider: discussionDecider,
      streamId: streams.discussion(discussionId),
      aggregateId: discussionId,
      meta,
      build: () => ({ type: 'CloseDiscussion' as const, data: { discussionId } }),
    });
  }
}
