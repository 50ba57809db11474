import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { streams } from '@app/contracts';
import { doetankDecider } from '@app/domain';
import { CommandRunner } from '../../../commands/command-runner';
import type { CommandResult } from '../../../commands/command-meta';
import { StreamFacts } from '../../../commands/stream-facts';
import { ShareResultCommand } from './share-result.command';

@CommandHandler(ShareResultCommand)
export class ShareResultHandler implements ICommandHandler<ShareResultCommand> {
  constructor(
    private readonly runner: CommandRunner,
    private readonly facts: StreamFacts,
  ) {}

  execute({ doetankId, resultId, input, meta }: ShareResultCommand): Promise<CommandResult> {
    return this.runner.run({
      decider: doetankDecider,
      streamId: streams.doetank(doetankId),
      aggregateId: doetankId,
      meta,
      build: async () => ({
        type: 'ShareResult' as const,
        data: {
          doetankId,
          resultId,
          kind: input.kind,
          title: input.title,
          link: input.link,
          sharedBy: input.sharedBy,
        },
        context: { actor: await this.facts.member(input.sharedBy) },
      }),
    });
  }
}
