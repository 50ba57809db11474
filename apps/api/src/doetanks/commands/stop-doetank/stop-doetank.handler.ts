import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { streams } from '@app/contracts';
import { doetankDecider } from '@app/domain';
import { CommandRunner } from '../../../commands/command-runner';
import { actorOf, type CommandResult } from '../../../commands/command-meta';
import { StopDoetankCommand } from './stop-doetank.command';

@CommandHandler(StopDoetankCommand)
export class StopDoetankHandler implements ICommandHandler<StopDoetankCommand> {
  constructor(private readonly runner: CommandRunner) {}

  execute({ doetankId, input, meta }: StopDoetankCommand): Promise<CommandResult> {
    return this.runner.run({
      decider: doetankDecider,
      streamId: streams.doetank(doetankId),
      aggregateId: doetankId,
      meta,
      build: () => ({
        type: 'StopDoetank' as const,
        data: { doetankId, reason: input.reason },
        actor: actorOf(meta),
      }),
    });
  }
}
