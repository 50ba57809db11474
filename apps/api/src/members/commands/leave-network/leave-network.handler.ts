import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { streams } from '@app/contracts';
import { memberDecider } from '@app/domain';
import { CommandRunner } from '../../../commands/command-runner';
import type { CommandResult } from '../../../commands/command-meta';
import { LeaveNetworkCommand } from './leave-network.command';

@CommandHandler(LeaveNetworkCommand)
export class LeaveNetworkHandler implements ICommandHandler<LeaveNetworkCommand> {
  constructor(private readonly runner: CommandRunner) {}

  execute({ memberId, input, meta }: LeaveNetworkCommand): Promise<CommandResult> {
    return this.runner.run({
      decider: memberDecider,
      streamId: streams.member(memberId),
      aggregateId: memberId,
      meta,
      build: () => ({ type: 'LeaveNetwork' as const, data: { memberId, reason: input.reason } }),
    });
  }
}
