import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { streams } from '@app/contracts';
import { doetankDecider } from '@app/domain';
import { CommandRunner } from '../../../commands/command-runner';
import type { CommandResult } from '../../../commands/command-meta';
import { LeaveDoetankCommand } from './leave-doetank.command';

@CommandHandler(LeaveDoetankCommand)
export class LeaveDoetankHandler implements ICommandHandler<LeaveDoetankCommand> {
  constructor(private readonly runner: CommandRunner) {}

  execute({ doetankId, memberId, input, meta }: LeaveDoetankCommand): Promise<CommandResult> {
    return this.runner.run({
      decider: doetankDecider,
      streamId: streams.doetank(doetankId),
      aggregateId: doetankId,
      meta,
      build: () => ({
        type: 'LeaveDoetank' as const,
        data: { doetankId, memberId, ...(input.reason !== undefined && { reason: input.reason }) },
      }),
    });
  }
}
