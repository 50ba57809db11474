import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { streams } from '@app/contracts';
import { memberDecider } from '@app/domain';
import { CommandRunner } from '../../../commands/command-runner';
import type { CommandResult } from '../../../commands/command-meta';
import { MemberAccess } from '../../../auth/member-access';
import { LeaveNetworkCommand } from './leave-network.command';

@CommandHandler(LeaveNetworkCommand)
export class LeaveNetworkHandler implements ICommandHandler<LeaveNetworkCommand> {
  constructor(
    private readonly runner: CommandRunner,
    private readonly access: MemberAccess,
  ) {}

  async execute({ memberId, input, meta }: LeaveNetworkCommand): Promise<CommandResult> {
    const result = await this.runner.run({
      decider: memberDecider,
      streamId: streams.member(memberId),
      aggregateId: memberId,
      meta,
      build: () => ({ type: 'LeaveNetwork' as const, data: { memberId, reason: input.reason } }),
    });
    // Their tokens no longer read here at once (AUTH.MEMBER_NOT_ACTIVE); elsewhere within the cache's bound.
    this.access.forget(memberId);
    return result;
  }
}
