import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { streams } from '@app/contracts';
import { gatheringDecider } from '@app/domain';
import { CommandRunner } from '../../../commands/command-runner';
import type { CommandResult } from '../../../commands/command-meta';
import { StreamFacts } from '../../../commands/stream-facts';
import { RegisterForGatheringCommand } from './register-for-gathering.command';

@CommandHandler(RegisterForGatheringCommand)
export class RegisterForGatheringHandler implements ICommandHandler<RegisterForGatheringCommand> {
  constructor(
    private readonly runner: CommandRunner,
    private readonly facts: StreamFacts,
  ) {}

  execute({ gatheringId, input, meta }: RegisterForGatheringCommand): Promise<CommandResult> {
    return this.runner.run({
      decider: gatheringDecider,
      streamId: streams.gathering(gatheringId),
      aggregateId: gatheringId,
      meta,
      build: async () => ({
        type: 'RegisterForGathering' as const,
        data: { gatheringId, memberId: input.memberId },
        context: { member: await this.facts.member(input.memberId) },
      }),
    });
  }
}
