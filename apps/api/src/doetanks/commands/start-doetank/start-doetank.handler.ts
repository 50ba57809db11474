import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { streams } from '@app/contracts';
import { doetankDecider } from '@app/domain';
import { CommandRunner } from '../../../commands/command-runner';
import { actorOf, type CommandResult } from '../../../commands/command-meta';
import { StartDoetankCommand } from './start-doetank.command';

@CommandHandler(StartDoetankCommand)
export class StartDoetankHandler implements ICommandHandler<StartDoetankCommand> {
  constructor(private readonly runner: CommandRunner) {}

  execute({ doetankId, meta }: StartDoetankCommand): Promise<CommandResult> {
    return this.runner.run({
      decider: doetankDecider,
      streamId: streams.doetank(doetankId),
      aggregateId: doetankId,
      meta,
      build: () => ({ type: 'StartDoetank' as const, data: { doetankId }, actor: actorOf(meta) }),
    });
  }
}
