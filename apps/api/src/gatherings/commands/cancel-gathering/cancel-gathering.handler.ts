import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { streams } from '@app/contracts';
import { gatheringDecider } from '@app/domain';
import { CommandRunner } from '../../../commands/command-runner';
import type { CommandResult } from '../../../commands/command-meta';
import { CancelGatheringCommand } from './cancel-gathering.command';

@CommandHandler(CancelGatheringCommand)
export class CancelGatheringHandler implements ICommandHandler<CancelGatheringCommand> {
  constructor(private readonly runner: CommandRunner) {}

  execute({ gatheringId, input, meta }: CancelGatheringCommand): Promise<CommandResult> {
    return this.runner.run({
      decider: gatheringDecider,
      streamId: streams.gathering(gatheringId),
      aggregateId: gatheringId,
      meta,
      build: () => ({ type: 'CancelGathering' as const, data: { gatheringId, reason: input.reason } }),
    });
  }
}
