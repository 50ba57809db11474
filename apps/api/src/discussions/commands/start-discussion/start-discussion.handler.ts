import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { streams } from '@app/contracts';
import { discussionDecider } from '@app/domain';
import { CommandRunner } from '../../../commands/command-runner';
import type { CommandResult } from '../../../commands/command-meta';
import { StreamFacts } from '../../../commands/stream-facts';
import { StartDiscussionCommand } from './start-discussion.command';

@CommandHandler(StartDiscussionCommand)
export class StartDiscussionHandler implements ICommandHandler<StartDiscussionCommand> {
  constructor(
    private readonly runner: CommandRunner,
    private readonly facts: StreamFacts,
  ) {}

  execute({ discussionId, input, meta }: StartDiscussionCommand): Promise<CommandResult> {
    const { themeId, doetankId } = input;
    return this.runner.run({
      decider: discussionDecider,
      streamId: streams.discussion(discussionId),
      aggregateId: discussionId,
      meta,
      build: async () => ({
        type: 'StartDiscussion' as const,
        data: {
          discussionId,
          title: input.title,
          link: input.link,
          startedBy: input.startedBy,
          themeId,
          doetankId,
        },
        context: {
          starter: await this.facts.member(input.startedBy),
          themeDefined: themeId !== undefined ? await this.facts.themeDefined(themeId) : undefined,
          doetankExists: doetankId !== undefined ? await this.facts.doetankExists(doetankId) : undefined,
        },
      }),
    });
  }
}
