import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { streams } from '@app/contracts';
import { networkYearDecider } from '@app/domain';
import { CommandRunner } from '../../../commands/command-runner';
import type { CommandResult } from '../../../commands/command-meta';
import { AppointStrategicPartnerCommand } from './appoint-strategic-partner.command';

@CommandHandler(AppointStrategicPartnerCommand)
export class AppointStrategicPartnerHandler implements ICommandHandler<AppointStrategicPartnerCommand> {
  constructor(private readonly runner: CommandRunner) {}

  execute({ year, input, meta }: AppointStrategicPartnerCommand): Promise<CommandResult> {
    return this.runner.run({
      decider: networkYearDecider,
      streamId: streams.networkYear(year),
      aggregateId: String(year),
      meta,
      build: () => ({
        type: 'AppointStrategicPartner' as const,
        data: { year, organisation: input.organisation, description: input.description },
      }),
    });
  }
}
