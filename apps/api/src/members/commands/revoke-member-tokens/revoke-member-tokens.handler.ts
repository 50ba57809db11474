import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { streams } from '@app/contracts';
import { memberDecider } from '@app/domain';
import { CommandRunner } from '../../../commands/command-runner';
import { CLOCK, type Clock } from '../../../commands/clock';
import type { CommandResult } from '../../../commands/command-meta';
import { MemberAccess } from '../../../auth/member-access';
import { RevokeMemberTokensCommand } from './revoke-member-tokens.command';

@CommandHandler(RevokeMemberTokensCommand)
export class RevokeMemberTokensHandler implements ICommandHandler<RevokeMemberTokensCommand> {
  constructor(
    private readonly runner: CommandRunner,
    private readonly access: MemberAccess,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ memberId, input, meta }: RevokeMemberTokensCommand): Promise<CommandResult> {
    const result = await this.runner.run({
      decider: memberDecider,
      streamId: streams.member(memberId),
      aggregateId: memberId,
      meta,
      // The api's clock, not the business time: tokens say when they were issued in real time.
      build: () => ({
        type: 'RevokeMemberTokens' as const,
        data: { memberId, revokedAt: this.clock.now().toISOString(), reason: input.reason },
      }),
    });
    // In force here at once; other api processes read it within AUTH_MEMBERSHIP_CACHE_SECONDS.
    this.access.forget(memberId);
    return result;
  }
}
