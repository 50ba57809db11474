import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { streams } from '@app/contracts';
import { doetankDecider } from '@app/domain';
import { CommandRunner } from '../../../commands/command-runner';
import type { CommandResult } from '../../../commands/command-meta';
import { StreamFacts } from '../../../commands/stream-facts';
import { JoinDoetankCommand } from './join-doetank.command';

@CommandHandler(JoinDoetankCommand)
export class JoinDoetankHandler implements ICommandHandler<JoinDoetankCommand> {
  constructor(
    private readonly runner: CommandRunner,
    private readonly facts: StreamFacts,
  ) {}

  execute({ doetankId, input, meta }: JoinDoetankCommand): Promise<CommandResult> {
    return this.runner.run({
      decider: doetankDecider,
      streamId: streams.doetank(doetankId),
      aggregateId: doetankId,
      meta,
      build: async () => ({
        type: 'JoinDoetank' as const,
        data: { doetankId, memberId: input.memberId },
        context: { member: await this.facts.member(input.memberId) },
      }),
    });
  }
}
