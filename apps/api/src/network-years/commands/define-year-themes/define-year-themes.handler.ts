import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { streams } from '@app/contracts';
import { networkYearDecider } from '@app/domain';
import { CommandRunner } from '../../../commands/command-runner';
import type { CommandResult } from '../../../commands/command-meta';
import { DefineYearThemesCommand } from './define-year-themes.command';

@CommandHandler(DefineYearThemesCommand)
export class DefineYearThemesHandler implements ICommandHandler<DefineYearThemesCommand> {
  constructor(private readonly runner: CommandRunner) {}

  execute({ year, input, meta }: DefineYearThemesCommand): Promise<CommandResult> {
    return this.runner.run({
      decider: networkYearDecider,
      streamId: streams.networkYear(year),
      aggregateId: String(year),
      meta,
      build: () => ({
        type: 'DefineYearThemes' as const,
        data: {
          year,
          themes: input.themes.map(({ themeId, title, description }) => ({ themeId, title, description })),
        },
      }),
    });
  }
}
