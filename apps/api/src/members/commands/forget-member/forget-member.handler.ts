import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { streams } from '@app/contracts';
import { memberDecider } from '@app/domain';
import { CommandRunner } from '../../../commands/command-runner';
import type { CommandResult } from '../../../commands/command-meta';
import { ForgetMemberCommand } from './forget-member.command';

@CommandHandler(ForgetMemberCommand)
export class ForgetMemberHandler implements ICommandHandler<ForgetMemberCommand> {
  constructor(private readonly runner: CommandRunner) {}

  execute({ memberId, input, meta }: ForgetMemberCommand): Promise<CommandResult> {
    return this.runner.run({
      decider: memberDecider,
      streamId: streams.member(memberId),
      aggregateId: memberId,
      meta,
      build: () => ({ type: 'ForgetMember' as const, data: { memberId, reason: input.reason } }),
    });
  }
}
