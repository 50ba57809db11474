import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { streams } from '@app/contracts';
import { networkYearDecider } from '@app/domain';
import { CommandRunner } from '../../../commands/command-runner';
import type { CommandResult } from '../../../commands/command-meta';
import { AddSupporterCommand } from './add-supporter.command';

@CommandHandler(AddSupporterCommand)
export class AddSupporterHandler implements ICommandHandler<AddSupporterCommand> {
  constructor(private readonly runner: CommandRunner) {}

  execute({ year, supporterId, input, meta }: AddSupporterCommand): Promise<CommandResult> {
    return this.runner.run({
      decider: networkYearDecider,
      streamId: streams.networkYear(year),
      aggregateId: String(year),
      meta,
      build: () => ({
        type: 'AddSupporter' as const,
        data: { year, supporterId, name: input.name, affiliation: input.affiliation },
      }),
    });
  }
}
