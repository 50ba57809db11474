import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { streams } from '@app/contracts';
import { memberDecider } from '@app/domain';
import { CommandRunner } from '../../../commands/command-runner';
import type { CommandResult } from '../../../commands/command-meta';
import { ChangeAffiliationCommand } from './change-affiliation.command';

@CommandHandler(ChangeAffiliationCommand)
export class ChangeAffiliationHandler implements ICommandHandler<ChangeAffiliationCommand> {
  constructor(private readonly runner: CommandRunner) {}

  execute({ memberId, input, meta }: ChangeAffiliationCommand): Promise<CommandResult> {
    return this.runner.run({
      decider: memberDecider,
      streamId: streams.member(memberId),
      aggregateId: memberId,
      meta,
      build: () => ({
        type: 'ChangeAffiliation' as const,
        data: { memberId, organisation: input.organisation, sector: input.sector, role: input.role },
      }),
    });
  }
}
