import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { streams } from '@app/contracts';
import { gatheringDecider } from '@app/domain';
import { CommandRunner } from '../../../commands/command-runner';
import type { CommandResult } from '../../../commands/command-meta';
import { CancelRegistrationCommand } from './cancel-registration.command';

@CommandHandler(CancelRegistrationCommand)
export class CancelRegistrationHandler implements ICommandHandler<CancelRegistrationCommand> {
  constructor(private readonly runner: CommandRunner) {}

  execute({ gatheringId, memberId, input, meta }: CancelRegistrationCommand): Promise<CommandResult> {
    return this.runner.run({
      decider: gatheringDecider,
      streamId: streams.gathering(gatheringId),
      aggregateId: gatheringId,
      meta,
      build: () => ({
        type: 'CancelRegistration' as const,
        data: { gatheringId, memberId, ...(input.reason !== undefined && { reason: input.reason }) },
      }),
    });
  }
}
