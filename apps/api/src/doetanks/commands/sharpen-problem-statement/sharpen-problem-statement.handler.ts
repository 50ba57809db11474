import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { streams } from '@app/contracts';
import { doetankDecider } from '@app/domain';
import { CommandRunner } from '../../../commands/command-runner';
import type { CommandResult } from '../../../commands/command-meta';
import { StreamFacts } from '../../../commands/stream-facts';
import { SharpenProblemStatementCommand } from './sharpen-problem-statement.command';

@CommandHandler(SharpenProblemStatementCommand)
export class SharpenProblemStatementHandler implements ICommandHandler<SharpenProblemStatementCommand> {
  constructor(
    private readonly runner: CommandRunner,
    private readonly facts: StreamFacts,
  ) {}

  execute({ doetankId, input, meta }: SharpenProblemStatementCommand): Promise<CommandResult> {
    return this.runner.run({
      decider: doetankDecider,
      streamId: streams.doetank(doetankId),
      aggregateId: doetankId,
      meta,
      build: async () => ({
        type: 'SharpenProblemStatement' as const,
        data: { doetankId, problemStatement: input.problemStatement, sharpenedBy: input.sharpenedBy },
        context: { actor: await this.facts.member(input.sharpenedBy) },
      }),
    });
  }
}
