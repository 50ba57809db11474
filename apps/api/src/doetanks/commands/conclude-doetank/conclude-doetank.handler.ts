import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { streams } from '@app/contracts';
import { doetankDecider } from '@app/domain';
import { CommandRunner } from '../../../commands/command-runner';
import { actorOf, type CommandResult } from '../../../commands/command-meta';
import { ConcludeDoetankCommand } from './conclude-doetank.command';

@CommandHandler(ConcludeDoetankCommand)
export class ConcludeDoetankHandler implements ICommandHandler<ConcludeDoetankCommand> {
  constructor(private readonly runner: CommandRunner) {}

  execute({ doetankId, input, meta }: ConcludeDoetankCommand): Promise<CommandResult> {
    return this.runner.run({
      decider: doetankDecider,
      streamId: streams.doetank(doetankId),
      aggregateId: doetankId,
      meta,
      build: () => ({
        type: 'ConcludeDoetank' as const,
        data: { doetankId, conclusion: input.conclusion },
        actor: actorOf(meta),
      }),
    });
  }
}
